# Inbound claims (docs/inbound-claims.md): a redelivered message already stored is not stored again.
error-already-applied = Ujumbe huu ulikuwa umeshaandikwa: hakuna kilichobadilika.
