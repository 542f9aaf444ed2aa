# Told to the author of a message that reached none of its recipient's platforms (src/app/outbox-worker.ts).

notify-undelivered = { $kind ->
    [case] Your last message on case { $caseId } could not be delivered: the recipient has blocked Palabre on their chat apps.
   *[order] Your last message on order { $orderId } could not be delivered: the recipient has blocked Palabre on their chat apps.
  }
