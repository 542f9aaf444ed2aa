# Inbound claims (docs/inbound-claims.md): a redelivered message already stored is not stored again.
error-already-applied = Message oyo ekomamaki kala : eloko moko ebongwani te.
