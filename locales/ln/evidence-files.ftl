# Relayed evidence: previews on case cards, files no longer kept.

evidence-file-expired = Elembeteli oyo esili ntango : Palabre ebombaka fichier oyo lisusu te (elongolamaki nsima ya ntango ya kobomba, to ekangisamaki na dossier te). Senga moto oyo atindaki yango atinda yango lisusu soki ozali kaka na mposa na yango.
evidence-preview-alt = Elilingi moke ya foto ya dossier { $caseId }
media-unsupported-voice = Nakoki koyoka ba message ya mongongo te. Komela ngai na maloba moke likambo nini ezali, ata na ba accent te : nakososola.
media-unsupported-video = Nakoki kobomba ba vidéo te. Tinda foto (JPEG, PNG, WebP) to PDF, mpe komá na maloba moke likambo nini ezali.
media-unsupported-other = Natángaka kaka ba message ya kokoma, ba foto mpe ba PDF. Komela ngai na maloba moke likambo nini ezali.
