## Relayed evidence: previews on case cards, files no longer kept

evidence-file-expired = This file has expired: Palabre no longer keeps it (deleted after the retention period, or never attached to a case). Ask the sender to send it again if you still need it.
evidence-preview-alt = Preview of a photo of case { $caseId }
