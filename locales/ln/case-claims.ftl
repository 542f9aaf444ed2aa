# Commande ezali na maboko ya litige mosusu na ntango ya kofungola lisusu (src/app/case-service.ts ebongolaka yango na error-case-already-open).

error-order-claimed = Bosenga mosusu ezali na commande oyo sikoyo. Meka lisusu mwa moke.
