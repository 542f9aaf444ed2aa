# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = This button no longer applies: { $state ->
    [closed] case { $caseId } has been closed since { $at } ({ common-resolution }).
    [escalated] case { $caseId } has been with support since { $at }.
   *[other] case { $caseId } has changed ({ common-status }).
  } Nothing was done; here is the case as it is now.
error-action-used = Already chosen: this choice was made before. Nothing was changed.
error-action-cancelled = That choice was cancelled (/cancel) before it was made: nothing was changed.

## Money and closing, on purpose

engine-confirm-decide-buyer = Decide case { $caseId } in the buyer's favour? { $payer ->
    [none] Everything is already refunded ({ $refunded } of { $total }): nothing more will be paid.
    [seller] { $amount } will be refunded to the buyer, recovered from the seller.
    [marketplace] { $amount } will be refunded to the buyer, paid by Congocrea.
   *[choose] { $amount } will be refunded to the buyer, paid by Congocrea or recovered from the seller (choose below).
  } The case will be closed.
error-refunded-in-full = This case is already refunded in full ({ $amount }): it cannot be decided in the seller's favour. To close it, decide for the buyer (/decide <no.> buyer): nothing is refunded twice.
engine-action-decide-buyer = Decide for the buyer
engine-side-seller = For the seller
engine-side-buyer = For the buyer
engine-ask-side = In whose favour do you decide case { $caseId }?
engine-side-unknown = I don't know "{ $typed }" as a party (seller or buyer).

## Asking support to verify a closing (buyer)

engine-action-verify = Ask for a check
engine-confirm-verify = Ask support to check the closing of case { $caseId } ({ common-resolution })? Support gets the case and can reopen it. You can ask only once.
engine-done-verification-requested = Request sent: support has case { $caseId } and will check its closing. They will answer you here.
engine-timeline-verification-requested = { $at } · { common-role } ({ $platform }) · asked to check the closing ({ common-resolution }) { $text }
notify-closed-why-delivered = Why: carrier { $carrier } reports parcel { $number } delivered{ $place ->
    [none] { "" }
   *[other] { " " }in { $place }
  }, at the order's address.
notify-closed-why-refunded = Why: the seller recorded a full refund of { $amount } through the original payment method.
notify-contest-offer = If that is not so, press "Ask for a check" before { $until }: support will check and can reopen case { $caseId }.
notify-verification-requested = The buyer contests the closing of case { $caseId } ({ common-resolution }) and asks for a check. You can reopen the case from its card.
error-not-contestable = This closing ({ common-resolution }) cannot be contested here: write to Congocrea support.
error-contest-window-over = The time to ask for a check has passed (until { $until }).
error-already-contested = A check was already requested for this case, on { $at }.

## Support's words

engine-ground-unknown = I don't know the ground "{ $typed }".
engine-queue-menu = Which list do you want to see?
engine-queue-unknown = I don't know the list "{ $typed }". The lists: /cases escalated, overdue, waiting or mine.
engine-queue-choice = { $view ->
    [escalated] Escalated
    [waiting] Waiting for support
    [overdue] Overdue
   *[all] All
  } ({ $count })
engine-shop-which = { $count } shops match "{ $query }". Which one?
engine-shop-choice = { $shopName } ({ $shopId })
error-ambiguous-shop = Several shops match: give more of the name.
engine-staff-hint = Here I answer support's commands: /cases for the lists, /case <no.> for one case, /help for everything else.
engine-staff-file-not-kept = The file is not kept: support's commands and internal notes take text only. Describe what it shows in the note (/note <no.> <text>).

## Replying to the other party with a button (every platform)

engine-action-reply-to-seller = Reply to the seller
engine-action-reply-to-buyer = Reply to the buyer
engine-ask-reply = Write your message to the { $to ->
    [seller] seller
   *[buyer] buyer
  }{ $support ->
    [yes] { " " }and to support, who is waiting for your answer
   *[no] { "" }
  } (case { $caseId }): I'll pass it on.

## A seller writing to the bot outside any case thread (seller outside probe)

seller-outside-thanks = You're welcome! { $count ->
    [0] You have no open case.
    [one] Case { $caseId } (order { $orderId }) stays open: answer the buyer, refund or add tracking from its card.
   *[other] Your { $count } cases stay open: answer each buyer from their case's card.
  }
seller-outside-how = When a buyer opens a case on one of your orders (order not received, or item not as described), I send you its card here. Answer them with "{ engine-action-reply-to-buyer }"; refund, add tracking or a proof of shipping with the card's buttons. You have { $duration } to settle the problem with them; after that, they may take the case to support.
seller-outside-none = You have no open case. When a buyer opens one on one of your orders, I send it to you here, with its card and your deadline.
seller-outside-last-closed = Your last case, { $caseId } (order { $orderId }), is closed: { common-resolution }.
seller-outside-how-refund = To refund the buyer, press "{ engine-action-refund-full }" or "{ engine-action-refund-partial }" on the case's card (or type /refund <case no.> [amount]): the money goes back to them by the original payment method, and a full refund closes the case. Writing "I'll refund" to the buyer refunds nothing.
seller-outside-cases = { $count ->
    [one] Your open case: { $caseId }, order { $orderId }. Here is its card (reason, the buyer's description, deadline, buttons).
   *[other] Your { $count } open cases, each with its card (reason, the buyer's description, deadline, buttons):
  }
seller-outside-deadline = Case { $caseId } (order { $orderId }): { $when ->
    [later] you have until { $escalatableAt } ({ $left } left) to settle the problem with the buyer; after that, they may take the case to support.
    [now] your time ran out on { $escalatableAt }: the buyer may take the case to support at any moment. Answer them, refund or add tracking now.
   *[escalated] it is with support, who will decide; if they ask you for information, answer quickly.
  }
seller-outside-send-offer = { $count ->
    [one] These words have not gone to the buyer. If they were meant for them, "Send to the buyer" sends them as written.
   *[other] These words have gone to no buyer. If they were meant for one, pick their case: I send them as written.
  }
seller-outside-many = You have { $count } open cases: /cases lists them.

## A seller in a case's thread (seller probe 2)

seller-thread-more-time = Palabre does not extend the deadline of case { $caseId }: { $when ->
    [later] the buyer may take it to support from { $escalatableAt }, unless they agree to wait. Settle the problem by then if you can.
    [now] since { $escalatableAt }, the buyer may take it to support at any time. Settle the problem without waiting.
   *[escalated] support has the case and will decide; answer quickly if they ask you for information.
  }
seller-thread-proof-photo = Photo added to case { $caseId } as a plain photo. If it is a proof of shipping (shipping receipt, waybill, delivery confirmation), press « { engine-action-proof } » and send it again: it will be recorded as one, with the address it shows.
