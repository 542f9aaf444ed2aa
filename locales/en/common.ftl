# Labels shared by every area. Each reads one variable of the message that references it:
# common-reason → $reason, common-status → $status, common-resolution → $resolution,
# common-role → $role, common-ground → $ground, common-evidence-kind → $kind.

common-reason = { $reason ->
    [non_delivery] order not received
    [not_as_described] item not as described
    [wrong_size] wrong size ordered
    [cancellation] order cancellation
    [return_request] return or exchange request
    [refund_request] refund request
    [delivery_question] question about the delivery
   *[other] another problem
}

common-status = { $status ->
    [open] open
    [escalated] escalated to support
   *[closed] closed
}

common-resolution = { $resolution ->
    [refunded] refunded by the seller
    [buyer_closed] closed by the buyer, satisfied
    [delivered] delivery confirmed by tracking
    [support_refund] refunded by support
    [seller_favour] decided in the seller's favour
   *[none] in progress
}

common-role = { $role ->
    [buyer] buyer
    [seller] seller
    [support] support
   *[system] Palabre
}

common-ground = { $ground ->
    [inactivity] seller inactivity
    [harassment] harassment
    [refusal] refusal of service
    [manipulation] case manipulation
    [integrity] harm to the integrity of the case system
   *[none] response time elapsed
}

common-evidence-kind = { $kind ->
    [photo] photo
    [shipping_receipt] shipping receipt
    [customs_form] customs form
    [delivery_confirmation] delivery confirmation
    [departure_scan] departure scan
   *[file] file
}
