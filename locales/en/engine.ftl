# Conversation engine (src/app/engine): replies within a conversation, case cards and buttons.
# Dates, amounts and durations arrive already written in the reader's language and time zone.

## Greeting, linking, help

engine-welcome = Hello! I'm Palabre, Congocrea's dispute assistant. I help you sort out a problem with an order with the seller and, if needed, open a case.
engine-welcome-back = Hello { $name }!
engine-link-how = To begin, link this chat to your Congocrea account: on the website, open "My account › Messaging" and follow the Palabre link, or send { $platform ->
    [discord] "/link token:<token>"
    [teams] "link <token>"
   *[other] "/link <token>"
  } here with the token shown.
engine-link-usage = Send /link followed by the token shown on the Congocrea website ("My account › Messaging").
engine-link-account-gone = This chat was linked to a Congocrea account I can no longer find (closed or replaced): link it to your current account.
engine-linked = Done, { $name }: this chat is now linked to your Congocrea account.
engine-linked-in-group = Done: this chat is now linked to your Congocrea account. For the rest, write to me privately: nothing personal is shown here.
engine-linked-early-words = You had written: "{ $text }". Let's pick up from there:
engine-link-already = { $name }, that link token has already been used: this chat stays linked to your Congocrea account.
engine-demo-pick = Demo mode: pick the account to try Palabre with.
engine-demo-account = { $name } ({ common-role })

engine-help-unlinked = Commands: /start to begin, /link <token> to link your account, /lang fr|en|ln|sw to change language, /help for this help.
engine-help-intro = Here is what I can do for you:
engine-help-buyer = • Buyers: just describe your problem ("my order never arrived") or type /report. /cases lists your cases, /case <no.> shows one, /escalate and /close act on a case.
engine-help-seller = • Sellers: the "Reply to the buyer" button on a case card sends the buyer your message; a buyer's message about an order comes with a "Reply to the buyer" button. Use the card's buttons (refunds, tracking, proof of shipping, ask support), or /refund <no.> [amount] and /tracking <no.> <carrier> <number>. /cases lists your cases.
engine-help-support = • Support: /cases escalated|overdue|waiting|mine, /case <no.>, /take <no.>, /release <no.>, /escalate <no.> <ground>, /refund <no.> [amount] [recover], /decide <no.> seller, /reopen <no.>, /ask <no.> buyer|seller <text>, /note <no.> <text>, /suspend <shop> <reason>, /reinstate <shop>. Grounds: inactivity, harassment, refusal, manipulation, integrity.
engine-help-support-elsewhere = • Support: your commands work { $staffChannel ->
    [yes] in the support channel.
   *[no] with your support account.
  }
engine-help-common = /lang fr|en|ln|sw changes the language, /cancel leaves what you are doing.

engine-lang-set = Noted: I'll answer you in English from now on.
engine-lang-usage = Available languages: { $langs }. For example: /lang fr
engine-cancelled = Cancelled. Write to me whenever you like.
engine-nothing-to-cancel = There is nothing in progress to cancel.
engine-flow-reset = Sorry, I couldn't pick up our conversation where it was. Let's start again: describe your problem, or type /help.
engine-unknown-command = I don't know the command /{ $command }. Type /help for the list.
engine-unknown-command-meant = I don't know the command /{ $command }. Did you mean /{ $meant }? Type /help for the list.
engine-usage = Usage: { $command ->
    [case] /case <case no.>
    [refund] /refund <case no.> [amount] [recover]
    [tracking] /tracking <case no.> <carrier> <number>
    [cases] /cases, or /cases escalated|overdue|waiting|mine
    [escalate] /escalate <case no.> <ground> (inactivity, harassment, refusal, manipulation, integrity; French names too)
    [decide] /decide <case no.> seller|buyer [explanation]
    [reopen] /reopen <case no.> [explanation]
    [ask] /ask <case no.> buyer|seller <question>
    [note] /note <case no.> <text>
    [suspend] /suspend <shop> <reason>
    [reinstate] /reinstate <shop>
   *[other] /help
  }
