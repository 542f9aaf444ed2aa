# Discord adapter (adapters/discord): refusals, thread messages, forms and slash-command help.
# Command names stay English (SPEC section 2); option names get a French localization.

dc-error = Something went wrong on our side. Please try again in a moment.
dc-not-saved = Your message could not be saved right now: it was neither passed on nor added to a case. Please send it again in a few minutes.
dc-action-not-saved = Your request could not be saved right now: nothing was done. Please try again in a few minutes.
dc-action-invalid = This button is no longer valid. Use /cases to see your cases.
dc-command-unknown = This command is not available any more. Type / to see the current ones.
dc-support-only = This command is reserved for the support team.
dc-thread-not-party = Only the buyer, the seller and support can write in this case's thread. Your message was not added to the case.
dc-staff-thread-only-support = Only support can write in this thread.
dc-file-too-large = This file is too large: { $maxMb } MB at most.
dc-file-unsupported = Palabre keeps photos (JPEG, PNG, WebP, GIF), PDF documents and text files only.
dc-file-failed = The file could not be retrieved from Discord. Please send it again.
dc-thread-intro = Thread of case { $caseId } (order { $orderId }), for the buyer and the seller. Write here: every message is added to the case and reaches the other party.
dc-staff-thread-intro = Case { $caseId } (order { $orderId }) for support. Messages written here are internal notes.
dc-write-privately = Your orders and cases are nobody else’s business: send me a direct message and I will answer you there.
dc-done = Done.
dc-select-placeholder = Choose…
dc-late-answer = Discord may have shown you that something failed, but your request did reach me. Here is my answer:
dc-late-form = Discord could not open the form in time. Press the button below to open it.

dc-form-open = { $kind ->
    [description] Describe the problem
    [amount] Enter the amount
    [tracking] Enter the tracking number
   *[text] Write an answer
  }
dc-form-title = { $kind ->
    [description] Describe the problem
    [amount] Amount
    [tracking] Tracking
   *[text] Your answer
  }
dc-form-field-text = Your message
dc-form-field-description = What happened?
dc-form-field-amount = Amount (for example 25000)
dc-form-field-carrier = Carrier (for example dhl)
dc-form-field-number = Tracking number

dc-autocomplete-case = { $caseId } · { $orderId } · { $status ->
    [open] open
    [escalated] escalated
   *[closed] closed
  }

## Slash commands: descriptions (at most 100 characters)

dc-cmd-start = Start, or link your account with a token
dc-cmd-link = Link this Discord account to your Congocrea account
dc-cmd-help = How Palabre works
dc-cmd-lang = Change the language
dc-cmd-cancel = Leave the current step
dc-cmd-report = Report a problem with an order
dc-cmd-cases = My cases (support: escalated, overdue, waiting)
dc-cmd-case = One case: status, deadlines, actions
dc-cmd-escalate = Escalate a case to support
dc-cmd-close = Close a case as satisfied
dc-cmd-refund = Refund the buyer, fully or partly
dc-cmd-tracking = Add tracking to a case
dc-cmd-decide = Support: close a case in the seller's favour
dc-cmd-reopen = Support: reopen a closed case
dc-cmd-ask = Support: ask a party for information
dc-cmd-note = Support: add an internal note
dc-cmd-suspend = Support: suspend a shop
dc-cmd-reinstate = Support: reinstate a shop

## Options: descriptions

dc-opt-token = The token from the Congocrea site
dc-opt-language = Language
dc-opt-view = Which cases (support)
dc-opt-case = Case number, for example C-000123
dc-opt-ground = Ground for an early escalation (support)
dc-opt-amount = Amount for a partial refund
dc-opt-recover = Take the refund back from the seller (support)
dc-opt-carrier = Carrier, for example dhl
dc-opt-number = Tracking number
dc-opt-party = Who is asked
dc-opt-text = Text
dc-opt-note = Note (optional)
dc-opt-shop = Shop id
dc-opt-reason = Reason

## Options: names (lowercase, no spaces; this file gives the English ones)

dc-optname-token = token
dc-optname-language = language
dc-optname-view = view
dc-optname-case = case
dc-optname-ground = ground
dc-optname-amount = amount
dc-optname-recover = recover
dc-optname-carrier = carrier
dc-optname-number = number
dc-optname-party = party
dc-optname-text = text
dc-optname-note = note
dc-optname-shop = shop
dc-optname-reason = reason

## Option choices

dc-choice-fr = Français
dc-choice-en = English
dc-choice-escalated = Escalated
dc-choice-overdue = Overdue
dc-choice-waiting = Waiting for support
dc-choice-inactivity = Seller inactivity
dc-choice-harassment = Harassment
dc-choice-refusal = Refusal of service
dc-choice-manipulation = Case manipulation
dc-choice-integrity = Harm to the case system
dc-choice-buyer = Buyer
dc-choice-seller = Seller
