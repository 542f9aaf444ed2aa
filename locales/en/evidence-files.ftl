## Relayed evidence: previews on case cards, files no longer kept

evidence-file-expired = This file has expired: Palabre no longer keeps it (deleted after the retention period, or never attached to a case). Ask the sender to send it again if you still need it.
evidence-preview-alt = Preview of a photo of case { $caseId }
media-unsupported-voice = I cannot listen to voice messages. Write to me in a few words what is wrong, even without accents or punctuation: I will understand.
media-unsupported-video = I cannot keep videos. Send a photo (JPEG, PNG, WebP) or a PDF, and write in a few words what is wrong.
media-unsupported-other = I only read written messages, photos and PDFs. Write to me in a few words what is wrong.