engine-fallback = { $role ->
    [seller] To answer a buyer, open the case with /cases and use the "Reply to the buyer" button.
    [support] { $staffChannel ->
        [yes] Support commands work in the support channel; /help lists them.
       *[no] /help lists the support commands.
      }
   *[other] I didn't quite get that. Describe the problem with your order (for example "my parcel never arrived"), or type /report. /help lists every command.
  }
engine-threat-told-support = These words look like a threat: Congocrea support has been told (case { $caseId }). Stay courteous; threats can lead to the account or shop being suspended.
engine-keep-in-messages = { $role ->
    [seller] Please keep your exchanges with the buyer here, through Palabre, rather than by e-mail or phone: that is what lets support protect you if there is a dispute.
   *[other] Please keep your exchanges with the seller here, through Palabre, rather than by e-mail or phone: that is what lets support help you if there is a dispute.
  }
engine-file-no-case = I got the file, but I don't know which case to add it to. Use the "Add a photo" button on the case card (/cases), then send it.
engine-file-which-case = { $files ->
    [one] I kept your photo.
   *[other] I kept your { $files } files.
} You have { $count } cases under way: which case should I add { $files ->
    [one] it
   *[other] them
} to?

## Reporting a problem (buyer)

engine-report-intro = Sorry about this problem. Let's look at it together.
engine-report-order-unknown = I can't find an order { $by ->
    [date] placed on { $date }
   *[other] { $orderId }
  } in your name.
engine-report-no-orders = I can't find any order on your account. If that is a mistake, please contact Congocrea support.
engine-report-buyers-only = Reporting a problem with an order is for buyers: this account has placed no order. Type /help to see what you can do.
engine-report-which-order = Which order is it about?
engine-order-choice = { $orderId } · { $title } ({ $date })
engine-report-reason-proposed = If I understand correctly, for order { $orderId }: { common-reason }. Is that right?
engine-report-reason-pick = What is the problem with order { $orderId }?
engine-reason-choice = { common-reason }
engine-report-case-exists = A case is already open for order { $orderId }: { $caseId }. You can write in it directly.
engine-report-not-yet = It is too early to open a case on order { $orderId }: delivery is expected on { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(estimated from the processing and shipping times)
   *[estimate] { "" }
  }. You can open a case from { $from }.
engine-report-window-closed = The time to open a case on order { $orderId } has passed: the last possible day was { $lastDay }.
engine-report-offer-message = You can still write to the seller: I'll pass your message on.
engine-report-eligible = You can open a case ({ common-reason }) for order { $orderId } until { $lastDay } inclusive.
engine-report-suggest-seller = I suggest writing to the seller first: most problems are solved that way, and quickly. But it is your call.
engine-report-ask-description = Describe the problem with order { $orderId } in a few sentences: what you ordered, what you received (or not), and what you expect from the seller.
engine-report-photo-added = { $count ->
    [one] 1 file added.
   *[other] { $count } files added.
  }
engine-report-opened = Case { $caseId } is open for order { $orderId }. The seller has been told and can answer you here.
engine-report-next = The seller has { $duration } to sort out the problem with you. If it is not resolved by then, you can escalate the case to support from { $escalatableAt } (the "Escalate to support" button or /escalate).
engine-report-not-a-case = A case can only be opened when an order did not arrive or an item is not as described. For this kind of problem ({ common-reason }), the seller is the one who can help: I'll pass your message on.
engine-shop-policy = { $shopName }'s policies: refunds { $refunds ->
    [yes] accepted
   *[no] not offered
  }, returns { $returns ->
    [yes] accepted{ $returnDays ->
        [0] { "" }
       *[other] { " " }within { $returnDays } days of delivery
      }
   *[no] not offered
  }, exchanges { $exchanges ->
    [yes] accepted
   *[no] not offered
  }.
engine-report-policy-allows = The shop's policies allow this: I recommend that the seller accept.
engine-report-policy-window-closed = The shop's return window ended on { $date }.
engine-report-ask-message = What would you like to tell { $shopName } about order { $orderId }? Write your message and I'll pass it on.
engine-report-message-sent = Message sent to { $shopName }. Their answer will reach you here.{ $caseable ->
    [yes] { " " }If the problem is not solved, write to me again to open a case.
   *[no] { "" }
  }

