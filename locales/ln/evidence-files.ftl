# Relayed evidence: previews on case cards, files no longer kept.

evidence-file-expired = Elembeteli oyo esili ntango : Palabre ebombaka fichier oyo lisusu te (elongolamaki nsima ya ntango ya kobomba, to ekangisamaki na dossier te). Senga moto oyo atindaki yango atinda yango lisusu soki ozali kaka na mposa na yango.
evidence-preview-alt = Elilingi moke ya foto ya dossier { $caseId }
