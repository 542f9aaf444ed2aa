# Telegram adapter: command menu descriptions (setMyCommands) and the adapter's own sentences.

tg-cmd-report = Report a problem with an order
tg-cmd-cases = My cases
tg-cmd-case = View a case: /case <number>
tg-cmd-escalate = Escalate my case to support
tg-cmd-close = Close my case (problem solved)
tg-cmd-refund = Refund the buyer: /refund <number> [amount]
tg-cmd-tracking = Add tracking: /tracking <number> <carrier> <tracking number>
tg-cmd-link = Link this Telegram account: /link <code>
tg-cmd-start = Get started
tg-cmd-lang = Change language: /lang fr, en, ln or sw
tg-cmd-help = Help
tg-cmd-cancel = Cancel what you are doing

tg-cmd-staff-cases = List: /cases escalated, overdue or waiting
tg-cmd-staff-escalate = Escalate to support: /escalate <number> <ground>
tg-cmd-staff-refund = Refund: /refund <number> [amount] [recover]
tg-cmd-staff-decide = Close in the seller's favour: /decide <number> seller
tg-cmd-staff-reopen = Reopen a case: /reopen <number>
tg-cmd-staff-ask = Ask for information: /ask <number> buyer|seller <text>
tg-cmd-staff-note = Internal note: /note <number> <text>
tg-cmd-staff-suspend = Suspend a shop: /suspend <shop> <reason>
tg-cmd-staff-reinstate = Reinstate a shop: /reinstate <shop>

tg-file-too-large = This file is too large: { $max } MB at most. Send a lighter photo or a smaller PDF.
tg-file-unsupported = I can only keep photos (JPEG, PNG, WebP, GIF), PDFs and text files as evidence.
tg-error-generic = Sorry, something went wrong on our side. Please try again in a moment.
tg-group-write-privately = Your orders and cases are nobody else’s business: write to me privately, here: { $link }
