# Injini ya mazungumzo (src/app/engine): majibu ndani ya mazungumzo, kadi za kesi na vitufe.
# Tarehe, kiasi na muda huja vikiwa vimeshaandikwa kwa lugha na saa za msomaji.

## Salamu, kuunganisha, msaada

engine-welcome = Habari! Mimi ni Palabre, msaidizi wa kesi wa Congocrea. Ninakusaidia kumaliza tatizo la oda pamoja na muuzaji na, ikihitajika, kufungua kesi.
engine-welcome-back = Habari { $name }!
engine-link-how = Ili kuanza, unganisha ujumbe huu na akaunti yako ya Congocrea: kwenye tovuti, fungua « Mon compte › Messageries » na ufuate kiungo cha Palabre, au tuma hapa { $platform ->
    [discord] « /link token:<code> »
    [teams] « link <code> »
   *[other] « /link <code> »
  } pamoja na code inayoonyeshwa.
engine-link-usage = Tuma /link pamoja na code inayoonyeshwa kwenye tovuti ya Congocrea (« Mon compte › Messageries »).
engine-link-account-gone = Ujumbe huu ulikuwa umeunganishwa na akaunti ya Congocrea ambayo siipati tena (imefungwa au imebadilishwa): iunganishe na akaunti yako ya sasa.
engine-linked = Imefanyika, { $name }: ujumbe huu umeunganishwa na akaunti yako ya Congocrea.
engine-linked-in-group = Imefanyika: ujumbe huu umeunganishwa na akaunti yako ya Congocrea. Kwa yanayofuata, niandikie faraghani: hakuna kitu chako binafsi kinachoonyeshwa hapa.
engine-linked-early-words = Ulikuwa umeniandikia: « { $text } ». Tuendelee kutoka hapo:
engine-link-already = { $name }, code hii ya kuunganisha imeshatumika: ujumbe huu unabaki umeunganishwa na akaunti yako ya Congocrea.
engine-demo-pick = Hali ya maonyesho: chagua akaunti ya kujaribu Palabre nayo.
engine-demo-account = { $name } ({ common-role })

engine-help-unlinked = Amri: /start kuanza, /link <code> kuunganisha akaunti yako, /lang fr|en|ln|sw kubadilisha lugha, /help kwa msaada huu.
engine-help-intro = Hivi ndivyo ninavyoweza kukusaidia:
engine-help-buyer = • Mnunuzi: eleza tu tatizo lako (« oda yangu haijafika ») au andika /report. /cases inaonyesha kesi zako, /case <n°> inaonyesha moja, /escalate na /close zinafanya kazi kwenye kesi.
engine-help-seller = • Muuzaji: kitufe « Mjibu mnunuzi » cha kadi ya kesi kinampelekea ujumbe wako; ujumbe wa mnunuzi kuhusu oda unakuja na kitufe « Mjibu mnunuzi ». Vitufe vya kadi (kurudisha pesa, ufuatiliaji, ushahidi wa kutuma, kuomba support), au /refund <n°> [kiasi] na /tracking <n°> <msafirishaji> <namba>. /cases inaonyesha kesi zako.
engine-help-support = • Support: /cases escalated|overdue|waiting|mine, /case <n°>, /take <n°>, /release <n°>, /escalate <n°> <sababu>, /refund <n°> [kiasi] [recover], /decide <n°> seller, /reopen <n°>, /ask <n°> buyer|seller <maandishi>, /note <n°> <maandishi>, /suspend <duka> <sababu>, /reinstate <duka>. Sababu: inactivity, harassment, refusal, manipulation, integrity.
engine-help-support-elsewhere = • Support: amri zako zinafanya kazi { $staffChannel ->
    [yes] kwenye chaneli ya support.
   *[no] kwa akaunti yako ya support.
  }
engine-help-common = /lang fr|en|ln|sw inabadilisha lugha, /cancel inaacha unachofanya sasa.

