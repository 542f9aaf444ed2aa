# Answers to what the bot brought (a nudge, a reminder, a relayed message), when the reply is said to the bot (reaction probe).

engine-nudge-who = Nazali Palabre, mosalisi ya ba litige ya Congocrea. Rappel oyo etali litige { $caseId }, oyo mosombi afungolaki mpo na commande { $orderId } ({ $title }). Motuna na yo etindami te epai ya mosombi : mpo na kokomela ye, salelá « { engine-action-reply-to-buyer } » na fiche oyo ezali awa na nse.
buyer-flow-escalate-later = Malamu : litige { $caseId } etikali kati na yo na moteki. Okoki kotinda yango na support tango nyonso olingi, na bouton « { engine-action-escalate } » ya fiche na yango.
buyer-flow-seller-said = Nsango ya nsuka ya moteki na litige { $caseId } ({ $at }) : « { $text } »
buyer-flow-seller-silent = Moteki akomi naino eloko te na litige { $caseId }.
buyer-flow-order-answer-offer = Nsango oyo etindami naino te. Mpo na kotinda yango ndenge ekomami epai ya { $shopName }, lokola eyano na nsango na ye mpo na commande { $orderId }, finá bouton.
engine-choice-send-order-words = Tindá epai ya { $shopName }
