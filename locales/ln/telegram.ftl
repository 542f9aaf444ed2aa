# Adaptateur Telegram : maloba ya menu ya ba commande (setMyCommands) mpe ba phrase ya adaptateur yango moko.

tg-cmd-report = Koyebisa likambo na commande
tg-cmd-cases = Ba litige na ngai
tg-cmd-case = Kotala litige : /case <numéro>
tg-cmd-escalate = Kotinda litige na ngai na support
tg-cmd-close = Kosukisa litige na ngai (likambo esili)
tg-cmd-refund = Kozongisela mosombi mbongo : /refund <numéro> [motuya]
tg-cmd-tracking = Kobakisa suivi : /tracking <numéro> <transporteur> <numéro ya suivi>
tg-cmd-link = Kokangisa compte Telegram oyo : /link <code>
tg-cmd-start = Kobanda
tg-cmd-lang = Kobongola monoko : /lang fr, en, ln to sw
tg-cmd-help = Lisalisi
tg-cmd-cancel = Kotika oyo ozali kosala

tg-cmd-staff-cases = Liste : /cases escalated, overdue to waiting
tg-cmd-staff-escalate = Kotinda na support : /escalate <numéro> <ntina>
tg-cmd-staff-refund = Kozongisa mbongo : /refund <numéro> [motuya] [recover]
tg-cmd-staff-decide = Kosukisa na ngambo ya moteki : /decide <numéro> seller
tg-cmd-staff-reopen = Kofungola lisusu litige : /reopen <numéro>
tg-cmd-staff-ask = Kosenga sango : /ask <numéro> buyer|seller <makomi>
tg-cmd-staff-note = Note ya kati : /note <numéro> <makomi>
tg-cmd-staff-suspend = Kotelemisa butiki : /suspend <butiki> <ntina>
tg-cmd-staff-reinstate = Kozongisa butiki : /reinstate <butiki>

tg-file-too-large = Fichier oyo eleki monene : { $max } Mo mpo na koleka te. Tinda foto ya moke to PDF ya moke.
tg-file-unsupported = Nakoki kobomba kaka ba foto (JPEG, PNG, WebP, GIF), ba PDF mpe ba fichier ya makomi lokola bilembeteli.
tg-error-generic = Bolimbisi, likambo moko esalemi na ngambo na biso. Meka lisusu mwa moke.
tg-group-write-privately = Ba komande mpe ba likambo na yo ezali kaka ya yo : komela ngai na sekele, awa : { $link }
