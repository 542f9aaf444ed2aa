## The buyer's report: as people write, no dead end, three taps to a case

buyer-flow-several-orders = { $count ->
    [one] Je pense qu’il s’agit de cette commande :
   *[other] Plusieurs de vos commandes correspondent.
  }
buyer-flow-unclear = Je n’ai pas reconnu de problème précis, mais je peux vous aider pour une commande : choisissez-la, et je vous proposerai les problèmes possibles.
buyer-flow-also-kept = Je garde votre signalement pour { $orderId } : on y revient juste après celui-ci.
buyer-flow-how-it-works = Dites-moi ce qui ne va pas avec une commande : je le transmets au vendeur. Si elle n’est jamais arrivée ou ne correspond pas à l’annonce, vous pouvez ouvrir un litige, un signalement formel, à partir du lendemain de sa date de livraison prévue. Le vendeur a alors { $duration } pour régler le problème avec vous ; ensuite, vous pouvez transmettre le litige au support de Congocrea.
buyer-flow-order-not-in-text = Je ne vois pas de quelle commande il s’agit. Choisissez-la ci-dessous, ou écrivez son numéro (par exemple 1001), la date de la commande ou l’article acheté.
buyer-flow-order-not-listed = Ce sont les commandes de votre compte Congocrea ({ $account }). { $more ->
    [yes] Seules les plus récentes sont affichées : pour une plus ancienne, écrivez son numéro (par exemple 1001) ou sa date.
   *[no] Une commande passée depuis un autre compte se signale depuis ce compte-là.
} Si vous avez payé une commande qui n’apparaît pas, contactez le support Congocrea.
buyer-flow-delivery-expected = Votre commande { $orderId } est attendue le { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(estimation d’après les délais de préparation et d’expédition)
   *[estimate] { "" }
  }. Si elle n’est toujours pas arrivée, vous pourrez ouvrir un litige à partir du { $from }.
buyer-flow-delivery-late = Votre commande { $orderId } devait arriver le { $estimated }. Si vous ne l’avez pas reçue, vous pouvez ouvrir un litige (commande non reçue) jusqu’au { $lastDay } inclus.
buyer-flow-description-kept = Votre message servira de description : « { $description } ». Vous pouvez la modifier, et ajouter des photos maintenant ou après l’ouverture.
buyer-flow-choice-open-now = Ouvrir le litige maintenant
buyer-flow-choice-edit-description = Modifier la description
buyer-flow-photos-after = { $count ->
    [0] Vous pouvez ajouter des photos à tout moment avec le bouton « Ajouter une photo ».
   *[other] D’autres photos ? Le bouton « Ajouter une photo » reste disponible.
  }
buyer-flow-resume-offer = { $orderId ->
    [none] Vous aviez commencé un signalement : reprendre ou laisser ?
   *[other] Vous aviez commencé un signalement pour { $orderId } : reprendre ou laisser ?
  }
buyer-flow-choice-resume = Reprendre
buyer-flow-choice-leave = Laisser
buyer-flow-thanks = Avec plaisir ! { $orderId ->
    [none] Écrivez-moi quand vous voulez.
   *[other] Écrivez-moi quand vous voulez au sujet de la commande { $orderId }.
  }
buyer-flow-came = Tant mieux, votre commande est arrivée ! Écrivez-moi quand vous voulez si un problème se présente.
buyer-flow-wait-seller = Très bien. La réponse de { $shopName } au sujet de la commande { $orderId } vous parviendra ici.
buyer-flow-after-message = { $shopName } a reçu votre message au sujet de la commande { $orderId } ; sa réponse vous parviendra ici. { $caseable ->
    [yes] Si le problème n’est pas réglé, écrivez-moi pour ouvrir un litige.
   *[no] Pour ce type de demande, c’est le vendeur qui décide, selon les règles de sa boutique : un litige n’est possible que pour une commande non reçue ou non conforme à l’annonce.
  }
buyer-flow-case-wait = { $thanks ->
    [yes] Avec plaisir !
   *[no] Très bien.
  } { $escalated ->
    [yes] Le support suit votre litige { $caseId } et vous répondra ici.
   *[no] La réponse du vendeur au litige { $caseId } vous parviendra ici, et je vous préviendrai dès que vous pourrez le transmettre au support.
  }
buyer-flow-case-next = { $when ->
    [escalated] Votre litige { $caseId } est entre les mains du support : une personne de l’équipe Congocrea l’examine et vous répondra ici.
    [later] Le vendeur a jusqu’au { $escalatableAt } pour régler le problème avec vous ; sa réponse vous parviendra ici. Si rien n’est réglé d’ici là, vous pourrez transmettre le litige { $caseId } au support : je vous préviendrai.
   *[now] Le délai du vendeur est passé : vous pouvez transmettre le litige { $caseId } au support avec le bouton « { engine-action-escalate } » de sa fiche.
  }
buyer-flow-left = { $orderId ->
    [none] C’est noté, je laisse ce signalement.
   *[other] C’est noté, je laisse le signalement pour { $orderId }.
  }
