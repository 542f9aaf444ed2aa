# Moteur ya conversation (src/app/engine) : biyano na kati ya conversation, ba fiche ya litige mpe ba bouton.
# Ba date, ba motuya mpe ba ntango eyaka esi ekomami na monoko mpe ngonga ya motangi.

## Mbote, kokangisa, lisalisi

engine-welcome = Mbote ! Nazali Palabre, mosalisi ya ba litige ya Congocrea. Nakosalisa yo kobongisa likambo ya commande elongo na moteki mpe, soki esengeli, kofungola litige.
engine-welcome-back = Mbote { $name } !
engine-link-how = Mpo na kobanda, kangisa messagerie oyo na compte na yo ya Congocrea : na site, fungola « Mon compte › Messageries » mpe landa lien ya Palabre, to tinda awa { $platform ->
    [discord] « /link token:<code> »
    [teams] « link <code> »
   *[other] « /link <code> »
  } elongo na code oyo emonisami.
engine-link-usage = Tinda /link elongo na code oyo emonisami na site ya Congocrea (« Mon compte › Messageries »).
engine-link-account-gone = Messagerie oyo ekangamaki na compte ya Congocrea oyo nazali lisusu komona te (ekangami to ebongolami) : kangisa yango na compte na yo ya sikawa.
engine-linked = Esili, { $name } : messagerie oyo ekangami na compte na yo ya Congocrea.
engine-linked-in-group = Esili : messagerie oyo ekangami na compte na yo ya Congocrea. Mpo na oyo ekolanda, komela ngai na sekele : eloko moko ya yo moko te emonisami awa.
engine-linked-early-words = Okomelaki ngai : « { $text } ». Tókoba kobanda wana :
engine-link-already = { $name }, code ya kokangisa oyo esi esalelami : messagerie oyo etikali ekangami na compte na yo ya Congocrea.
engine-demo-pick = Mode ya démonstration : pona compte oyo okomeka na yango Palabre.
engine-demo-account = { $name } ({ common-role })

engine-help-unlinked = Ba commande : /start mpo na kobanda, /link <code> mpo na kokangisa compte na yo, /lang fr|en|ln|sw mpo na kobongola monoko, /help mpo na lisalisi oyo.
engine-help-intro = Tala oyo nakoki kosala mpo na yo :
engine-help-buyer = • Mosombi : limbola kaka likambo na yo (« commande na ngai ekomi te ») to koma /report. /cases elakisi ba litige na yo, /case <n°> elakisi moko, /escalate mpe /close esalaka na litige.
engine-help-seller = • Moteki : bouton « Kozongisela mosombi » ya fiche ya litige etindelaka ye message na yo ; message ya mosombi mpo na commande eyaka na bouton « Koyanola mosombi ». Ba bouton ya fiche (kozongisa mbongo, suivi, elembeteli ya kotinda, kosenga support), to /refund <n°> [motuya] mpe /tracking <n°> <transporteur> <numéro>. /cases elakisi ba litige na yo.
engine-help-support = • Support : /cases escalated|overdue|waiting|mine, /case <n°>, /take <n°>, /release <n°>, /escalate <n°> <ntina>, /refund <n°> [motuya] [recover], /decide <n°> seller, /reopen <n°>, /ask <n°> buyer|seller <makomi>, /note <n°> <makomi>, /suspend <butiki> <ntina>, /reinstate <butiki>. Ba ntina : inactivity, harassment, refusal, manipulation, integrity.
engine-help-support-elsewhere = • Support : ba commande na yo esalaka { $staffChannel ->
    [yes] na canal ya support.
   *[no] na compte na yo ya support.
  }
engine-help-common = /lang fr|en|ln|sw ebongolaka monoko, /cancel etikaka oyo ozali kosala.

