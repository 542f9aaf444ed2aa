# Mise en place : le paquet d'application Teams (manifeste, listes de commandes) et l'identifiant du canal du support.

teams-app-name-short = Palabre
teams-app-name-full = Palabre, ba litige ya Congocrea
teams-app-description-short = Yebisa likambo ya commande mpe landa litige na yo ya Congocrea.
teams-app-description-full = Palabre ebongolaka likambo ya commande ya Congocrea (colis eyaki te, eloko ekokani te na oyo balakisaki) na litige : ezwaka commande, etalaka ntango, eyebisaka moteki mpe elandaka litige kino esili. Support esalaka wana uta na canal na yango.

teams-cmd-report = Kolakisa likambo na commande moko
teams-cmd-cases = Ba litige na ngai
teams-cmd-case = Kotala litige : case <nimero>
teams-cmd-escalate = Kotinda litige na ngai na support
teams-cmd-close = Kosukisa litige na ngai (likambo esili)
teams-cmd-refund = Kozongisela mosombi mbongo : refund <nimero> [motuya]
teams-cmd-tracking = Kobakisa suivi : tracking <nimero> <motindi> <suivi>
teams-cmd-link = Kokangisa compte oyo ya Teams : link <code>
teams-cmd-lang = Kobongola monoko : lang fr, en, ln to sw
teams-cmd-help = Lisalisi
teams-cmd-staff-cases = Kolakisa : cases escalated, overdue to waiting
teams-cmd-staff-refund = Kozongisa mbongo : refund <nimero> [motuya] [recover]
teams-cmd-staff-decide = Kosukisa na bolamu ya moteki : decide <nimero> seller
teams-cmd-staff-reopen = Kofungola litige lisusu : reopen <nimero>
teams-cmd-staff-ask = Kotuna sango : ask <nimero> buyer|seller <maloba>
teams-cmd-staff-note = Note ya kati : note <nimero> <maloba>
teams-cmd-staff-suspend = Kotelemisa butiki : suspend <butiki> <ntina>
teams-cmd-staff-reinstate = Kozongisa butiki : reinstate <butiki>
teams-cmd-setup = Kolakisa nimero ya canal oyo mpo na TEAMS_STAFF_CONVERSATION_ID

teams-setup-staff = Canal oyo ezali canal ya support ya Palabre (TEAMS_STAFF_CONVERSATION_ID = { $id }).
teams-setup-other = Nimero ya canal oyo : { $id }. Mpo ekoma canal ya support, tia TEAMS_STAFF_CONVERSATION_ID={ $id } mpe banda Palabre lisusu.
