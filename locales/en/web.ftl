# The web playground's own page (adapters/web). The engine's sentences live in the engine's files.
# Placeholders such as { $case } are filled in by the page's script.

web-title = Palabre — playground
web-subtitle = Three demo accounts, the real dispute engine: write as the buyer, answer as the seller, arbitrate as support.
web-lang-switch-title = Page language

web-pane-buyer = Buyer
web-pane-seller = Seller
web-pane-support = Support
web-pick-label = Demo account
web-pick-placeholder = Pick an account…
web-pick-change = Change account
web-pane-empty = Pick a demo account to start.
web-hint-buyer = Try: “my order never arrived”
web-hint-seller = Cases opened against your shop arrive here. Answer in a case with “Reply”.
web-hint-support = Support pane: try /cases escalated or /help.

web-input-placeholder = Write a message…
web-input-label = Message
web-input-count = { $count } / { $max }
web-send = Send
web-attach = Attach a photo
web-attach-caption = Attached photo
web-reply = Reply
web-reply-to = Replying in case { $case }
web-reply-cancel = Cancel the reply
web-you = You
web-bot = Palabre
web-updated = updated
web-open-file = Open the file
web-sending = Sending…
web-connection-lost = Connection lost, reconnecting…
web-new-messages = new messages

web-panel-title = Cases
web-panel-empty = No cases yet.
web-panel-refused = No cases shown: the playground is connected to a real marketplace.
web-status-open = open
web-status-escalated = escalated
web-status-closed = closed
web-reason-non-delivery = not received
web-reason-not-as-described = not as described
web-deadline-escalation = Escalation possible in { $time }
web-deadline-escalation-now = Escalation possible now
web-deadline-late = Late delivery in { $time }
web-deadline-late-now = Late delivery reached
web-countdown-days = { $days } d { $clock }

web-clock-title = Demo clock
web-clock-scaled = Policy durations are divided by { $scale } for the demo.
web-clock-real = Real policy durations (no speed-up).
web-clock-escalation = Escalation possible after { $duration }
web-clock-reminders = Seller reminders after { $durations }
web-clock-late = A case still open after { $duration } is flagged late delivery: only a full refund can close it then

web-error-real-marketplace = The playground only offers demo accounts: it is closed when Palabre is connected to a real marketplace.
web-error-pane-gone = This pane expired: pick an account again.
web-error-file-gone = File not found, or kept for another pane.
web-error-bad-request = Request refused: it is malformed.
web-error-text-too-long = Message too long: { $length } characters, { $max } at most. Nothing was sent: shorten it or send it in several parts.
web-error-upload-too-large = File too large: { $max } at most.
web-error-upload-type = Only photos (JPEG, PNG, WebP, GIF) and PDFs are accepted.
web-error-internal = Something went wrong. Try again in a moment.
web-error-network = The server does not answer. Check that it is still running.
web-error-storage = The file could not be saved right now. Nothing was added: try again in a few minutes.
web-error-file-expired = This file has expired: it is no longer kept (deleted once the retention period after a case's closing has passed, or never attached to a case).
