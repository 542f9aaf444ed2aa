# Maneno yanayotumiwa sehemu zote. Kila moja inasoma variable moja ya ujumbe unaoiita:
# common-reason → $reason, common-status → $status, common-resolution → $resolution,
# common-role → $role, common-ground → $ground, common-evidence-kind → $kind.

common-reason = { $reason ->
    [non_delivery] oda haijafika
    [not_as_described] bidhaa haifanani na tangazo
    [wrong_size] saizi isiyofaa iliagizwa
    [cancellation] kufuta oda
    [return_request] kurudisha au kubadilisha bidhaa
    [refund_request] kuomba kurudishiwa pesa
    [delivery_question] swali kuhusu usafirishaji
   *[other] tatizo lingine
}

common-status = { $status ->
    [open] iko wazi
    [escalated] imepelekwa kwa support
   *[closed] imefungwa
}

common-resolution = { $resolution ->
    [refunded] muuzaji amerudisha pesa
    [buyer_closed] mnunuzi ameifunga, ameridhika
    [delivered] ufuatiliaji unaonyesha oda imefika
    [support_refund] support imerudisha pesa
    [seller_favour] support imeamua upande wa muuzaji
   *[none] inaendelea
}

common-role = { $role ->
    [buyer] mnunuzi
    [seller] muuzaji
    [support] support
   *[system] Palabre
}

common-ground = { $ground ->
    [inactivity] muuzaji hajibu
    [harassment] unyanyasaji
    [refusal] kukataa kutoa huduma
    [manipulation] kuchezea kesi
    [integrity] kuharibu mfumo wa kesi
   *[none] muda wa kujibu umepita
}

common-evidence-kind = { $kind ->
    [photo] picha
    [shipping_receipt] risiti ya kutuma
    [customs_form] fomu ya forodha
    [delivery_confirmation] uthibitisho wa kufika
    [departure_scan] uthibitisho wa kutumwa
   *[file] faili
}
