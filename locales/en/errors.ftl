# One sentence per error code of src/domain/errors.ts: error-<code in lower case, _ → ->.
# Nothing was changed when one of these is shown.

error-validation = I didn't understand that request. Please check it and try again (/help for help).
error-text-empty = The message is empty.
error-text-too-long = This text is too long: { $max } characters at most{ $length ->
    [0] {""}
   *[other] {" "}(it has { $length })
  }. Nothing was saved: shorten it or send it in several messages.
error-invalid-amount = That amount is not valid. Type a number, for example 5000.
error-currency-mismatch = The currency does not match the order's ({ $currency }).
error-invalid-ground = Unknown ground. Possible grounds: { $grounds }.
error-invalid-reason = That reason does not exist. Please pick one from the list.
error-case-not-found = I can't find that case, or it is not yours.
error-order-not-found = I can't find that order in your name.
error-shop-not-found = I can't find that shop.
error-account-not-found = I can't find that Congocrea account.
error-not-your-case = That case is not yours.
error-not-order-buyer = Only the order's buyer can open a case.
error-buyer-only = Only the buyer can do that.
error-seller-only = Only the seller can do that.
error-support-only = { $staffChannel ->
    [yes] That is for support only, in the support channel.
   *[no] That is for support only.
  }
error-not-linked = First link this chat to your Congocrea account (/start to see how).
error-reason-not-caseable = A case can only be opened when an order did not arrive or an item is not as described. For anything else, write to the seller.
error-not-eligible-yet = It is too early to open a case on this order. Write to the seller in the meantime.
error-case-window-closed = The time to open a case on this order has passed. You can still write to the seller.
error-case-already-open = A case is already open for this order: { $caseId }.
error-case-closed = This case is closed.
error-case-not-closed = This case is not closed.
error-escalation-not-yet = You can escalate this case to support from { $at }. Until then, the seller can still sort it out with you.
error-already-escalated = This case is already with support.
error-not-escalated = That is only possible once the case has been escalated to support.
error-refund-too-large = That refund is more than what is left to refund ({ $max }).
error-late-delivery-full-refund-only = This case is a late delivery: only a full refund can close it.
error-not-late-yet = This case is not a late delivery yet.
error-already-late = This case is already flagged as a late delivery.
error-tracking-not-found = The carrier does not know that tracking number.
error-shop-suspended = This shop is suspended; support is following its cases.
error-shop-not-suspended = This shop is not suspended.
error-version-conflict = The case changed in the meantime. Please try again.
error-duplicate = That is already done.
error-link-token-invalid = That link token is not valid. Please get a new one on the Congocrea website.
error-link-token-expired = That link token has expired. Please get a new one on the Congocrea website.
error-link-token-used = That link token has already been used. Please get a new one on the Congocrea website.
error-action-invalid = That button is not valid here. Nothing was changed.
error-action-expired = That choice is no longer open: it was already made, a newer question replaced it, or it expired. Nothing was changed: start again with /cases or /report.
error-rate-limited = You're going a little fast: please try again in a moment.
error-input-too-large = That is too long or too large for me. Nothing was changed.
error-unsupported-media = That type of file is not accepted. Please send a photo (JPEG, PNG, WebP, GIF), a PDF or a text file.
error-marketplace-unavailable = The marketplace is not answering right now. Nothing was changed: please try again in a few minutes.
error-marketplace-bad-response = The marketplace sent an answer I cannot read. Nothing was changed: please try again later; if it keeps happening, contact Congocrea support.
error-internal = Sorry, something went wrong on my side. Please try again in a moment; if it keeps happening, contact Congocrea support.
