## Pièces relayées : aperçus sur les fiches, fichiers qui ne sont plus conservés

evidence-file-expired = Cette pièce a expiré : Palabre ne conserve plus ce fichier (supprimé après la durée de conservation, ou jamais joint à un litige). Demandez à l’expéditeur de le renvoyer si vous en avez encore besoin.
evidence-preview-alt = Aperçu d’une photo du litige { $caseId }
media-unsupported-voice = Je ne peux pas écouter les messages vocaux. Écrivez-moi en quelques mots ce qui ne va pas, même sans accents ni ponctuation : je comprendrai.
media-unsupported-video = Je ne peux pas garder les vidéos. Envoyez une photo (JPEG, PNG, WebP) ou un PDF, et écrivez en quelques mots ce qui ne va pas.
media-unsupported-other = Je ne lis que les messages écrits, les photos et les PDF. Écrivez-moi en quelques mots ce qui ne va pas.
