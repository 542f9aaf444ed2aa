# Inbound claims (docs/inbound-claims.md): a redelivered message already stored is not stored again.
error-already-applied = This message was already recorded: nothing changed.