engine-lang-set = Eyokani : nakoyanola yo sikoyo na lingala.
engine-lang-usage = Minoko oyo ezali : { $langs }. Ndakisa : /lang ln
engine-cancelled = Etikami. Komela ngai ntango olingi.
engine-nothing-to-cancel = Eloko moko te ezali kotambola mpo na kotika.
engine-flow-reset = Bolimbisi, nakokaki te kozongela masolo na biso esika tokomaki. Tobanda lisusu : limbolela ngai likambo na yo, to koma /help.
engine-unknown-command = Nayebi commande /{ $command } te. Koma /help mpo na liste.
engine-unknown-command-meant = Nayebi commande /{ $command } te. Olingaki koloba /{ $meant } ? Koma /help mpo na liste.
engine-usage = Ndenge ya kosalela : { $command ->
    [case] /case <n° ya litige>
    [refund] /refund <n° ya litige> [motuya] [recover]
    [tracking] /tracking <n° ya litige> <transporteur> <numéro>
    [cases] /cases, to /cases escalated|overdue|waiting|mine
    [escalate] /escalate <n° ya litige> <ntina> (inactivity, harassment, refusal, manipulation, integrity)
    [decide] /decide <n° ya litige> seller [ndimbola]
    [reopen] /reopen <n° ya litige> [ndimbola]
    [ask] /ask <n° ya litige> buyer|seller <motuna>
    [note] /note <n° ya litige> <makomi>
    [suspend] /suspend <butiki> <ntina>
    [reinstate] /reinstate <butiki>
   *[other] /help
  }
engine-fallback = { $role ->
    [seller] Mpo na koyanola mosombi, fungola litige na /cases mpe salela bouton « Kozongisela mosombi ».
    [support] { $staffChannel ->
        [yes] Ba commande ya support esalaka na canal ya support ; /help elakisi yango.
       *[no] /help elakisi ba commande ya support.
      }
   *[other] Nasosoli malamu te. Limbola likambo ya commande na yo (ndakisa « colis na ngai ekomi te »), to koma /report. /help epesaka ba commande nyonso.
  }
engine-threat-told-support = Maloba oyo ezali lokola kobangisa: support ya Congocrea eyebisami (kesi { $caseId }). Tikala na limemya; kobangisa ekoki komema na kokanga compte to magazini.
engine-keep-in-messages = { $role ->
    [seller] Tobatela masolo na mosombi awa, na Palabre, na esika ya e-mail to téléphone : yango nde epesaka support nzela ya kobatela yo soki litige ebimi.
   *[other] Tobatela masolo na moteki awa, na Palabre, na esika ya e-mail to téléphone : yango nde epesaka support nzela ya kosalisa yo soki litige ebimi.
  }
engine-file-no-case = Nazwi fichier, kasi nayebi te na litige nini nakangisa yango. Salela bouton « Kobakisa foto » ya fiche ya litige (/cases), sima tinda yango.
engine-file-which-case = { $files ->
    [one] Nabombi foto na yo.
   *[other] Nabombi ba fichier { $files } na yo.
} Ozali na ba litige { $count } oyo ezali kokende : na litige nini nakangisa { $files ->
    [one] yango
   *[other] yango nyonso
} ?

## Koyebisa likambo (mosombi)

engine-report-intro = Bolimbisi mpo na likambo oyo. Totala yango elongo.
engine-report-order-unknown = Namoni commande { $by ->
    [date] oyo osalaki na { $date }
   *[other] { $orderId }
  } na kombo na yo te.
engine-report-no-orders = Namoni commande ata moko te na compte na yo. Soki ezali libunga, benga support ya Congocrea.
engine-report-buyers-only = Kolakisa likambo ya commande ezali kaka mpo na basombi: compte oyo esombá commande ata moko te. Koma /help mpo na koyeba oyo okoki kosala.
engine-report-which-order = Commande nini etali likambo oyo ?
engine-order-choice = { $orderId } · { $title } ({ $date })
engine-report-reason-proposed = Soki nasosoli malamu, mpo na commande { $orderId } : { common-reason }. Ezali bongo ?
engine-report-reason-pick = Likambo nini ezali na commande { $orderId } ?
engine-reason-choice = { common-reason }
engine-report-case-exists = Litige moko esi efungwami mpo na commande { $orderId } : { $caseId }. Okoki kokoma kuna mbala moko.
engine-report-not-yet = Ntango ekoki naino te mpo na kofungola litige na commande { $orderId } : livraison ekanami { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(ekanami na ntango ya kobongisa mpe ya kotinda)
   *[estimate] { "" }
  }. Okoki kofungola litige kobanda { $from }.
