# Ukurasa wa uwanja wa majaribio (adapters/web). Sentensi za injini ziko kwenye faili za injini.
# Vishika-nafasi kama { $case } hujazwa na script ya ukurasa.

web-title = Palabre — uwanja wa majaribio
web-subtitle = Akaunti tatu za maonyesho, injini halisi ya kesi: andika kama mnunuzi, jibu kama muuzaji, amua kama support.
web-lang-switch-title = Lugha ya ukurasa

web-pane-buyer = Mnunuzi
web-pane-seller = Muuzaji
web-pane-support = Support
web-pick-label = Akaunti ya maonyesho
web-pick-placeholder = Chagua akaunti…
web-pick-change = Badilisha akaunti
web-pane-empty = Chagua akaunti ya maonyesho ili kuanza.
web-hint-buyer = Jaribu: « oda yangu haijafika »
web-hint-seller = Kesi zilizofunguliwa dhidi ya duka lako zinakuja hapa. Jibu kwenye kesi kwa « Jibu ».
web-hint-support = Sehemu ya support: jaribu /cases escalated au /help.

web-input-placeholder = Andika ujumbe…
web-input-label = Ujumbe
web-send = Tuma
web-attach = Ambatisha picha
web-attach-caption = Picha imeambatishwa
web-reply = Jibu
web-reply-to = Jibu kwenye kesi { $case }
web-reply-cancel = Acha kujibu
web-you = Wewe
web-bot = Palabre
web-updated = imesasishwa
web-open-file = Fungua faili
web-sending = Inatuma…
web-connection-lost = Muunganisho umekatika, tunaunganisha tena…
web-new-messages = ujumbe mpya

web-panel-title = Kesi
web-panel-empty = Hakuna kesi kwa sasa.
web-panel-refused = Hakuna kesi inayoonyeshwa: uwanja wa majaribio umeunganishwa na soko halisi.
web-status-open = iko wazi
web-status-escalated = imepelekwa kwa support
web-status-closed = imefungwa
web-reason-non-delivery = haijafika
web-reason-not-as-described = haifanani
web-deadline-escalation = Kupeleka kwa support kunawezekana baada ya { $time }
web-deadline-escalation-now = Kupeleka kwa support kunawezekana sasa
web-deadline-late = Kuchelewa kufika baada ya { $time }
web-deadline-late-now = Kuchelewa kufika kumefikiwa
web-countdown-days = siku { $days } { $clock }

web-clock-title = Saa ya maonyesho
web-clock-scaled = Muda wa sera umegawanywa kwa { $scale } kwa ajili ya maonyesho.
web-clock-real = Muda halisi wa sera (bila kuharakishwa).
web-clock-escalation = Kupeleka kwa support baada ya { $duration }
web-clock-reminders = Vikumbusho kwa muuzaji baada ya { $durations }
web-clock-late = Kesi iliyo bado wazi baada ya { $duration } inaonyeshwa kama ya kuchelewa kufika: ni kurudisha pesa zote tu kunakoweza kuifunga

web-error-real-marketplace = Uwanja wa majaribio unatoa akaunti za maonyesho tu: umefungwa Palabre ikiunganishwa na soko halisi.
web-error-pane-gone = Paneli hii imeisha muda: chagua akaunti tena.
web-error-file-gone = Faili haipatikani, au ni ya paneli nyingine.
web-error-bad-request = Ombi limekataliwa: limeandikwa vibaya.
web-error-text-too-long = Ujumbe ni mrefu mno: herufi { $length }, kwa kikomo cha { $max }. Hakuna kilichotumwa: ufupishe au utume kwa sehemu.
web-error-upload-too-large = Faili ni nzito mno: { $max } zaidi.
web-error-upload-type = Picha tu (JPEG, PNG, WebP, GIF) na PDF ndizo zinazokubaliwa.
web-error-internal = Hitilafu imetokea. Jaribu tena baada ya muda mfupi.
web-error-network = Seva haijibu. Hakikisha bado inaendelea.
web-input-count = { $count } / { $max }
web-error-storage = Faili haikuweza kuhifadhiwa kwa sasa. Hakuna kilichoongezwa: jaribu tena baada ya dakika chache.
web-error-file-expired = Faili hii imeisha muda: haihifadhiwi tena (ilifutwa muda wa kuhifadhi baada ya kesi kufungwa ulipopita, au haikuwahi kuambatishwa kwenye kesi).
