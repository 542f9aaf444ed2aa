# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = Bouton oyo esalaka lisusu te : { $state ->
    [closed] litige { $caseId } esili banda { $at } ({ common-resolution }).
    [escalated] litige { $caseId } ezali na maboko ya support banda { $at }.
   *[other] litige { $caseId } ebongwani ({ common-status }).
  } Eloko esalemi te ; tala fiche ya sika.
error-action-used = Esi eponami : oyo esalemaki kala. Eloko ebongwani te.
error-action-cancelled = Oyo eboyamaki (/cancel) liboso ete esalema : eloko ebongwani te.

## Money and closing, on purpose

engine-confirm-decide-buyer = Kokata litige { $caseId } na bolamu ya mosombi ? { $payer ->
    [none] Nyonso esi ezongisami ({ $refunded } na { $total }) : eloko mosusu ekofutama te.
    [seller] { $amount } ekozongisama na mosombi, ekozwama epai ya moteki.
    [marketplace] { $amount } ekozongisama na mosombi, Congocrea nde akofuta.
   *[choose] { $amount } ekozongisama na mosombi, Congocrea akofuta to ekozwama epai ya moteki (pona awa na se).
  } Litige ekosila.
error-refunded-in-full = Litige oyo esi ezongisami mbongo mobimba ({ $amount }) : ekoki kokatama na bolamu ya moteki te. Mpo na kosukisa yango, kata mpo na mosombi (/decide <nimero> acheteur) : eloko ekozongisama mbala mibale te.
engine-action-decide-buyer = Kokata mpo na mosombi
engine-side-seller = Mpo na moteki
engine-side-buyer = Mpo na mosombi
engine-ask-side = Okokata litige { $caseId } na bolamu ya nani ?
engine-side-unknown = Nayebi « { $typed } » te lokola moto ya litige (vendeur to acheteur).

## Asking support to verify a closing (buyer)

engine-action-verify = Kosenga botaleli
engine-confirm-verify = Kosenga support atala ndenge litige { $caseId } esilaki ({ common-resolution }) ? Support akozwa litige mpe akoki kofungola yango lisusu. Okoki kosenga yango kaka mbala moko.
engine-done-verification-requested = Esengeli etindami : support azwi litige { $caseId } mpe akotala ndenge esilaki. Akoyanola yo awa.
engine-timeline-verification-requested = { $at } · { common-role } ({ $platform }) · bosengi botaleli ya bosukisi ({ common-resolution }) { $text }
notify-closed-why-delivered = Ntina : motindi { $carrier } alobi colis { $number } ekabami{ $place ->
    [none] { "" }
   *[other] { " " }na { $place }
  }, na adresse ya commande.
notify-closed-why-refunded = Ntina : moteki akomi ete azongisi mbongo mobimba { $amount } na ndenge ya kofuta ya liboso.
notify-contest-offer = Soki ezali bongo te, finá « Kosenga botaleli » liboso ya { $until } : support akotala mpe akoki kofungola litige { $caseId } lisusu.
notify-verification-requested = Mosombi andimi te ndenge litige { $caseId } esilaki ({ common-resolution }) mpe asengi botaleli. Okoki kofungola litige lisusu na fiche na yango.
error-not-contestable = Bosukisi oyo ({ common-resolution }) ekoki kowelisama awa te : komela support ya Congocrea.
error-contest-window-over = Ntango ya kosenga botaleli eleki (kino { $until }).
error-already-contested = Botaleli esi esengami mpo na litige oyo, na { $at }.

## Support's words

engine-ground-unknown = Nayebi ntina « { $typed } » te.
engine-queue-menu = Liste nini olingi komona ?
engine-queue-unknown = Nayebi liste « { $typed } » te. Ba liste : /cases escalated, overdue, waiting to mine.
engine-queue-choice = { $view ->
    [escalated] Etindami na support
    [waiting] Ezali kozela support
    [overdue] Eleki ntango
   *[all] Nyonso
  } ({ $count })
engine-shop-which = Ba butiki { $count } ekokani na « { $query } ». Oyo nini ?
engine-shop-choice = { $shopName } ({ $shopId })
error-ambiguous-shop = Ba butiki mingi ekokani : pesa kombo mobimba.
engine-staff-hint = Awa, nayanolaka ba commande ya support : /cases mpo na ba liste, /case <nimero> mpo na litige moko, /help mpo na mosusu nyonso.
engine-staff-file-not-kept = Fichier ebombami te : ba commande mpe ba note ya kati ya support ezwaka kaka makomi. Lobela oyo emonisi na note (/note <nimero> <makomi>).

## Replying to the other party with a button (every platform)