buyer-flow-case-under-way = Votre litige { $caseId } pour la commande { $orderId } est en cours : le voici. Pour écrire au vendeur, utilisez « { engine-action-reply-to-seller } » ; pour un problème avec une autre commande, écrivez son numéro.
buyer-flow-cases-under-way = Vous avez { $count } litiges en cours : lequel voulez-vous voir ? Pour un problème avec une autre commande, écrivez son numéro.
buyer-flow-just-closed = Votre litige { $caseId } (commande { $orderId }) { $recent ->
    [yes] vient d’être clos
   *[no] a été clos le { $closedAt }
  } : { common-resolution }. Votre message n’a pas été transmis au vendeur. Si ce n’est pas réglé pour vous, appuyez sur « { engine-action-verify } » avant le { $until } : le support vérifiera. Pour un problème avec une autre commande, écrivez son numéro.
buyer-flow-no-case-hint = Pour en ouvrir un, dites-moi ce qui ne va pas avec votre commande, par exemple « ma commande 1001 n’est jamais arrivée ».
buyer-flow-person-case = { $status ->
    [escalated] Votre litige { $caseId } pour la commande { $orderId } est déjà transmis au support : une personne de l’équipe Congocrea le suit et vous répondra ici. Le voici.
   *[other] Je suis un assistant automatique. Une personne du support Congocrea prend un litige en main quand il lui est transmis. Voici votre litige { $caseId } pour la commande { $orderId } : quand vous pouvez le transmettre, le bouton « { engine-action-escalate } » y figure ; sinon, la fiche indique à partir de quand.
  }
buyer-flow-person-cases = Je suis un assistant automatique. Une personne du support Congocrea prend un litige en main quand il lui est transmis. Vous avez { $count } litiges en cours : choisissez-en un, sa fiche montre le bouton « { engine-action-escalate } » quand vous pouvez le transmettre.
buyer-flow-person-no-case = Je suis un assistant automatique. Une personne du support Congocrea intervient sur un litige, une fois qu’il lui est transmis ; vous n’avez aucun litige ouvert.
buyer-flow-earlier-report-button = Ce bouton venait d’un signalement que vous avez remplacé depuis : rien n’a été modifié. Voici où en est votre signalement actuel.
buyer-flow-earlier-step-button = Ce bouton répondait à une question déjà réglée depuis : rien n’a été modifié. Voici où en est votre signalement actuel.
buyer-flow-cases-status = Vos { $count } litiges en cours, chacun avec son statut :
buyer-flow-policy-next = Pour demander un retour, un échange ou un remboursement, dites-moi quelle commande et ce que vous souhaitez : je transmets votre demande au vendeur, avec ces conditions.
buyer-flow-person-report = Je suis un assistant automatique. Une personne du support Congocrea intervient sur un litige, une fois qu’il lui est transmis. Votre signalement reprend là où il en était :
buyer-flow-why-not-yet = Pourquoi : tant que la date de livraison prévue ({ $estimated }) n’est pas passée, la commande { $orderId } peut encore arriver. Un litige pourra être ouvert à partir du { $from }, et jusqu’au { $lastDay } inclus ; c’est la règle de Congocrea pour tous les achats. En attendant, je peux transmettre votre message au vendeur.
buyer-flow-why-window-closed = Pourquoi : un litige peut être ouvert pendant { $window } à partir du lendemain de la date de livraison prévue. Pour la commande { $orderId }, c’était du { $from } au { $lastDay } inclus ; c’est la règle de Congocrea pour tous les achats. Le vendeur, lui, reste joignable : je peux lui transmettre votre message.
buyer-flow-why-seller-first = Pourquoi : la plupart des problèmes se règlent plus vite directement avec le vendeur, sans litige. Mais c’est vous qui décidez : vous pouvez ouvrir le litige pour la commande { $orderId } dès maintenant, et jusqu’au { $lastDay } inclus.
buyer-flow-why-not-a-case = Pourquoi : Congocrea n’ouvre un litige que pour une commande jamais reçue ou un article qui ne correspond pas à l’annonce ; c’est la règle de la marketplace pour tous les achats. Pour le reste ({ common-reason }), c’est le vendeur qui décide, selon les conditions de sa boutique : il reçoit votre message et vous répond ici.
buyer-flow-seller-tried = Dans ce cas, inutile d’attendre : ouvrez le litige pour la commande { $orderId }. Le vendeur en sera prévenu et aura { $duration } pour régler le problème avec vous ; ensuite, vous pourrez transmettre le litige au support de Congocrea.
buyer-flow-refund-by-case = Pour ce problème ({ common-reason }), le remboursement passe par le litige : ouvrez-le pour la commande { $orderId }. Le vendeur peut vous rembourser en entier, ce qui le clôt ; si rien n’est réglé en { $duration }, vous pourrez le transmettre au support de Congocrea, qui peut vous rembourser.
buyer-flow-refund-outside = Un remboursement fait en dehors de Congocrea (mobile money, espèces) n’est pas enregistré sur le litige { $caseId } : il reste ouvert. Si le problème est réglé pour vous, vous pouvez le clore ; sinon, rien ne change.
