# Maloba oyo bisika nyonso ezali kosalela. Moko na moko etangaka variable moko ya message oyo ebengi yango:
# common-reason → $reason, common-status → $status, common-resolution → $resolution,
# common-role → $role, common-ground → $ground, common-evidence-kind → $kind.

common-reason = { $reason ->
    [non_delivery] commande ekomi te
    [not_as_described] eloko ekokani te na annonce
    [wrong_size] taille ya mabe esombamaki
    [cancellation] kolongola commande
    [return_request] kozongisa to kobongola eloko
    [refund_request] kosenga kozongisela mbongo
    [delivery_question] motuna mpo na livraison
   *[other] likambo mosusu
}

common-status = { $status ->
    [open] efungwami
    [escalated] etindami na support
   *[closed] esili
}

common-resolution = { $resolution ->
    [refunded] moteki azongisi mbongo
    [buyer_closed] mosombi asukisi yango, asepeli
    [delivered] suivi emonisi ete commande ekomi
    [support_refund] support ezongisi mbongo
    [seller_favour] support ekateli na ngambo ya moteki
   *[none] ezali kotambola
}

common-role = { $role ->
    [buyer] mosombi
    [seller] moteki
    [support] support
   *[system] Palabre
}

common-ground = { $ground ->
    [inactivity] moteki azali koyanola te
    [harassment] kotungisa
    [refusal] koboya kosala mosala
    [manipulation] kobebisa litige na mayele
    [integrity] kobebisa ebongiseli ya ba litige
   *[none] ntango ya koyanola eleki
}

common-evidence-kind = { $kind ->
    [photo] foto
    [shipping_receipt] reçu ya kotinda
    [customs_form] mokanda ya douane
    [delivery_confirmation] elembeteli ete ekomi
    [departure_scan] elembeteli ya kotinda
   *[file] fichier
}
