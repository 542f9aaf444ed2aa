# Evidence files: storage failures and files removed after the retention period.

error-storage-unavailable = Fichier na yo ekoki kobombama sikoyo te : eloko ebakisami na dossier te. Tinda yango lisusu nsima ya miniti mwa moke.
evidence-timeline-expired = { $at } · { $count ->
    [one] fichier ya dossier elongolami ntango ya kobomba esilaki
   *[other] ba fichier { $count } ya dossier elongolami ntango ya kobomba esilaki
  }
evidence-timeline-file-expired = { $at } · { common-role } ({ $platform }) · elembeteli : { common-evidence-kind } — fichier esili ntango (elongolami na { $expiredAt })
