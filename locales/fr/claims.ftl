# Inbound claims (docs/inbound-claims.md): a redelivered message already stored is not stored again.
error-already-applied = Ce message était déjà enregistré : rien n’a changé.
