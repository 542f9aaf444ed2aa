## The buyer's report: as people write, no dead end, three taps to a case

buyer-flow-several-orders = { $count ->
    [one] I think it is this order:
   *[other] Several of your orders fit.
  }
buyer-flow-unclear = I did not recognise a specific problem, but I can help with an order: pick it, and I will suggest the possible problems.
buyer-flow-also-kept = I am keeping your report on { $orderId }: we will come back to it right after this one.
buyer-flow-how-it-works = Tell me what is wrong with an order: I pass it on to the seller. If it never arrived or does not match the listing, you can open a case, a formal report, from the day after its expected delivery date. The seller then has { $duration } to sort it out with you; after that, you can escalate the case to Congocrea support.
buyer-flow-order-not-in-text = I can't tell which order this is about. Pick it below, or write its number (for example 1001), the day you ordered or the item you bought.
buyer-flow-order-not-listed = These are the orders on your Congocrea account ({ $account }). { $more ->
    [yes] Only the most recent are shown: for an older one, write its number (for example 1001) or its date.
   *[no] An order placed from another account is reported from that account.
} If you paid for an order that does not appear, please contact Congocrea support.
buyer-flow-delivery-expected = Your order { $orderId } is expected on { $estimated }{ $basis ->
    [processing_and_shipping] { " " }(estimated from the processing and shipping times)
   *[estimate] { "" }
  }. If it still has not arrived, you can open a case from { $from }.
buyer-flow-delivery-late = Your order { $orderId } was due on { $estimated }. If you have not received it, you can open a case (order not received) until { $lastDay } inclusive.
buyer-flow-description-kept = Your message will be the description: "{ $description }". You can edit it, and add photos now or after opening.
buyer-flow-choice-open-now = Open the case now
buyer-flow-choice-edit-description = Edit the description
buyer-flow-photos-after = { $count ->
    [0] You can add photos at any time with the "Add a photo" button.
   *[other] More photos? The "Add a photo" button stays available.
  }
buyer-flow-resume-offer = { $orderId ->
    [none] You had started a report: resume or leave it?
   *[other] You had started a report for { $orderId }: resume or leave it?
  }
buyer-flow-choice-resume = Resume
buyer-flow-choice-leave = Leave it
buyer-flow-thanks = You're welcome! { $orderId ->
    [none] Write to me whenever you like.
   *[other] Write to me whenever you like about order { $orderId }.
  }
buyer-flow-came = Good news that your order has arrived! Write to me whenever you like if a problem comes up.
buyer-flow-wait-seller = Very well. { $shopName }'s answer about order { $orderId } will reach you here.
buyer-flow-after-message = { $shopName } has your message about order { $orderId }; their answer will reach you here. { $caseable ->
    [yes] If the problem is not solved, write to me to open a case.
   *[no] For this kind of request the seller decides, by their shop's rules: a case can only be opened for an order not received or not as described.
  }
buyer-flow-case-wait = { $thanks ->
    [yes] You're welcome!
   *[no] Very well.
  } { $escalated ->
    [yes] Support is following your case { $caseId } and will answer you here.
   *[no] The seller's answer on case { $caseId } will reach you here, and I will tell you as soon as you can take it to support.
  }
buyer-flow-case-next = { $when ->
    [escalated] Your case { $caseId } is with support: someone from the Congocrea team is looking into it and will answer you here.
    [later] The seller has until { $escalatableAt } to settle the problem with you; their answer will reach you here. If nothing is settled by then, you can take case { $caseId } to support: I will tell you.
   *[now] The seller's time is up: you can take case { $caseId } to support with the « { engine-action-escalate } » button on its card.
  }
buyer-flow-left = { $orderId ->
    [none] Noted, I am leaving that report.
   *[other] Noted, I am leaving the report for { $orderId }.
  }
buyer-flow-case-under-way = Your case { $caseId } on order { $orderId } is under way: here it is. To write to the seller, use "{ engine-action-reply-to-seller }"; for a problem with another order, write its number.
buyer-flow-cases-under-way = You have { $count } cases under way: which one do you want to see? For a problem with another order, write its number.
buyer-flow-just-closed = Your case { $caseId } (order { $orderId }) { $recent ->
    [yes] has just closed
   *[no] was closed on { $closedAt }
  }: { common-resolution }. Your message was not passed on to the seller. If it is not settled for you, press "{ engine-action-verify }" before { $until }: support will check. For a problem with another order, write its number.
buyer-flow-no-case-hint = To open one, tell me what is wrong with your order, for example "my order 1001 never arrived".
buyer-flow-person-case = { $status ->
    [escalated] Your case { $caseId } on order { $orderId } is already with support: a person from the Congocrea team follows it and will answer you here. Here it is.
   *[other] I am an automated assistant. A person from Congocrea support takes over a case once it is passed to them. Here is your case { $caseId } on order { $orderId }: when you can pass it on, it shows the "{ engine-action-escalate }" button; otherwise it says from when.
  }
buyer-flow-person-cases = I am an automated assistant. A person from Congocrea support takes over a case once it is passed to them. You have { $count } cases under way: pick one, its card shows the "{ engine-action-escalate }" button when you can pass it on.
buyer-flow-person-no-case = I am an automated assistant. A person from Congocrea support steps in on a case once it is passed to them; you have no open case.
buyer-flow-earlier-report-button = That button was from a report you have since replaced: nothing was changed. Here is where your current report stands.
buyer-flow-earlier-step-button = That button answered a question that has since been settled: nothing was changed. Here is where your current report stands.
buyer-flow-cases-status = Your { $count } cases under way, each with its status:
buyer-flow-policy-next = To ask for a return, an exchange or a refund, tell me which order and what you would like: I pass your request on to the seller, with these conditions.
buyer-flow-person-report = I am an automated assistant. A person from Congocrea support steps in on a case once it is passed to them. Your report carries on where it was:
buyer-flow-why-not-yet = Why: until the expected delivery date ({ $estimated }) has passed, order { $orderId } may still arrive. A case can be opened from { $from } until { $lastDay } inclusive; that is Congocrea’s rule for every purchase. Meanwhile, I can pass your message on to the seller.
buyer-flow-why-window-closed = Why: a case can be opened for { $window } from the day after the expected delivery date. For order { $orderId }, that was from { $from } to { $lastDay } inclusive; that is Congocrea’s rule for every purchase. The seller can still be reached: I can pass your message on to them.
buyer-flow-why-seller-first = Why: most problems are sorted out faster with the seller directly, without a case. But it is your choice: you can open the case for order { $orderId } right now, and until { $lastDay } inclusive.
buyer-flow-why-not-a-case = Why: Congocrea opens a case only for an order that never arrived or an item that does not match its listing; that is the marketplace’s rule for every purchase. For anything else ({ common-reason }), the seller decides, under their shop’s conditions: they get your message and answer you here.
buyer-flow-seller-tried = Then there is no need to wait: open the case for order { $orderId }. The seller will be told and will have { $duration } to sort it out with you; after that, you can escalate the case to Congocrea support.
buyer-flow-refund-by-case = For this problem ({ common-reason }), the refund goes through the case: open it for order { $orderId }. The seller can refund you in full, which closes it; if nothing is settled within { $duration }, you can escalate it to Congocrea support, who can refund you.
buyer-flow-refund-outside = A refund made outside Congocrea (mobile money, cash) is not recorded on case { $caseId }: it stays open. If the problem is settled for you, you can close it; otherwise nothing changes.
