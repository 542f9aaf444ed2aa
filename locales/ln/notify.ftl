# Ba notification mpe ba rappel ya ntango (src/app/notifications.ts, src/app/nudges.ts), etindamaka libanda
# ya conversation. Ba date, ba motuya mpe ba ntango eyaka esi ekomami na monoko mpe ngonga ya motangi.

notify-quote = « { $text } »

notify-case-opened = Litige ya sika { $caseId } na commande { $orderId } : { $reason ->
    [non_delivery] mosombi azwi commande na ye te.
   *[not_as_described] eloko oyo ekomi ekokani te na annonce.
  } { $caseThreads ->
    [yes] Yanola ye awa na fil ya litige, to na bouton « Kozongisela mosombi »
   *[no] Yanola ye na bouton « Kozongisela mosombi »
  }, zongisa mbongo to bakisa suivi. Soki eloko esili te kino { $escalatableAt }, mosombi akoki kotinda litige na support.

notify-comment = { $author ->
    [buyer] Mosombi
    [seller] Moteki
    [support] Support
   *[other] Palabre
  } akomi na litige { $caseId } : « { $text } »

notify-threat-support = { $author ->
    [buyer] Mosombi
    [seller] Moteki
   *[other] Moto moko
  } akomi na kesi { $caseId } maloba oyo ezali lokola kobangisa:

notify-evidence = { $author ->
    [buyer] Mosombi
    [seller] Moteki
    [support] Support
   *[other] Palabre
  } abakisi { $kind ->
    [photo] foto moko
    [file] mokanda moko
    [shipping_receipt] reçu ya kotinda
    [customs_form] mokanda ya douane
    [delivery_confirmation] elembeteli ete ekomi
   *[departure_scan] elembeteli ya kotinda
  } na litige { $caseId }.

notify-proof-address-mismatch = Keba : elembeteli oyo emonisi te ete etindamaki na adresse oyo epesamaki na ntango ya kosomba{ $placeKnown ->
    [yes] { " " }(elakisi { $place })
   *[no] { "" }
  }.

notify-tracking = Moteki abakisi suivi na litige { $caseId } ({ $carrier } { $number }) : { $status ->
    [delivered] colis elakisami ete ekomi na adresse na yo.
    [mismatch] colis elakisami ete ekomi, kasi na esika mosusu{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }, kasi te na adresse ya commande. Yango esukisi litige te.
    [unknown] transporteur ayebi naino nimero oyo te.
   *[in_transit] colis ezali na nzela.
  }

notify-refund = { $author ->
    [support] Support
   *[other] Moteki
  } azongisi { $amount } ({ $kind ->
    [full] mbongo nyonso
   *[partial] eteni ya mbongo
  }) na litige { $caseId }.{ $recover ->
    [yes] { " " }Mbongo yango ekozwama epai ya moteki.
   *[no] { "" }
  }

notify-escalated = Litige { $caseId } etindami na support{ $ground ->
    [inactivity] { " " }mpo moteki azali koyanola te
    [harassment] { " " }mpo na kotungisa
    [refusal] { " " }mpo na koboya kosala mosala
    [manipulation] { " " }mpo na kobebisa litige na mayele
    [integrity] { " " }mpo na kobebisa ebongiseli ya ba litige
   *[none] { "" }
  }. Support ekotala dossier mpe ekoki kosenga yo ba sango.

notify-escalated-support = Litige { $caseId } etindami na support na { $author ->
    [buyer] mosombi
    [support] support
   *[other] Palabre
  }{ $ground ->
    [inactivity] { " " }(ntina : moteki azali koyanola te)
    [harassment] { " " }(ntina : kotungisa)
    [refusal] { " " }(ntina : koboya kosala mosala)
    [manipulation] { " " }(ntina : kobebisa litige na mayele)
    [integrity] { " " }(ntina : ebongiseli ya ba litige)
   *[none] { "" }
  }. Ezali kozela bosikisi.

notify-info-requested = Support ezali kosenga yo sango na litige { $caseId } : « { $text } » Yanola na bouton « { $from ->
    [seller] { engine-action-reply-to-buyer }
   *[buyer] { engine-action-reply-to-seller }
  } » awa na se : support akotanga eyano na yo.

notify-note = Note ya kati na litige { $caseId } : « { $text } »

notify-support-requested = { $author ->
    [buyer] Mosombi
   *[seller] Moteki
  } azali kosenga lisalisi ya support na litige { $caseId } : « { $text } »

notify-closed = Litige { $caseId } esili : { $resolution ->
    [refunded] moteki azongisi mbongo nyonso ya commande.
    [buyer_closed] mosombi asukisi yango, likambo esili.
    [delivered] suivi emonisi ete commande ekomi na adresse na yango.
    [support_refund] support ezongiseli mosombi mbongo.
   *[seller_favour] support ekateli na ngambo ya moteki.
  }

notify-reopened = Support efungoli lisusu litige { $caseId }.

notify-late-delivery = Litige { $caseId }, oyo efungwamaki { $openedAt }, esili naino te : sikoyo etangami lokola livraison ya retard. Kaka kozongisa mbongo nyonso { $total } nde ekoki kosukisa yango.

notify-seller-reminder = Kokundola : litige { $caseId } ezali kozela eyano na yo. Etikali { $left } liboso mosombi akoka kotinda yango na support ({ $escalatableAt }). Yanola, zongisa mbongo to bakisa suivi.

notify-escalation-open = Litige { $caseId } esili naino te : sikoyo okoki kotinda yango na support.

notify-reply-due = Mosombi azali kozela eyano na yo na litige { $caseId } banda { $since }.

notify-support-sla = Litige { $caseId } ezali kozela support banda { $waited }.

notify-window-closing = Oyebisaki likambo na commande { $orderId }. Soki eloko ebongi te, okoki naino kofungola litige kino { $until } (etikali { $left }).

notify-unshipped = Commande { $orderId } ya { $placedAt } etindami naino te, nzokande ntango ya kobongisa yango eleki. Tinda yango to yebisa mosombi.

notify-order-reply-due = Mosombi moko azali kozela eyano na yo na commande { $orderId } banda { $since }. Koyanola noki epekisaka ba litige mingi.

notify-comment-correction = { $author ->
    [buyer] Mosombi
    [seller] Moteki
    [support] Support
   *[other] Palabre
  } abongisi message na ye ya { $sentAt } na litige { $caseId } (message ebongolami) : « { $text } »
