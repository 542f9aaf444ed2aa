# Setup: the Teams app package (manifest, command lists) and the staff channel's id.

teams-app-name-short = Palabre
teams-app-name-full = Palabre, Congocrea disputes
teams-app-description-short = Report a problem with an order and follow your Congocrea case.
teams-app-description-full = Palabre turns a problem with a Congocrea order (a parcel that never came, an item not as described) into a case: it finds the order, checks the deadlines, tells the seller and follows the case until it is settled. Support works on it from its channel.

teams-cmd-report = Report a problem with an order
teams-cmd-cases = My cases
teams-cmd-case = View a case: case <number>
teams-cmd-escalate = Escalate my case to support
teams-cmd-close = Close my case (problem solved)
teams-cmd-refund = Refund the buyer: refund <number> [amount]
teams-cmd-tracking = Add tracking: tracking <number> <carrier> <tracking>
teams-cmd-link = Link this Teams account: link <code>
teams-cmd-lang = Change language: lang fr, en, ln or sw
teams-cmd-help = Help
teams-cmd-staff-cases = List: cases escalated, overdue or waiting
teams-cmd-staff-refund = Refund: refund <number> [amount] [recover]
teams-cmd-staff-decide = Close in the seller's favour: decide <number> seller
teams-cmd-staff-reopen = Reopen a case: reopen <number>
teams-cmd-staff-ask = Ask for information: ask <number> buyer|seller <text>
teams-cmd-staff-note = Internal note: note <number> <text>
teams-cmd-staff-suspend = Suspend a shop: suspend <shop> <reason>
teams-cmd-staff-reinstate = Reinstate a shop: reinstate <shop>
teams-cmd-setup = Show this channel's id for TEAMS_STAFF_CONVERSATION_ID

teams-setup-staff = This channel is Palabre's staff channel (TEAMS_STAFF_CONVERSATION_ID = { $id }).
teams-setup-other = This channel's id: { $id }. To make it the staff channel, set TEAMS_STAFF_CONVERSATION_ID={ $id } and restart Palabre.
