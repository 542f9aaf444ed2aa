# Conversation engine (src/app/engine): replies within a conversation, case cards and buttons.
# Dates, amounts and durations arrive already written in the reader's language and time zone.

## Greeting, linking, help

engine-welcome = Bonjour ! Je suis Palabre, l’assistant litiges de Congocrea. Je vous aide à régler un problème de commande avec le vendeur et, si besoin, à ouvrir un litige.
engine-welcome-back = Bonjour { $name } !
engine-link-how = Pour commencer, reliez cette messagerie à votre compte Congocrea : sur le site, ouvrez « Mon compte › Messageries » et suivez le lien Palabre, ou envoyez ici { $platform ->
    [discord] « /link token:<jeton> »
    [teams] « link <jeton> »
   *[other] « /link <jeton> »
  } avec le jeton affiché.
engine-link-usage = Envoyez /link suivi du jeton affiché sur le site Congocrea (« Mon compte › Messageries »).
engine-link-account-gone = Cette messagerie était reliée à un compte Congocrea que je ne trouve plus (fermé ou remplacé) : reliez-la à votre compte actuel.
engine-linked = C’est fait, { $name } : cette messagerie est reliée à votre compte Congocrea.
engine-linked-in-group = C’est fait : cette messagerie est reliée à votre compte Congocrea. Pour la suite, écrivez-moi en privé : rien de personnel n’est montré ici.
engine-linked-early-words = Vous m’aviez écrit : « { $text } ». Reprenons à partir de là :
engine-link-already = { $name }, ce jeton de liaison a déjà servi : cette messagerie reste reliée à votre compte Congocrea.
engine-demo-pick = Mode démonstration : choisissez le compte avec lequel essayer Palabre.
engine-demo-account = { $name } ({ common-role })

engine-help-unlinked = Commandes : /start pour commencer, /link <jeton> pour relier votre compte, /lang fr|en|ln|sw pour changer de langue, /help pour cette aide.
engine-help-intro = Voici ce que je peux faire pour vous :
engine-help-buyer = • Acheteur : décrivez simplement votre problème (« ma commande n’est jamais arrivée ») ou tapez /report. /cases liste vos litiges, /case <n°> en affiche un, /escalate et /close agissent sur un litige.
engine-help-seller = • Vendeur : le bouton « Répondre à l’acheteur » de la fiche d’un litige lui transmet votre message ; le message d’un acheteur au sujet d’une commande arrive avec un bouton « Répondre à l’acheteur ». Boutons de la fiche (remboursements, suivi, preuve d’expédition, demander au support), ou /refund <n°> [montant] et /tracking <n°> <transporteur> <numéro>. /cases liste vos litiges.
engine-help-support = • Support : /cases escalated|overdue|waiting|mine, /case <n°>, /take <n°>, /release <n°>, /escalate <n°> <motif>, /refund <n°> [montant] [recover], /decide <n°> seller, /reopen <n°>, /ask <n°> buyer|seller <texte>, /note <n°> <texte>, /suspend <boutique> <raison>, /reinstate <boutique>. Motifs : inactivity, harassment, refusal, manipulation, integrity (ou en français : inactivité, harcèlement, refus, manipulation, intégrité).
engine-help-support-elsewhere = • Support : vos commandes fonctionnent { $staffChannel ->
    [yes] dans le canal du support.
   *[no] avec votre compte support.
  }
engine-help-common = /lang fr|en|ln|sw change la langue, /cancel abandonne l’action en cours.

engine-lang-set = C’est noté : je vous réponds désormais en français.
engine-lang-usage = Langues disponibles : { $langs }. Par exemple : /lang en
engine-cancelled = C’est annulé. Écrivez-moi quand vous voulez.
engine-nothing-to-cancel = Il n’y a rien en cours à annuler.
engine-flow-reset = Désolé, je n’ai pas pu reprendre notre échange là où il en était. Reprenons : décrivez-moi votre problème, ou tapez /help.
engine-unknown-command = Je ne connais pas la commande /{ $command }. Tapez /help pour la liste.
engine-unknown-command-meant = Je ne connais pas la commande /{ $command }. Vouliez-vous dire /{ $meant } ? Tapez /help pour la liste.
engine-usage = Utilisation : { $command ->
    [case] /case <n° de litige>
    [refund] /refund <n° de litige> [montant] [recover]
    [tracking] /tracking <n° de litige> <transporteur> <numéro>
    [cases] /cases, ou /cases escalated|overdue|waiting|mine (ou transmis, retard, attente, miens)
    [escalate] /escalate <n° de litige> <motif> (inactivité, harcèlement, refus, manipulation, intégrité)
    [decide] /decide <n° de litige> vendeur|acheteur [explication]
    [reopen] /reopen <n° de litige> [explication]
    [ask] /ask <n° de litige> buyer|seller <question>
    [note] /note <n° de litige> <texte>
    [suspend] /suspend <boutique> <raison>
    [reinstate] /reinstate <boutique>
   *[other] /help
  }
