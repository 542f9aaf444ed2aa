# Telegram adapter: command menu descriptions (setMyCommands) and the adapter's own sentences.

tg-cmd-report = Signaler un problème avec une commande
tg-cmd-cases = Mes litiges
tg-cmd-case = Voir un litige : /case <numéro>
tg-cmd-escalate = Transmettre mon litige au support
tg-cmd-close = Clore mon litige (problème réglé)
tg-cmd-refund = Rembourser l’acheteur : /refund <numéro> [montant]
tg-cmd-tracking = Ajouter un suivi : /tracking <numéro> <transporteur> <numéro de suivi>
tg-cmd-link = Lier ce compte Telegram : /link <code>
tg-cmd-start = Commencer
tg-cmd-lang = Changer de langue : /lang fr, en, ln ou sw
tg-cmd-help = Aide
tg-cmd-cancel = Annuler l’opération en cours

tg-cmd-staff-cases = Lister : /cases escalated, overdue ou waiting
tg-cmd-staff-escalate = Transmettre au support : /escalate <numéro> <motif>
tg-cmd-staff-refund = Rembourser : /refund <numéro> [montant] [recover]
tg-cmd-staff-decide = Clore en faveur du vendeur : /decide <numéro> seller
tg-cmd-staff-reopen = Rouvrir un litige : /reopen <numéro>
tg-cmd-staff-ask = Demander une information : /ask <numéro> buyer|seller <texte>
tg-cmd-staff-note = Note interne : /note <numéro> <texte>
tg-cmd-staff-suspend = Suspendre une boutique : /suspend <boutique> <motif>
tg-cmd-staff-reinstate = Rétablir une boutique : /reinstate <boutique>

tg-file-too-large = Ce fichier est trop volumineux : { $max } Mo au maximum. Envoyez une photo plus légère ou un PDF plus petit.
tg-file-unsupported = Je ne peux garder que des photos (JPEG, PNG, WebP, GIF), des PDF et des fichiers texte comme pièces justificatives.
tg-error-generic = Désolé, un problème est survenu de notre côté. Réessayez dans un instant.
tg-group-write-privately = Vos commandes et vos litiges ne regardent que vous : écrivez-moi en privé, ici : { $link }