## Relayed to the seller (order messages without a case)

engine-relay-order-message = Message from { $buyerName } about order { $orderId } ({ $title }):
engine-relay-reason = Subject: { common-reason }
engine-relay-quote = "{ $text }"
engine-relay-recommend-accept = Your shop's policies cover this request: Palabre recommends that you accept it.
engine-relay-how-to-answer = Answer the buyer with the button below{ $replyGesture ->
    [swipe] { " " }(or by replying to this message)
    [menu] { " " }(or by replying to this message)
   *[none] { "" }
  }, here rather than by e-mail or phone.
engine-relay-buyer-answer = { $buyerName } answered about order { $orderId } ({ $title }):
engine-relay-seller-answer = { $shopName } answered about order { $orderId } ({ $title }):
engine-order-reply-to-buyer = Reply to the buyer
engine-order-reply-to-seller = Reply to the seller
engine-order-ask-reply = Type your answer to { $to ->
    [buyer] the buyer
   *[seller] { $shopName }
  } about order { $orderId }: I'll pass it on.
engine-done-file-sent = File sent to { $to ->
    [seller] the seller
   *[buyer] the buyer
  }.

## Case actions

engine-ask-photo = Send the photo or file to add to case { $caseId }.
engine-ask-photo-again = I'm waiting for a photo or a file (or /cancel).
engine-ask-proof-kind = Which proof of shipping are you adding to case { $caseId }? It must show shipment to the address the buyer gave at purchase.
engine-ask-proof-file = Send the document (photo or PDF).
engine-ask-proof-address = Does this document show shipment to the address the buyer gave at purchase: { $address }?
engine-ask-proof-place = Type the city and the country the document shows, for example: Goma, CD
engine-ask-proof-place-again = I need the city and then the country, for example: Goma, CD (or /cancel).
engine-ask-support = What do you need from support about case { $caseId }? Type your message: support receives it with the case.
engine-ask-text-not-file = I'm waiting for text here, not a file (or /cancel).
engine-ask-amount = How much are you refunding in case { $caseId }? At most { $remaining }. Type the amount, for example 5000.
engine-ask-tracking = Type the carrier and then the tracking number, for example: dhl JD0142
engine-ask-tracking-again = I need the carrier and then the number, separated by a space, for example: dhl JD0142
engine-ask-question = Type your question: I'll pass it on.
engine-ask-note = Type the internal note (visible to support only).
engine-ask-ground = On what ground are you escalating case { $caseId }?
engine-confirm-close = Close case { $caseId } as solved? No further refund will be made ({ $refunded } refunded of { $total }) and the case will be closed. Only do so if the problem is solved for you.
engine-confirm-escalate = Escalate case { $caseId } to support? Support will review the exchanges and can decide.
engine-confirm-refund = Refund { $amount } to the buyer in case { $caseId }, through the original payment method? Paid by: { $payer ->
    [seller] the seller
    [marketplace] Congocrea
   *[choose] Congocrea, or the seller if you recover it from them (choose below)
  }. Refunded afterwards: { $after } of { $total }. { $result ->
    [closed] The case will be closed.
   *[open] The case stays open (partial refund).
  }
engine-confirm-decide = Close case { $caseId } in the seller's favour? No refund will be made{ $partial ->
    [yes] { " " }beyond the { $refunded } of { $total } already refunded, which the buyer keeps
   *[no] { "" }
  }. The case will be closed.
engine-confirm-reopen = Reopen case { $caseId }? It goes back to { $status ->
    [escalated] support
   *[open] the buyer and the seller
  }; the { $refunded } of { $total } already refunded stay refunded.

engine-done-comment = Message sent to { $to ->
    [seller] the seller
    [buyer] the buyer
    [seller_support] the seller and support
    [buyer_support] the buyer and support
   *[parties] both parties
  }.
engine-done-evidence = File added to the case and sent to { $to ->
    [seller] the seller
    [buyer] the buyer
    [seller_support] the seller and support
    [buyer_support] the buyer and support
   *[parties] both parties
  }.
