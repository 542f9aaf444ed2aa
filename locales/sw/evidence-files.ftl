# Relayed evidence: previews on case cards, files no longer kept.

evidence-file-expired = Faili hii imeisha muda: Palabre haiihifadhi tena (ilifutwa baada ya muda wa kuhifadhi, au haikuwahi kuambatishwa kwenye kesi). Mwombe aliyeituma aitume tena kama bado unaihitaji.
evidence-preview-alt = Picha ndogo ya ushahidi wa kesi { $caseId }
