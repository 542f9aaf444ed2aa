# The buyer's conversation (issue 12): orders as people name them, delivery questions, the report resumed.

buyer-flow-several-orders = { $count ->
    [one] Nakanisi ete ezali commande oyo :
   *[other] Ba commande na yo mingi ekokani.
  }
buyer-flow-unclear = Nasosoli likambo moko ya polele te, kasi nakoki kosalisa yo mpo na commande moko : pona yango, mpe nakolakisa yo makambo oyo ekoki kozala.
buyer-flow-also-kept = Nabombi likambo oyo oyebisaki mpo na { $orderId } : tokozonga na yango sima na oyo.
buyer-flow-how-it-works = Yebisa ngai likambo nini ezali na commande : nakotindela yango moteki. Soki ekomi te to ekokani te na annonce, okoki kofungola litige, elakisi likambo ya formel, kobanda mokolo oyo elandi mokolo oyo bazalaki kozela yango. Moteki akozala na { $duration } mpo na kobongisa likambo elongo na yo ; sima na yango, okoki kotinda litige epai ya support ya Congocrea.
buyer-flow-order-not-in-text = Namoni te ezali commande nini. Pona yango awa na se, to koma nimero na yango (ndakisa 1001), mokolo ya commande to eloko oyo osombaki.
buyer-flow-order-not-listed = Oyo nde ba commande ya compte na yo ya Congocrea ({ $account }). { $more ->
    [yes] Tolakisi kaka oyo ya sika: mpo na oyo ya kala, koma nimero na yango (ndakisa 1001) to mokolo na yango.
   *[no] Commande oyo esalemaki na compte mosusu elobelamaka na compte wana.
} Soki ofutaki commande oyo emonani awa te, benga support ya Congocrea.
buyer-flow-delivery-expected = Commande na yo { $orderId } ezelami na { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(ntango etangami na kobongisa mpe kotinda)
   *[estimate] { "" }
  }. Soki ekomi naino te, okoki kofungola litige banda { $from }.
buyer-flow-delivery-late = Commande na yo { $orderId } esengelaki koya na { $estimated }. Soki ozwi yango te, okoki kofungola litige (commande ekomi te) kino { $lastDay } (ezali kati).
buyer-flow-description-kept = Message na yo ekozala ndimbola : « { $description } ». Okoki kobongola yango, mpe kobakisa ba foto sikoyo to nsima ya kofungola.
buyer-flow-choice-open-now = Kofungola litige sikoyo
buyer-flow-choice-edit-description = Kobongola ndimbola
buyer-flow-photos-after = { $count ->
    [0] Okoki kobakisa ba foto ntango nyonso na bouton « Kobakisa foto ».
   *[other] Ba foto mosusu ? Bouton « Kobakisa foto » ezali kaka.
  }
buyer-flow-resume-offer = { $orderId ->
    [none] Obandaki koyebisa likambo moko : kozongela to kotika ?
   *[other] Obandaki koyebisa likambo mpo na { $orderId } : kozongela to kotika ?
  }
buyer-flow-choice-resume = Kozongela
buyer-flow-choice-leave = Kotika
buyer-flow-thanks = Na esengo ! { $orderId ->
    [none] Komelá ngai ntango nyonso olingi.
   *[other] Komelá ngai ntango nyonso olingi mpo na commande { $orderId }.
  }
buyer-flow-came = Malamu mingi, commande na yo ekomi ! Komelá ngai ntango nyonso olingi soki likambo moko ebimi.
buyer-flow-wait-seller = Malamu. Eyano ya { $shopName } mpo na commande { $orderId } ekoya awa.
buyer-flow-after-message = { $shopName } azwi message na yo mpo na commande { $orderId } ; eyano na ye ekoya awa. { $caseable ->
    [yes] Soki likambo ebongi te, komela ngai mpo na kofungola litige.
   *[no] Mpo na lisɛngi ya ndenge oyo, moteki nde akokata, na mibeko ya butiki na ye : litige ekoki kofungwama kaka mpo na commande oyo ekómi te to oyo ekokani te na annonce.
  }
buyer-flow-case-wait = { $thanks ->
    [yes] Na esengo !
   *[no] Malamu.
  } { $escalated ->
    [yes] Support ezali kolanda litige { $caseId } na yo mpe ekozongisela yo eyano awa.
   *[no] Eyano ya moteki mpo na litige { $caseId } ekoya awa, mpe nakoyebisa yo tango okoki kotinda yango na support.
  }
buyer-flow-case-next = { $when ->
    [escalated] Litige { $caseId } na yo ezali na maboko ya support : moto moko ya équipe ya Congocrea azali kotala yango mpe akozongisela yo eyano awa.
    [later] Moteki azali na tango tii { $escalatableAt } mpo na kobongisa likambo elongo na yo ; eyano na ye ekoya awa. Soki likambo ebongi te tii wana, okoki kotinda litige { $caseId } na support : nakoyebisa yo.
   *[now] Tango ya moteki esili : okoki kotinda litige { $caseId } na support na bouton « { engine-action-escalate } » ya fiche na yango.
  }
buyer-flow-left = { $orderId ->
    [none] Eyokani, natiki likambo wana.
   *[other] Eyokani, natiki likambo ya { $orderId }.
  }
