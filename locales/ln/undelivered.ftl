# Eyebisamaka na moto oyo akomaki message oyo ekomaki te epai ya moto asengelaki kozwa yango (src/app/outbox-worker.ts).

notify-undelivered = { $kind ->
    [case] Message na yo ya suka na litige { $caseId } ekoki kokoma te : moto oyo asengelaki kozwa yango akangi Palabre na ba messagerie na ye.
   *[order] Message na yo ya suka na commande { $orderId } ekoki kokoma te : moto oyo asengelaki kozwa yango akangi Palabre na ba messagerie na ye.
  }