engine-done-tracking = Tracking { $carrier } { $number } added: { $status ->
    [delivered] the carrier shows delivery at the order's address.
    [mismatch] the carrier shows delivery somewhere other than the order's address{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }; the case stays open.
    [unknown] { $carrier } does not know this number (yet): check it, and if it has a typo, add the right one.
   *[in_transit] the carrier does not show a delivery yet.
  }
engine-done-refund = Refund of { $amount } recorded{ $recover ->
    [yes] , to be recovered from the seller
   *[no] { "" }
  }.
engine-done-escalated = The case has been escalated to support.
engine-done-ask = Question sent to the { $from ->
    [buyer] buyer
   *[seller] seller
  }.
engine-done-note = Internal note added.
engine-done-support-requested = Your message has been sent to support with the case. Support will answer you here.
engine-done-proof-mismatch = This proof does not show shipment to the order's address: the case shows it, for the buyer and support to see.
engine-done-closed = The case is closed: { common-resolution }.
engine-done-reopened = The case is reopened.

engine-choice-cancel = Cancel
engine-choice-back = Back
engine-choice-confirm = Confirm
engine-choice-yes-reason = Yes, that's it
engine-choice-no-reason = No, something else
engine-choice-message-seller = Write to the seller
engine-choice-open-case = Open a case
engine-choice-refund-recover = Refund, recover from seller
engine-choice-refund-no-recover = Refund, no recovery
engine-choice-proof-to-order-address = Yes, to this address
engine-choice-proof-elsewhere = No, another address
engine-choice-proof-no-address = It shows no address
engine-choice-send-request = Send the request

engine-action-view = View case
engine-action-photo = Add a photo
engine-action-proof = Add proof of shipping
engine-action-close = Close: it's solved
engine-action-escalate = Escalate to support
engine-action-escalate-support = Escalate (ground)
engine-action-refund-full = Full refund
engine-action-refund-partial = Partial refund
engine-action-tracking = Add tracking
engine-action-decide = Decide for the seller
engine-action-reopen = Reopen
engine-action-ask-buyer = Ask the buyer
engine-action-ask-seller = Ask the seller
engine-action-note = Internal note
engine-action-support = Ask support
engine-action-ask-reinstatement = Ask for reinstatement

engine-ground-inactivity = Seller inactivity
engine-ground-harassment = Harassment
engine-ground-refusal = Refusal of service
engine-ground-manipulation = Case manipulation
engine-ground-integrity = System integrity

engine-proof-shipping-receipt = Shipping receipt
engine-proof-customs-form = Customs form
engine-proof-delivery-confirmation = Delivery confirmation
engine-proof-departure-scan = Departure scan

## Lists and cards

engine-no-open-case = You have no open case.
engine-which-case = Which case is it about?
engine-case-choice = { $caseId } · { $orderId }
engine-cases-title = { $view ->
    [mine] Your cases
    [escalated] Cases escalated to support
    [overdue] Overdue cases
    [waiting] Cases waiting for support
   *[all] Cases
  } ({ $count }):
engine-cases-none = { $view ->
    [mine] You have no cases.
    [escalated] No cases escalated to support.
    [overdue] No overdue cases.
    [waiting] No cases waiting for support.
   *[other] No cases.
  }
engine-case-line = { $caseId } · order { $orderId } · { common-reason } · { common-status } · opened { $openedAt }
engine-shop-suspended = Shop { $shopName } is suspended.
engine-shop-reinstated = Shop { $shopName } is reinstated.

engine-card-title = Case { $caseId } · { $orderTitle }
engine-card-order = Order { $orderId } · { $shopName } · { $total }
engine-card-reason = Reason: { common-reason }
engine-card-status = Status: { common-status }{ $resolution ->
    [none] { "" }
   *[other] { " " }({ common-resolution })
  }
engine-card-description = Description: "{ $description }"
engine-card-opened = Opened { $at }
engine-card-escalatable = Can be escalated to support from { $at }
engine-card-escalated = Escalated to support { $at }
engine-card-closed = Closed { $at }
engine-card-refunded = Refunded: { $refunded } of { $total }
engine-card-late = ⚠ Late delivery: only a full refund can close this case.
engine-card-tracking-mismatch = ⚠ Tracking shows delivery somewhere other than the order's address.
engine-card-proof-mismatch = ⚠ A proof of shipping does not show shipment to the order's address.
engine-card-role = You are the { $role ->
    [buyer] buyer
    [seller] seller
   *[support] support team
  } on this case.

