# Answers to what the bot brought (a nudge, a reminder, a relayed message), when the reply is said to the bot (reaction probe).

engine-nudge-who = Mimi ni Palabre, msaidizi wa kesi wa Congocrea. Kikumbusho hiki kinahusu kesi { $caseId }, iliyofunguliwa na mnunuzi kwa oda { $orderId } ({ $title }). Swali lako halijatumwa kwa mnunuzi: ili kumwandikia, tumia « { engine-action-reply-to-buyer } » kwenye kadi iliyo hapa chini.
buyer-flow-escalate-later = Sawa: kesi { $caseId } inabaki kati yako na muuzaji. Unaweza kuipeleka kwa support wakati wowote unapotaka, kwa kitufe « { engine-action-escalate } » kwenye kadi yake.
buyer-flow-seller-said = Ujumbe wa mwisho wa muuzaji kwenye kesi { $caseId } ({ $at }): « { $text } »
buyer-flow-seller-silent = Muuzaji bado hajaandika chochote kwenye kesi { $caseId }.
buyer-flow-order-answer-offer = Ujumbe huu bado haujatumwa. Ili kuutuma kama ulivyoandikwa kwa { $shopName }, kujibu ujumbe wake kuhusu oda { $orderId }, bonyeza kitufe.
engine-choice-send-order-words = Tuma kwa { $shopName }
