# Adaptateur Discord (adapters/discord) : refus, messages de fil, formulaires et aide des commandes.
# Les noms de commandes restent en anglais (SPEC section 2) ; les noms d’options sont traduits.

dc-error = Un problème est survenu de notre côté. Merci de réessayer dans un instant.
dc-not-saved = Votre message n’a pas pu être enregistré pour le moment : il n’a été ni transmis ni ajouté à un litige. Merci de le renvoyer dans quelques minutes.
dc-action-not-saved = Votre demande n’a pas pu être enregistrée pour le moment : rien n’a été fait. Merci de réessayer dans quelques minutes.
dc-action-invalid = Ce bouton n’est plus valable. Tapez /cases pour voir vos litiges.
dc-command-unknown = Cette commande n’existe plus. Tapez / pour voir les commandes actuelles.
dc-support-only = Cette commande est réservée à l’équipe support.
dc-thread-not-party = Seuls l’acheteur, le vendeur et le support peuvent écrire dans le fil de ce litige. Votre message n’a pas été ajouté au litige.
dc-staff-thread-only-support = Seul le support peut écrire dans ce fil.
dc-file-too-large = Ce fichier est trop volumineux : { $maxMb } Mo au maximum.
dc-file-unsupported = Palabre conserve uniquement les photos (JPEG, PNG, WebP, GIF), les documents PDF et les fichiers texte.
dc-file-failed = Le fichier n’a pas pu être récupéré depuis Discord. Merci de l’envoyer à nouveau.
dc-thread-intro = Fil du litige { $caseId } (commande { $orderId }), pour l’acheteur et le vendeur. Écrivez ici : chaque message est ajouté au litige et parvient à l’autre partie.
dc-staff-thread-intro = Litige { $caseId } (commande { $orderId }) pour le support. Les messages écrits ici sont des notes internes.
dc-write-privately = Vos commandes et vos litiges ne regardent que vous : écrivez-moi en message privé, je vous y réponds.
dc-done = C’est fait.
dc-select-placeholder = Choisissez…
dc-late-answer = Discord vous a peut-être signalé un échec, mais votre demande m’est bien parvenue. Voici ma réponse :
dc-late-form = Discord n’a pas pu ouvrir le formulaire à temps. Appuyez sur le bouton ci-dessous pour l’ouvrir.

dc-form-open = { $kind ->
    [description] Décrire le problème
    [amount] Saisir le montant
    [tracking] Saisir le suivi
   *[text] Écrire une réponse
  }
dc-form-title = { $kind ->
    [description] Décrire le problème
    [amount] Montant
    [tracking] Suivi du colis
   *[text] Votre réponse
  }
dc-form-field-text = Votre message
dc-form-field-description = Que s’est-il passé ?
dc-form-field-amount = Montant (par exemple 25000)
dc-form-field-carrier = Transporteur (par exemple dhl)
dc-form-field-number = Numéro de suivi

dc-autocomplete-case = { $caseId } · { $orderId } · { $status ->
    [open] ouvert
    [escalated] transmis au support
   *[closed] clos
  }

## Commandes : descriptions (100 caractères au plus)

dc-cmd-start = Démarrer, ou lier votre compte avec un jeton
dc-cmd-link = Lier ce compte Discord à votre compte Congocrea
dc-cmd-help = Comment fonctionne Palabre
dc-cmd-lang = Changer de langue
dc-cmd-cancel = Quitter l’étape en cours
dc-cmd-report = Signaler un problème sur une commande
dc-cmd-cases = Mes litiges (support : transmis, en retard, en attente)
dc-cmd-case = Un litige : état, délais, actions
dc-cmd-escalate = Transmettre un litige au support
dc-cmd-close = Clore un litige (satisfait)
dc-cmd-refund = Rembourser l’acheteur, en tout ou en partie
dc-cmd-tracking = Ajouter un suivi de colis à un litige
dc-cmd-decide = Support : clore un litige en faveur du vendeur
dc-cmd-reopen = Support : rouvrir un litige clos
dc-cmd-ask = Support : demander une information à une partie
dc-cmd-note = Support : ajouter une note interne
dc-cmd-suspend = Support : suspendre une boutique
dc-cmd-reinstate = Support : rétablir une boutique

## Options : descriptions

dc-opt-token = Le jeton donné par le site Congocrea
dc-opt-language = Langue
dc-opt-view = Quels litiges (support)
dc-opt-case = Numéro du litige, par exemple C-000123
dc-opt-ground = Motif d’une transmission anticipée (support)
dc-opt-amount = Montant d’un remboursement partiel
dc-opt-recover = Reprendre le remboursement au vendeur (support)
dc-opt-carrier = Transporteur, par exemple dhl
dc-opt-number = Numéro de suivi
dc-opt-party = Partie interrogée
dc-opt-text = Texte
dc-opt-note = Note (facultative)
dc-opt-shop = Identifiant de la boutique
dc-opt-reason = Motif

## Options : noms (minuscules, sans espace)

dc-optname-token = jeton
dc-optname-language = langue
dc-optname-view = vue
dc-optname-case = litige
dc-optname-ground = motif
dc-optname-amount = montant
dc-optname-recover = recouvrer
dc-optname-carrier = transporteur
dc-optname-number = numéro
dc-optname-party = partie
dc-optname-text = texte
dc-optname-note = note
dc-optname-shop = boutique
dc-optname-reason = raison

## Choix des options

dc-choice-fr = Français
dc-choice-en = English
dc-choice-escalated = Transmis au support
dc-choice-overdue = En retard
dc-choice-waiting = En attente du support
dc-choice-inactivity = Inactivité du vendeur
dc-choice-harassment = Harcèlement
dc-choice-refusal = Refus de service
dc-choice-manipulation = Manipulation du litige
dc-choice-integrity = Atteinte au système des litiges
dc-choice-buyer = Acheteur
dc-choice-seller = Vendeur
