# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = Kitufe hiki hakitumiki tena: { $state ->
    [closed] kesi { $caseId } imefungwa tangu { $at } ({ common-resolution }).
    [escalated] kesi { $caseId } iko mikononi mwa support tangu { $at }.
   *[other] kesi { $caseId } imebadilika ({ common-status }).
  } Hakuna kilichofanyika; hii ndiyo kadi ya sasa.
error-action-used = Tayari imechaguliwa: chaguo hili lilishafanywa. Hakuna kilichobadilika.
error-action-cancelled = Chaguo hili liliachwa (/cancel) kabla ya kufanywa: hakuna kilichobadilika.

## Money and closing, on purpose

engine-confirm-decide-buyer = Kuamua kesi { $caseId } kwa faida ya mnunuzi? { $payer ->
    [none] Kila kitu kimeshalipwa ({ $refunded } kati ya { $total }): hakuna kitakacholipwa zaidi.
    [seller] { $amount } zitarudishwa kwa mnunuzi, zikichukuliwa kwa muuzaji.
    [marketplace] { $amount } zitarudishwa kwa mnunuzi, zikilipwa na Congocrea.
   *[choose] { $amount } zitarudishwa kwa mnunuzi, zikilipwa na Congocrea au kuchukuliwa kwa muuzaji (chagua hapa chini).
  } Kesi itafungwa.
error-refunded-in-full = Kesi hii imeshalipwa pesa yote ({ $amount }): haiwezi kuamuliwa kwa faida ya muuzaji. Ili kuifunga, amua kwa mnunuzi (/decide <nambari> acheteur): hakuna kitakacholipwa mara mbili.
engine-action-decide-buyer = Kuamua kwa mnunuzi
engine-side-seller = Kwa muuzaji
engine-side-buyer = Kwa mnunuzi
engine-ask-side = Unaamua kesi { $caseId } kwa faida ya nani?
engine-side-unknown = Sijui « { $typed } » kama upande (muuzaji au mnunuzi).

## Asking support to verify a closing (buyer)

engine-action-verify = Omba ukaguzi
engine-confirm-verify = Kuomba support ikague kufungwa kwa kesi { $caseId } ({ common-resolution })? Support itapokea kesi na inaweza kuifungua tena. Unaweza kuomba hivi mara moja tu.
engine-done-verification-requested = Ombi limetumwa: support imepokea kesi { $caseId } na itakagua kufungwa kwake. Itakujibu hapa.
engine-timeline-verification-requested = { $at } · { common-role } ({ $platform }) · ombi la kukagua kufungwa ({ common-resolution }) { $text }
notify-closed-why-delivered = Sababu: msafirishaji { $carrier } anasema mzigo { $number } ulifikishwa{ $place ->
    [none] { "" }
   *[other] { " " }huko { $place }
  }, kwenye anwani ya oda.
notify-closed-why-refunded = Sababu: muuzaji ameandika kwamba amerudisha pesa yote { $amount } kwa njia ya malipo ya awali.
notify-contest-offer = Kama si hivyo, bonyeza « Omba ukaguzi » kabla ya { $until }: support itakagua na inaweza kufungua kesi { $caseId } tena.
notify-verification-requested = Mnunuzi anapinga kufungwa kwa kesi { $caseId } ({ common-resolution }) na anaomba ukaguzi. Unaweza kufungua kesi tena kutoka kwenye kadi yake.
error-not-contestable = Kufungwa huku ({ common-resolution }) hakuwezi kupingwa hapa: andikia support ya Congocrea.
error-contest-window-over = Muda wa kuomba ukaguzi umepita (mpaka { $until }).
error-already-contested = Ukaguzi umeshaombwa kwa kesi hii, tarehe { $at }.

## Support's words

engine-ground-unknown = Sijui sababu « { $typed } ».
engine-queue-menu = Unataka kuona orodha gani?
engine-queue-unknown = Sijui orodha « { $typed } ». Orodha zilizopo: /cases escalated, overdue, waiting au mine.
engine-queue-choice = { $view ->
    [escalated] Zilizopelekwa kwa support
    [waiting] Zinasubiri support
    [overdue] Zimechelewa
   *[all] Zote
  } ({ $count })
engine-shop-which = Maduka { $count } yanalingana na « { $query } ». Lipi?
engine-shop-choice = { $shopName } ({ $shopId })
error-ambiguous-shop = Maduka mengi yanalingana: andika jina kamili.
engine-staff-hint = Hapa ninajibu amri za support: /cases kwa orodha, /case <nambari> kwa kesi moja, /help kwa mengine yote.
engine-staff-file-not-kept = Faili halijahifadhiwa: amri na maelezo ya ndani ya support hupokea maandishi tu. Eleza kinachoonyeshwa kwenye maelezo (/note <nambari> <maandishi>).