engine-report-window-closed = Ntango ya kofungola litige mpo na commande { $orderId } eleki : mokolo ya suka ezalaki { $lastDay }.
engine-report-offer-message = Okoki kaka kokomela moteki : nakotindela ye message na yo.
engine-report-eligible = Okoki kofungola litige ({ common-reason }) mpo na commande { $orderId } kino { $lastDay } (ezali kati).
engine-report-suggest-seller = Nalendisi yo okomela liboso moteki : makambo mingi ebongaka bongo, mpe noki. Kasi yo nde okokata.
engine-report-ask-description = Limbola likambo ya commande { $orderId } na ba phrase mwa moke : nini osombaki, nini ozwaki (to ozwaki te), mpe nini ozali kozela epai ya moteki.
engine-report-photo-added = { $count ->
    [one] Fichier 1 ebakisami.
   *[other] Ba fichier { $count } ebakisami.
  }
engine-report-opened = Litige { $caseId } efungwami mpo na commande { $orderId }. Moteki ayebisami mpe akoki koyanola yo awa.
engine-report-next = Moteki azali na { $duration } mpo na kobongisa likambo elongo na yo. Soki eloko ebongi te kino wana, okoki kotinda litige na support kobanda { $escalatableAt } (bouton « Kotinda na support » to /escalate).
engine-report-not-a-case = Litige ekoki kofungwama kaka mpo na commande oyo ekomi te to eloko oyo ekokani te na annonce. Mpo na likambo ya lolenge oyo ({ common-reason }), moteki nde akoki kosalisa yo : nakotindela ye message na yo.
engine-shop-policy = Mibeko ya { $shopName } : kozongisa mbongo { $refunds ->
    [yes] endimami
   *[no] ezali te
  }, kozongisa biloko { $returns ->
    [yes] endimami{ $returnDays ->
        [0] { "" }
       *[other] { " " }na kati ya mikolo { $returnDays } nsima ya livraison
      }
   *[no] ezali te
  }, kobongola { $exchanges ->
    [yes] endimami
   *[no] ezali te
  }.
engine-report-policy-allows = Mibeko ya butiki endimi yango : nalendisi moteki andima.
engine-report-policy-window-closed = Ntango ya kozongisa biloko ya butiki esilaki { $date }.
engine-report-ask-message = Nini olingi koloba na { $shopName } mpo na commande { $orderId } ? Koma message na yo, nakotinda yango.
engine-report-message-sent = Message etindami na { $shopName }. Eyano na ye ekoya awa.{ $caseable ->
    [yes] { " " }Soki likambo ebongi te, komela ngai lisusu mpo na kofungola litige.
   *[no] { "" }
  }

## Etindami na moteki (ba message ya commande kozanga litige)

engine-relay-order-message = Message ya { $buyerName } mpo na commande { $orderId } ({ $title }) :
engine-relay-reason = Likambo : { common-reason }
engine-relay-quote = « { $text } »
engine-relay-recommend-accept = Mibeko ya butiki na yo endimi bosenga oyo : Palabre elendisi yo ondima yango.
engine-relay-how-to-answer = Yanola mosombi na bouton oyo ezali awa na se{ $replyGesture ->
    [swipe] { " " }(to na koyanola message oyo)
    [menu] { " " }(to na koyanola message oyo)
   *[none] { "" }
  }, awa na esika ya e-mail to téléphone.
engine-relay-buyer-answer = { $buyerName } ayanoli mpo na commande { $orderId } ({ $title }) :
engine-relay-seller-answer = { $shopName } ayanoli mpo na commande { $orderId } ({ $title }) :
engine-order-reply-to-buyer = Koyanola mosombi
engine-order-reply-to-seller = Koyanola moteki
engine-order-ask-reply = Koma eyano na yo { $to ->
    [buyer] epai ya mosombi
   *[seller] epai ya { $shopName }
  } mpo na commande { $orderId } : nakotinda yango.