engine-fallback = { $role ->
    [seller] Pour répondre à un acheteur, ouvrez le litige avec /cases et utilisez le bouton « Répondre à l’acheteur ».
    [support] { $staffChannel ->
        [yes] Les commandes du support fonctionnent dans le canal du support ; /help les liste.
       *[no] /help liste les commandes du support.
      }
   *[other] Je n’ai pas bien compris. Décrivez le problème avec votre commande (par exemple « mon colis n’est jamais arrivé »), ou tapez /report. /help donne toutes les commandes.
  }
engine-threat-told-support = Ces mots ressemblent à une menace : le support Congocrea en est informé (litige { $caseId }). Restez courtois ; des menaces peuvent mener à la suspension du compte ou de la boutique.
engine-keep-in-messages = { $role ->
    [seller] Merci de garder les échanges avec l’acheteur ici, avec Palabre, plutôt que par e-mail ou par téléphone : c’est ce qui permet au support de vous protéger en cas de litige.
   *[other] Merci de garder les échanges avec le vendeur ici, avec Palabre, plutôt que par e-mail ou par téléphone : c’est ce qui permet au support de vous aider en cas de litige.
  }
engine-file-no-case = J’ai bien reçu le fichier, mais je ne sais pas à quel litige le joindre. Utilisez le bouton « Ajouter une photo » de la fiche du litige (/cases), puis envoyez-le.
engine-file-which-case = { $files ->
    [one] J’ai gardé votre photo.
   *[other] J’ai gardé vos { $files } fichiers.
} Vous avez { $count } litiges en cours : à quel litige dois-je { $files ->
    [one] la joindre
   *[other] les joindre
} ?

## Reporting a problem (buyer)

engine-report-intro = Désolé pour ce problème. Voyons cela ensemble.
engine-report-order-unknown = Je ne trouve pas de commande { $by ->
    [date] passée le { $date }
   *[other] { $orderId }
  } à votre nom.
engine-report-no-orders = Je ne trouve aucune commande sur votre compte. Si c’est une erreur, contactez le support Congocrea.
engine-report-buyers-only = Signaler un problème de commande est réservé aux acheteurs : ce compte n’a passé aucune commande. Tapez /help pour voir ce que vous pouvez faire.
engine-report-which-order = Quelle commande est concernée ?
engine-order-choice = { $orderId } · { $title } ({ $date })
engine-report-reason-proposed = Si je comprends bien, pour la commande { $orderId } : { common-reason }. C’est bien ça ?
engine-report-reason-pick = Quel est le problème avec la commande { $orderId } ?
engine-reason-choice = { common-reason }
engine-report-case-exists = Un litige est déjà ouvert pour la commande { $orderId } : { $caseId }. Vous pouvez y écrire directement.
engine-report-not-yet = Il est encore trop tôt pour ouvrir un litige sur la commande { $orderId } : la livraison est prévue le { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(estimation d’après les délais de préparation et d’expédition)
   *[estimate] { "" }
  }. Vous pourrez ouvrir un litige à partir du { $from }.
engine-report-window-closed = Le délai pour ouvrir un litige sur la commande { $orderId } est dépassé : le dernier jour possible était le { $lastDay }.
engine-report-offer-message = Vous pouvez quand même écrire au vendeur : je lui transmets votre message.
engine-report-eligible = Vous pouvez ouvrir un litige ({ common-reason }) pour la commande { $orderId } jusqu’au { $lastDay } inclus.
engine-report-suggest-seller = Je vous conseille d’écrire d’abord au vendeur : la plupart des problèmes se règlent ainsi, et vite. Mais c’est vous qui décidez.
engine-report-ask-description = Décrivez le problème avec la commande { $orderId } en quelques phrases : ce que vous avez commandé, ce que vous avez reçu (ou pas), et ce que vous attendez du vendeur.
engine-report-photo-added = { $count ->
    [one] 1 fichier ajouté.
   *[other] { $count } fichiers ajoutés.
  }
