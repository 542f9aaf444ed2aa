# Relayed evidence: previews on case cards, files no longer kept.

evidence-file-expired = Faili hii imeisha muda: Palabre haiihifadhi tena (ilifutwa baada ya muda wa kuhifadhi, au haikuwahi kuambatishwa kwenye kesi). Mwombe aliyeituma aitume tena kama bado unaihitaji.
evidence-preview-alt = Picha ndogo ya ushahidi wa kesi { $caseId }
media-unsupported-voice = Siwezi kusikiliza ujumbe wa sauti. Niandikie kwa maneno machache tatizo ni nini, hata bila alama za uandishi: nitaelewa.
media-unsupported-video = Siwezi kuhifadhi video. Tuma picha (JPEG, PNG, WebP) au PDF, na uandike kwa maneno machache tatizo ni nini.
media-unsupported-other = Ninasoma ujumbe wa maandishi, picha na PDF pekee. Niandikie kwa maneno machache tatizo ni nini.
