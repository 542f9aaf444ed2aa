# The web playground's own page (adapters/web). The engine's sentences live in the engine's files.
# Placeholders such as { $case } are filled in by the page's script.

web-title = Palabre — terrain de jeu
web-subtitle = Trois comptes de démonstration, le vrai moteur de litiges : écrivez comme l'acheteuse, répondez comme le vendeur, arbitrez comme le support.
web-lang-switch-title = Langue de la page

web-pane-buyer = Acheteur
web-pane-seller = Vendeur
web-pane-support = Support
web-pick-label = Compte de démonstration
web-pick-placeholder = Choisir un compte…
web-pick-change = Changer de compte
web-pane-empty = Choisissez un compte de démonstration pour commencer.
web-hint-buyer = Essayez : « ma commande n'est jamais arrivée »
web-hint-seller = Les dossiers ouverts contre votre boutique arrivent ici. Répondez dans un dossier avec « Répondre ».
web-hint-support = Volet du support : essayez /cases escalated ou /help.

web-input-placeholder = Écrire un message…
web-input-label = Message
web-input-count = { $count } / { $max }
web-send = Envoyer
web-attach = Joindre une photo
web-attach-caption = Photo jointe
web-reply = Répondre
web-reply-to = Réponse dans le dossier { $case }
web-reply-cancel = Annuler la réponse
web-you = Vous
web-bot = Palabre
web-updated = mis à jour
web-open-file = Ouvrir le fichier
web-sending = Envoi…
web-connection-lost = Connexion perdue, reconnexion…
web-new-messages = nouveaux messages

web-panel-title = Dossiers
web-panel-empty = Aucun dossier pour l'instant.
web-panel-refused = Aucun dossier affiché : le terrain de jeu est relié à une vraie place de marché.
web-status-open = ouvert
web-status-escalated = escaladé
web-status-closed = clos
web-reason-non-delivery = non reçu
web-reason-not-as-described = non conforme
web-deadline-escalation = Escalade possible dans { $time }
web-deadline-escalation-now = Escalade possible maintenant
web-deadline-late = Livraison tardive dans { $time }
web-deadline-late-now = Livraison tardive atteinte
web-countdown-days = { $days } j { $clock }

web-clock-title = Horloge de la démo
web-clock-scaled = Les durées de la politique sont divisées par { $scale } pour la démo.
web-clock-real = Durées réelles de la politique (aucune accélération).
web-clock-escalation = Escalade possible après { $duration }
web-clock-reminders = Rappels au vendeur après { $durations }
web-clock-late = Un litige encore ouvert après { $duration } passe en livraison tardive : seul un remboursement intégral peut alors le clore

web-error-real-marketplace = Le terrain de jeu ne propose que les comptes de démonstration : il est fermé quand Palabre est relié à une vraie place de marché.
web-error-pane-gone = Ce panneau a expiré : choisissez de nouveau un compte.
web-error-file-gone = Fichier introuvable, ou réservé à un autre panneau.
web-error-bad-request = Requête refusée : elle est mal formée.
web-error-text-too-long = Message trop long : { $length } caractères, pour { $max } au plus. Rien n'a été envoyé : raccourcissez-le ou envoyez-le en plusieurs fois.
web-error-upload-too-large = Fichier trop lourd : { $max } au plus.
web-error-upload-type = Seules les photos (JPEG, PNG, WebP, GIF) et les PDF sont acceptés.
web-error-internal = Une erreur est survenue. Réessayez dans un instant.
web-error-network = Le serveur ne répond pas. Vérifiez qu'il tourne toujours.
web-error-storage = Le fichier n’a pas pu être enregistré pour le moment. Rien n’a été ajouté : réessayez dans quelques minutes.
web-error-file-expired = Cette pièce a expiré : ce fichier n’est plus conservé (supprimé après la durée de conservation qui suit la clôture du dossier, ou jamais joint à un litige).
