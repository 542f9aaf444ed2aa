# Evidence files: storage failures and files removed after the retention period.

error-storage-unavailable = Faili yako haikuweza kuhifadhiwa kwa sasa: hakuna kilichoongezwa kwenye faili ya kesi. Tafadhali itume tena baada ya dakika chache.
evidence-timeline-expired = { $at } · { $count ->
    [one] faili ya kesi ilifutwa muda wa kuhifadhi ulipoisha
   *[other] faili { $count } za kesi zilifutwa muda wa kuhifadhi ulipoisha
  }
evidence-timeline-file-expired = { $at } · { common-role } ({ $platform }) · ushahidi: { common-evidence-kind } — faili imeisha muda (ilifutwa { $expiredAt })