engine-lang-set = Sawa: sasa nitakujibu kwa Kiswahili.
engine-lang-usage = Lugha zinazopatikana: { $langs }. Kwa mfano: /lang sw
engine-cancelled = Imefutwa. Niandikie wakati wowote.
engine-nothing-to-cancel = Hakuna kinachoendelea cha kuacha.
engine-flow-reset = Samahani, sikuweza kuendelea na mazungumzo yetu pale tulipofika. Tuanze tena: nieleze tatizo lako, au andika /help.
engine-unknown-command = Sijui amri /{ $command }. Andika /help kwa orodha.
engine-unknown-command-meant = Sijui amri /{ $command }. Ulimaanisha /{ $meant }? Andika /help kwa orodha.
engine-usage = Matumizi: { $command ->
    [case] /case <n° ya kesi>
    [refund] /refund <n° ya kesi> [kiasi] [recover]
    [tracking] /tracking <n° ya kesi> <msafirishaji> <namba>
    [cases] /cases, au /cases escalated|overdue|waiting|mine
    [escalate] /escalate <n° ya kesi> <sababu> (inactivity, harassment, refusal, manipulation, integrity)
    [decide] /decide <n° ya kesi> seller [maelezo]
    [reopen] /reopen <n° ya kesi> [maelezo]
    [ask] /ask <n° ya kesi> buyer|seller <swali>
    [note] /note <n° ya kesi> <maandishi>
    [suspend] /suspend <duka> <sababu>
    [reinstate] /reinstate <duka>
   *[other] /help
  }
engine-fallback = { $role ->
    [seller] Kumjibu mnunuzi, fungua kesi kwa /cases na utumie kitufe « Mjibu mnunuzi ».
    [support] { $staffChannel ->
        [yes] Amri za support zinafanya kazi kwenye chaneli ya support; /help inazionyesha.
       *[no] /help inaonyesha amri za support.
      }
   *[other] Sijaelewa vizuri. Eleza tatizo la oda yako (kwa mfano « mzigo wangu haujafika »), au andika /report. /help inatoa amri zote.
  }
engine-threat-told-support = Maneno haya yanaonekana kama tishio: support ya Congocrea imearifiwa (kesi { $caseId }). Kuwa na adabu; vitisho vinaweza kusababisha akaunti au duka kusimamishwa.
engine-keep-in-messages = { $role ->
    [seller] Tafadhali weka mazungumzo na mnunuzi hapa, kupitia Palabre, badala ya e-mail au simu: hivyo ndivyo support inavyoweza kukulinda kukiwa na kesi.
   *[other] Tafadhali weka mazungumzo na muuzaji hapa, kupitia Palabre, badala ya e-mail au simu: hivyo ndivyo support inavyoweza kukusaidia kukiwa na kesi.
  }
engine-file-no-case = Nimepokea faili, lakini sijui niiambatishe kwenye kesi gani. Tumia kitufe « Ongeza picha » cha kadi ya kesi (/cases), kisha uitume.
engine-file-which-case = { $files ->
    [one] Nimehifadhi picha yako.
   *[other] Nimehifadhi faili zako { $files }.
} Una kesi { $count } zinazoendelea: { $files ->
    [one] niiambatishe
   *[other] niziambatishe
} kwenye kesi gani?

## Kuripoti tatizo (mnunuzi)

engine-report-intro = Pole kwa tatizo hili. Tuliangalie pamoja.
engine-report-order-unknown = Sioni oda { $by ->
    [date] uliyoweka tarehe { $date }
   *[other] { $orderId }
  } kwa jina lako.
engine-report-no-orders = Sioni oda yoyote kwenye akaunti yako. Kama ni kosa, wasiliana na support ya Congocrea.
engine-report-buyers-only = Kuripoti tatizo la oda ni kwa wanunuzi pekee: akaunti hii haijaagiza oda yoyote. Andika /help kuona unachoweza kufanya.
engine-report-which-order = Ni oda gani inahusika?
engine-order-choice = { $orderId } · { $title } ({ $date })
engine-report-reason-proposed = Kama nimeelewa vizuri, kwa oda { $orderId }: { common-reason }. Ni hivyo?
engine-report-reason-pick = Tatizo ni nini kwenye oda { $orderId }?
engine-reason-choice = { common-reason }
engine-report-case-exists = Kesi tayari iko wazi kwa oda { $orderId }: { $caseId }. Unaweza kuandika humo moja kwa moja.
engine-report-not-yet = Bado ni mapema kufungua kesi kwa oda { $orderId }: inatarajiwa kufika { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(makadirio kutokana na muda wa kutayarisha na kutuma)
   *[estimate] { "" }
  }. Utaweza kufungua kesi kuanzia { $from }.
