# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = Ce bouton ne s’applique plus : { $state ->
    [closed] le litige { $caseId } est clos depuis le { $at } ({ common-resolution }).
    [escalated] le litige { $caseId } est entre les mains du support depuis le { $at }.
   *[other] le litige { $caseId } a changé ({ common-status }).
  } Rien n’a été fait ; voici la fiche à jour.
error-action-used = Déjà choisi : ce choix a déjà été fait. Rien n’a été modifié.
error-action-cancelled = Ce choix a été annulé (/cancel) avant d’être fait : rien n’a été modifié.

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

## A seller writing to the bot outside any case thread (seller outside probe)

seller-outside-thanks = Avec plaisir ! { $count ->
    [0] Vous n’avez aucun litige en cours.
    [one] Le litige { $caseId } (commande { $orderId }) reste ouvert : répondez à l’acheteur, remboursez ou ajoutez un suivi depuis sa fiche.
   *[other] Vos { $count } litiges restent ouverts : répondez à chaque acheteur depuis la fiche de son litige.
  }
seller-outside-how = Quand un acheteur ouvre un litige sur une de vos commandes (commande non reçue, ou article non conforme à l’annonce), je vous envoie ici sa fiche. Répondez-lui avec « { engine-action-reply-to-buyer } » ; remboursez, ajoutez un suivi ou une preuve d’expédition avec les boutons de la fiche. Vous avez { $duration } pour régler le problème avec lui ; ensuite, il pourra transmettre le litige au support.
seller-outside-none = Vous n’avez aucun litige en cours. Quand un acheteur en ouvre un sur une de vos commandes, je vous l’envoie ici, avec sa fiche et votre délai.
seller-outside-last-closed = Votre dernier litige, { $caseId } (commande { $orderId }), est clos : { common-resolution }.
seller-outside-how-refund = Pour rembourser l’acheteur, appuyez sur « { engine-action-refund-full } » ou « { engine-action-refund-partial } » sur la fiche du litige (ou tapez /refund <n° de litige> [montant]) : l’argent lui revient par le moyen de paiement d’origine, et un remboursement intégral clôt le litige. Écrire « je rembourse » à l’acheteur ne rembourse pas.
seller-outside-cases = { $count ->
    [one] Votre litige en cours : { $caseId }, commande { $orderId }. Voici sa fiche (motif, description de l’acheteur, délai, boutons).
   *[other] Vos { $count } litiges en cours, chacun avec sa fiche (motif, description de l’acheteur, délai, boutons) :
  }
seller-outside-deadline = Litige { $caseId } (commande { $orderId }) : { $when ->
    [later] vous avez jusqu’au { $escalatableAt } (encore { $left }) pour régler le problème avec l’acheteur ; ensuite, il pourra transmettre le litige au support.
    [now] votre délai est passé depuis le { $escalatableAt } : l’acheteur peut transmettre le litige au support à tout moment. Répondez-lui, remboursez ou ajoutez un suivi sans attendre.
   *[escalated] il est entre les mains du support, qui décidera ; s’il vous demande une information, répondez vite.
  }
seller-outside-send-offer = { $count ->
    [one] Ces mots ne sont pas partis à l’acheteur. S’ils étaient pour lui, « Envoyer à l’acheteur » les lui envoie tels quels.
   *[other] Ces mots ne sont partis à aucun acheteur. S’ils étaient pour l’un d’eux, choisissez son litige : je les lui envoie tels quels.
  }
seller-outside-many = Vous avez { $count } litiges en cours : /cases les liste.

## A seller in a case's thread (seller probe 2)

seller-thread-more-time = Palabre ne prolonge pas le délai du litige { $caseId } : { $when ->
    [later] l’acheteur pourra le transmettre au support à partir du { $escalatableAt }, à moins qu’il n’accepte d’attendre. Réglez le problème d’ici là si vous le pouvez.
    [now] depuis le { $escalatableAt }, l’acheteur peut le transmettre au support à tout moment. Réglez le problème sans attendre.
   *[escalated] le support a le litige et décidera ; répondez vite s’il vous demande une information.
  }
seller-thread-proof-photo = Photo ajoutée au litige { $caseId } comme simple photo. Si c’est une preuve d’expédition (reçu d’envoi, bordereau, confirmation de livraison), appuyez sur « { engine-action-proof } » et renvoyez-la : elle sera enregistrée comme telle, avec l’adresse d’envoi qu’elle montre.