buyer-flow-case-under-way = Litige na yo { $caseId } mpo na commande { $orderId } ezali kokende : yango oyo. Mpo na kokomela moteki, salela « { engine-action-reply-to-seller } » ; mpo na likambo na commande mosusu, koma nimero na yango.
buyer-flow-cases-under-way = Ozali na ba litige { $count } oyo ezali kokende : oyo nini olingi komona ? Mpo na likambo na commande mosusu, koma nimero na yango.
buyer-flow-just-closed = Litige na yo { $caseId } (commande { $orderId }) { $recent ->
    [yes] esili kokangama
   *[no] ekangamaki { $closedAt }
  } : { common-resolution }. Nsango na yo etindamaki epai ya moteki te. Soki likambo esili te mpo na yo, finá « { engine-action-verify } » liboso ya { $until } : support ekotala. Mpo na likambo na commande mosusu, koma nimero na yango.
buyer-flow-no-case-hint = Mpo na kofungola moko, yebisa ngai nini ezali malamu te na commande na yo, ndakisa « commande na ngai 1001 ekomi te ».
buyer-flow-person-case = { $status ->
    [escalated] Litige na yo { $caseId } mpo na commande { $orderId } ekomi kala na support : moto moko ya ekipi ya Congocrea azali kolandela yango mpe akozongisela yo awa. Yango oyo.
   *[other] Ngai nazali mosungi ya masini. Moto moko ya support ya Congocrea azwaka litige soki batindeli ye yango. Litige na yo { $caseId } mpo na commande { $orderId } yango oyo : soki okoki kotinda yango, bouton « { engine-action-escalate } » ezali wana ; soki te, fiche ezali koyebisa kobanda ntango nini.
  }
buyer-flow-person-cases = Ngai nazali mosungi ya masini. Moto moko ya support ya Congocrea azwaka litige soki batindeli ye yango. Ozali na ba litige { $count } oyo ezali kokende : pona moko, fiche na yango ekolakisa bouton « { engine-action-escalate } » soki okoki kotinda yango.
buyer-flow-person-no-case = Ngai nazali mosungi ya masini. Moto moko ya support ya Congocrea akotaka na litige soki batindeli ye yango ; ozali na litige moko te oyo efungwami.
buyer-flow-earlier-report-button = Bouton wana ezalaki ya likambo oyo obongolaki na sima : eloko moko te ebongwani. Tala esika likambo na yo ya sikoyo ekomi.
buyer-flow-earlier-step-button = Bouton wana ezalaki ya motuna oyo esili kozwa eyano : eloko moko te ebongwani. Tala esika likambo na yo ya sikoyo ekomi.
buyer-flow-cases-status = Ba litiges na yo { $count } oyo ezali kokende, moko na moko na ndenge ezali :
buyer-flow-policy-next = Mpo na kosenga kozongisa, kobongola to kozongisela yo mbongo, yebisa ngai commande nini mpe nini olingi : nakotindela moteki bosenga na yo, elongo na mibeko oyo.
buyer-flow-person-report = Ngai nazali mosungi ya masini. Moto moko ya support ya Congocrea akotaka na litige soki batindeli ye yango. Likambo oyo ozalaki koyebisa ezo kobanda lisusu epai etikalaki :
buyer-flow-why-not-yet = Mpo na nini : soki mokolo oyo bazali kozela livraison ({ $estimated }) eleki naino te, commande { $orderId } ekoki naino koya. Okokoka kofungola litige kobanda { $from } kino { $lastDay } ; ezali mobeko ya Congocrea mpo na bisombeli nyonso. Na ntango yango, nakoki kotindela moteki message na yo.
buyer-flow-why-window-closed = Mpo na nini : litige ekoki kofungwama na boumeli ya { $window } kobanda mokolo oyo elandi mokolo oyo bazalaki kozela livraison. Mpo na commande { $orderId }, ezalaki kobanda { $from } kino { $lastDay } ; ezali mobeko ya Congocrea mpo na bisombeli nyonso. Kasi okoki naino kokutana na moteki : nakoki kotindela ye message na yo.
buyer-flow-why-seller-first = Mpo na nini : mikakatano mingi esilaka noki soki osololi na moteki mbala moko, kozanga litige. Kasi ozali na bonsomi : okoki kofungola litige mpo na commande { $orderId } sikoyo, kino { $lastDay }.
buyer-flow-why-not-a-case = Mpo na nini : Congocrea efungolaka litige kaka soki commande ekomi te to eloko ekokani te na annonce ; ezali mobeko ya marketplace mpo na bisombeli nyonso. Mpo na makambo mosusu ({ common-reason }), moteki nde akokata likambo, na kolanda mibeko ya butiki na ye : akozwa message na yo mpe akozongisela yo awa.
buyer-flow-seller-tried = Soki bongo, ezali na ntina te ya kozela : fungola litige mpo na commande { $orderId }. Moteki akoyeba yango mpe akozala na { $duration } mpo na kobongisa likambo elongo na yo ; sima na yango, okoki kotinda litige epai ya support ya Congocrea.
buyer-flow-refund-by-case = Mpo na likambo oyo ({ common-reason }), kozongisa mbongo elekaka na litige : fungola yango mpo na commande { $orderId }. Moteki akoki kozongisela yo mbongo mobimba, mpe litige ekokangama ; soki eloko moko te ebongi na { $duration }, okoki kotinda litige epai ya support ya Congocrea, oyo ekoki kozongisela yo mbongo.
buyer-flow-refund-outside = Mbongo oyo bazongiseli yo libanda ya Congocrea (mobile money, na mabɔkɔ) ekomami te na litige { $caseId } : ekotikala polele. Soki likambo esili mpo na yo, okoki kokanga yango ; soki te, eloko moko te ekobongwana.
