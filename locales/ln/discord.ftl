# Adaptateur Discord (adapters/discord) : koboya, ba message ya fil, ba formulaire mpe lisalisi ya ba commande.
# Discord ezali na monoko ya Lingala te : ba kombo mpe ba description ya ba commande na Discord
# emonanaka na français ; ba phrase oyo etindamaka na ba utilisateur ezali na Lingala.

dc-error = Likambo moko esalemi na ngambo na biso. Meka lisusu mwa moke.
dc-not-saved = Message na yo ekoki kobombama sikoyo te : etindami te mpe ebakisami na dossier moko te. Tinda yango lisusu nsima ya miniti mwa moke.
dc-action-not-saved = Bosenga na yo ekoki kobombama sikoyo te : eloko moko te esalemi. Meka lisusu nsima ya miniti mwa moke.
dc-action-invalid = Bouton oyo ebongi lisusu te. Koma /cases mpo na komona ba litige na yo.
dc-command-unknown = Commande oyo ezali lisusu te. Koma / mpo na komona ba commande ya sikoyo.
dc-support-only = Commande oyo ezali kaka mpo na ekipe ya support.
dc-thread-not-party = Kaka mosombi, moteki mpe support nde bakoki kokoma na fil ya litige oyo. Message na yo ebakisami na litige te.
dc-staff-thread-only-support = Kaka support nde ekoki kokoma na fil oyo.
dc-file-too-large = Fichier oyo eleki monene : { $maxMb } Mo mpo na koleka te.
dc-file-unsupported = Palabre ebombaka kaka ba foto (JPEG, PNG, WebP, GIF), ba mokanda PDF mpe ba fichier ya makomi.
dc-file-failed = Fichier ezwami na Discord te. Tinda yango lisusu.
dc-thread-intro = Fil ya litige { $caseId } (commande { $orderId }), mpo na mosombi mpe moteki. Koma awa : message nyonso ebakisamaka na litige mpe ekomaka epai ya moto mosusu.
dc-staff-thread-intro = Litige { $caseId } (commande { $orderId }) mpo na support. Ba message oyo ekomami awa ezali ba note ya kati.
dc-write-privately = Ba komande mpe ba likambo na yo ezali kaka ya yo : komela ngai na sekele (message privé), nakozongisela yo kuna.
dc-done = Esili.
dc-select-placeholder = Pona…
dc-late-answer = Discord ekoki kolakisa yo ete likambo moko elongi te, kasi bosenga na yo ekomi malamu epai na ngai. Eyano na ngai oyo :
dc-late-form = Discord ekokaki kofungola formulaire na ntango te. Finá bouton oyo ezali na nse mpo na kofungola yango.

dc-form-open = { $kind ->
    [description] Kolimbola likambo
    [amount] Kokoma motuya
    [tracking] Kokoma suivi
   *[text] Kokoma eyano
  }
dc-form-title = { $kind ->
    [description] Kolimbola likambo
    [amount] Motuya
    [tracking] Suivi ya colis
   *[text] Eyano na yo
  }
dc-form-field-text = Message na yo
dc-form-field-description = Nini esalemaki ?
dc-form-field-amount = Motuya (ndakisa 25000)
dc-form-field-carrier = Transporteur (ndakisa dhl)
dc-form-field-number = Numéro ya suivi

dc-autocomplete-case = { $caseId } · { $orderId } · { $status ->
    [open] efungwami
    [escalated] etindami na support
   *[closed] esili
  }

## Ba commande : ba description (100 ba lettre mpo na koleka te)

dc-cmd-start = Kobanda, to kokangisa compte na yo na code
dc-cmd-link = Kokangisa compte Discord oyo na compte na yo ya Congocrea
dc-cmd-help = Ndenge Palabre esalaka
dc-cmd-lang = Kobongola monoko
dc-cmd-cancel = Kotika eteni oyo ozali
dc-cmd-report = Koyebisa likambo na commande
dc-cmd-cases = Ba litige na ngai (support : etindami, retard, ezali kozela)
dc-cmd-case = Litige moko : ezalela, ba ntango, makambo ya kosala
dc-cmd-escalate = Kotinda litige na support
dc-cmd-close = Kosukisa litige (osepeli)
dc-cmd-refund = Kozongisela mosombi mbongo, nyonso to eteni
dc-cmd-tracking = Kobakisa suivi ya colis na litige
dc-cmd-decide = Support : kosukisa litige na ngambo ya moteki
dc-cmd-reopen = Support : kofungola lisusu litige oyo esilaki
dc-cmd-ask = Support : kosenga sango epai ya moto moko
dc-cmd-note = Support : kobakisa note ya kati
dc-cmd-suspend = Support : kotelemisa butiki
dc-cmd-reinstate = Support : kozongisa butiki

## Ba option : ba description

dc-opt-token = Code oyo site ya Congocrea epesi
dc-opt-language = Monoko
dc-opt-view = Ba litige nini (support)
dc-opt-case = Numéro ya litige, ndakisa C-000123
dc-opt-ground = Ntina ya kotinda liboso ya ntango (support)
dc-opt-amount = Motuya ya eteni ya mbongo ya kozongisa
dc-opt-recover = Kozwa mbongo epai ya moteki (support)
dc-opt-carrier = Transporteur, ndakisa dhl
dc-opt-number = Numéro ya suivi
dc-opt-party = Moto oyo atunami
dc-opt-text = Makomi
dc-opt-note = Note (soki olingi)
dc-opt-shop = Identifiant ya butiki
dc-opt-reason = Ntina

## Ba option : ba kombo (mikemike, esika mpamba te)

dc-optname-token = code
dc-optname-language = monoko
dc-optname-view = liste
dc-optname-case = litige
dc-optname-ground = ntina
dc-optname-amount = motuya
dc-optname-recover = kozwa
dc-optname-carrier = transporteur
dc-optname-number = numero
dc-optname-party = moto
dc-optname-text = makomi
dc-optname-note = note
dc-optname-shop = butiki
dc-optname-reason = ntina-ya-likambo

## Ba pona ya ba option

dc-choice-fr = Français
dc-choice-en = English
dc-choice-escalated = Etindami na support
dc-choice-overdue = Na retard
dc-choice-waiting = Ezali kozela support
dc-choice-inactivity = Moteki azali koyanola te
dc-choice-harassment = Kotungisa
dc-choice-refusal = Koboya kosala mosala
dc-choice-manipulation = Kobebisa litige na mayele
dc-choice-integrity = Kobebisa ebongiseli ya ba litige
dc-choice-buyer = Mosombi
dc-choice-seller = Moteki
