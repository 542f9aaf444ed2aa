# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = Ce bouton ne s’applique plus : { $state ->
    [closed] le litige { $caseId } est clos depuis le { $at } ({ common-resolution }).
    [escalated] le litige { $caseId } est entre les mains du support depuis le { $at }.
   *[other] le litige { $caseId } a changé ({ common-status }).
  } Rien n’a été fait ; voici la fiche à jour.
error-action-used = Déjà choisi : ce choix a déjà été fait. Rien n’a été modifié.

## Money and closing, on purpose

engine-confirm-decide-buyer = Trancher le litige { $caseId } en faveur de l’acheteur ? { $payer ->
    [none] Tout est déjà remboursé ({ $refunded } sur { $total }) : rien de plus ne sera versé.
    [seller] { $amount } seront remboursés à l’acheteur, repris au vendeur.
    [marketplace] { $amount } seront remboursés à l’acheteur, payés par Congocrea.
   *[choose] { $amount } seront remboursés à l’acheteur, payés par Congocrea ou repris au vendeur (choisissez ci-dessous).
  } Le litige sera clos.
error-refunded-in-full = Ce litige est déjà remboursé en totalité ({ $amount }) : il ne peut pas être tranché en faveur du vendeur. Pour le clore, tranchez pour l’acheteur (/decide <n°> acheteur) : rien ne sera remboursé deux fois.
engine-action-decide-buyer = Trancher pour l’acheteur
engine-side-seller = Pour le vendeur
engine-side-buyer = Pour l’acheteur
engine-ask-side = En faveur de qui tranchez-vous le litige { $caseId } ?
engine-side-unknown = Je ne connais pas « { $typed } » comme partie (vendeur ou acheteur).

## Asking support to verify a closing (buyer)

engine-action-verify = Demander une vérification
engine-confirm-verify = Demander au support de vérifier la clôture du litige { $caseId } ({ common-resolution }) ? Le support reçoit le litige et pourra le rouvrir. Vous ne pouvez le demander qu’une fois.
engine-done-verification-requested = Demande envoyée : le support a reçu le litige { $caseId } et vérifiera sa clôture. Il vous répondra ici.
engine-timeline-verification-requested = { $at } · { common-role } ({ $platform }) · demande de vérification de la clôture ({ common-resolution }) { $text }
notify-closed-why-delivered = Raison : le transporteur { $carrier } indique la livraison du colis { $number }{ $place ->
    [none] { "" }
   *[other] { " " }à { $place }
  }, à l’adresse de la commande.
notify-closed-why-refunded = Raison : le vendeur a enregistré un remboursement intégral de { $amount } par le moyen de paiement d’origine.
notify-contest-offer = Si ce n’est pas le cas, appuyez sur « Demander une vérification » avant le { $until } : le support vérifiera et pourra rouvrir le litige { $caseId }.
notify-verification-requested = L’acheteur conteste la clôture du litige { $caseId } ({ common-resolution }) et demande une vérification. Vous pouvez rouvrir le litige depuis sa fiche.
error-not-contestable = Cette clôture ({ common-resolution }) ne peut pas être contestée ici : écrivez au support Congocrea.
error-contest-window-over = Le délai pour demander une vérification est passé (jusqu’au { $until }).
error-already-contested = Une vérification a déjà été demandée pour ce litige, le { $at }.

## Support's words

engine-ground-unknown = Je ne connais pas le motif « { $typed } ».
engine-queue-menu = Quelle liste voulez-vous voir ?
engine-queue-unknown = Je ne connais pas la liste « { $typed } ». Les listes : /cases escalated, overdue, waiting ou mine.
engine-queue-choice = { $view ->
    [escalated] Transmis au support
    [waiting] En attente du support
    [overdue] En retard
   *[all] Tous
  } ({ $count })
engine-shop-which = { $count } boutiques correspondent à « { $query } ». Laquelle ?
engine-shop-choice = { $shopName } ({ $shopId })
error-ambiguous-shop = Plusieurs boutiques correspondent : précisez le nom.
engine-staff-hint = Ici, je réponds aux commandes du support : /cases pour les listes, /case <n°> pour un litige, /help pour tout le reste.
engine-staff-file-not-kept = Le fichier n’est pas gardé : les commandes et les notes internes du support ne prennent que du texte. Décrivez ce qu’il montre dans la note (/note <n°> <texte>).

## Replying to the other party with a button (every platform)

engine-action-reply-to-seller = Répondre au vendeur
engine-action-reply-to-buyer = Répondre à l’acheteur
engine-ask-reply = Écrivez votre message { $to ->
    [seller] au vendeur
   *[buyer] à l’acheteur
  }{ $support ->
    [yes] { " " }et au support, qui attend votre réponse
   *[no] { "" }
  } (litige { $caseId }) : je le transmets.
