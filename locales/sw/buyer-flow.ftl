# The buyer's conversation (issue 12): orders as people name them, delivery questions, the report resumed.

buyer-flow-several-orders = { $count ->
    [one] Nadhani ni oda hii:
   *[other] Oda zako kadhaa zinalingana.
  }
buyer-flow-unclear = Sikutambua tatizo maalum, lakini ninaweza kukusaidia kuhusu oda: ichague, nami nitakuonyesha matatizo yanayowezekana.
buyer-flow-also-kept = Ninahifadhi malalamiko yako kuhusu { $orderId }: tutarudi kwake mara baada ya haya.
buyer-flow-how-it-works = Niambie tatizo la oda: ninalipeleka kwa muuzaji. Ikiwa haikufika au hailingani na tangazo, unaweza kufungua kesi, yaani malalamiko rasmi, kuanzia siku inayofuata tarehe yake ya kufika iliyotarajiwa. Muuzaji ana { $duration } kulimaliza tatizo pamoja nawe; baada ya hapo, unaweza kupeleka kesi kwa msaada wa Congocrea.
buyer-flow-order-not-in-text = Sioni ni oda gani. Ichague hapa chini, au andika nambari yake (kwa mfano 1001), tarehe ya oda au bidhaa uliyonunua.
buyer-flow-order-not-listed = Hizi ndizo oda za akaunti yako ya Congocrea ({ $account }). { $more ->
    [yes] Ni za karibuni tu zinazoonyeshwa: kwa ya zamani zaidi, andika nambari yake (kwa mfano 1001) au tarehe yake.
   *[no] Oda iliyowekwa kutoka akaunti nyingine inaripotiwa kutoka akaunti hiyo.
} Kama ulilipia oda isiyoonekana hapa, wasiliana na support ya Congocrea.
buyer-flow-delivery-expected = Oda yako { $orderId } inatarajiwa { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(makadirio kutokana na muda wa kuandaa na kusafirisha)
   *[estimate] { "" }
  }. Kama bado haijafika, utaweza kufungua kesi kuanzia { $from }.
buyer-flow-delivery-late = Oda yako { $orderId } ilitakiwa kufika { $estimated }. Kama hukuipokea, unaweza kufungua kesi (oda haikufika) mpaka { $lastDay } (ikiwemo).
buyer-flow-description-kept = Ujumbe wako utakuwa maelezo: « { $description } ». Unaweza kuyabadilisha, na kuongeza picha sasa au baada ya kufungua.
buyer-flow-choice-open-now = Fungua kesi sasa
buyer-flow-choice-edit-description = Badilisha maelezo
buyer-flow-photos-after = { $count ->
    [0] Unaweza kuongeza picha wakati wowote kwa kitufe « Ongeza picha ».
   *[other] Picha nyingine? Kitufe « Ongeza picha » bado kipo.
  }
buyer-flow-resume-offer = { $orderId ->
    [none] Ulikuwa umeanza kuripoti tatizo: uendelee au uache?
   *[other] Ulikuwa umeanza kuripoti tatizo la { $orderId }: uendelee au uache?
  }
buyer-flow-choice-resume = Endelea
buyer-flow-choice-leave = Acha
buyer-flow-thanks = Karibu! { $orderId ->
    [none] Niandikie wakati wowote.
   *[other] Niandikie wakati wowote kuhusu oda { $orderId }.
  }
buyer-flow-came = Vizuri, oda yako imefika! Niandikie wakati wowote kama tatizo litatokea.
buyer-flow-wait-seller = Sawa. Jibu la { $shopName } kuhusu oda { $orderId } litakufikia hapa.
buyer-flow-after-message = { $shopName } amepokea ujumbe wako kuhusu oda { $orderId }; jibu lake litakufikia hapa. { $caseable ->
    [yes] Kama tatizo halijamalizika, niandikie kufungua kesi.
   *[no] Kwa ombi la aina hii muuzaji ndiye anaamua, kwa sheria za duka lake: kesi inaweza kufunguliwa tu kwa oda ambayo haijafika au isiyolingana na tangazo.
  }
buyer-flow-case-wait = { $thanks ->
    [yes] Karibu!
   *[no] Sawa.
  } { $escalated ->
    [yes] Support inafuatilia kesi yako { $caseId } na itakujibu hapa.
   *[no] Jibu la muuzaji kuhusu kesi { $caseId } litakufikia hapa, na nitakujulisha mara utakapoweza kuipeleka kwa support.
  }
buyer-flow-case-next = { $when ->
    [escalated] Kesi yako { $caseId } iko mikononi mwa support: mtu wa timu ya Congocrea anaiangalia na atakujibu hapa.
    [later] Muuzaji ana hadi { $escalatableAt } kumaliza tatizo pamoja nawe; jibu lake litakufikia hapa. Kama hakuna kilichomalizika hadi wakati huo, unaweza kupeleka kesi { $caseId } kwa support: nitakujulisha.
   *[now] Muda wa muuzaji umekwisha: unaweza kupeleka kesi { $caseId } kwa support kwa kitufe « { engine-action-escalate } » kwenye kadi yake.
  }
buyer-flow-left = { $orderId ->
    [none] Sawa, naacha ripoti hiyo.
   *[other] Sawa, naacha ripoti ya { $orderId }.
  }
