# Notifications and deadline nudges (src/app/notifications.ts, src/app/nudges.ts), sent outside a
# conversation. Dates, amounts and durations arrive already written in the reader's language and
# time zone.

notify-quote = “{ $text }”

notify-case-opened = New case { $caseId } on order { $orderId }: { $reason ->
    [non_delivery] the buyer did not receive the order.
   *[not_as_described] the item received does not match the listing.
  } { $caseThreads ->
    [yes] Answer the buyer here in the case's thread, or with the "Reply to the buyer" button
   *[no] Answer the buyer with the "Reply to the buyer" button
  }, refund, or add tracking. Without a solution by { $escalatableAt }, the buyer can escalate the case to support.

notify-comment = { $author ->
    [buyer] The buyer
    [seller] The seller
    [support] Support
   *[other] Palabre
  } wrote in case { $caseId }: “{ $text }”

notify-threat-support = { $author ->
    [buyer] The buyer
    [seller] The seller
   *[other] A party
  } wrote words that look like a threat in case { $caseId }:

notify-evidence = { $author ->
    [buyer] The buyer
    [seller] The seller
    [support] Support
   *[other] Palabre
  } added { $kind ->
    [photo] a photo
    [file] a document
    [shipping_receipt] a shipping receipt
    [customs_form] a customs form
    [delivery_confirmation] a delivery confirmation
   *[departure_scan] a departure scan
  } to case { $caseId }.

notify-proof-address-mismatch = Note: this proof does not show shipment to the address given at purchase{ $placeKnown ->
    [yes] { " " }(it shows { $place })
   *[no] { "" }
  }.

notify-tracking = The seller added tracking to case { $caseId } ({ $carrier } { $number }): { $status ->
    [delivered] the parcel shows as delivered to your address.
    [mismatch] the parcel shows as delivered, but somewhere other than the order's address{ $placeKnown ->
        [yes] { " " }({ $place })
       *[no] { "" }
    }. This does not close the case.
    [unknown] the carrier does not know this number yet.
   *[in_transit] the parcel is on its way.
  }

notify-refund = { $author ->
    [support] Support
   *[other] The seller
  } refunded { $amount } ({ $kind ->
    [full] full refund
   *[partial] partial refund
  }) in case { $caseId }.{ $recover ->
    [yes] { " " }The amount will be recovered from the seller.
   *[no] { "" }
  }

notify-escalated = Case { $caseId } has been escalated to support{ $ground ->
    [inactivity] { " " }for seller inactivity
    [harassment] { " " }for harassment
    [refusal] { " " }for refusal of service
    [manipulation] { " " }for case manipulation
    [integrity] { " " }for harm to the integrity of the case system
   *[none] { "" }
  }. Support will review it and may ask you for information.

notify-escalated-support = Case { $caseId } escalated to support by { $author ->
    [buyer] the buyer
    [support] support
   *[other] Palabre
  }{ $ground ->
    [inactivity] { " " }(ground: seller inactivity)
    [harassment] { " " }(ground: harassment)
    [refusal] { " " }(ground: refusal of service)
    [manipulation] { " " }(ground: case manipulation)
    [integrity] { " " }(ground: integrity of the case system)
   *[none] { "" }
  }. It is waiting for a decision.

notify-info-requested = Support asks you for information in case { $caseId }: “{ $text }” Please answer with the "{ $from ->
    [seller] { engine-action-reply-to-buyer }
   *[buyer] { engine-action-reply-to-seller }
  }" button below: support reads your answer.

notify-note = Internal note on case { $caseId }: “{ $text }”

notify-support-requested = { $author ->
    [buyer] The buyer
   *[seller] The seller
  } asks support for help on case { $caseId }: “{ $text }”

notify-closed = Case { $caseId } is closed: { $resolution ->
    [refunded] the seller refunded the whole order.
    [buyer_closed] the buyer closed it as resolved.
    [delivered] tracking shows delivery to the order's address.
    [support_refund] support refunded the buyer.
   *[seller_favour] support decided in the seller's favour.
  }

notify-reopened = Support reopened case { $caseId }.

notify-late-delivery = Case { $caseId }, opened on { $openedAt }, is still unresolved: it now counts as a late delivery. Only a full refund of { $total } can close it.

notify-seller-reminder = Reminder: case { $caseId } is waiting for your answer. { $left } left before the buyer can escalate it to support ({ $escalatableAt }). Answer, refund, or add tracking.

notify-escalation-open = Case { $caseId } is not resolved: you can now escalate it to support.

notify-reply-due = The buyer has been waiting for your answer in case { $caseId } since { $since }.

notify-support-sla = Case { $caseId } has been waiting for support for { $waited }.

notify-window-closing = You reported a problem with order { $orderId }. If it is not resolved, you can still open a case until { $until } ({ $left } left).

notify-unshipped = Order { $orderId } of { $placedAt } is still not shipped although its processing time is over. Ship it or let the buyer know.

notify-order-reply-due = A buyer has been waiting for your answer about order { $orderId } since { $since }. A quick answer prevents most disputes.

notify-comment-correction = { $author ->
    [buyer] The buyer
    [seller] The seller
    [support] Support
   *[other] Palabre
  } corrects their message of { $sentAt } in case { $caseId } (edited message): “{ $text }”