engine-done-file-sent = Fichier etindami { $to ->
    [seller] epai ya moteki
    [seller_support] epai ya moteki mpe ya support
    [buyer_support] epai ya mosombi mpe ya support
   *[buyer] epai ya mosombi
  }.

## Makambo ya kosala na litige

engine-ask-photo = Tinda foto to fichier oyo ya kobakisa na litige { $caseId }.
engine-ask-photo-again = Nazali kozela foto to fichier (to /cancel).
engine-ask-proof-kind = Elembeteli nini ya kotinda ozali kobakisa na litige { $caseId } ? Esengeli emonisa ete etindamaki na adresse oyo mosombi apesaki na ntango ya kosomba.
engine-ask-proof-file = Tinda mokanda (foto to PDF).
engine-ask-proof-address = Mokanda oyo emonisi ete etindamaki na adresse oyo mosombi apesaki na ntango ya kosomba : { $address } ?
engine-ask-proof-place = Koma engumba mpe mboka oyo ekomami na mokanda, ndakisa : Goma, CD
engine-ask-proof-place-again = Nasengeli engumba nsima mboka, ndakisa : Goma, CD (to /cancel).
engine-ask-support = Nini ozali kosenga support mpo na litige { $caseId } ? Koma message na yo : support ekozwa yango elongo na litige.
engine-ask-text-not-file = Awa nazali kozela makomi, kasi fichier te (to /cancel).
engine-ask-amount = Motuya nini ozali kozongisa na litige { $caseId } ? Koleka { $remaining } te. Koma motuya, ndakisa 5000.
engine-ask-tracking = Koma transporteur nsima numéro ya suivi, ndakisa : dhl JD0142
engine-ask-tracking-again = Nasengeli transporteur nsima numéro, ekabolami na esika mpamba, ndakisa : dhl JD0142
engine-ask-question = Koma motuna na yo : nakotinda yango.
engine-ask-note = Koma note ya kati (kaka support nde akomona yango).
engine-ask-ground = Mpo na ntina nini ozali kotinda litige { $caseId } na support ?
engine-confirm-close = Kosukisa litige { $caseId } lokola likambo esili ? Mbongo mosusu ekozongisama te ({ $refunded } ezongisami na { $total }) mpe litige ekosila. Sala yango kaka soki likambo esili mpo na yo.
engine-confirm-escalate = Kotinda litige { $caseId } na support ? Support ekotala masolo mpe ekoki kokata likambo.
engine-confirm-refund = Kozongisela mosombi { $amount } na litige { $caseId }, na ndenge ya kofuta ya liboso ? Mofuti : { $payer ->
    [seller] moteki
    [marketplace] Congocrea
   *[choose] Congocrea, to moteki soki ozwi yango epai na ye (pona awa na se)
  }. Nsima : { $after } ezongisami na { $total }. { $result ->
    [closed] Litige ekosila.
   *[open] Litige ekotikala efungwami (ndambo ya mbongo).
  }
engine-confirm-decide = Kosukisa litige { $caseId } na bolamu ya moteki ? Mbongo ekozongisama te{ $partial ->
    [yes] { " " }lisusu : { $refunded } oyo ezongisamaki na { $total } etikali ya mosombi
   *[no] { "" }
  }. Litige ekosila.
engine-confirm-reopen = Kofungola litige { $caseId } lisusu ? Ekozonga { $status ->
    [escalated] na support
   *[open] efungwami kati na mosombi mpe moteki
  } ; { $refunded } oyo ezongisamaki na { $total } etikali bongo.

engine-done-comment = Message etindami { $to ->
    [seller] epai ya moteki
    [seller_support] epai ya moteki mpe ya support
    [buyer_support] epai ya mosombi mpe ya support
    [buyer] epai ya mosombi
   *[parties] epai ya bato oyo litige etali
  }.
engine-done-evidence = Fichier ebakisami na litige mpe etindami { $to ->
    [seller] epai ya moteki
    [seller_support] epai ya moteki mpe ya support
    [buyer_support] epai ya mosombi mpe ya support
    [buyer] epai ya mosombi
   *[parties] epai ya bato oyo litige etali
  }.