engine-report-window-closed = Muda wa kufungua kesi kwa oda { $orderId } umepita: siku ya mwisho ilikuwa { $lastDay }.
engine-report-offer-message = Bado unaweza kumwandikia muuzaji: nitamfikishia ujumbe wako.
engine-report-eligible = Unaweza kufungua kesi ({ common-reason }) kwa oda { $orderId } mpaka { $lastDay } (ikiwemo).
engine-report-suggest-seller = Nakushauri umwandikie muuzaji kwanza: matatizo mengi humalizika hivyo, na haraka. Lakini uamuzi ni wako.
engine-report-ask-description = Eleza tatizo la oda { $orderId } kwa sentensi chache: uliagiza nini, ulipokea nini (au hukupokea), na unatarajia nini kutoka kwa muuzaji.
engine-report-photo-added = { $count ->
    [one] Faili 1 imeongezwa.
   *[other] Faili { $count } zimeongezwa.
  }
engine-report-opened = Kesi { $caseId } imefunguliwa kwa oda { $orderId }. Muuzaji amejulishwa na anaweza kukujibu hapa.
engine-report-next = Muuzaji ana { $duration } kumaliza tatizo pamoja nawe. Kama hakuna kilichotatuliwa kufikia hapo, utaweza kupeleka kesi kwa support kuanzia { $escalatableAt } (kitufe « Peleka kwa support » au /escalate).
engine-report-not-a-case = Kesi inaweza kufunguliwa tu kwa oda ambayo haijafika au bidhaa isiyofanana na tangazo. Kwa tatizo la aina hii ({ common-reason }), ni muuzaji anayeweza kukusaidia: nitamfikishia ujumbe wako.
engine-shop-policy = Masharti ya { $shopName }: kurudisha pesa { $refunds ->
    [yes] kunakubaliwa
   *[no] hakupo
  }, kurudisha bidhaa { $returns ->
    [yes] kunakubaliwa{ $returnDays ->
        [0] { "" }
       *[other] { " " }ndani ya siku { $returnDays } baada ya kufika
      }
   *[no] hakupo
  }, kubadilisha { $exchanges ->
    [yes] kunakubaliwa
   *[no] hakupo
  }.
engine-report-policy-allows = Masharti ya duka yanaruhusu hili: ninamshauri muuzaji akubali.
engine-report-policy-window-closed = Muda wa duka wa kurudisha bidhaa uliisha { $date }.
engine-report-ask-message = Unataka kumwambia nini { $shopName } kuhusu oda { $orderId }? Andika ujumbe wako, nitaupeleka.
engine-report-message-sent = Ujumbe umepelekwa kwa { $shopName }. Jibu lake litakufikia hapa.{ $caseable ->
    [yes] { " " }Kama tatizo halijamalizika, niandikie tena kufungua kesi.
   *[no] { "" }
  }

## Imepelekwa kwa muuzaji (ujumbe wa oda bila kesi)

engine-relay-order-message = Ujumbe wa { $buyerName } kuhusu oda { $orderId } ({ $title }):
engine-relay-reason = Mada: { common-reason }
engine-relay-quote = « { $text } »
engine-relay-recommend-accept = Masharti ya duka lako yanakubali ombi hili: Palabre inakushauri ulikubali.
engine-relay-how-to-answer = Mjibu mnunuzi kwa kitufe hapa chini{ $replyGesture ->
    [swipe] { " " }(au kwa kujibu ujumbe huu)
    [menu] { " " }(au kwa kujibu ujumbe huu)
   *[none] { "" }
  }, hapa badala ya e-mail au simu.
engine-relay-buyer-answer = { $buyerName } amejibu kuhusu oda { $orderId } ({ $title }):
engine-relay-seller-answer = { $shopName } amejibu kuhusu oda { $orderId } ({ $title }):
engine-order-reply-to-buyer = Mjibu mnunuzi
engine-order-reply-to-seller = Mjibu muuzaji
engine-order-ask-reply = Andika jibu lako { $to ->
    [buyer] kwa mnunuzi
   *[seller] kwa { $shopName }
  } kuhusu oda { $orderId }: nitalipeleka.
