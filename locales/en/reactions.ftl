# Answers to what the bot brought (a nudge, a reminder, a relayed message), when the reply is said to the bot (reaction probe).

engine-nudge-who = I'm Palabre, Congocrea's dispute assistant. This reminder is about case { $caseId }, opened by the buyer on order { $orderId } ({ $title }). Your question was not sent to the buyer: to write to them, use « { engine-action-reply-to-buyer } » on the card below.
buyer-flow-escalate-later = Very well: case { $caseId } stays between you and the seller. You can take it to support whenever you want, with the « { engine-action-escalate } » button on its card.
buyer-flow-seller-said = The seller's last message on case { $caseId } ({ $at }): "{ $text }"
buyer-flow-seller-silent = The seller has not written anything on case { $caseId } yet.
buyer-flow-order-answer-offer = This message has not been sent yet. To send it as written to { $shopName }, in answer to their message about order { $orderId }, press the button.
engine-choice-send-order-words = Send to { $shopName }
