# Adaptateur Microsoft Teams : ba phrase ya adaptateur yango moko (oyo ya moteur ezali esika mosusu).

teams-file-too-large = Fichier oyo eleki monene : { $max } Mo mpo na koleka te. Tinda foto ya moke to PDF ya moke.
teams-file-unsupported = Nakoki kobomba kaka ba foto (JPEG, PNG, WebP, GIF), ba PDF mpe ba fichier ya makomi lokola bilembeteli.
teams-file-unreachable = Nakoki kozwa fichier oyo na Teams te. Tinda yango lisusu.
teams-file-kept = Fichier « { $name } » ({ $kb } Ko) ebombami elongo na litige ; Teams ekoki kolakisa yango awa te.
teams-error-generic = Bolimbisi, likambo moko esalemi na ngambo na biso. Meka lisusu mwa moke.
teams-welcome-team = Palabre ezali pene na ekipe oyo. Benga ngai na commande, ndakisa « @Palabre help ». Basombi na bateki balobaka na ngai na conversation ya bango moko.
teams-write-privately = Ba komande mpe ba likambo na yo ezali kaka ya yo : komela ngai na sekele, na lisolo ya yo moko na Palabre, nakozongisela yo kuna.