engine-done-tracking = Suivi { $carrier } { $number } ebakisami : { $status ->
    [delivered] transporteur alakisi ete ekomi na adresse ya commande.
    [mismatch] transporteur alakisi ete ekomi na esika mosusu{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }, te na adresse ya commande ; litige etikali efungwami.
    [unknown] { $carrier } eyebi naino nimero oyo te : tala yango malamu, mpe soki ezali na libunga, bakisa nimero ya solo.
   *[in_transit] transporteur alakisi naino te ete ekomi.
  }
engine-done-refund = Kozongisa { $amount } ekomami{ $recover ->
    [yes] , ekozwama epai ya moteki
   *[no] { "" }
  }.
engine-done-escalated = Litige etindami na support.
engine-done-ask = Motuna etindami { $from ->
    [buyer] epai ya mosombi
   *[seller] epai ya moteki
  }.
engine-done-note = Note ya kati ebakisami.
engine-done-support-requested = Message na yo etindami na support elongo na litige. Support ekoyanola yo awa.
engine-done-proof-mismatch = Elembeteli oyo emonisi te ete etindamaki na adresse ya commande : litige elakisi yango, na mosombi lokola na support.
engine-done-closed = Litige esili : { common-resolution }.
engine-done-reopened = Litige efungwami lisusu.

engine-choice-cancel = Kotika
engine-choice-back = Kozonga
engine-choice-confirm = Kondima
engine-choice-yes-reason = Ee, ezali bongo
engine-choice-no-reason = Te, likambo mosusu
engine-choice-message-seller = Kokomela moteki
engine-choice-open-case = Kofungola litige
engine-choice-refund-recover = Kozongisa, ezwama epai ya moteki
engine-choice-refund-no-recover = Kozongisa kozanga kozwa epai ya moteki
engine-choice-proof-to-order-address = Ee, na adresse oyo
engine-choice-proof-elsewhere = Te, adresse mosusu
engine-choice-proof-no-address = Emonisi adresse te
engine-choice-send-request = Kotinda bosenga

engine-action-view = Kotala litige
engine-action-photo = Kobakisa foto
engine-action-proof = Kobakisa elembeteli ya kotinda
engine-action-close = Kosukisa : ebongi
engine-action-escalate = Kotinda na support
engine-action-escalate-support = Kotinda (ntina)
engine-action-refund-full = Kozongisa mbongo nyonso
engine-action-refund-partial = Kozongisa eteni
engine-action-tracking = Kobakisa suivi
engine-action-decide = Kokata na ngambo ya moteki
engine-action-reopen = Kofungola lisusu
engine-action-ask-buyer = Motuna epai ya mosombi
engine-action-ask-seller = Motuna epai ya moteki
engine-action-note = Note ya kati
engine-action-support = Kosenga support
engine-action-ask-reinstatement = Kosenga kozongisa butiki

engine-ground-inactivity = Moteki azali koyanola te
engine-ground-harassment = Kotungisa
engine-ground-refusal = Koboya kosala mosala
engine-ground-manipulation = Kobebisa litige na mayele
engine-ground-integrity = Ebongiseli ya ba litige

engine-proof-shipping-receipt = Reçu ya kotinda
engine-proof-customs-form = Mokanda ya douane
engine-proof-delivery-confirmation = Elembeteli ete ekomi
engine-proof-departure-scan = Elembeteli ya kotinda

## Ba liste mpe ba fiche

engine-no-open-case = Ozali na litige ata moko te oyo efungwami.
engine-which-case = Litige nini ?
engine-case-choice = { $caseId } · { $orderId }
engine-cases-title = { $view ->
    [mine] Ba litige na yo
    [escalated] Ba litige etindami na support
    [overdue] Ba litige na retard
    [waiting] Ba litige ezali kozela support
   *[all] Ba litige
  } ({ $count }) :
