# Mise en place : le paquet d'application Teams (manifeste, listes de commandes) et l'identifiant du canal du support.

teams-app-name-short = Palabre
teams-app-name-full = Palabre, litiges Congocrea
teams-app-description-short = Signalez un problème de commande et suivez votre litige Congocrea.
teams-app-description-full = Palabre transforme un problème de commande Congocrea (colis jamais arrivé, article non conforme) en litige : il trouve la commande, vérifie les délais, prévient le vendeur et suit le litige jusqu’à sa résolution. Le support y travaille depuis son canal.

teams-cmd-report = Signaler un problème avec une commande
teams-cmd-cases = Mes litiges
teams-cmd-case = Voir un litige : case <numéro>
teams-cmd-escalate = Transmettre mon litige au support
teams-cmd-close = Clore mon litige (problème réglé)
teams-cmd-refund = Rembourser l’acheteur : refund <numéro> [montant]
teams-cmd-tracking = Ajouter un suivi : tracking <numéro> <transporteur> <suivi>
teams-cmd-link = Lier ce compte Teams : link <code>
teams-cmd-lang = Changer de langue : lang fr, en, ln ou sw
teams-cmd-help = Aide
teams-cmd-staff-cases = Lister : cases escalated, overdue ou waiting
teams-cmd-staff-refund = Rembourser : refund <numéro> [montant] [recover]
teams-cmd-staff-decide = Clore en faveur du vendeur : decide <numéro> seller
teams-cmd-staff-reopen = Rouvrir un litige : reopen <numéro>
teams-cmd-staff-ask = Demander une information : ask <numéro> buyer|seller <texte>
teams-cmd-staff-note = Note interne : note <numéro> <texte>
teams-cmd-staff-suspend = Suspendre une boutique : suspend <boutique> <motif>
teams-cmd-staff-reinstate = Rétablir une boutique : reinstate <boutique>
teams-cmd-setup = Afficher l’identifiant de ce canal pour TEAMS_STAFF_CONVERSATION_ID

teams-setup-staff = Ce canal est le canal du support de Palabre (TEAMS_STAFF_CONVERSATION_ID = { $id }).
teams-setup-other = Identifiant de ce canal : { $id }. Pour en faire le canal du support, réglez TEAMS_STAFF_CONVERSATION_ID={ $id } et redémarrez Palabre.