engine-done-file-sent = Faili imepelekwa { $to ->
    [seller] kwa muuzaji
    [seller_support] kwa muuzaji na kwa support
    [buyer_support] kwa mnunuzi na kwa support
   *[buyer] kwa mnunuzi
  }.

## Vitendo vya kesi

engine-ask-photo = Tuma picha au faili ya kuambatisha kwenye kesi { $caseId }.
engine-ask-photo-again = Ninasubiri picha au faili (au /cancel).
engine-ask-proof-kind = Ni ushahidi gani wa kutuma unaoongeza kwenye kesi { $caseId }? Lazima uonyeshe kutumwa kwa anwani aliyotoa mnunuzi wakati wa kununua.
engine-ask-proof-file = Tuma hati (picha au PDF).
engine-ask-proof-address = Hati hii inaonyesha kutumwa kwa anwani aliyotoa mnunuzi wakati wa kununua: { $address }?
engine-ask-proof-place = Andika mji na nchi vilivyo kwenye hati, kwa mfano: Goma, CD
engine-ask-proof-place-again = Nahitaji mji kisha nchi, kwa mfano: Goma, CD (au /cancel).
engine-ask-support = Unaomba nini kwa support kuhusu kesi { $caseId }? Andika ujumbe wako: support itaupokea pamoja na kesi.
engine-ask-text-not-file = Hapa ninasubiri maandishi, si faili (au /cancel).
engine-ask-amount = Unarudisha kiasi gani kwenye kesi { $caseId }? Isizidi { $remaining }. Andika kiasi, kwa mfano 5000.
engine-ask-tracking = Andika msafirishaji kisha namba ya ufuatiliaji, kwa mfano: dhl JD0142
engine-ask-tracking-again = Nahitaji msafirishaji kisha namba, vikitenganishwa na nafasi, kwa mfano: dhl JD0142
engine-ask-question = Andika swali lako: nitalipeleka.
engine-ask-note = Andika kumbukumbu ya ndani (inaonekana kwa support tu).
engine-ask-ground = Kwa sababu gani unapeleka kesi { $caseId } kwa support?
engine-confirm-close = Kufunga kesi { $caseId } kama imemalizika? Hakuna pesa nyingine itakayorudishwa ({ $refunded } zimerudishwa kati ya { $total }) na kesi itafungwa. Fanya hivyo tu kama tatizo limekwisha kwako.
engine-confirm-escalate = Kupeleka kesi { $caseId } kwa support? Support itachunguza mazungumzo na inaweza kuamua.
engine-confirm-refund = Kumrudishia mnunuzi { $amount } katika kesi { $caseId }, kwa njia ya malipo ya awali? Analipa: { $payer ->
    [seller] muuzaji
    [marketplace] Congocrea
   *[choose] Congocrea, au muuzaji ukizichukua kwake (chagua hapa chini)
  }. Baadaye zimerudishwa: { $after } kati ya { $total }. { $result ->
    [closed] Kesi itafungwa.
   *[open] Kesi itabaki wazi (sehemu ya pesa).
  }
engine-confirm-decide = Kufunga kesi { $caseId } kwa faida ya muuzaji? Hakuna pesa itakayorudishwa{ $partial ->
    [yes] { " " }zaidi: { $refunded } zilizorudishwa kati ya { $total } zinabaki kwa mnunuzi
   *[no] { "" }
  }. Kesi itafungwa.
engine-confirm-reopen = Kufungua kesi { $caseId } tena? Itarudi { $status ->
    [escalated] kwa support
   *[open] wazi kati ya mnunuzi na muuzaji
  }; { $refunded } zilizorudishwa kati ya { $total } zinabaki hivyo.

engine-done-comment = Ujumbe umepelekwa { $to ->
    [seller] kwa muuzaji
    [seller_support] kwa muuzaji na kwa support
    [buyer_support] kwa mnunuzi na kwa support
    [buyer] kwa mnunuzi
   *[parties] kwa wahusika
  }.
engine-done-evidence = Faili imeongezwa kwenye kesi na kupelekwa { $to ->
    [seller] kwa muuzaji
    [seller_support] kwa muuzaji na kwa support
    [buyer_support] kwa mnunuzi na kwa support
    [buyer] kwa mnunuzi
   *[parties] kwa wahusika
  }.