engine-action-reply-to-seller = Kozongisela moteki
engine-action-reply-to-buyer = Kozongisela mosombi
engine-ask-reply = Komá message na yo { $to ->
    [seller] mpo na moteki
   *[buyer] mpo na mosombi
  }{ $support ->
    [yes] { " " }mpe mpo na support, oyo ezali kozela eyano na yo
   *[no] { "" }
  } (litige { $caseId }) : nakotinda yango.

## A seller writing to the bot outside any case thread (seller outside probe)

seller-outside-thanks = Ezali likambo te ! { $count ->
    [0] Ozali na kesi moko te oyo ezali kotambola.
    [one] Kesi { $caseId } (oda { $orderId }) ezali kaka polele : zongisela mosombi eyano, zongisa mbongo to bakisa suivi na fiche na yango.
   *[other] Bakesi na yo { $count } ezali kaka polele : zongisela mosombi moko na moko eyano na fiche ya kesi na ye.
  }
seller-outside-how = Soki mosombi afungoli kesi mpo na oda moko ya yo (oda ekomi te, to eloko ekokani te na annonce), natindelaka yo fiche na yango awa. Zongisela ye eyano na « { engine-action-reply-to-buyer } » ; zongisa mbongo, bakisa suivi to preuve ya kotinda na babouton ya fiche. Ozali na { $duration } mpo na kobongisa likambo elongo na ye ; sima na yango, akoki kotindela support kesi.
seller-outside-none = Ozali na kesi moko te oyo ezali kotambola. Soki mosombi afungoli kesi mpo na oda moko ya yo, nakotindela yo yango awa, elongo na fiche na yango mpe ntango na yo.
seller-outside-last-closed = Kesi na yo ya suka, { $caseId } (oda { $orderId }), esili : { common-resolution }.
seller-outside-how-refund = Mpo na kozongisela mosombi mbongo, finá « { engine-action-refund-full } » to « { engine-action-refund-partial } » na fiche ya kesi (to koma /refund <nimero ya kesi> [motuya]) : mbongo ekozonga epai na ye na lolenge afutaki, mpe kozongisa mbongo nyonso esukisaka kesi. Kokoma « nakozongisa » epai ya mosombi ezongisaka mbongo te.
seller-outside-cases = { $count ->
    [one] Kesi na yo oyo ezali kotambola : { $caseId }, oda { $orderId }. Tala fiche na yango (ntina, maloba ya mosombi, ntango, babouton).
   *[other] Bakesi na yo { $count } oyo ezali kotambola, moko na moko na fiche na yango (ntina, maloba ya mosombi, ntango, babouton) :
  }
seller-outside-deadline = Kesi { $caseId } (oda { $orderId }) : { $when ->
    [later] ozali na ntango kino { $escalatableAt } (etikali { $left }) mpo na kobongisa likambo elongo na mosombi ; sima na yango, akoki kotindela support kesi.
    [now] ntango na yo esilaki { $escalatableAt } : mosombi akoki kotindela support kesi ntango nyonso. Zongisela ye eyano, zongisa mbongo to bakisa suivi sikoyo.
   *[escalated] ezali na maboko ya support, oyo akozwa mokano ; soki asengi yo likambo, zongisa eyano noki.
  }
seller-outside-send-offer = { $count ->
    [one] Maloba oyo ekei epai ya mosombi te. Soki ezalaki mpo na ye, « Tindela mosombi » ekotindela ye yango ndenge ozali.
   *[other] Maloba oyo ekei epai ya mosombi moko te. Soki ezalaki mpo na moko, pona kesi na ye : nakotindela ye yango ndenge ekomami.
  }
seller-outside-many = Ozali na bakesi { $count } oyo ezali kotambola : /cases elakisaka yango.

## A seller in a case's thread (seller probe 2)

seller-thread-more-time = Palabre ebakisaka ntango ya kesi { $caseId } te : { $when ->
    [later] mosombi akoki kotinda yango epai ya support kobanda { $escalatableAt }, longola se soki andimi kozela. Silisa likambo liboso ya mokolo wana soki okoki.
    [now] banda { $escalatableAt }, mosombi akoki kotinda yango epai ya support ntango nyonso. Silisa likambo noki.
   *[escalated] support ezali na kesi mpe ekozwa mokano ; yanola noki soki esengi yo likambo.
  }
seller-thread-proof-photo = Foto ebakisami na kesi { $caseId } lokola foto mpamba. Soki ezali elembeteli ya kotinda (risi ya kotinda, borderot, ndingisa ya kokoma), finá « { engine-action-proof } » mpe tinda yango lisusu : ekokomama lokola elembeteli, na adresi oyo emonisi.