engine-report-opened = Le litige { $caseId } est ouvert pour la commande { $orderId }. Le vendeur est prévenu et peut vous répondre ici.
engine-report-next = Le vendeur a { $duration } pour régler le problème avec vous. Si rien n’est réglé d’ici là, vous pourrez transmettre le litige au support à partir du { $escalatableAt } (bouton « Transmettre au support » ou /escalate).
engine-report-not-a-case = Un litige ne peut être ouvert que pour une commande non reçue ou un article non conforme à l’annonce. Pour ce type de problème ({ common-reason }), c’est le vendeur qui peut vous aider : je lui transmets votre message.
engine-shop-policy = Conditions de { $shopName } : remboursements { $refunds ->
    [yes] acceptés
   *[no] non proposés
  }, retours { $returns ->
    [yes] acceptés{ $returnDays ->
        [0] { "" }
       *[other] { " " }sous { $returnDays } jours après la livraison
      }
   *[no] non proposés
  }, échanges { $exchanges ->
    [yes] acceptés
   *[no] non proposés
  }.
engine-report-policy-allows = Les conditions de la boutique le permettent : je recommande au vendeur d’accepter.
engine-report-policy-window-closed = Le délai de retour de la boutique a pris fin le { $date }.
engine-report-ask-message = Que voulez-vous dire à { $shopName } au sujet de la commande { $orderId } ? Écrivez votre message, je le transmets.
engine-report-message-sent = Message transmis à { $shopName }. Sa réponse vous parviendra ici.{ $caseable ->
    [yes] { " " }Si le problème n’est pas réglé, écrivez-moi à nouveau pour ouvrir un litige.
   *[no] { "" }
  }

## Relayed to the seller (order messages without a case)

engine-relay-order-message = Message de { $buyerName } au sujet de la commande { $orderId } ({ $title }) :
engine-relay-reason = Sujet : { common-reason }
engine-relay-quote = « { $text } »
engine-relay-recommend-accept = Les conditions de votre boutique couvrent cette demande : Palabre vous recommande de l’accepter.
engine-relay-how-to-answer = Répondez à l’acheteur avec le bouton ci-dessous{ $replyGesture ->
    [swipe] { " " }(ou en répondant à ce message)
    [menu] { " " }(ou en répondant à ce message)
   *[none] { "" }
  }, ici plutôt que par e-mail ou par téléphone.
engine-relay-buyer-answer = { $buyerName } a répondu au sujet de la commande { $orderId } ({ $title }) :
engine-relay-seller-answer = { $shopName } a répondu au sujet de la commande { $orderId } ({ $title }) :
engine-order-reply-to-buyer = Répondre à l’acheteur
engine-order-reply-to-seller = Répondre au vendeur
engine-order-ask-reply = Écrivez votre réponse { $to ->
    [buyer] à l’acheteur
   *[seller] à { $shopName }
  } au sujet de la commande { $orderId } : je la transmets.
engine-done-file-sent = Fichier transmis { $to ->
    [seller] au vendeur
   *[buyer] à l’acheteur
  }.

## Case actions

