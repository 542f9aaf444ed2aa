# Mise en place : le paquet d'application Teams (manifeste, listes de commandes) et l'identifiant du canal du support.

teams-app-name-short = Palabre
teams-app-name-full = Palabre, kesi za Congocrea
teams-app-description-short = Ripoti tatizo la oda na ufuatilie kesi yako ya Congocrea.
teams-app-description-full = Palabre inageuza tatizo la oda ya Congocrea (mzigo haukufika, bidhaa si kama ilivyoelezwa) kuwa kesi: inapata oda, inaangalia muda, inamjulisha muuzaji na kufuatilia kesi mpaka imalizike. Support inafanya kazi hapo kutoka kwenye chaneli yake.

teams-cmd-report = Ripoti tatizo la oda
teams-cmd-cases = Kesi zangu
teams-cmd-case = Kuona kesi: case <nambari>
teams-cmd-escalate = Kupeleka kesi yangu kwa support
teams-cmd-close = Kufunga kesi yangu (tatizo limekwisha)
teams-cmd-refund = Kumrudishia mnunuzi pesa: refund <nambari> [kiasi]
teams-cmd-tracking = Kuongeza ufuatiliaji: tracking <nambari> <msafirishaji> <nambari ya ufuatiliaji>
teams-cmd-link = Kuunganisha akaunti hii ya Teams: link <code>
teams-cmd-lang = Kubadilisha lugha: lang fr, en, ln au sw
teams-cmd-help = Msaada
teams-cmd-staff-cases = Orodha: cases escalated, overdue au waiting
teams-cmd-staff-refund = Kurudisha pesa: refund <nambari> [kiasi] [recover]
teams-cmd-staff-decide = Kufunga kwa faida ya muuzaji: decide <nambari> seller
teams-cmd-staff-reopen = Kufungua kesi tena: reopen <nambari>
teams-cmd-staff-ask = Kuomba habari: ask <nambari> buyer|seller <maandishi>
teams-cmd-staff-note = Maelezo ya ndani: note <nambari> <maandishi>
teams-cmd-staff-suspend = Kusimamisha duka: suspend <duka> <sababu>
teams-cmd-staff-reinstate = Kurudisha duka: reinstate <duka>
teams-cmd-setup = Kuonyesha kitambulisho cha chaneli hii kwa TEAMS_STAFF_CONVERSATION_ID

teams-setup-staff = Chaneli hii ni chaneli ya support ya Palabre (TEAMS_STAFF_CONVERSATION_ID = { $id }).
teams-setup-other = Kitambulisho cha chaneli hii: { $id }. Ili iwe chaneli ya support, weka TEAMS_STAFF_CONVERSATION_ID={ $id } kisha uanzishe Palabre upya.