## Timeline (support only)

engine-timeline-title = Case { $caseId }: timeline ({ $count } entries)
engine-timeline-opened = { $at } · { common-role } ({ $platform }) · opened: { common-reason } · "{ $text }"
engine-timeline-comment = { $at } · { common-role } ({ $platform }) · message: "{ $text }"
engine-timeline-note = { $at } · { common-role } ({ $platform }) · internal note: "{ $text }"
engine-timeline-info-provided = { $at } · { common-role } ({ $platform }) · answer to support: "{ $text }"
engine-timeline-evidence = { $at } · { common-role } ({ $platform }) · evidence: { common-evidence-kind }{ $matches ->
    [yes] , address matches
    [no] , address differs from the order's{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
      }
   *[unknown] { "" }
  }
engine-timeline-tracking = { $at } · { common-role } ({ $platform }) · tracking { $carrier } { $number }: { $status ->
    [delivered] delivered to the address
    [mismatch] delivered elsewhere
   *[in_transit] not delivered yet
  }
engine-timeline-refund = { $at } · { common-role } ({ $platform }) · refund of { $amount }{ $recover ->
    [yes] , recovered from the seller
   *[no] { "" }
  }
engine-timeline-escalated = { $at } · { common-role } ({ $platform }) · escalated to support: { common-ground }
engine-timeline-info-requested = { $at } · { common-role } ({ $platform }) · question to the { $from ->
    [buyer] buyer
   *[seller] seller
  }: "{ $text }"
engine-timeline-reminder = { $at } · reminder { $nudge } to the { $to ->
    [buyer] buyer
    [seller] seller
   *[support] support team
  }
engine-timeline-closed = { $at } · { common-role } ({ $platform }) · closed: { common-resolution }{ $withText ->
    [yes] { " " }· "{ $text }"
   *[no] { "" }
  }
engine-timeline-reopened = { $at } · { common-role } ({ $platform }) · reopened{ $withText ->
    [yes] { " " }· "{ $text }"
   *[no] { "" }
  }
engine-timeline-late-delivery = { $at } · flagged as a late delivery
engine-timeline-support-requested = { $at } · { common-role } ({ $platform }) · asked support: "{ $text }"

## Shop suspension and reinstatement (seller)

engine-shop-suspended-notice = Your shop { $shopName } has been suspended by Congocrea support since { $at }. Reason: "{ $reason }".
engine-reinstatement-how = Resolving your cases does not lift the suspension: ask support for reinstatement.
engine-reinstatement-pending = Your reinstatement request has been with support since { $at }.
engine-reinstatement-already = Your request to reinstate { $shopName } is already with support (sent { $at }). Support will answer you here.
engine-reinstatement-ask-message = I'll ask support to reinstate { $shopName }. Add a message if you like (what you have done since, for example), or send the request as it is.
engine-reinstatement-sent = Request sent: support will review the reinstatement of { $shopName } and tell you here.
engine-shop-not-suspended = Your shop { $shopName } is not suspended: there is no reinstatement to ask for.
engine-relay-reinstatement-request = Reinstatement request: { $sellerName } asks for shop { $shopName } ({ $shopId }) to be reinstated. Suspended since { $at }, reason: "{ $reason }".
engine-relay-reinstatement-how = To reinstate it: /reinstate { $shopId }
engine-relay-shop-reinstated = Support has reinstated your shop { $shopName }.

## What a seller's words announce (a refund, a tracking number), and words written outside any case

