## Stockage et conservation des pièces

error-storage-unavailable = Votre fichier n’a pas pu être enregistré pour le moment : rien n’a été ajouté au dossier. Merci de le renvoyer dans quelques minutes.
evidence-timeline-expired = { $at } · { $count ->
    [one] le fichier du dossier a été supprimé à la fin de la durée de conservation
   *[other] les { $count } fichiers du dossier ont été supprimés à la fin de la durée de conservation
  }
evidence-timeline-file-expired = { $at } · { common-role } ({ $platform }) · pièce : { common-evidence-kind } — fichier expiré (supprimé le { $expiredAt })
