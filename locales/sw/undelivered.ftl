# Hujulishwa mwandishi wa ujumbe ambao haukumfikia mpokeaji kwenye jukwaa lolote (src/app/outbox-worker.ts).

notify-undelivered = { $kind ->
    [case] Ujumbe wako wa mwisho kwenye kesi { $caseId } haukuweza kufikishwa: mpokeaji amezuia Palabre kwenye ujumbe wake.
   *[order] Ujumbe wako wa mwisho kwenye oda { $orderId } haukuweza kufikishwa: mpokeaji amezuia Palabre kwenye ujumbe wake.
  }
