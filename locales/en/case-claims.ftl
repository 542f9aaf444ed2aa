# The order is held by another case at the moment of a reopen (src/app/case-service.ts turns it into error-case-already-open).

error-order-claimed = Another case holds this order at the moment. Please try again in a moment.
