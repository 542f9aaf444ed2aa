# Adapta ya Discord (adapters/discord): makatazo, ujumbe wa thread, fomu na msaada wa amri.
# Discord haina lugha ya Kiswahili: majina na maelezo ya amri kwenye Discord huonekana kwa Kifaransa;
# sentensi zinazotumwa kwa watumiaji ziko kwa Kiswahili.

dc-error = Tatizo limetokea upande wetu. Tafadhali jaribu tena baada ya muda mfupi.
dc-not-saved = Ujumbe wako haukuweza kuhifadhiwa kwa sasa: haukutumwa wala haukuongezwa kwenye kesi yoyote. Tafadhali utume tena baada ya dakika chache.
dc-action-not-saved = Ombi lako halikuweza kuhifadhiwa kwa sasa: hakuna kilichofanyika. Tafadhali jaribu tena baada ya dakika chache.
dc-action-invalid = Kitufe hiki hakifai tena. Andika /cases kuona kesi zako.
dc-command-unknown = Amri hii haipo tena. Andika / kuona amri za sasa.
dc-support-only = Amri hii ni ya timu ya support peke yake.
dc-thread-not-party = Ni mnunuzi, muuzaji na support tu wanaoweza kuandika kwenye thread ya kesi hii. Ujumbe wako haujaongezwa kwenye kesi.
dc-staff-thread-only-support = Ni support peke yake inayoweza kuandika kwenye thread hii.
dc-file-too-large = Faili hii ni kubwa mno: { $maxMb } Mo zaidi.
dc-file-unsupported = Palabre huhifadhi picha tu (JPEG, PNG, WebP, GIF), hati za PDF na faili za maandishi.
dc-file-failed = Faili haikuweza kupatikana kutoka Discord. Tafadhali itume tena.
dc-thread-intro = Thread ya kesi { $caseId } (oda { $orderId }), kwa mnunuzi na muuzaji. Andika hapa: kila ujumbe unaongezwa kwenye kesi na unamfikia upande mwingine.
dc-staff-thread-intro = Kesi { $caseId } (oda { $orderId }) kwa support. Ujumbe unaoandikwa hapa ni kumbukumbu za ndani.
dc-write-privately = Maagizo na malalamiko yako ni yako peke yako: niandikie faraghani (ujumbe wa moja kwa moja), nitakujibu huko.
dc-done = Imefanyika.
dc-select-placeholder = Chagua…
dc-late-answer = Huenda Discord ilikuonyesha kwamba kuna kitu kimeshindikana, lakini ombi lako limenifikia. Jibu langu ni hili:
dc-late-form = Discord haikuweza kufungua fomu kwa wakati. Bonyeza kitufe kilicho hapa chini ili kuifungua.

dc-form-open = { $kind ->
    [description] Eleza tatizo
    [amount] Andika kiasi
    [tracking] Andika ufuatiliaji
   *[text] Andika jibu
  }
dc-form-title = { $kind ->
    [description] Eleza tatizo
    [amount] Kiasi
    [tracking] Ufuatiliaji wa mzigo
   *[text] Jibu lako
  }
dc-form-field-text = Ujumbe wako
dc-form-field-description = Nini kilitokea?
dc-form-field-amount = Kiasi (kwa mfano 25000)
dc-form-field-carrier = Msafirishaji (kwa mfano dhl)
dc-form-field-number = Namba ya ufuatiliaji

dc-autocomplete-case = { $caseId } · { $orderId } · { $status ->
    [open] iko wazi
    [escalated] imepelekwa kwa support
   *[closed] imefungwa
  }

## Amri: maelezo (herufi 100 zaidi)

dc-cmd-start = Kuanza, au kuunganisha akaunti yako kwa code
dc-cmd-link = Kuunganisha akaunti hii ya Discord na akaunti yako ya Congocrea
dc-cmd-help = Jinsi Palabre inavyofanya kazi
dc-cmd-lang = Kubadilisha lugha
dc-cmd-cancel = Kuacha hatua ya sasa
dc-cmd-report = Kuripoti tatizo la oda
dc-cmd-cases = Kesi zangu (support: zilizopelekwa, zilizochelewa, zinazosubiri)
dc-cmd-case = Kesi moja: hali, muda, vitendo
dc-cmd-escalate = Kupeleka kesi kwa support
dc-cmd-close = Kufunga kesi (umeridhika)
dc-cmd-refund = Kumrudishia mnunuzi pesa, zote au sehemu
dc-cmd-tracking = Kuongeza ufuatiliaji wa mzigo kwenye kesi
dc-cmd-decide = Support: kufunga kesi upande wa muuzaji
dc-cmd-reopen = Support: kufungua tena kesi iliyofungwa
dc-cmd-ask = Support: kuomba habari kwa upande mmoja
dc-cmd-note = Support: kuongeza kumbukumbu ya ndani
dc-cmd-suspend = Support: kusimamisha duka
dc-cmd-reinstate = Support: kurudisha duka

## Chaguo: maelezo

dc-opt-token = Code iliyotolewa na tovuti ya Congocrea
dc-opt-language = Lugha
dc-opt-view = Kesi zipi (support)
dc-opt-case = Namba ya kesi, kwa mfano C-000123
dc-opt-ground = Sababu ya kupeleka mapema (support)
dc-opt-amount = Kiasi cha kurudisha sehemu
dc-opt-recover = Kuchukua kiasi kwa muuzaji (support)
dc-opt-carrier = Msafirishaji, kwa mfano dhl
dc-opt-number = Namba ya ufuatiliaji
dc-opt-party = Upande unaoulizwa
dc-opt-text = Maandishi
dc-opt-note = Kumbukumbu (si lazima)
dc-opt-shop = Kitambulisho cha duka
dc-opt-reason = Sababu

## Chaguo: majina (herufi ndogo, bila nafasi)

dc-optname-token = code
dc-optname-language = lugha
dc-optname-view = orodha
dc-optname-case = kesi
dc-optname-ground = sababu
dc-optname-amount = kiasi
dc-optname-recover = kuchukua
dc-optname-carrier = msafirishaji
dc-optname-number = namba
dc-optname-party = upande
dc-optname-text = maandishi
dc-optname-note = kumbukumbu
dc-optname-shop = duka
dc-optname-reason = sababu-ya-kusimamisha

## Chaguo za options

dc-choice-fr = Français
dc-choice-en = English
dc-choice-escalated = Zilizopelekwa kwa support
dc-choice-overdue = Zilizochelewa
dc-choice-waiting = Zinazosubiri support
dc-choice-inactivity = Muuzaji hajibu
dc-choice-harassment = Unyanyasaji
dc-choice-refusal = Kukataa kutoa huduma
dc-choice-manipulation = Kuchezea kesi
dc-choice-integrity = Kuharibu mfumo wa kesi
dc-choice-buyer = Mnunuzi
dc-choice-seller = Muuzaji
