# Told to the author of a message that reached none of its recipient's platforms (src/app/outbox-worker.ts).

notify-undelivered = { $kind ->
    [case] Votre dernier message sur le litige { $caseId } n’a pas pu être remis : le destinataire a bloqué Palabre sur ses messageries.
   *[order] Votre dernier message sur la commande { $orderId } n’a pas pu être remis : le destinataire a bloqué Palabre sur ses messageries.
  }