engine-cases-none = { $view ->
    [mine] Ozali na litige ata moko te.
    [escalated] Litige moko te etindami na support.
    [overdue] Litige moko te eleki ntango.
    [waiting] Litige moko te ezali kozela support.
   *[other] Litige ata moko te.
  }
engine-case-line = { $caseId } · commande { $orderId } · { common-reason } · { common-status } · efungwamaki { $openedAt }
engine-shop-suspended = Butiki { $shopName } etelemisami.
engine-shop-reinstated = Butiki { $shopName } ezongisami.

engine-card-title = Litige { $caseId } · { $orderTitle }
engine-card-order = Commande { $orderId } · { $shopName } · { $total }
engine-card-reason = Ntina : { common-reason }
engine-card-status = Ezalela : { common-status }{ $resolution ->
    [none] { "" }
   *[other] { " " }({ common-resolution })
  }
engine-card-description = Ndimbola : « { $description } »
engine-card-opened = Efungwamaki { $at }
engine-card-escalatable = Kotinda na support ekoki kobanda { $at }
engine-card-escalated = Etindamaki na support { $at }
engine-card-closed = Esilaki { $at }
engine-card-refunded = Ezongisami : { $refunded } na kati ya { $total }
engine-card-late = ⚠ Livraison ya retard : kaka kozongisa mbongo nyonso nde ekoki kosukisa litige oyo.
engine-card-tracking-mismatch = ⚠ Suivi elakisi ete ekomi na esika mosusu, te na adresse ya commande.
engine-card-proof-mismatch = ⚠ Elembeteli moko ya kotinda emonisi te ete etindamaki na adresse ya commande.
engine-card-role = Ozali { $role ->
    [buyer] mosombi
    [seller] moteki
   *[support] support
  } na litige oyo.

## Lisolo (kaka mpo na support)

engine-timeline-title = Litige { $caseId } : lisolo (makambo { $count })
engine-timeline-opened = { $at } · { common-role } ({ $platform }) · kofungola : { common-reason } · « { $text } »
engine-timeline-comment = { $at } · { common-role } ({ $platform }) · message : « { $text } »
engine-timeline-note = { $at } · { common-role } ({ $platform }) · note ya kati : « { $text } »
engine-timeline-info-provided = { $at } · { common-role } ({ $platform }) · eyano na support : « { $text } »
engine-timeline-evidence = { $at } · { common-role } ({ $platform }) · elembeteli : { common-evidence-kind }{ $matches ->
    [yes] , adresse ekokani
    [no] , adresse ekeseni na oyo ya commande{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
      }
   *[unknown] { "" }
  }
engine-timeline-tracking = { $at } · { common-role } ({ $platform }) · suivi { $carrier } { $number } : { $status ->
    [delivered] ekomi na adresse
    [mismatch] ekomi esika mosusu
   *[in_transit] ekomi naino te
  }
engine-timeline-refund = { $at } · { common-role } ({ $platform }) · kozongisa { $amount }{ $recover ->
    [yes] , ezwami epai ya moteki
   *[no] { "" }
  }
engine-timeline-escalated = { $at } · { common-role } ({ $platform }) · etindami na support : { common-ground }
engine-timeline-info-requested = { $at } · { common-role } ({ $platform }) · motuna { $from ->
    [buyer] epai ya mosombi
   *[seller] epai ya moteki
  } : « { $text } »
engine-timeline-reminder = { $at } · kokundola { $nudge } { $to ->
    [buyer] epai ya mosombi
    [seller] epai ya moteki
    [seller_support] epai ya moteki mpe ya support
    [buyer_support] epai ya mosombi mpe ya support
   *[support] epai ya support
  }
