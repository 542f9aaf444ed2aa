# Adapta ya Telegram: maelezo ya menyu ya amri (setMyCommands) na sentensi za adapta yenyewe.

tg-cmd-report = Kuripoti tatizo la oda
tg-cmd-cases = Kesi zangu
tg-cmd-case = Kuona kesi: /case <namba>
tg-cmd-escalate = Kupeleka kesi yangu kwa support
tg-cmd-close = Kufunga kesi yangu (tatizo limekwisha)
tg-cmd-refund = Kumrudishia mnunuzi pesa: /refund <namba> [kiasi]
tg-cmd-tracking = Kuongeza ufuatiliaji: /tracking <namba> <msafirishaji> <namba ya ufuatiliaji>
tg-cmd-link = Kuunganisha akaunti hii ya Telegram: /link <code>
tg-cmd-start = Kuanza
tg-cmd-lang = Kubadilisha lugha: /lang fr, en, ln au sw
tg-cmd-help = Msaada
tg-cmd-cancel = Kuacha unachofanya sasa

tg-cmd-staff-cases = Orodha: /cases escalated, overdue au waiting
tg-cmd-staff-escalate = Kupeleka kwa support: /escalate <namba> <sababu>
tg-cmd-staff-refund = Kurudisha pesa: /refund <namba> [kiasi] [recover]
tg-cmd-staff-decide = Kufunga upande wa muuzaji: /decide <namba> seller
tg-cmd-staff-reopen = Kufungua kesi tena: /reopen <namba>
tg-cmd-staff-ask = Kuomba habari: /ask <namba> buyer|seller <maandishi>
tg-cmd-staff-note = Kumbukumbu ya ndani: /note <namba> <maandishi>
tg-cmd-staff-suspend = Kusimamisha duka: /suspend <duka> <sababu>
tg-cmd-staff-reinstate = Kurudisha duka: /reinstate <duka>

tg-file-too-large = Faili hii ni kubwa mno: { $max } Mo zaidi. Tuma picha nyepesi au PDF ndogo.
tg-file-unsupported = Ninaweza kuhifadhi picha tu (JPEG, PNG, WebP, GIF), PDF na faili za maandishi kama ushahidi.
tg-error-generic = Samahani, tatizo limetokea upande wetu. Jaribu tena baada ya muda mfupi.
tg-group-write-privately = Maagizo na malalamiko yako ni yako peke yako: niandikie faraghani, hapa: { $link }