engine-done-tracking = Ufuatiliaji { $carrier } { $number } umeongezwa: { $status ->
    [delivered] msafirishaji anaonyesha umefika kwenye anwani ya oda.
    [mismatch] msafirishaji anaonyesha umefika mahali pengine{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }, si kwenye anwani ya oda; kesi inabaki wazi.
    [unknown] { $carrier } bado haitambui nambari hii: ihakiki, na ikiwa ina kosa, ongeza nambari sahihi.
   *[in_transit] msafirishaji bado haonyeshi kufika.
  }
engine-done-refund = Kurudisha { $amount } kumeandikwa{ $recover ->
    [yes] , kutachukuliwa kwa muuzaji
   *[no] { "" }
  }.
engine-done-escalated = Kesi imepelekwa kwa support.
engine-done-ask = Swali limepelekwa { $from ->
    [buyer] kwa mnunuzi
   *[seller] kwa muuzaji
  }.
engine-done-note = Kumbukumbu ya ndani imeongezwa.
engine-done-support-requested = Ujumbe wako umepelekwa kwa support pamoja na kesi. Support itakujibu hapa.
engine-done-proof-mismatch = Ushahidi huu hauonyeshi kutumwa kwa anwani ya oda: kesi inaonyesha hivyo, kwa mnunuzi na kwa support.
engine-done-closed = Kesi imefungwa: { common-resolution }.
engine-done-reopened = Kesi imefunguliwa tena.

engine-choice-cancel = Acha
engine-choice-back = Rudi
engine-choice-confirm = Thibitisha
engine-choice-yes-reason = Ndiyo, ni hivyo
engine-choice-no-reason = Hapana, ni kitu kingine
engine-choice-message-seller = Mwandikie muuzaji
engine-choice-open-case = Fungua kesi
engine-choice-refund-recover = Rudisha, ichukuliwe kwa muuzaji
engine-choice-refund-no-recover = Rudisha bila kuchukua kwa muuzaji
engine-choice-proof-to-order-address = Ndiyo, kwa anwani hii
engine-choice-proof-elsewhere = Hapana, anwani nyingine
engine-choice-proof-no-address = Haionyeshi anwani
engine-choice-send-request = Tuma ombi

engine-action-view = Ona kesi
engine-action-photo = Ongeza picha
engine-action-proof = Ongeza ushahidi wa kutuma
engine-action-close = Funga: limekwisha
engine-action-escalate = Peleka kwa support
engine-action-escalate-support = Peleka (sababu)
engine-action-refund-full = Rudisha pesa zote
engine-action-refund-partial = Rudisha sehemu
engine-action-tracking = Ongeza ufuatiliaji
engine-action-decide = Amua upande wa muuzaji
engine-action-reopen = Fungua tena
engine-action-ask-buyer = Swali kwa mnunuzi
engine-action-ask-seller = Swali kwa muuzaji
engine-action-note = Kumbukumbu ya ndani
engine-action-support = Omba support
engine-action-ask-reinstatement = Omba duka lirudishwe

engine-ground-inactivity = Muuzaji hajibu
engine-ground-harassment = Unyanyasaji
engine-ground-refusal = Kukataa kutoa huduma
engine-ground-manipulation = Kuchezea kesi
engine-ground-integrity = Mfumo wa kesi

engine-proof-shipping-receipt = Risiti ya kutuma
engine-proof-customs-form = Fomu ya forodha
engine-proof-delivery-confirmation = Uthibitisho wa kufika
engine-proof-departure-scan = Uthibitisho wa kutumwa

## Orodha na kadi

engine-no-open-case = Huna kesi yoyote iliyo wazi.
engine-which-case = Ni kesi gani?
engine-case-choice = { $caseId } · { $orderId }
engine-cases-title = { $view ->
    [mine] Kesi zako
    [escalated] Kesi zilizopelekwa kwa support
    [overdue] Kesi zilizochelewa
    [waiting] Kesi zinazosubiri support
   *[all] Kesi
  } ({ $count }):
engine-cases-none = { $view ->
    [mine] Huna kesi yoyote.
    [escalated] Hakuna kesi iliyopelekwa kwa support.
    [overdue] Hakuna kesi iliyochelewa.
    [waiting] Hakuna kesi inayosubiri support.
   *[other] Hakuna kesi.
  }