engine-ask-photo = Envoyez la photo ou le fichier à joindre au litige { $caseId }.
engine-ask-photo-again = J’attends une photo ou un fichier (ou /cancel).
engine-ask-proof-kind = Quelle preuve d’expédition ajoutez-vous au litige { $caseId } ? Elle doit montrer l’envoi à l’adresse donnée par l’acheteur lors de l’achat.
engine-ask-proof-file = Envoyez le document (photo ou PDF).
engine-ask-proof-address = Ce document montre-t-il un envoi à l’adresse donnée par l’acheteur lors de l’achat : { $address } ?
engine-ask-proof-place = Écrivez la ville et le pays qui figurent sur le document, par exemple : Goma, CD
engine-ask-proof-place-again = Il me faut la ville puis le pays, par exemple : Goma, CD (ou /cancel).
engine-ask-support = Que demandez-vous au support au sujet du litige { $caseId } ? Écrivez votre message : le support le reçoit avec le litige.
engine-ask-text-not-file = J’attends un texte ici, pas un fichier (ou /cancel).
engine-ask-amount = Quel montant remboursez-vous dans le litige { $caseId } ? Au plus { $remaining }. Écrivez le montant, par exemple 5000.
engine-ask-tracking = Écrivez le transporteur puis le numéro de suivi, par exemple : dhl JD0142
engine-ask-tracking-again = Il me faut le transporteur puis le numéro, séparés par une espace, par exemple : dhl JD0142
engine-ask-question = Écrivez votre question : je la transmets.
engine-ask-note = Écrivez la note interne (visible du support seulement).
engine-ask-ground = Pour quel motif transmettez-vous le litige { $caseId } au support ?
engine-confirm-close = Clore le litige { $caseId } comme réglé ? Aucun autre remboursement ne sera fait ({ $refunded } remboursés sur { $total }) et le litige sera clos. Ne le faites que si le problème est réglé pour vous.
engine-confirm-escalate = Transmettre le litige { $caseId } au support ? Le support examinera les échanges et pourra trancher.
engine-confirm-refund = Rembourser { $amount } à l’acheteur dans le litige { $caseId }, par le moyen de paiement d’origine ? Payé par : { $payer ->
    [seller] le vendeur
    [marketplace] Congocrea
   *[choose] Congocrea, ou le vendeur si vous le lui reprenez (choisissez ci-dessous)
  }. Remboursé ensuite : { $after } sur { $total }. { $result ->
    [closed] Le litige sera clos.
   *[open] Le litige restera ouvert (remboursement partiel).
  }
engine-confirm-decide = Clore le litige { $caseId } en faveur du vendeur ? Aucun remboursement ne sera fait{ $partial ->
    [yes] { " " }de plus : les { $refunded } déjà remboursés sur { $total } restent à l’acheteur
   *[no] { "" }
  }. Le litige sera clos.
engine-confirm-reopen = Rouvrir le litige { $caseId } ? Il redeviendra { $status ->
    [escalated] transmis au support
   *[open] ouvert entre l’acheteur et le vendeur
  } ; les { $refunded } déjà remboursés sur { $total } restent acquis.

engine-done-comment = Message transmis { $to ->
    [seller] au vendeur
    [buyer] à l’acheteur
    [seller_support] au vendeur et au support
    [buyer_support] à l’acheteur et au support
   *[parties] aux parties
  }.
engine-done-evidence = Fichier ajouté au litige et transmis { $to ->
    [seller] au vendeur
    [buyer] à l’acheteur
    [seller_support] au vendeur et au support
    [buyer_support] à l’acheteur et au support
   *[parties] aux parties
  }.
engine-done-tracking = Suivi { $carrier } { $number } ajouté : { $status ->
    [delivered] le transporteur indique une livraison à l’adresse de la commande.
    [mismatch] le transporteur indique une livraison à un autre endroit que l’adresse de la commande{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    } ; le litige reste ouvert.
    [unknown] { $carrier } ne connaît pas (encore) ce numéro : vérifiez-le, et s’il y a une faute, ajoutez le bon numéro.
   *[in_transit] le transporteur n’indique pas encore de livraison.
  }
engine-done-refund = Remboursement de { $amount } enregistré{ $recover ->
    [yes] , à reprendre au vendeur
   *[no] { "" }
  }.
engine-done-escalated = Le litige est transmis au support.
engine-done-ask = Question transmise { $from ->
    [buyer] à l’acheteur
   *[seller] au vendeur
  }.
engine-done-note = Note interne ajoutée.
engine-done-support-requested = Votre message a été transmis au support avec le litige. Le support vous répondra ici.
engine-done-proof-mismatch = Ce justificatif ne montre pas un envoi à l’adresse de la commande : le litige l’indique, à l’acheteur comme au support.
engine-done-closed = Le litige est clos : { common-resolution }.
engine-done-reopened = Le litige est rouvert.

engine-choice-cancel = Annuler
engine-choice-back = Retour
engine-choice-confirm = Confirmer
engine-choice-yes-reason = Oui, c’est ça
engine-choice-no-reason = Non, autre chose
engine-choice-message-seller = Écrire au vendeur
engine-choice-open-case = Ouvrir un litige
engine-choice-refund-recover = Rembourser, repris au vendeur
engine-choice-refund-no-recover = Rembourser sans reprise
engine-choice-proof-to-order-address = Oui, à cette adresse
engine-choice-proof-elsewhere = Non, une autre adresse
engine-choice-proof-no-address = Il ne montre pas d’adresse
engine-choice-send-request = Envoyer la demande

