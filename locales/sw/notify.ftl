# Arifa na vikumbusho vya muda (src/app/notifications.ts, src/app/nudges.ts), hutumwa nje ya mazungumzo.
# Tarehe, kiasi na muda huja vikiwa vimeshaandikwa kwa lugha na saa za msomaji.

notify-quote = « { $text } »

notify-case-opened = Kesi mpya { $caseId } kwa oda { $orderId }: { $reason ->
    [non_delivery] mnunuzi hajapokea oda yake.
   *[not_as_described] bidhaa iliyofika haifanani na tangazo.
  } { $caseThreads ->
    [yes] Mjibu hapa kwenye thread ya kesi, au kwa kitufe « Mjibu mnunuzi »
   *[no] Mjibu kwa kitufe « Mjibu mnunuzi »
  }, rudisha pesa au ongeza ufuatiliaji. Bila suluhisho kufikia { $escalatableAt }, mnunuzi ataweza kupeleka kesi kwa support.

notify-comment = { $author ->
    [buyer] Mnunuzi
    [seller] Muuzaji
    [support] Support
   *[other] Palabre
  } ameandika kwenye kesi { $caseId }: « { $text } »

notify-threat-support = { $author ->
    [buyer] Mnunuzi
    [seller] Muuzaji
   *[other] Mhusika
  } ameandika katika kesi { $caseId } maneno yanayoonekana kama tishio:

notify-evidence = { $author ->
    [buyer] Mnunuzi
    [seller] Muuzaji
    [support] Support
   *[other] Palabre
  } ameongeza { $kind ->
    [photo] picha
    [file] hati
    [shipping_receipt] risiti ya kutuma
    [customs_form] fomu ya forodha
    [delivery_confirmation] uthibitisho wa kufika
   *[departure_scan] uthibitisho wa kutumwa
  } kwenye kesi { $caseId }.

notify-proof-address-mismatch = Angalia: ushahidi huu hauonyeshi kutumwa kwa anwani iliyotolewa wakati wa kununua{ $placeKnown ->
    [yes] { " " }(unaonyesha { $place })
   *[no] { "" }
  }.

notify-tracking = Muuzaji ameongeza ufuatiliaji kwenye kesi { $caseId } ({ $carrier } { $number }): { $status ->
    [delivered] mzigo unaonyeshwa umefika kwenye anwani yako.
    [mismatch] mzigo unaonyeshwa umefika, lakini mahali pengine{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    } si kwenye anwani ya oda. Hii haifungi kesi.
    [unknown] msafirishaji bado hatambui nambari hii.
   *[in_transit] mzigo uko njiani.
  }

notify-refund = { $author ->
    [support] Support
   *[other] Muuzaji
  } amerudisha { $amount } ({ $kind ->
    [full] pesa zote
   *[partial] sehemu ya pesa
  }) kwenye kesi { $caseId }.{ $recover ->
    [yes] { " " }Kiasi hicho kitachukuliwa kwa muuzaji.
   *[no] { "" }
  }

notify-escalated = Kesi { $caseId } imepelekwa kwa support{ $ground ->
    [inactivity] { " " }kwa sababu muuzaji hajibu
    [harassment] { " " }kwa sababu ya unyanyasaji
    [refusal] { " " }kwa sababu ya kukataa kutoa huduma
    [manipulation] { " " }kwa sababu ya kuchezea kesi
    [integrity] { " " }kwa sababu ya kuharibu mfumo wa kesi
   *[none] { "" }
  }. Support itachunguza faili na inaweza kukuomba habari.

notify-escalated-support = Kesi { $caseId } imepelekwa kwa support na { $author ->
    [buyer] mnunuzi
    [support] support
   *[other] Palabre
  }{ $ground ->
    [inactivity] { " " }(sababu: muuzaji hajibu)
    [harassment] { " " }(sababu: unyanyasaji)
    [refusal] { " " }(sababu: kukataa kutoa huduma)
    [manipulation] { " " }(sababu: kuchezea kesi)
    [integrity] { " " }(sababu: mfumo wa kesi)
   *[none] { "" }
  }. Inasubiri uamuzi.

notify-info-requested = Support inakuomba habari kwenye kesi { $caseId }: « { $text } » Jibu kwa kitufe « { $from ->
    [seller] { engine-action-reply-to-buyer }
   *[buyer] { engine-action-reply-to-seller }
  } » hapa chini: support inasoma jibu lako.

notify-note = Kumbukumbu ya ndani kwenye kesi { $caseId }: « { $text } »

notify-support-requested = { $author ->
    [buyer] Mnunuzi
   *[seller] Muuzaji
  } anaomba msaada wa support kwenye kesi { $caseId }: « { $text } »

notify-closed = Kesi { $caseId } imefungwa: { $resolution ->
    [refunded] muuzaji amerudisha pesa zote za oda.
    [buyer_closed] mnunuzi ameifunga, tatizo limekwisha.
    [delivered] ufuatiliaji unaonyesha oda imefika kwenye anwani yake.
    [support_refund] support imemrudishia mnunuzi pesa.
   *[seller_favour] support imeamua upande wa muuzaji.
  }

notify-reopened = Support imefungua tena kesi { $caseId }.

notify-late-delivery = Kesi { $caseId }, iliyofunguliwa { $openedAt }, bado haijatatuliwa: sasa inahesabiwa kama oda iliyochelewa kufika. Ni kurudisha pesa zote { $total } tu kunakoweza kuifunga.

notify-seller-reminder = Kikumbusho: kesi { $caseId } inasubiri jibu lako. Imebaki { $left } kabla mnunuzi hajaweza kuipeleka kwa support ({ $escalatableAt }). Jibu, rudisha pesa au ongeza ufuatiliaji.

notify-escalation-open = Kesi { $caseId } haijatatuliwa: sasa unaweza kuipeleka kwa support.

notify-reply-due = Mnunuzi anasubiri jibu lako kwenye kesi { $caseId } tangu { $since }.

notify-support-sla = Kesi { $caseId } inasubiri support tangu { $waited }.

notify-window-closing = Uliripoti tatizo kwenye oda { $orderId }. Kama hakuna kilichotatuliwa, bado unaweza kufungua kesi mpaka { $until } (imebaki { $left }).

notify-unshipped = Oda { $orderId } ya { $placedAt } bado haijatumwa ingawa muda wake wa kutayarisha umepita. Ituma au mjulishe mnunuzi.

notify-order-reply-due = Mnunuzi anasubiri jibu lako kwenye oda { $orderId } tangu { $since }. Kujibu haraka huzuia kesi nyingi.

notify-comment-correction = { $author ->
    [buyer] Mnunuzi
    [seller] Muuzaji
    [support] Support
   *[other] Palabre
  } anarekebisha ujumbe wake wa { $sentAt } kwenye kesi { $caseId } (ujumbe uliobadilishwa): « { $text } »