engine-words-refund = Your message was sent, but writing "refund" does not refund the buyer. To actually refund in case { $caseId }, confirm below.
engine-words-tracking = Your message was sent. To also add the tracking { $carrier } { $number } to case { $caseId } (the carrier will say where the parcel is; a delivery to the order's address closes the case), press the button.
engine-words-support = Your message went to the buyer, not to support. To write to support about case { $caseId }, press the button.
engine-choice-add-tracking = Add tracking { $carrier } { $number }
engine-words-tracking-number = Your message was sent. If { $number } is a tracking number, add it to case { $caseId }: the carrier will tell where the parcel is, and delivery to the order's address closes the case.
engine-choice-add-tracking-number = Add tracking { $number }
engine-ask-carrier = Which carrier for number { $number }? Write its name, for example: dhl
engine-choice-send-to-buyer = Send to the buyer · { $caseId } · { $orderId }
engine-seller-words-not-sent = { $count ->
    [one] This message has not gone anywhere: it answers no case. To send it to the buyer of case { $caseId } (order { $orderId }), press "Send to the buyer". Here is the case.
   *[other] This message has not gone anywhere: it answers no case. You have { $count } open cases: which buyer should get it?
  }
engine-choice-send-to-seller = Send to the seller · { $caseId } · { $orderId }
engine-buyer-words-not-sent = { $count ->
    [one] This message has not gone yet: you wrote outside the case. To send it as written to the seller (case { $caseId }, order { $orderId }), press "Send to the seller". Here is your case; for a problem with another order, write its number.
   *[other] This message has not gone yet: you wrote outside your cases. You have { $count } under way: which seller should get it? For a problem with another order, write its number.
  }
engine-words-answer-support = Support is waiting for your answer on case { $caseId }: sent with the button above, it reaches them too.
engine-seller-escalate = Only the buyer can escalate case { $caseId } to support, but you can ask support for help.
engine-words-refund-outside = { $when ->
    [unrecorded] Your message was sent, but case { $caseId } shows no refund: it stays open. If you refunded outside Congocrea (mobile money you sent yourself, cash), do not confirm below, you would pay a second time: it is for the buyer to close the case. To refund through Congocrea, confirm.
    [done] Your message was sent. A refund made outside Congocrea (mobile money you sent yourself, cash, a transfer) is not recorded: case { $caseId } stays open. Do not refund a second time with the "{ engine-action-refund-full }" button: if the buyer did get the money, it is for them to close the case; otherwise, ask support for help.
   *[planned] Your message was sent. A refund made outside Congocrea (mobile money you send yourself, cash, a transfer) would not be recorded: case { $caseId } would stay open. Refund through Congocrea instead: confirm below.
  }
engine-words-delivered = Your message was sent. To show support that the order was shipped or arrived, add a proof of shipping (shipping receipt, waybill, delivery confirmation) or the tracking number to case { $caseId }: tracking that shows delivery to the order's address closes the case.
engine-seller-close = Only the buyer can close case { $caseId } as settled. On your side, it closes with a full refund{ $reason ->
    [non_delivery] , or with tracking that shows delivery to the order's address
   *[other] {""}
  }. Here is the case with its buttons.
engine-step-left = { $step ->
    [amount] I am no longer waiting for an amount for case { $caseId }: nothing was refunded.
   *[other] I am no longer waiting for a tracking number for case { $caseId }: no tracking was added.
  }
engine-closed-not-sent = Case { $caseId } is closed ({ common-resolution }): your message was not sent to the { $to ->
    [seller] seller
   *[other] buyer
  }.

## Edited messages and long texts split in parts
engine-done-correction = Correction sent to { $to ->
    [seller] the seller
    [buyer] the buyer
    [seller_support] the seller and support
    [buyer_support] the buyer and support
   *[parties] both parties
  }: your edited message reaches them as a new message.
engine-timeline-correction = { $at } · { common-role } ({ $platform }) · correction of the message of { $sentAt }: "{ $text }"
engine-edit-description-updated = Description updated with your edited message: "{ $description }"
engine-edit-not-read = { $what ->
    [command] An edited command is not run again: send it as a new message.
   *[message] I don't read edited messages here: please send a new message instead.
  }
engine-long-joined = Your long message arrived in several parts: I am reading them together ({ $length } characters).

## Paying outside Congocrea (a seller asking to be paid directly)
engine-pay-outside = { $role ->
    [seller] Payments go through Congocrea: money received outside it (mobile money sent directly, cash, a bank transfer) is not recorded and settles no case.
   *[other] Do not pay outside Congocrea (mobile money sent directly to the seller, cash, a bank transfer): such a payment is not recorded, and Congocrea could neither trace it nor refund it to you.
  }
