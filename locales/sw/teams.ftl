# Adapta ya Microsoft Teams: sentensi za adapta yenyewe (zile za injini ziko mahali pengine).

teams-file-too-large = Faili hii ni kubwa mno: { $max } Mo zaidi. Tuma picha nyepesi au PDF ndogo.
teams-file-unsupported = Ninaweza kuhifadhi picha tu (JPEG, PNG, WebP, GIF), PDF na faili za maandishi kama ushahidi.
teams-file-unreachable = Sikuweza kupata faili hii kutoka Teams. Tafadhali itume tena.
teams-file-kept = Faili « { $name } » ({ $kb } Ko) imehifadhiwa pamoja na kesi; Teams haiwezi kuionyesha hapa.
teams-error-generic = Samahani, tatizo limetokea upande wetu. Jaribu tena baada ya muda mfupi.
teams-welcome-team = Palabre iko tayari kwenye timu hii. Nitaje pamoja na amri, kwa mfano « @Palabre help ». Wanunuzi na wauzaji huongea nami kwenye mazungumzo ya faragha.
teams-write-privately = Maagizo na malalamiko yako ni yako peke yako: niandikie faraghani, kwenye mazungumzo yako binafsi na Palabre, nitakujibu huko.