engine-timeline-closed = { $at } · { common-role } ({ $platform }) · esili : { common-resolution }{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-reopened = { $at } · { common-role } ({ $platform }) · efungwami lisusu{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-late-delivery = { $at } · elakisami lokola livraison ya retard
engine-timeline-support-requested = { $at } · { common-role } ({ $platform }) · bosenga na support : « { $text } »

## Kotelemisa mpe kozongisa butiki (moteki)

engine-shop-suspended-notice = Butiki na yo { $shopName } etelemisami na support ya Congocrea banda { $at }. Ntina : « { $reason } ».
engine-reinstatement-how = Kobongisa ba litige na yo elongolaka botelemisi te : senga support ezongisa butiki.
engine-reinstatement-pending = Bosenga na yo ya kozongisa butiki ezali na maboko ya support banda { $at }.
engine-reinstatement-already = Bosenga na yo ya kozongisa { $shopName } esi ezali na maboko ya support (etindamaki { $at }). Support ekoyanola yo awa.
engine-reinstatement-ask-message = Nakosenga support ezongisa { $shopName }. Bakisa message soki olingi (oyo osalaki banda wana, ndakisa), to tinda bosenga ndenge ezali.
engine-reinstatement-sent = Bosenga etindami : support ekotala kozongisa { $shopName } mpe ekoyanola yo awa.
engine-shop-not-suspended = Butiki na yo { $shopName } etelemisami te : ezali na eloko ya kosenga te.
engine-relay-reinstatement-request = Bosenga ya kozongisa butiki : { $sellerName } asengi kozongisa butiki { $shopName } ({ $shopId }). Etelemisamaki banda { $at }, ntina : « { $reason } ».
engine-relay-reinstatement-how = Mpo na kozongisa yango : /reinstate { $shopId }
engine-relay-shop-reinstated = Support ezongisi butiki na yo { $shopName }.

## What a seller's words announce (a refund, a tracking number), and words written outside any case

engine-words-refund = Nsango na yo ekei, kasi kokoma « kozongisa mbongo » ezongisaka mbongo te epai ya mosombi. Mpo na kozongisa mbongo solo na kesi { $caseId }, ndima awa na nse.
engine-words-tracking = Nsango na yo ekei. Mpo na kobakisa mpe suivi { $carrier } { $number } na kesi { $caseId } (motindi biloko akoloba epai biloko ezali ; soki biloko ekoti na adresi ya oda, kesi esili), finá bouton.
engine-words-support = Nsango na yo ekei epai ya mosombi, kasi te epai ya support. Mpo na kokomela support likambo ya kesi { $caseId }, finá bouton.
engine-choice-add-tracking = Bakisa suivi { $carrier } { $number }
engine-words-tracking-number = Nsango na yo ekei. Soki { $number } ezali nimero ya suivi, bakisa yango na kesi { $caseId }: transporteur akoloba esika colis ezali, mpe soki ekomi na adresi ya komande, kesi ekokangama.
engine-choice-add-tracking-number = Bakisa suivi { $number }
engine-ask-carrier = Transporteur nini mpo na nimero { $number }? Koma kombo na ye, ndakisa: dhl
engine-choice-send-to-buyer = Tindela mosombi · { $caseId } · { $orderId }
engine-seller-words-not-sent = { $count ->
    [one] Nsango oyo ekei esika moko te : ezali eyano ya kesi moko te. Mpo na kotindela yango mosombi ya kesi { $caseId } (oda { $orderId }), finá « Tindela mosombi ». Tala kesi yango.
   *[other] Nsango oyo ekei esika moko te : ezali eyano ya kesi moko te. Ozali na bakesi { $count } : mosombi nini asengeli kozwa yango ?
  }
engine-choice-send-to-seller = Tindela moteki · { $caseId } · { $orderId }
engine-buyer-words-not-sent = { $count ->
    [one] Nsango oyo ekei naino te : okomaki libanda ya kesi. Mpo na kotindela yango ndenge ezali na moteki (kesi { $caseId }, oda { $orderId }), finá « Tindela moteki ». Tala kesi na yo ; mpo na likambo na oda mosusu, koma nimero na yango.
   *[other] Nsango oyo ekei naino te : okomaki libanda ya bakesi na yo. Ozali na bakesi { $count } : moteki nini asengeli kozwa yango ? Mpo na likambo na oda mosusu, koma nimero na yango.
  }
engine-words-answer-support = Support ezali kozela eyano na yo na kesi { $caseId } : soki otindi yango na bouton oyo ezali likolo, ekokoma mpe epai ya support.
engine-seller-escalate = Kaka mosombi nde akoki kotindela support kesi { $caseId }, kasi okoki kosenga lisalisi ya support.
engine-words-refund-outside = { $when ->
    [unrecorded] Nsango na yo ekei, kasi kesi { $caseId } emonisi mbongo moko te oyo ezongisami: ezali kaka polele. Soki ozongisaki mbongo libanda ya Congocrea (mobile money otindaki yo moko, mbongo na maboko), kondima awa na nse te, okofuta mbala ya mibale: mosombi nde akokanga kesi. Mpo na kozongisa mbongo na nzela ya Congocrea, ndima.
    [done] Nsango na yo ekei. Mbongo oyo ozongisi libanda ya Congocrea (mobile money otindi yo moko, mbongo na maboko, virement) ekomami te: kesi { $caseId } ezali kaka polele. Kozongisa mbongo mbala ya mibale na bouton « { engine-action-refund-full } » te: soki mosombi azwi mbongo solo, ye nde akokanga kesi; soki te, senga lisalisi ya support.
   *[planned] Nsango na yo ekei. Mbongo oyo okozongisa libanda ya Congocrea (mobile money okotinda yo moko, mbongo na maboko, virement) ekokomama te: kesi { $caseId } ekotikala polele. Zongisa mbongo na nzela ya Congocrea: ndima awa na nse.
  }
engine-words-delivered = Nsango na yo ekei. Mpo na komonisa support ete komande etindamaki to ekomaki, bakisa na kesi { $caseId } elembeteli ya botindi (risi ya botindi, bordereau, ndingisa ya bokomi) to nimero ya suivi: suivi oyo emonisi ete ekomaki na adresi ya komande ekangaka kesi.
engine-seller-close = Kaka mosombi nde akoki kokanga kesi { $caseId } lokola esili. Na ngambo na yo, ekangamaka soki ozongisi mbongo nyonso{ $reason ->
    [non_delivery] , to na suivi oyo emonisi ete komande ekomaki na adresi na yango
   *[other] {""}
  }. Tala kesi na babouton na yango.
engine-step-left = { $step ->
    [amount] Nazali lisusu kozela motuya te mpo na kesi { $caseId } : mbongo moko te ezongisami.
   *[other] Nazali lisusu kozela numéro ya suivi te mpo na kesi { $caseId } : suivi moko te ebakisami.
  }
engine-closed-not-sent = Kesi { $caseId } esili ({ common-resolution }) : nsango na yo etindami te epai ya { $to ->
    [seller] moteki
   *[other] mosombi
  }.

## Edited messages and long texts split in parts
engine-done-correction = Bobongisi etindami { $to ->
    [seller] epai ya moteki
    [seller_support] epai ya moteki mpe ya support
    [buyer_support] epai ya mosombi mpe ya support
    [buyer] epai ya mosombi
   *[parties] epai ya bato oyo litige etali
  } : message oyo obongoli ekokoma lokola message ya sika.
engine-timeline-correction = { $at } · { common-role } ({ $platform }) · bobongisi ya message ya { $sentAt } : « { $text } »
engine-edit-description-updated = Ndimbola ebongwani na message oyo obongoli : « { $description } »
engine-edit-not-read = { $what ->
    [command] Commande oyo obongoli esalami lisusu te : tinda yango na message ya sika.
   *[message] Natangaka te ba message oyo obongoli awa : tinda nde message ya sika.
  }
engine-long-joined = Message na yo ya molai eyei na biteni mingi : nazali kotanga yango elongo (ba lettre { $length }).

## Paying outside Congocrea (a seller asking to be paid directly)
engine-pay-outside = { $role ->
    [seller] Kofuta esalemaka na nzela ya Congocrea : mbongo oyo ozwi na libanda (mobile money oyo batindi yo mbala moko, cash, virement) ekomamaka te mpe esilisaka litige moko te.
   *[other] Kofuta te na libanda ya Congocrea (mobile money oyo otindeli moteki mbala moko, cash, virement) : mbongo ya ndenge wana ekomamaka te, mpe Congocrea akokoka te kolanda yango to kozongisela yo yango.
  }
