# Adaptateur Microsoft Teams : les phrases propres à l'adaptateur (celles du moteur sont ailleurs).

teams-file-too-large = Ce fichier est trop volumineux : { $max } Mo au maximum. Envoyez une photo plus légère ou un PDF plus petit.
teams-file-unsupported = Je ne peux garder que des photos (JPEG, PNG, WebP, GIF), des PDF et des fichiers texte comme pièces justificatives.
teams-file-unreachable = Je n'ai pas pu récupérer ce fichier depuis Teams. Merci de l'envoyer à nouveau.
teams-file-kept = Le fichier « { $name } » ({ $kb } Ko) est conservé avec le litige ; Teams ne peut pas l'afficher ici.
teams-error-generic = Désolé, un problème est survenu de notre côté. Réessayez dans un instant.
teams-welcome-team = Palabre est prêt dans cette équipe. Mentionnez-moi avec une commande, par exemple « @Palabre help ». Acheteurs et vendeurs me parlent en conversation privée.
teams-write-privately = Vos commandes et vos litiges ne regardent que vous : écrivez-moi dans une conversation privée avec Palabre, je vous y réponds.
