# Oda inashikiliwa na kesi nyingine wakati wa kufungua tena (src/app/case-service.ts inaigeuza kuwa error-case-already-open).

error-order-claimed = Ombi lingine linashikilia oda hii kwa sasa. Jaribu tena baada ya muda mfupi.
