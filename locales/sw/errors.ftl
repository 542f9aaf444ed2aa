# Sentensi moja kwa kila code ya kosa ya src/domain/errors.ts: error-<code kwa herufi ndogo, _ → ->.
# Hakuna kinachobadilishwa moja ya hizi inapoonyeshwa.

error-validation = Sijaelewa ombi hili. Liangalie tena na ujaribu tena (/help kwa msaada).
error-text-empty = Ujumbe hauna kitu.
error-text-too-long = Maandishi haya ni marefu mno: herufi { $max } tu{ $length ->
    [0] {""}
   *[other] {" "}(yana { $length })
  }. Hakuna kilichohifadhiwa: yafupishe au yatume kwa jumbe kadhaa.
error-invalid-amount = Kiasi hiki si sahihi. Andika namba, kwa mfano 5000.
error-currency-mismatch = Sarafu haiendani na ile ya oda ({ $currency }).
error-invalid-ground = Sababu haijulikani. Sababu zinazowezekana: { $grounds }.
error-invalid-reason = Sababu hii haipo. Chagua moja kwenye orodha.
error-case-not-found = Sioni kesi hii, au haikuhusu.
error-order-not-found = Sioni oda hii kwa jina lako.
error-shop-not-found = Sioni duka hili.
error-account-not-found = Sioni akaunti hii ya Congocrea.
error-not-your-case = Kesi hii haikuhusu.
error-not-order-buyer = Ni mnunuzi wa oda peke yake anayeweza kufungua kesi.
error-buyer-only = Ni mnunuzi peke yake anayeweza kufanya hivyo.
error-seller-only = Ni muuzaji peke yake anayeweza kufanya hivyo.
error-support-only = { $staffChannel ->
    [yes] Hii ni ya support peke yake, kwenye chaneli ya support.
   *[no] Hii ni ya support peke yake.
  }
error-not-linked = Kwanza unganisha ujumbe huu na akaunti yako ya Congocrea (/start kujua jinsi gani).
error-reason-not-caseable = Kesi inaweza kufunguliwa tu kwa oda ambayo haijafika au bidhaa isiyofanana na tangazo. Kwa mengine, mwandikie muuzaji.
error-not-eligible-yet = Bado ni mapema kufungua kesi kwa oda hii. Kwa sasa, mwandikie muuzaji.
error-case-window-closed = Muda wa kufungua kesi kwa oda hii umepita. Bado unaweza kumwandikia muuzaji.
error-case-already-open = Kesi tayari imefunguliwa kwa oda hii: { $caseId }.
error-case-closed = Kesi hii imefungwa.
error-case-not-closed = Kesi hii haijafungwa.
error-escalation-not-yet = Utaweza kupeleka kesi hii kwa support kuanzia { $at }. Mpaka hapo, muuzaji bado anaweza kumaliza tatizo pamoja nawe.
error-already-escalated = Kesi hii tayari iko mikononi mwa support.
error-not-escalated = Hili linawezekana tu kesi ikishapelekwa kwa support.
error-refund-too-large = Kiasi hiki kinazidi kilichobaki kurudishwa ({ $max }).
error-late-delivery-full-refund-only = Kesi hii ni ya kuchelewa kufika: ni kurudisha pesa zote tu kunakoweza kuifunga.
error-not-late-yet = Kesi hii bado haijafikia hali ya kuchelewa kufika.
error-already-late = Kesi hii tayari imeonyeshwa kama ya kuchelewa kufika.
error-tracking-not-found = Msafirishaji hajui namba hii ya ufuatiliaji.
error-shop-suspended = Duka hili limesimamishwa; support inafuatilia kesi zake.
error-shop-not-suspended = Duka hili halijasimamishwa.
error-version-conflict = Kesi imebadilika wakati huo. Jaribu tena.
error-duplicate = Tayari imefanyika.
error-link-token-invalid = Code hii ya kuunganisha si sahihi. Omba mpya kwenye tovuti ya Congocrea.
error-link-token-expired = Code hii ya kuunganisha imeisha muda. Omba mpya kwenye tovuti ya Congocrea.
error-link-token-used = Code hii ya kuunganisha imeshatumika. Omba mpya kwenye tovuti ya Congocrea.
error-action-invalid = Kitufe hiki hakifai hapa. Hakuna kilichobadilishwa.
error-action-expired = Chaguo hili halitumiki tena: lilishafanywa, swali jipya limelichukua nafasi, au muda wake umeisha. Hakuna kilichobadilishwa: anza tena na /cases au /report.
error-rate-limited = Unaenda haraka kidogo: jaribu tena baada ya muda mfupi.
error-input-too-large = Hii ni ndefu au kubwa mno kwangu. Hakuna kilichobadilishwa.
error-unsupported-media = Aina hii ya faili haikubaliwi. Tuma picha (JPEG, PNG, WebP, GIF), PDF au faili ya maandishi.
error-marketplace-unavailable = Soko halijibu kwa sasa. Hakuna kilichobadilishwa: jaribu tena baada ya dakika chache.
error-marketplace-bad-response = Soko limetuma jibu ambalo sielewi. Hakuna kilichobadilishwa: jaribu tena baadaye; likiendelea, wasiliana na support ya Congocrea.
error-internal = Samahani, kuna kitu kimeharibika upande wangu. Jaribu tena baada ya muda mfupi; kikiendelea, wasiliana na support ya Congocrea.
