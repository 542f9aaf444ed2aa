# One sentence per error code of src/domain/errors.ts: error-<code in lower case, _ → ->.
# Nothing was changed when one of these is shown.

error-validation = Je n’ai pas compris cette demande. Vérifiez-la et réessayez (/help pour l’aide).
error-text-empty = Le message est vide.
error-text-too-long = Ce texte est trop long : { $max } caractères au plus{ $length ->
    [0] {""}
   *[other] {" "}(il en fait { $length })
  }. Rien n’a été enregistré : raccourcissez-le ou envoyez-le en plusieurs messages.
error-invalid-amount = Ce montant n’est pas valide. Écrivez un nombre, par exemple 5000.
error-currency-mismatch = La devise ne correspond pas à celle de la commande ({ $currency }).
error-invalid-ground = Motif inconnu. Motifs possibles : { $grounds }.
error-invalid-reason = Ce motif n’existe pas. Choisissez-en un dans la liste.
error-case-not-found = Je ne trouve pas ce litige, ou il ne vous concerne pas.
error-order-not-found = Je ne trouve pas cette commande à votre nom.
error-shop-not-found = Je ne trouve pas cette boutique.
error-account-not-found = Je ne trouve pas ce compte Congocrea.
error-not-your-case = Ce litige ne vous concerne pas.
error-not-order-buyer = Seul l’acheteur de la commande peut ouvrir un litige.
error-buyer-only = Seul l’acheteur peut faire cela.
error-seller-only = Seul le vendeur peut faire cela.
error-support-only = { $staffChannel ->
    [yes] C’est réservé au support, dans le canal du support.
   *[no] C’est réservé au support.
  }
error-not-linked = Reliez d’abord cette messagerie à votre compte Congocrea (/start pour savoir comment).
error-reason-not-caseable = Un litige ne peut être ouvert que pour une commande non reçue ou un article non conforme à l’annonce. Pour le reste, écrivez au vendeur.
error-not-eligible-yet = Il est encore trop tôt pour ouvrir un litige sur cette commande. Écrivez au vendeur en attendant.
error-case-window-closed = Le délai pour ouvrir un litige sur cette commande est dépassé. Vous pouvez encore écrire au vendeur.
error-case-already-open = Un litige est déjà ouvert pour cette commande : { $caseId }.
error-case-closed = Ce litige est clos.
error-case-not-closed = Ce litige n’est pas clos.
error-escalation-not-yet = Vous pourrez transmettre ce litige au support à partir du { $at }. D’ici là, le vendeur peut encore régler le problème avec vous.
error-already-escalated = Ce litige est déjà entre les mains du support.
error-not-escalated = Ce n’est possible qu’une fois le litige transmis au support.
error-refund-too-large = Ce remboursement dépasse ce qui reste à rembourser ({ $max }).
error-late-delivery-full-refund-only = Ce litige est en livraison tardive : seul un remboursement intégral peut le clore.
error-not-late-yet = Ce litige n’est pas encore en livraison tardive.
error-already-late = Ce litige est déjà signalé en livraison tardive.
error-tracking-not-found = Le transporteur ne connaît pas ce numéro de suivi.
error-shop-suspended = Cette boutique est suspendue ; le support suit ses litiges.
error-shop-not-suspended = Cette boutique n’est pas suspendue.
error-version-conflict = Le litige a changé entre-temps. Réessayez.
error-duplicate = C’est déjà fait.
error-link-token-invalid = Ce jeton de liaison n’est pas valide. Demandez-en un nouveau sur le site Congocrea.
error-link-token-expired = Ce jeton de liaison a expiré. Demandez-en un nouveau sur le site Congocrea.
error-link-token-used = Ce jeton de liaison a déjà servi. Demandez-en un nouveau sur le site Congocrea.
error-action-invalid = Ce bouton n’est pas valable ici. Rien n’a été modifié.
error-action-expired = Ce choix n’est plus en cours : il a déjà été fait, une question plus récente l’a remplacé, ou il a expiré. Rien n’a été modifié : reprenez avec /cases ou /report.
error-rate-limited = Vous allez un peu vite : réessayez dans un instant.
error-input-too-large = C’est trop long ou trop volumineux pour moi. Rien n’a été modifié.
error-unsupported-media = Ce type de fichier n’est pas accepté. Envoyez une photo (JPEG, PNG, WebP, GIF), un PDF ou un fichier texte.
error-marketplace-unavailable = La place de marché ne répond pas pour le moment. Rien n’a été modifié : réessayez dans quelques minutes.
error-marketplace-bad-response = La place de marché a envoyé une réponse que je ne comprends pas. Rien n’a été modifié : réessayez plus tard ; si cela continue, contactez le support Congocrea.
error-internal = Désolé, quelque chose s’est mal passé de mon côté. Réessayez dans un instant ; si cela continue, contactez le support Congocrea.