engine-case-line = { $caseId } · oda { $orderId } · { common-reason } · { common-status } · ilifunguliwa { $openedAt }
engine-shop-suspended = Duka { $shopName } limesimamishwa.
engine-shop-reinstated = Duka { $shopName } limerudishwa.

engine-card-title = Kesi { $caseId } · { $orderTitle }
engine-card-order = Oda { $orderId } · { $shopName } · { $total }
engine-card-reason = Sababu: { common-reason }
engine-card-status = Hali: { common-status }{ $resolution ->
    [none] { "" }
   *[other] { " " }({ common-resolution })
  }
engine-card-description = Maelezo: « { $description } »
engine-card-opened = Ilifunguliwa { $at }
engine-card-escalatable = Kupeleka kwa support kunawezekana kuanzia { $at }
engine-card-escalated = Ilipelekwa kwa support { $at }
engine-card-closed = Ilifungwa { $at }
engine-card-refunded = Imerudishwa: { $refunded } kati ya { $total }
engine-card-late = ⚠ Kuchelewa kufika: ni kurudisha pesa zote tu kunakoweza kufunga kesi hii.
engine-card-tracking-mismatch = ⚠ Ufuatiliaji unaonyesha kufika mahali pengine, si kwenye anwani ya oda.
engine-card-proof-mismatch = ⚠ Ushahidi mmoja wa kutuma hauonyeshi kutumwa kwa anwani ya oda.
engine-card-role = Wewe ni { $role ->
    [buyer] mnunuzi
    [seller] muuzaji
   *[support] support
  } kwenye kesi hii.

## Historia (support tu)

engine-timeline-title = Kesi { $caseId }: historia (matukio { $count })
engine-timeline-opened = { $at } · { common-role } ({ $platform }) · kufunguliwa: { common-reason } · « { $text } »
engine-timeline-comment = { $at } · { common-role } ({ $platform }) · ujumbe: « { $text } »
engine-timeline-note = { $at } · { common-role } ({ $platform }) · kumbukumbu ya ndani: « { $text } »
engine-timeline-info-provided = { $at } · { common-role } ({ $platform }) · jibu kwa support: « { $text } »
engine-timeline-evidence = { $at } · { common-role } ({ $platform }) · ushahidi: { common-evidence-kind }{ $matches ->
    [yes] , anwani inalingana
    [no] , anwani tofauti na ya oda{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
      }
   *[unknown] { "" }
  }
engine-timeline-tracking = { $at } · { common-role } ({ $platform }) · ufuatiliaji { $carrier } { $number }: { $status ->
    [delivered] umefika kwenye anwani
    [mismatch] umefika mahali pengine
   *[in_transit] bado haujafika
  }
engine-timeline-refund = { $at } · { common-role } ({ $platform }) · kurudisha { $amount }{ $recover ->
    [yes] , kumechukuliwa kwa muuzaji
   *[no] { "" }
  }
engine-timeline-escalated = { $at } · { common-role } ({ $platform }) · imepelekwa kwa support: { common-ground }
engine-timeline-info-requested = { $at } · { common-role } ({ $platform }) · swali { $from ->
    [buyer] kwa mnunuzi
   *[seller] kwa muuzaji
  }: « { $text } »
engine-timeline-reminder = { $at } · kikumbusho { $nudge } { $to ->
    [buyer] kwa mnunuzi
    [seller] kwa muuzaji
    [seller_support] kwa muuzaji na kwa support
    [buyer_support] kwa mnunuzi na kwa support
   *[support] kwa support
  }
