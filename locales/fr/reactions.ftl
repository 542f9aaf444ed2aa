# Answers to what the bot brought (a nudge, a reminder, a relayed message), when the reply is said to the bot (reaction probe).

engine-nudge-who = Je suis Palabre, l’assistant litiges de Congocrea. Ce rappel concerne le litige { $caseId }, ouvert par l’acheteur sur la commande { $orderId } ({ $title }). Votre question n’a pas été transmise à l’acheteur : pour lui écrire, utilisez « { engine-action-reply-to-buyer } » sur la fiche ci-dessous.
buyer-flow-escalate-later = Très bien : le litige { $caseId } reste entre vous et le vendeur. Vous pourrez le transmettre au support quand vous voulez, avec le bouton « { engine-action-escalate } » de sa fiche.
buyer-flow-seller-said = Dernier message du vendeur dans le litige { $caseId } ({ $at }) : « { $text } »
buyer-flow-seller-silent = Le vendeur n’a encore rien écrit dans le litige { $caseId }.
buyer-flow-order-answer-offer = Ce message n’est pas encore parti. Pour l’envoyer tel quel à { $shopName } en réponse à son message sur la commande { $orderId }, appuyez sur le bouton.
engine-choice-send-order-words = Envoyer à { $shopName }
