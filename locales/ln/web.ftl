# Lokasa ya terrain de jeu (adapters/web). Ba phrase ya moteur ezali na ba fichier ya moteur.
# Ba placeholder lokola { $case } etondisamaka na script ya lokasa.

web-title = Palabre — esika ya komeka
web-subtitle = Ba compte misato ya démonstration, moteur ya solo ya ba litige : koma lokola mosombi, yanola lokola moteki, kata likambo lokola support.
web-lang-switch-title = Monoko ya lokasa

web-pane-buyer = Mosombi
web-pane-seller = Moteki
web-pane-support = Support
web-pick-label = Compte ya démonstration
web-pick-placeholder = Pona compte…
web-pick-change = Kobongola compte
web-pane-empty = Pona compte ya démonstration mpo na kobanda.
web-hint-buyer = Meka : « commande na ngai ekomi te »
web-hint-seller = Ba dossier oyo efungwami mpo na butiki na yo ekoya awa. Yanola na dossier na « Koyanola ».
web-hint-support = Esika ya support : meka /cases escalated to /help.

web-input-placeholder = Koma message…
web-input-label = Message
web-send = Tinda
web-attach = Bakisa foto
web-attach-caption = Foto ebakisami
web-reply = Koyanola
web-reply-to = Eyano na dossier { $case }
web-reply-cancel = Kotika eyano
web-you = Yo
web-bot = Palabre
web-updated = ebongisami
web-open-file = Fungola fichier
web-sending = Ezali kotinda…
web-connection-lost = Connexion ekatani, tozali kozongisa yango…
web-new-messages = ba message ya sika

web-panel-title = Ba dossier
web-panel-empty = Dossier ata moko te sikoyo.
web-panel-refused = Dossier moko te emonisami : esika ya komeka ekangami na marketplace ya solo.
web-status-open = efungwami
web-status-escalated = etindami na support
web-status-closed = esili
web-reason-non-delivery = ekomi te
web-reason-not-as-described = ekokani te
web-deadline-escalation = Kotinda na support ekoki na { $time }
web-deadline-escalation-now = Kotinda na support ekoki sikoyo
web-deadline-late = Livraison ya retard na { $time }
web-deadline-late-now = Livraison ya retard ekoki
web-countdown-days = { $days } mok { $clock }

web-clock-title = Ngonga ya démo
web-clock-scaled = Ba ntango ya politique ekabolami na { $scale } mpo na démo.
web-clock-real = Ba ntango ya solo ya politique (ekendeki mbangu te).
web-clock-escalation = Kotinda na support ekoki nsima ya { $duration }
web-clock-reminders = Kokundola moteki nsima ya { $durations }
web-clock-late = Litige oyo ezali kaka efungwami nsima ya { $duration } elakisami lokola livraison ya retard : kaka kozongisa mbongo nyonso nde ekoki kosukisa yango

web-error-real-marketplace = Esika ya komeka epesaka kaka ba compte ya démonstration : ekangami soki Palabre ekangami na marketplace ya solo.
web-error-pane-gone = Panneau oyo eleki ntango : pona lisusu compte.
web-error-file-gone = Fichier ezwami te, to ezali mpo na panneau mosusu.
web-error-bad-request = Bosenga eboyami : ekomami mabe.
web-error-text-too-long = Message eleki molai : ba lettre { $length }, kasi { $max } nde ndelo. Eloko etindami te : kitisa yango to tinda yango na mbala mingi.
web-error-upload-too-large = Fichier eleki kilo : { $max } mpo na koleka te.
web-error-upload-type = Kaka ba foto (JPEG, PNG, WebP, GIF) mpe ba PDF nde endimami.
web-error-internal = Likambo moko esalemi mabe. Meka lisusu mwa moke.
web-error-network = Serveur ezali koyanola te. Tala soki ezali kaka kotambola.
web-input-count = { $count } / { $max }
web-error-storage = Fichier ekoki kobombama sikoyo te. Eloko ebakisami te : meka lisusu na miniti mwa moke.
web-error-file-expired = Elembeteli oyo esili ntango : fichier oyo ebombami lisusu te (elongolamaki ntango ya kobomba nsima ya kokanga dossier esilaki, to ekangisamaki na dossier te).