engine-action-view = Voir le litige
engine-action-photo = Ajouter une photo
engine-action-proof = Ajouter une preuve d’expédition
engine-action-close = Clore : c’est réglé
engine-action-escalate = Transmettre au support
engine-action-escalate-support = Escalader (motif)
engine-action-refund-full = Rembourser en totalité
engine-action-refund-partial = Remboursement partiel
engine-action-tracking = Ajouter un suivi
engine-action-decide = Trancher pour le vendeur
engine-action-reopen = Rouvrir
engine-action-ask-buyer = Question à l’acheteur
engine-action-ask-seller = Question au vendeur
engine-action-note = Note interne
engine-action-support = Demander au support
engine-action-ask-reinstatement = Demander la réactivation

engine-ground-inactivity = Inactivité du vendeur
engine-ground-harassment = Harcèlement
engine-ground-refusal = Refus de service
engine-ground-manipulation = Manipulation du litige
engine-ground-integrity = Intégrité du système

engine-proof-shipping-receipt = Reçu d’expédition
engine-proof-customs-form = Formulaire de douane
engine-proof-delivery-confirmation = Confirmation de livraison
engine-proof-departure-scan = Scan de départ

## Lists and cards

engine-no-open-case = Vous n’avez aucun litige ouvert.
engine-which-case = De quel litige s’agit-il ?
engine-case-choice = { $caseId } · { $orderId }
engine-cases-title = { $view ->
    [mine] Vos litiges
    [escalated] Litiges transmis au support
    [overdue] Litiges en retard
    [waiting] Litiges en attente du support
   *[all] Litiges
  } ({ $count }) :
engine-cases-none = { $view ->
    [mine] Vous n’avez aucun litige.
    [escalated] Aucun litige transmis au support.
    [overdue] Aucun litige en retard.
    [waiting] Aucun litige en attente du support.
   *[other] Aucun litige.
  }
engine-case-line = { $caseId } · commande { $orderId } · { common-reason } · { common-status } · ouvert le { $openedAt }
engine-shop-suspended = La boutique { $shopName } est suspendue.
engine-shop-reinstated = La boutique { $shopName } est rétablie.

engine-card-title = Litige { $caseId } · { $orderTitle }
engine-card-order = Commande { $orderId } · { $shopName } · { $total }
engine-card-reason = Motif : { common-reason }
engine-card-status = Statut : { common-status }{ $resolution ->
    [none] { "" }
   *[other] { " " }({ common-resolution })
  }
engine-card-description = Description : « { $description } »
engine-card-opened = Ouvert le { $at }
engine-card-escalatable = Transmission au support possible à partir du { $at }
engine-card-escalated = Transmis au support le { $at }
engine-card-closed = Clos le { $at }
engine-card-refunded = Remboursé : { $refunded } sur { $total }
engine-card-late = ⚠ Livraison tardive : seul un remboursement intégral peut clore ce litige.
engine-card-tracking-mismatch = ⚠ Le suivi indique une livraison à un autre endroit que l’adresse de la commande.
engine-card-proof-mismatch = ⚠ Un justificatif d’expédition ne montre pas un envoi à l’adresse de la commande.
engine-card-role = Vous êtes { $role ->
    [buyer] l’acheteur
    [seller] le vendeur
   *[support] le support
  } dans ce litige.

## Timeline (support only)

engine-timeline-title = Litige { $caseId } : historique ({ $count } entrées)
engine-timeline-opened = { $at } · { common-role } ({ $platform }) · ouverture : { common-reason } · « { $text } »
engine-timeline-comment = { $at } · { common-role } ({ $platform }) · message : « { $text } »
engine-timeline-note = { $at } · { common-role } ({ $platform }) · note interne : « { $text } »
engine-timeline-info-provided = { $at } · { common-role } ({ $platform }) · réponse au support : « { $text } »
engine-timeline-evidence = { $at } · { common-role } ({ $platform }) · pièce : { common-evidence-kind }{ $matches ->
    [yes] , adresse conforme
    [no] , adresse différente de celle de la commande{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
      }
   *[unknown] { "" }
  }
engine-timeline-tracking = { $at } · { common-role } ({ $platform }) · suivi { $carrier } { $number } : { $status ->
    [delivered] livré à l’adresse
    [mismatch] livré ailleurs
   *[in_transit] pas encore livré
  }