## Replying to the other party with a button (every platform)

engine-action-reply-to-seller = Mjibu muuzaji
engine-action-reply-to-buyer = Mjibu mnunuzi
engine-ask-reply = Andika ujumbe wako { $to ->
    [seller] kwa muuzaji
   *[buyer] kwa mnunuzi
  }{ $support ->
    [yes] { " " }na kwa timu ya msaada, inayosubiri jibu lako
   *[no] { "" }
  } (kesi { $caseId }): nitaupeleka.

## A seller writing to the bot outside any case thread (seller outside probe)

seller-outside-thanks = Karibu! { $count ->
    [0] Huna kesi inayoendelea.
    [one] Kesi { $caseId } (oda { $orderId }) bado iko wazi: mjibu mnunuzi, rudisha pesa au ongeza ufuatiliaji kutoka kwenye kadi yake.
   *[other] Kesi zako { $count } bado ziko wazi: mjibu kila mnunuzi kutoka kwenye kadi ya kesi yake.
  }
seller-outside-how = Mnunuzi akifungua kesi kuhusu oda yako (oda haikufika, au bidhaa hailingani na tangazo), ninakutumia kadi yake hapa. Mjibu kwa « { engine-action-reply-to-buyer } »; rudisha pesa, ongeza ufuatiliaji au uthibitisho wa kutuma kwa vitufe vya kadi. Una { $duration } kutatua tatizo pamoja naye; baada ya hapo, anaweza kuipeleka kesi kwa support.
seller-outside-none = Huna kesi inayoendelea. Mnunuzi akifungua kesi kuhusu oda yako, nitakutumia hapa, pamoja na kadi yake na muda wako.
seller-outside-last-closed = Kesi yako ya mwisho, { $caseId } (oda { $orderId }), imefungwa: { common-resolution }.
seller-outside-how-refund = Ili kumrudishia mnunuzi pesa, bonyeza « { engine-action-refund-full } » au « { engine-action-refund-partial } » kwenye kadi ya kesi (au andika /refund <namba ya kesi> [kiasi]): pesa inamrudia kwa njia aliyolipia, na kurudisha pesa zote kunafunga kesi. Kumwandikia mnunuzi « nitarudisha » hakurudishi pesa.
seller-outside-cases = { $count ->
    [one] Kesi yako inayoendelea: { $caseId }, oda { $orderId }. Hii ndiyo kadi yake (sababu, maelezo ya mnunuzi, muda, vitufe).
   *[other] Kesi zako { $count } zinazoendelea, kila moja na kadi yake (sababu, maelezo ya mnunuzi, muda, vitufe):
  }
seller-outside-deadline = Kesi { $caseId } (oda { $orderId }): { $when ->
    [later] una hadi { $escalatableAt } (zimebaki { $left }) kutatua tatizo pamoja na mnunuzi; baada ya hapo, anaweza kuipeleka kesi kwa support.
    [now] muda wako uliisha { $escalatableAt }: mnunuzi anaweza kuipeleka kesi kwa support wakati wowote. Mjibu, rudisha pesa au ongeza ufuatiliaji sasa.
   *[escalated] iko mikononi mwa support, ambao wataamua; wakikuuliza taarifa, jibu haraka.
  }
seller-outside-send-offer = { $count ->
    [one] Maneno haya hayajaenda kwa mnunuzi. Kama yalikuwa yake, « Mtumie mnunuzi » inamtumia kama yalivyoandikwa.
   *[other] Maneno haya hayajaenda kwa mnunuzi yeyote. Kama yalikuwa ya mmoja wao, chagua kesi yake: nitamtumia kama yalivyoandikwa.
  }
seller-outside-many = Una kesi { $count } zinazoendelea: /cases inaziorodhesha.

## A seller in a case's thread (seller probe 2)

seller-thread-more-time = Palabre haiongezi muda wa kesi { $caseId }: { $when ->
    [later] mnunuzi anaweza kuipeleka kwa support kuanzia { $escalatableAt }, isipokuwa akikubali kusubiri. Tatua tatizo kabla ya hapo ukiweza.
    [now] tangu { $escalatableAt }, mnunuzi anaweza kuipeleka kwa support wakati wowote. Tatua tatizo bila kuchelewa.
   *[escalated] support ina kesi na itaamua; jibu haraka ikikuomba taarifa.
  }
seller-thread-proof-photo = Picha imeongezwa kwenye kesi { $caseId } kama picha tu. Kama ni ushahidi wa kutuma (risiti ya kutuma, hati ya usafirishaji, uthibitisho wa kufika), bonyeza « { engine-action-proof } » kisha uitume tena: itahifadhiwa kama ushahidi, pamoja na anwani inayoonyesha.