buyer-flow-case-under-way = Kesi yako { $caseId } ya oda { $orderId } inaendelea: hii hapa. Kumwandikia muuzaji, tumia « { engine-action-reply-to-seller } »; kwa tatizo la oda nyingine, andika nambari yake.
buyer-flow-cases-under-way = Una kesi { $count } zinazoendelea: unataka kuona ipi? Kwa tatizo la oda nyingine, andika nambari yake.
buyer-flow-just-closed = Kesi yako { $caseId } (oda { $orderId }) { $recent ->
    [yes] imefungwa sasa hivi
   *[no] ilifungwa { $closedAt }
  }: { common-resolution }. Ujumbe wako haukupelekwa kwa muuzaji. Kama haijatatuliwa kwako, bonyeza « { engine-action-verify } » kabla ya { $until }: support itakagua. Kwa tatizo la oda nyingine, andika nambari yake.
buyer-flow-no-case-hint = Ili kufungua moja, niambie nini hakiko sawa na oda yako, kwa mfano « oda yangu 1001 haijafika ».
buyer-flow-person-case = { $status ->
    [escalated] Kesi yako { $caseId } ya oda { $orderId } tayari iko kwa huduma ya msaada: mtu wa timu ya Congocrea anaifuatilia na atakujibu hapa. Hii hapa.
   *[other] Mimi ni msaidizi wa kiotomatiki. Mtu wa huduma ya msaada ya Congocrea hushughulikia kesi inapopelekwa kwake. Hii hapa kesi yako { $caseId } ya oda { $orderId }: ukiweza kuipeleka, kitufe « { engine-action-escalate } » kinaonekana; la sivyo, inaonyesha kuanzia lini.
  }
buyer-flow-person-cases = Mimi ni msaidizi wa kiotomatiki. Mtu wa huduma ya msaada ya Congocrea hushughulikia kesi inapopelekwa kwake. Una kesi { $count } zinazoendelea: chagua moja, kadi yake inaonyesha kitufe « { engine-action-escalate } » ukiweza kuipeleka.
buyer-flow-person-no-case = Mimi ni msaidizi wa kiotomatiki. Mtu wa huduma ya msaada ya Congocrea huingilia kesi inapopelekwa kwake; huna kesi iliyo wazi.
buyer-flow-earlier-report-button = Kitufe hicho kilikuwa cha malalamiko uliyoyabadilisha baadaye: hakuna kilichobadilishwa. Haya ndiyo malalamiko yako ya sasa yalipofikia.
buyer-flow-earlier-step-button = Kitufe hicho kilikuwa cha swali lililokwisha kujibiwa: hakuna kilichobadilishwa. Haya ndiyo malalamiko yako ya sasa yalipofikia.
buyer-flow-cases-status = Kesi zako { $count } zinazoendelea, kila moja na hali yake:
buyer-flow-policy-next = Ili kuomba kurudisha, kubadilisha au kurudishiwa pesa, niambie oda gani na unachotaka: nitampelekea muuzaji ombi lako, pamoja na masharti haya.
buyer-flow-person-report = Mimi ni msaidizi wa kiotomatiki. Mtu wa huduma ya msaada ya Congocrea huingilia kesi inapopelekwa kwake. Taarifa yako inaendelea pale ilipokuwa:
buyer-flow-why-not-yet = Kwa nini: hadi tarehe iliyotarajiwa ya kufika ({ $estimated }) ipite, oda { $orderId } bado inaweza kufika. Kesi itaweza kufunguliwa kuanzia { $from } hadi { $lastDay }; hiyo ndiyo kanuni ya Congocrea kwa kila ununuzi. Kwa sasa, naweza kumpelekea muuzaji ujumbe wako.
buyer-flow-why-window-closed = Kwa nini: kesi inaweza kufunguliwa kwa muda wa { $window } kuanzia siku inayofuata tarehe iliyotarajiwa ya kufika. Kwa oda { $orderId }, ilikuwa kuanzia { $from } hadi { $lastDay }; hiyo ndiyo kanuni ya Congocrea kwa kila ununuzi. Muuzaji bado anapatikana: naweza kumpelekea ujumbe wako.
buyer-flow-why-seller-first = Kwa nini: matatizo mengi humalizika haraka zaidi moja kwa moja na muuzaji, bila kesi. Lakini uamuzi ni wako: unaweza kufungua kesi ya oda { $orderId } sasa hivi, hadi { $lastDay }.
buyer-flow-why-not-a-case = Kwa nini: Congocrea hufungua kesi tu kwa oda ambayo haikufika au bidhaa isiyolingana na tangazo lake; hiyo ndiyo kanuni ya soko kwa kila ununuzi. Kwa mengine ({ common-reason }), muuzaji ndiye anayeamua, kwa masharti ya duka lake: anapokea ujumbe wako na atakujibu hapa.
buyer-flow-seller-tried = Basi hakuna haja ya kusubiri: fungua kesi ya oda { $orderId }. Muuzaji atajulishwa na atakuwa na { $duration } kulimaliza tatizo pamoja nawe; baada ya hapo, unaweza kupeleka kesi kwa msaada wa Congocrea.
buyer-flow-refund-by-case = Kwa tatizo hili ({ common-reason }), kurudishiwa pesa hupitia kesi: ifungue kwa oda { $orderId }. Muuzaji anaweza kukurudishia pesa yote, na kesi inafungwa; ikiwa hakuna kilichotatuliwa ndani ya { $duration }, unaweza kuipeleka kwa msaada wa Congocrea, ambao wanaweza kukurudishia pesa.
buyer-flow-refund-outside = Pesa uliyorudishiwa nje ya Congocrea (mobile money, taslimu) haijarekodiwa kwenye kesi { $caseId }: inabaki wazi. Ikiwa tatizo limekwisha kwako, unaweza kuifunga; vinginevyo hakuna kinachobadilika.