engine-timeline-closed = { $at } · { common-role } ({ $platform }) · imefungwa: { common-resolution }{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-reopened = { $at } · { common-role } ({ $platform }) · imefunguliwa tena{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-late-delivery = { $at } · imeonyeshwa kama kuchelewa kufika
engine-timeline-support-requested = { $at } · { common-role } ({ $platform }) · ombi kwa support: « { $text } »

## Kusimamisha na kurudisha duka (muuzaji)

engine-shop-suspended-notice = Duka lako { $shopName } limesimamishwa na support ya Congocrea tangu { $at }. Sababu: « { $reason } ».
engine-reinstatement-how = Kumaliza kesi zako hakuondoi usimamishaji: omba support irudishe duka.
engine-reinstatement-pending = Ombi lako la kurudisha duka liko mikononi mwa support tangu { $at }.
engine-reinstatement-already = Ombi lako la kurudisha { $shopName } tayari liko mikononi mwa support (lilitumwa { $at }). Support itakujibu hapa.
engine-reinstatement-ask-message = Nitaomba support irudishe { $shopName }. Ongeza ujumbe ukitaka (ulichofanya tangu hapo, kwa mfano), au tuma ombi kama lilivyo.
engine-reinstatement-sent = Ombi limetumwa: support itachunguza kurudishwa kwa { $shopName } na itakujibu hapa.
engine-shop-not-suspended = Duka lako { $shopName } halijasimamishwa: hakuna cha kuomba kurudishwa.
engine-relay-reinstatement-request = Ombi la kurudisha duka: { $sellerName } anaomba duka { $shopName } ({ $shopId }) lirudishwe. Limesimamishwa tangu { $at }, sababu: « { $reason } ».
engine-relay-reinstatement-how = Kulirudisha: /reinstate { $shopId }
engine-relay-shop-reinstated = Support imerudisha duka lako { $shopName }.

## What a seller's words announce (a refund, a tracking number), and words written outside any case

engine-words-refund = Ujumbe wako umetumwa, lakini kuandika « kurudisha pesa » hakumrudishii mnunuzi pesa. Ili kurudisha pesa kweli katika kesi { $caseId }, thibitisha hapa chini.
engine-words-tracking = Ujumbe wako umetumwa. Ili kuongeza pia ufuatiliaji { $carrier } { $number } kwenye kesi { $caseId } (msafirishaji atasema kifurushi kiko wapi; kikifika kwenye anwani ya oda, kesi inafungwa), bonyeza kitufe.
engine-words-support = Ujumbe wako umemfikia mnunuzi, si support. Ili kuandikia support kuhusu kesi { $caseId }, bonyeza kitufe.
engine-choice-add-tracking = Ongeza ufuatiliaji { $carrier } { $number }
engine-words-tracking-number = Ujumbe wako umetumwa. Ikiwa { $number } ni namba ya ufuatiliaji, iongeze kwenye kesi { $caseId }: msafirishaji atasema kifurushi kiko wapi, na kufikishwa kwenye anwani ya oda hufunga kesi.
engine-choice-add-tracking-number = Ongeza ufuatiliaji { $number }
engine-ask-carrier = Msafirishaji gani kwa namba { $number }? Andika jina lake, kwa mfano: dhl
engine-choice-send-to-buyer = Mtumie mnunuzi · { $caseId } · { $orderId }
engine-seller-words-not-sent = { $count ->
    [one] Ujumbe huu haujaenda popote: haujibu kesi yoyote. Ili kumtumia mnunuzi wa kesi { $caseId } (oda { $orderId }), bonyeza « Mtumie mnunuzi ». Hii ndiyo kesi.
   *[other] Ujumbe huu haujaenda popote: haujibu kesi yoyote. Una kesi { $count } zinazoendelea: mnunuzi yupi aupate?
  }
engine-choice-send-to-seller = Mtumie muuzaji · { $caseId } · { $orderId }
engine-buyer-words-not-sent = { $count ->
    [one] Ujumbe huu haujaenda bado: umeandika nje ya kesi. Ili kumtumia muuzaji kama ulivyoandika (kesi { $caseId }, oda { $orderId }), bonyeza « Mtumie muuzaji ». Hii ndiyo kesi yako; kwa tatizo la oda nyingine, andika nambari yake.
   *[other] Ujumbe huu haujaenda bado: umeandika nje ya kesi zako. Una kesi { $count } zinazoendelea: muuzaji yupi aupate? Kwa tatizo la oda nyingine, andika nambari yake.
  }
engine-words-answer-support = Support inasubiri jibu lako kwenye kesi { $caseId }: ukilituma kwa kitufe kilicho hapo juu, litaifikia pia.
engine-seller-escalate = Ni mnunuzi pekee anayeweza kupeleka kesi { $caseId } kwa support, lakini unaweza kuomba msaada wa support.
engine-words-refund-outside = { $when ->
    [unrecorded] Ujumbe wako umetumwa, lakini kesi { $caseId } haionyeshi pesa yoyote iliyorudishwa: bado iko wazi. Ikiwa ulirudisha pesa nje ya Congocrea (mobile money uliyotuma mwenyewe, taslimu), usithibitishe hapa chini, ungelipa mara ya pili: ni mnunuzi wa kufunga kesi. Ili kurudisha pesa kupitia Congocrea, thibitisha.
    [done] Ujumbe wako umetumwa. Pesa iliyorudishwa nje ya Congocrea (mobile money uliyotuma mwenyewe, taslimu, uhamisho) haijarekodiwa: kesi { $caseId } bado iko wazi. Usirudishe pesa mara ya pili kwa kitufe « { engine-action-refund-full } »: ikiwa mnunuzi amepokea pesa kweli, ni yeye wa kufunga kesi; la sivyo, omba msaada wa support.
   *[planned] Ujumbe wako umetumwa. Pesa itakayorudishwa nje ya Congocrea (mobile money utakayotuma mwenyewe, taslimu, uhamisho) haitarekodiwa: kesi { $caseId } itabaki wazi. Rudisha pesa kupitia Congocrea badala yake: thibitisha hapa chini.
  }
engine-words-delivered = Ujumbe wako umetumwa. Ili kuonyesha support kwamba oda ilitumwa au ilifika, ongeza kwenye kesi { $caseId } ushahidi wa kutuma (risiti ya kutuma, bordereau, uthibitisho wa kufikishwa) au namba ya ufuatiliaji: ufuatiliaji unaoonyesha kufikishwa kwenye anwani ya oda hufunga kesi.
engine-seller-close = Ni mnunuzi pekee anayeweza kufunga kesi { $caseId } kama imemalizika. Kwa upande wako, inafungwa kwa kurudisha pesa yote{ $reason ->
    [non_delivery] , au kwa ufuatiliaji unaoonyesha kufikishwa kwenye anwani ya oda
   *[other] {""}
  }. Hii hapa kesi na vitufe vyake.
engine-step-left = { $step ->
    [amount] Sisubiri tena kiasi kwa kesi { $caseId }: hakuna pesa iliyorudishwa.
   *[other] Sisubiri tena nambari ya ufuatiliaji kwa kesi { $caseId }: hakuna ufuatiliaji ulioongezwa.
  }
engine-closed-not-sent = Kesi { $caseId } imefungwa ({ common-resolution }): ujumbe wako haujatumwa kwa { $to ->
    [seller] muuzaji
   *[other] mnunuzi
  }.

## Edited messages and long texts split in parts
engine-done-correction = Marekebisho yamepelekwa { $to ->
    [seller] kwa muuzaji
    [seller_support] kwa muuzaji na kwa support
    [buyer_support] kwa mnunuzi na kwa support
    [buyer] kwa mnunuzi
   *[parties] kwa wahusika
  }: ujumbe uliobadilisha unawafikia kama ujumbe mpya.
engine-timeline-correction = { $at } · { common-role } ({ $platform }) · marekebisho ya ujumbe wa { $sentAt }: « { $text } »
engine-edit-description-updated = Maelezo yamesasishwa kwa ujumbe uliobadilisha: « { $description } »
engine-edit-not-read = { $what ->
    [command] Amri iliyobadilishwa haitekelezwi tena: ituma kama ujumbe mpya.
   *[message] Sisomi jumbe zilizobadilishwa hapa: tafadhali tuma ujumbe mpya badala yake.
  }
engine-long-joined = Ujumbe wako mrefu umefika kwa sehemu kadhaa: ninazisoma pamoja (herufi { $length }).

## Paying outside Congocrea (a seller asking to be paid directly)
engine-pay-outside = { $role ->
    [seller] Malipo hupitia Congocrea: pesa uliyopokea nje yake (mobile money iliyotumwa moja kwa moja, taslimu, uhamisho wa benki) hairekodiwi na haimalizi kesi yoyote.
   *[other] Usilipe nje ya Congocrea (mobile money uliyomtumia muuzaji moja kwa moja, taslimu, uhamisho wa benki): malipo kama hayo hayarekodiwi, na Congocrea haiwezi kuyafuatilia wala kukurudishia.
  }
