# The order is held by another case at the moment of a reopen (src/app/case-service.ts turns it into error-case-already-open).

error-order-claimed = Une autre demande tient cette commande en ce moment. Réessayez dans un instant.
