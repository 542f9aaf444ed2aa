# Labels shared by every area. Each reads one variable of the message that references it:
# common-reason → $reason, common-status → $status, common-resolution → $resolution,
# common-role → $role, common-ground → $ground, common-evidence-kind → $kind.

common-reason = { $reason ->
    [non_delivery] commande non reçue
    [not_as_described] article non conforme à l'annonce
    [wrong_size] mauvaise taille commandée
    [cancellation] annulation de la commande
    [return_request] demande de retour ou d'échange
    [refund_request] demande de remboursement
    [delivery_question] question sur la livraison
   *[other] autre problème
}

common-status = { $status ->
    [open] ouvert
    [escalated] transmis au support
   *[closed] clos
}

common-resolution = { $resolution ->
    [refunded] remboursé par le vendeur
    [buyer_closed] clos par l'acheteur, satisfait
    [delivered] livraison confirmée par le suivi
    [support_refund] remboursé par le support
    [seller_favour] décision en faveur du vendeur
   *[none] en cours
}

common-role = { $role ->
    [buyer] acheteur
    [seller] vendeur
    [support] support
   *[system] Palabre
}

common-ground = { $ground ->
    [inactivity] inactivité du vendeur
    [harassment] harcèlement
    [refusal] refus de service
    [manipulation] manipulation du litige
    [integrity] atteinte à l'intégrité du système de litiges
   *[none] délai de réponse écoulé
}

common-evidence-kind = { $kind ->
    [photo] photo
    [shipping_receipt] reçu d'expédition
    [customs_form] formulaire de douane
    [delivery_confirmation] confirmation de livraison
    [departure_scan] scan de départ
   *[file] fichier
}
