## Pièces relayées : aperçus sur les fiches, fichiers qui ne sont plus conservés

evidence-file-expired = Cette pièce a expiré : Palabre ne conserve plus ce fichier (supprimé après la durée de conservation, ou jamais joint à un litige). Demandez à l’expéditeur de le renvoyer si vous en avez encore besoin.
evidence-preview-alt = Aperçu d’une photo du litige { $caseId }
