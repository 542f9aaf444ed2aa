# Notifications and deadline nudges (src/app/notifications.ts, src/app/nudges.ts), sent outside a
# conversation. Dates, amounts and durations arrive already written in the reader's language and
# time zone.

notify-quote = « { $text } »

notify-case-opened = Nouveau litige { $caseId } sur la commande { $orderId } : { $reason ->
    [non_delivery] l’acheteur n’a pas reçu sa commande.
   *[not_as_described] l’article reçu ne correspond pas à l’annonce.
  } { $caseThreads ->
    [yes] Répondez-lui ici, dans le fil du litige, ou avec le bouton « Répondre à l’acheteur »
   *[no] Répondez-lui avec le bouton « Répondre à l’acheteur »
  }, remboursez ou ajoutez un suivi. Sans solution d’ici le { $escalatableAt }, l’acheteur pourra transmettre le litige au support.

notify-comment = { $author ->
    [buyer] L’acheteur
    [seller] Le vendeur
    [support] Le support
   *[other] Palabre
  } écrit dans le litige { $caseId } : « { $text } »

notify-threat-support = { $author ->
    [buyer] L’acheteur
    [seller] Le vendeur
   *[other] Une partie
  } a écrit dans le litige { $caseId } des mots qui ressemblent à une menace :

notify-evidence = { $author ->
    [buyer] L’acheteur
    [seller] Le vendeur
    [support] Le support
   *[other] Palabre
  } a ajouté { $kind ->
    [photo] une photo
    [file] un document
    [shipping_receipt] un reçu d’expédition
    [customs_form] un formulaire de douane
    [delivery_confirmation] une confirmation de livraison
   *[departure_scan] un justificatif de départ
  } au litige { $caseId }.

notify-proof-address-mismatch = Attention : ce justificatif ne montre pas un envoi à l’adresse donnée lors de l’achat{ $placeKnown ->
    [yes] { " " }(il indique { $place })
   *[no] { "" }
  }.

notify-tracking = Le vendeur a ajouté un suivi au litige { $caseId } ({ $carrier } { $number }) : { $status ->
    [delivered] le colis est indiqué comme livré à votre adresse.
    [mismatch] le colis est indiqué comme livré, mais à un autre endroit que l’adresse de la commande{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }. Cela ne clôt pas le litige.
    [unknown] le transporteur ne connaît pas encore ce numéro.
   *[in_transit] le colis est en cours d’acheminement.
  }

notify-refund = { $author ->
    [support] Le support
   *[other] Le vendeur
  } a remboursé { $amount } ({ $kind ->
    [full] remboursement total
   *[partial] remboursement partiel
  }) dans le litige { $caseId }.{ $recover ->
    [yes] { " " }Le montant sera repris au vendeur.
   *[no] { "" }
  }

notify-escalated = Le litige { $caseId } a été transmis au support{ $ground ->
    [inactivity] { " " }pour inactivité du vendeur
    [harassment] { " " }pour harcèlement
    [refusal] { " " }pour refus de service
    [manipulation] { " " }pour manipulation du litige
    [integrity] { " " }pour atteinte à l’intégrité du système de litiges
   *[none] { "" }
  }. Le support va examiner le dossier et pourra vous demander des informations.

notify-escalated-support = Litige { $caseId } transmis au support par { $author ->
    [buyer] l’acheteur
    [support] le support
   *[other] Palabre
  }{ $ground ->
    [inactivity] { " " }(motif : inactivité du vendeur)
    [harassment] { " " }(motif : harcèlement)
    [refusal] { " " }(motif : refus de service)
    [manipulation] { " " }(motif : manipulation du litige)
    [integrity] { " " }(motif : intégrité du système de litiges)
   *[none] { "" }
  }. Il attend une décision.

notify-info-requested = Le support vous demande une information dans le litige { $caseId } : « { $text } » Répondez avec le bouton « { $from ->
    [seller] { engine-action-reply-to-buyer }
   *[buyer] { engine-action-reply-to-seller }
  } » ci-dessous : le support lit votre réponse.

notify-note = Note interne sur le litige { $caseId } : « { $text } »

notify-support-requested = { $author ->
    [buyer] L’acheteur
   *[seller] Le vendeur
  } demande l’aide du support dans le litige { $caseId } : « { $text } »

notify-closed = Le litige { $caseId } est clos : { $resolution ->
    [refunded] le vendeur a remboursé la totalité de la commande.
    [buyer_closed] l’acheteur l’a clos, problème réglé.
    [delivered] le suivi montre la livraison à l’adresse de la commande.
    [support_refund] le support a remboursé l’acheteur.
   *[seller_favour] le support a tranché en faveur du vendeur.
  }

notify-reopened = Le support a rouvert le litige { $caseId }.

notify-late-delivery = Le litige { $caseId }, ouvert le { $openedAt }, n’est toujours pas résolu : il compte désormais comme une livraison tardive. Seul un remboursement total de { $total } peut le clore.

notify-seller-reminder = Rappel : le litige { $caseId } attend votre réponse. Il reste { $left } avant que l’acheteur puisse le transmettre au support (le { $escalatableAt }). Répondez, remboursez ou ajoutez un suivi.

notify-escalation-open = Le litige { $caseId } n’est pas résolu : vous pouvez maintenant le transmettre au support.

notify-reply-due = L’acheteur attend votre réponse dans le litige { $caseId } depuis le { $since }.

notify-support-sla = Le litige { $caseId } attend le support depuis { $waited }.

notify-window-closing = Vous avez signalé un problème sur la commande { $orderId }. Si rien n’est réglé, vous pouvez encore ouvrir un litige jusqu’au { $until } (il reste { $left }).

notify-unshipped = La commande { $orderId } du { $placedAt } n’est toujours pas expédiée alors que son délai de préparation est écoulé. Expédiez-la ou prévenez l’acheteur.

notify-order-reply-due = Un acheteur attend votre réponse sur la commande { $orderId } depuis le { $since }. Répondre vite évite la plupart des litiges.

notify-comment-correction = { $author ->
    [buyer] L’acheteur
    [seller] Le vendeur
    [support] Le support
   *[other] Palabre
  } corrige son message du { $sentAt } dans le litige { $caseId } (message modifié) : « { $text } »