engine-timeline-refund = { $at } · { common-role } ({ $platform }) · remboursement de { $amount }{ $recover ->
    [yes] , repris au vendeur
   *[no] { "" }
  }
engine-timeline-escalated = { $at } · { common-role } ({ $platform }) · transmis au support : { common-ground }
engine-timeline-info-requested = { $at } · { common-role } ({ $platform }) · question { $from ->
    [buyer] à l’acheteur
   *[seller] au vendeur
  } : « { $text } »
engine-timeline-reminder = { $at } · rappel { $nudge } { $to ->
    [buyer] à l’acheteur
    [seller] au vendeur
   *[support] au support
  }
engine-timeline-closed = { $at } · { common-role } ({ $platform }) · clos : { common-resolution }{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-reopened = { $at } · { common-role } ({ $platform }) · rouvert{ $withText ->
    [yes] { " " }· « { $text } »
   *[no] { "" }
  }
engine-timeline-late-delivery = { $at } · signalé comme livraison tardive
engine-timeline-support-requested = { $at } · { common-role } ({ $platform }) · demande au support : « { $text } »

## Shop suspension and reinstatement (seller)

engine-shop-suspended-notice = Votre boutique { $shopName } est suspendue par le support Congocrea depuis le { $at }. Motif : « { $reason } ».
engine-reinstatement-how = Régler vos litiges ne lève pas la suspension : demandez la réactivation au support.
engine-reinstatement-pending = Votre demande de réactivation est entre les mains du support depuis le { $at }.
engine-reinstatement-already = Votre demande de réactivation de { $shopName } est déjà entre les mains du support (envoyée le { $at }). Le support vous répondra ici.
engine-reinstatement-ask-message = Je vais demander au support de réactiver { $shopName }. Ajoutez un message si vous le souhaitez (ce que vous avez fait depuis, par exemple), ou envoyez la demande telle quelle.
engine-reinstatement-sent = Demande envoyée : le support examinera la réactivation de { $shopName } et vous répondra ici.
engine-shop-not-suspended = Votre boutique { $shopName } n’est pas suspendue : il n’y a pas de réactivation à demander.
engine-relay-reinstatement-request = Demande de réactivation : { $sellerName } demande la réactivation de la boutique { $shopName } ({ $shopId }). Suspendue depuis le { $at }, motif : « { $reason } ».
engine-relay-reinstatement-how = Pour la réactiver : /reinstate { $shopId }
engine-relay-shop-reinstated = Le support a réactivé votre boutique { $shopName }.

## What a seller's words announce (a refund, a tracking number), and words written outside any case

engine-words-refund = Votre message est parti, mais écrire « rembourser » ne rembourse pas l’acheteur. Pour rembourser vraiment dans le litige { $caseId }, confirmez ci-dessous.
engine-words-tracking = Votre message est parti. Pour ajouter aussi le suivi { $carrier } { $number } au litige { $caseId } (le transporteur dira où en est le colis ; une livraison à l’adresse de la commande clôt le litige), appuyez sur le bouton.
engine-words-support = Votre message est parti à l’acheteur, pas au support. Pour écrire au support au sujet du litige { $caseId }, appuyez sur le bouton.
engine-choice-add-tracking = Ajouter le suivi { $carrier } { $number }
engine-words-tracking-number = Votre message est parti. Si { $number } est un numéro de suivi, ajoutez-le au litige { $caseId } : le transporteur dira où en est le colis, et une livraison à l’adresse de la commande clôt le litige.
engine-choice-add-tracking-number = Ajouter le suivi { $number }
engine-ask-carrier = Quel transporteur pour le numéro { $number } ? Écrivez son nom, par exemple : dhl
engine-choice-send-to-buyer = Envoyer à l’acheteur · { $caseId } · { $orderId }
engine-seller-words-not-sent = { $count ->
    [one] Ce message n’est parti nulle part : il ne répond à aucun litige. Pour l’envoyer à l’acheteur du litige { $caseId } (commande { $orderId }), appuyez sur « Envoyer à l’acheteur ». Voici la fiche du litige.
   *[other] Ce message n’est parti nulle part : il ne répond à aucun litige. Vous avez { $count } litiges en cours : à l’acheteur duquel l’envoyer ?
  }
engine-choice-send-to-seller = Envoyer au vendeur · { $caseId } · { $orderId }
engine-buyer-words-not-sent = { $count ->
    [one] Ce message n’est pas encore parti : vous avez écrit en dehors du litige. Pour l’envoyer tel quel au vendeur (litige { $caseId }, commande { $orderId }), appuyez sur « Envoyer au vendeur ». Voici votre litige ; pour un problème avec une autre commande, écrivez son numéro.
   *[other] Ce message n’est pas encore parti : vous avez écrit en dehors de vos litiges. Vous en avez { $count } en cours : à quel vendeur l’envoyer ? Pour un problème avec une autre commande, écrivez son numéro.
  }
engine-words-answer-support = Le support attend votre réponse dans le litige { $caseId } : envoyée avec le bouton ci-dessus, elle lui parvient aussi.
engine-seller-escalate = Seul l’acheteur peut transmettre le litige { $caseId } au support, mais vous pouvez demander l’aide du support.
engine-words-refund-outside = { $when ->
    [unrecorded] Votre message est parti, mais le litige { $caseId } ne montre aucun remboursement : il reste ouvert. Si vous avez remboursé hors de Congocrea (mobile money envoyé vous-même, espèces), ne confirmez pas ci-dessous, vous paieriez une seconde fois : c’est à l’acheteur de clore le litige. Pour rembourser par Congocrea, confirmez.
    [done] Votre message est parti. Un remboursement fait hors de Congocrea (mobile money envoyé vous-même, espèces, virement) n’est pas enregistré : le litige { $caseId } reste ouvert. Ne remboursez pas une seconde fois avec le bouton « { engine-action-refund-full } » : si l’acheteur a bien reçu l’argent, c’est à lui de clore le litige ; sinon, demandez l’aide du support.
   *[planned] Votre message est parti. Un remboursement fait hors de Congocrea (mobile money envoyé vous-même, espèces, virement) ne serait pas enregistré : le litige { $caseId } resterait ouvert. Remboursez plutôt par Congocrea : confirmez ci-dessous.
  }
engine-words-delivered = Votre message est parti. Pour montrer au support que la commande est partie ou arrivée, ajoutez au litige { $caseId } une preuve d’expédition (reçu d’envoi, bordereau, confirmation de livraison) ou le numéro de suivi : un suivi qui montre la livraison à l’adresse de la commande clôt le litige.
engine-seller-close = Seul l’acheteur peut clore le litige { $caseId } comme réglé. De votre côté, il se clôt par un remboursement complet{ $reason ->
    [non_delivery] , ou par un suivi qui montre la livraison à l’adresse de la commande
   *[other] {""}
  }. Voici la fiche du litige et ses boutons.
engine-step-left = { $step ->
    [amount] Je n’attends plus de montant pour le litige { $caseId } : aucun remboursement n’a été fait.
   *[other] Je n’attends plus de numéro de suivi pour le litige { $caseId } : aucun suivi n’a été ajouté.
  }
engine-closed-not-sent = Le litige { $caseId } est clos ({ common-resolution }) : votre message n’a pas été transmis { $to ->
    [seller] au vendeur
   *[other] à l’acheteur
  }.

## Edited messages and long texts split in parts
engine-done-correction = Correction transmise { $to ->
    [seller] au vendeur
    [buyer] à l’acheteur
    [seller_support] au vendeur et au support
    [buyer_support] à l’acheteur et au support
   *[parties] aux parties
  } : votre message modifié lui parvient comme un nouveau message.
engine-timeline-correction = { $at } · { common-role } ({ $platform }) · correction du message du { $sentAt } : « { $text } »
engine-edit-description-updated = Description mise à jour avec votre message modifié : « { $description } »
engine-edit-not-read = { $what ->
    [command] Une commande modifiée n’est pas exécutée à nouveau : envoyez-la dans un nouveau message.
   *[message] Je ne lis pas les messages modifiés ici : envoyez plutôt un nouveau message.
  }
engine-long-joined = Votre long message est arrivé en plusieurs parties : je les lis ensemble ({ $length } caractères).

## Paying outside Congocrea (a seller asking to be paid directly)
engine-pay-outside = { $role ->
    [seller] Les paiements passent par Congocrea : un paiement reçu en dehors (mobile money envoyé directement, espèces, virement) n’est pas enregistré et ne règle aucun litige.
   *[other] Ne payez pas en dehors de Congocrea (mobile money envoyé directement au vendeur, espèces, virement) : un tel paiement n’est pas enregistré, et Congocrea ne pourrait ni le suivre ni vous le rembourser.
  }
