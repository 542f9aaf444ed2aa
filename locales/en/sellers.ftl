# Sellers and support (issue 13): live buttons, confirmations, contesting a closing, support's words.

## Buttons pressed after the case changed, or pressed twice

engine-stale-button = This button no longer applies: { $state ->
    [closed] case { $caseId } has been closed since { $at } ({ common-resolution }).
    [escalated] case { $caseId } has been with support since { $at }.
   *[other] case { $caseId } has changed ({ common-status }).
  } Nothing was done; here is the case as it is now.
error-action-used = Already chosen: this choice was made before. Nothing was changed.

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
