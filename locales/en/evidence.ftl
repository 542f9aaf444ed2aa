## Evidence storage and retention

error-storage-unavailable = Your file could not be saved right now, so nothing was added to the case. Please send it again in a few minutes.
evidence-timeline-expired = { $at } · { $count ->
    [one] the case's file was deleted at the end of the retention period
   *[other] the case's { $count } files were deleted at the end of the retention period
  }
evidence-timeline-file-expired = { $at } · { common-role } ({ $platform }) · evidence: { common-evidence-kind } — file expired (deleted on { $expiredAt })
