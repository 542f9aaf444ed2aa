/**
 * Cues: phrases that say something about a buyer's message whatever the spelling, matched on the
 * canonical text (see features.ts: no accents, no apostrophes, SMS spellings brought back). A cue
 * does not decide anything by itself: it becomes a feature (`k:<name>`) that the model weighs from
 * the labelled corpus, beside the words. Each one names a meaning, not a sentence of the corpus.
 */

const NEG_FR = '(?:pas|jamais|rien|toujours pas|tjr pas|pas encore|toujours rien|meme pas)';
const ARRIVE_FR = '(?:(?:recu|arrive|livre|venu|parvenu)(?:e|s|es)?|eu|vu|reach)';
const MONEY = '(?:rembours\\w*|refund\\w*|argent|money|mbongo|paiement)';
/** The money as a thing received (« jamais reçu le remboursement »), not the buyer's order « remboursez-moi ». */
const MONEY_NOUN = '(?:remboursements?|refunds?|argent|money|mbongo|paiement)';
/** A paper the buyer asks for (« pas reçu de facture », "didn't get an invoice", « le reçu »): not a parcel that did not come. */
const DOCUMENT = '(?:factures?|invoices?|receipts?|recu|bons? de (?:livraison|commande)|risiti|ankara|attestation)';
/** A code, a message or a link the buyer did not get (« pas reçu le code par SMS »): no parcel either. */
const MESSAGE = '(?:codes?|otp|sms|messages?|mails?|e mails?|emails?|liens?|links?|notifications?|confirmations?|reponses?|replies|reply|appels?|jibu|majibu|jawabu|ujumbe|eyano|biyano)';
const NOT_A_DOCUMENT = `(?! (?:(?:le|la|les|mon|ma|mes|du|de|d|l|un|une|des|aucune?|any|the|my|a|an|your|their|his|her|its|yangu|na ngai) ){0,2}(?:${DOCUMENT}|${MESSAGE})\\b)`;

/** What was ordered against what came (« commandé un rouge, reçu un noir », "ordered M, got L"). */
const ORDERED_VS_GOT =
  /\b(?:got|get|recu|received|receive|envoye|sent|bring|brought)\b.{0,40}\b(?:ordered|commande\w*|choose|chose|selected|choisi)\b|\b(?:ordered|commande\w*|choose|chose|selected|choisi)\b.{0,40}\b(?:got|recu|received|receive|j en ai|bring|brought)\b/;
/** « pas encore reçu », "not yet received", "never got": nothing came, so nothing came instead of what was ordered. */
const GOT_NOTHING = new RegExp(`\\b${NEG_FR} (?:encore |toujours |jamais |ete )*(?:recu|recue|recus|recues)\\b|\\b(?:not|never|nt|havent|hasnt|didnt|yet to) (?:yet |even |been )*(?:got|get|received?)\\b`);

export const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  // The order has not come (a statement, whatever its tone).
  ['not_arrived', new RegExp(`\\b${NEG_FR} (?:encore |toujours |jamais |du tout |ete )*${ARRIVE_FR}\\b(?! (?:le |mon |du |de |l |la )?${MONEY_NOUN}\\b)${NOT_A_DOCUMENT}`)],
  ['not_arrived', new RegExp(`\\bn (?:est|a|ai|ont|avons) (?:toujours |jamais |pas |encore |rien |ete )+(?:recu|arrive|arrivee|livre|livree|venu|venue)\\b${NOT_A_DOCUMENT}`)],
  ['not_arrived', new RegExp(`\\b(?:never|not|nt|havent|havnt|hvnt|hasnt|hasnt|didnt|yet to) (?:yet |even |been )*(?:arrived?|came|come|received?|delivered|got|get|reach\\w*|turned up|showed up)\\b(?! (?:the |my |a |any )?(?:refund(?! me\\b| us\\b)|money))${NOT_A_DOCUMENT}`)],
  ['not_arrived', /\b(?:toujours|tjr|encore|still) (?:rien|nothing|no (?:package|parcel|order|sign))\b|\b(?:rien|nothing) (?:n est |has |s |ne s est )?(?:venu|arrive|arrived|come|turned up|shown up|here)\b|\bnothing (?:ever |has ever |has |s |have |at all |yet )?(?:came|arrived|showed up|turned up)\b|\bnothing since\b/],
  // « LES SANDALES. RIEN. ZÉRO. », « ne m'a rien envoyé », « toujours pas de boucles d'oreilles »: nothing came, said curtly.
  ['not_arrived', /\b(?:rien zero|zero rien|rien de rien)\b|\b(?:ne m a|ne m ont|ne nous a|m a|m ont) (?:toujours |jamais |encore )?rien (?:envoye|expedie|livre)\b|\bnever sent (?:me )?anything\b|\b(?:toujours|tjr|encore) pas (?:de |d |mon |ma |mes |les |le |la )(?!(?:reponse|reponses|nouvelles?|rembours\w*|argent|solution|suivi|numero|facture|retour|reaction|probleme|souci|litige|remise)\b)[a-z]{3,}/],
  // Part of the order came and part did not, the missing one named last (« le sac est venu, les chaussures jamais », "got the
  // bag, the shoes never"): what is named with « jamais » has not come.
  ['not_arrived', /\b(?:venu|venue|arrive|arrivee|recu|recue|came|arrived|got|received|nazwi|imefika)\b.{0,40}\b(?:les|le|la|l|mes|ma|mon|the|my|other|autre) \w+ (?:jamais|never|pas|not|te|bado)(?: (?:recu\w*|arrive\w*|venu\w*|came|arrived|come|livre\w*))?(?:$| (?:et|and|mais|but|svp|please)\b)/],
  // « Rien. Je veux mon argent », "Nothing. I want my money back": nothing came, said first.
  ['not_arrived', /^(?:rien|nothing|toujours rien|still nothing|hakuna kitu|eloko te)(?= (?:je|j|i|du tout|at all|jusqu|until|ne|n|na|nothing|rien)\b|$)/],
  ['not_arrived', /\b(?:ekomi|eyaki|ekoma|haijafika|ezali kaka) te\b|\bhaijafika\b|\bcolis te\b/],
  // Swahili « havijafika » (the baskets), « hakijafika », « halijafika »: not come yet, whatever the noun's class.
  ['not_arrived', /\bha(?:vi|ki|li|ya|wa|zi|i|u)(?:ja|ku)fika\b/],
  // Never come, in East and West African English and pidgin ("it never reached me", "my fabric never land").
  ['not_arrived', /\b(?:never|neva) (?:land|landed|reach|reached|show(?:ed)? up)\b/],
  // Never come, in Swahili (« haijawahi kufika », « sijawahi kuipokea »).
  ['not_arrived', /\bha(?:vi|ki|li|ya|wa|zi|i|u)jawahi (?:ku)?(?:fika|ja|letwa)\b|\bsijawahi (?:ku)?(?:i|u|vi|zi)?(?:pata|pokea)\b/],
  ['not_arrived', /\b(?:attends|attend|attendu|waiting|waited|nazali kozela|nasubiri)\b.{0,30}\b(?:rien|nothing|toujours pas|still no|still not)\b|\bje n ai (?:toujours |encore |jamais )?rien\b(?! (?:a (?:signaler|dire|redire|reprocher|ajouter|declarer)|contre|de mal|compris))/],
  ['not_arrived', /\b(?:jusqu a (?:present|maintenant|aujourd hui|ce jour)|until (?:now|today)|till (?:now|today)|up to now|to this day|mpaka (?:sasa|leo)|tii (?:sikoyo|lelo))\b.{0,40}\b(?:rien|nothing|pas|not|no|dont|didnt|havent|te|bado)\b/],
  ['not_arrived', /\b(?:no one|nobody|personne n est|personne)\b (?:\w+ )?(?:came|come|est venu|n est venu|showed up|knocked|delivered|a sonne|rang)\b/],
  ['not_arrived', /\b(?:pas de|no) (?:colis|paquet|package|parcel)\b|\brien (?:a la maison|chez moi|here)\b|\bnothing at my door\b/],
  ['not_arrived', new RegExp(`\\b(?:still|toujours) (?:dont|do not|n ai pas|pas) (?:have|got|recu)\\b${NOT_A_DOCUMENT}`)],
  ['not_arrived', /\b(?:mais|but|et|and) (?:(?:le|la|les|mon|ma|mes|the|my) )?\w+ (?:toujours|tjr|still|encore) (?:pas|not|rien|nothing)(?: (?:recu|arrive\w*|venu\w*|here|la|arrived|come))?$/],
  // "I still have nothing", « j'ai toujours rien »: nothing came, with the verb said.
  ['not_arrived', /\b(?:still|toujours|tjr|bado) (?:have|got|ai|j ai|nina)? ?(?:nothing|rien|chochote)\b/],
  ['not_arrived', /\b(?:still not|toujours pas|not) (?:here|there|la)\b|\bnot here yet\b|\bnon (?:recu|livre|arrive)\w*/],
  ['not_shipped', /\b(?:haija|hauja)(?:toka|tumwa|safirishwa)\b|\bpas (?:encore |ete |encore ete )?(?:parti|envoye|expedie)\w*|\b(?:hasnt|not|has not) (?:even |yet )?(?:shipped|gone out|been sent|been shipped)\b/],
  ['not_shipped', /\brien n (?:est|a) (?:encore |pas encore )?(?:ete )?(?:parti|envoye|expedie)\w*|\bnothing (?:has )?(?:been )?(?:shipped|sent|gone out) yet\b|\b(?:pas encore|not yet|hasnt|n est pas encore|pas encore ete|meme pas|not even|nothing has) (?:ete |been |even )?(?:parti\w*|envoye\w*|expedie\w*|shipped|sent|gone out)\b/],
  ['overdue', /\b(?:(?:date|mokolo) (?:\w+ )?ele(?:ki|ka|kaki) (?:kala|mikolo)|devait arriver|aurait du arriver|should have (?:arrived|come|been here)|supposed to (?:arrive|be here|come)|was due|etait prevu\w* (?:le|pour)|date (?:prevue|de livraison) (?:est )?(?:passee|depassee)|came and went|(?:has|have) come and gone)\b/],
  ['not_arrived', /\b(?:zero (?:colis|nouvelles?|livraison)|empty handed|toujours les mains vides)\b/],
  ['lost', /\b(?:perdue?(?! (?:(?:mon|ma|mes|son|sa|ses|leur|notre|le|la|un|une) )?(?:bebe|enfant|travail|emploi|boulot|mari|femme|mere|pere|fils|fille|frere|soeur|oncle|tante|cousine?|maman|papa|grand|mot de passe|carte|portefeuille)\b)|egare|egaree|introuvable|lost(?! (?:(?:my|her|his|their|our|the|a|an) )?(?:baby|job|work|husband|wife|mother|father|child|son|daughter|brother|sister|mum|mom|dad|grand\w*|uncle|aunt|password|card|wallet|interest|weight|mind)\b)|stuck|(?<!\b(?:m a|m ont|me|il m a|nous a) )(?<!\b(?:compte|account|carte|card|numero|number|paiement|payment|transaction|malipo)(?: \w+){0,2} )(?<!\b(?:vendeur|vendeuse|seller|il|elle) (?:\w+ )?)bloquee?(?! (?:mes|mon|ma|me|sur whatsapp|sur le (?:chat|numero)))|disparu|disparue|nulle part|nowhere|missing in transit|vanished|haionekani|haipatikani|ezangi)\b/],
  // Weeks or months gone by: late, whatever the tone (days alone are not).
  ['weeks_gone', /(?<!\b(?:a|to|en|in|within|sous|dans|entre|between|et|and|ou|or|ndani ya) )\b[1-9]\d (?:jours|days|siku|mikolo)\b|\b(?:mikolo|siku) [1-9]\d\b|\b(?:sans (?:aucune )?nouvelles?|aucune nouvelle|pas de nouvelles?|no news|no word|heard nothing|no update)\b/],
  ['weeks_gone', /(?<!\bhow )\b(?:\d+|un|une|deux|trois|quatre|cinq|two|three|four|five|several|many|plusieurs|a|one) (?:weeks?|semaines?|mois|months?)\b|\b(?:wiki|mwezi|miezi|poso|mposo|sanza) (?:\w+ )?(?:mbili|tatu|nne|tano|mibale|misato|minei|mitano|\d+)\b|\b(?:eleki|ekoki|imepita|ilipita|zimepita) (?:(?:sanza|mposo|poso|wiki|mwezi) (?:moko|moja|mmoja|mobimba|mzima)|(?:wiki|mwezi) (?:moja|mmoja|mzima))\b/],
  ['waiting', /\b(?:j attends?|on attend|nous attendons|je suis en attente|still waiting|waiting since|na zeli|tuko bado|nakozela)\b/],
  // Looking out for it day after day (« je vérifie tous les jours », "I've been checking every day").
  ['waiting', /\b(?:(?:been|keep|kept) checking|checking (?:it )?every day|check(?:ed)? every day|je (?:verifie|regarde|guette) tous les jours|chaque jour je (?:verifie|regarde|guette))\b/],
  ['said_delivered', /\b(?:livre|delivered|livree)\b.{0,40}\b(?:mais|but)\b.{0,30}\b(?:rien|nothing|personne|nobody|pas|never|no one|no \w+ ever)\b/],
  ['since_long', /\b(?:depuis|since) (?:le mois|la semaine) (?:passee?|derniere?)\b|\bsince last (?:month|week)\b|\b(?:depuis|since|ca fait|it s been|its been|fait|for) (?:un |une |1 |2 |3 |4 |5 |6 |deux |trois |quatre |plus d un |many |over )?(?:mois|semaines?|jours|weeks?|months?|days)\b|\b\d+ (?:weeks?|semaines?|mois|months?)\b/],
  // Received, but not what the listing showed.
  ['damaged', /\b(?:cass(?!erole)\w*|abim\w*|ecrase\w*|deforme\w*|dechir\w*|tach\w*|trou|troue\w*|fissur\w*|mouill\w*|endommag\w*|defectu\w*|usees?|(?:est|sont|deja|tout|trop|tres|completement|un peu) uses?|broken|bent|dented|scratched|chipped|tordu\w*|cabosse\w*|decousu\w*|decolle\w*|damaged|cracked|torn|tear|teared|tearing|stained|ripped|not (?:in )?(?:a )?good (?:condition|state|shape)|bad (?:condition|state|shape)|pas en bon etat|mauvais etat|faulty|defective|crushed|tarnished|hole|wet|arrache\w*|moisi\w*|mould\w*|mold\w*|smells?|odeur(?! (?:ne )?me plait)|leak\w*|fuit|fuite|coule|renvers\w*|(?:came|arrived|was) open|ouvert (?:et|a moitie)|half empty|a moitie vide|imemwagika|imevuja|peeling|ecran noir|black screen|vieux|vieille|occasion|second hand|(?<!\b(?:in|wearing|their|his|her|our|your) )old(?! (?:address|adresse|number|numero|phone|account|home|house|place|flat|apartment|one|friend|customer|client|price|order|days|times))|ebeba|ebebi|ebebaki|(?:strap|handle|heel|sole|zip|zipper|button|buckle|clasp|chain|leg|wheel|lid|screen|seam|stitching|it|they) (?:\w+ )?(?:broke|snapped|came off|came apart|fell off|fell apart|split|ripped|peeled off)|(?:broke|snapped|fell apart|came apart) (?:after|on|the|within|in)\b)\b/],
  ['not_working', /\b(?:ne s allume (?:meme )?pas|marche (?:meme )?pas|fonctionne (?:meme )?pas|ne marche|(?:doesnt|dont|does not|do not|wont|isnt|is not) (?:even |really |actually |properly )?work\w*|not work\w*|wont turn on|stopped work\w*|quit work\w*|dead)\b/],
  ['not_working', /\b(?:refroidi\w*|chauff\w*|charge|chargent|demarr\w*|tourn\w*|capt\w*|allum\w*|sonn\w*|lit|lisent|coup\w*|souffl\w*|glac\w*) (?:meme )?(?:pas|plus|rien|jamais)\b|\b(?:doesnt|dont|wont|cant|does not|will not|cannot|isnt|is not|not) (?:even )?(?:cool\w*|heat\w*|charg\w*|start\w*|spin\w*|switch on|turn on|power on|boot\w*|blow\w*|freez\w*|hold (?:a )?charge|connect\w*)\b/],
  ['differs', /\b(?:ne ressembl\w*|ressembl\w* pas|rien a voir|pas (?:du tout )?(?:comme|conforme|pareil|la meme|le meme|les memes|celui (?:de|du|sur|que)|celle (?:de|du|sur|que)|ceux (?:de|du|sur|que))|(?:couleur|taille|matiere|tissu|motif|modele) (?:est |sont )?(?:tout a fait |completement )?differente?s?|non conforme|nothing like|not (?:the )?same|doesnt (?:look|match)|dont match|not as (?:described|pictured|shown|advertised)|ndenge moko te|pas ce qui etait|pas l original|not original|pas original)\b/],
  // « un pagne 6 yards fait 4 yards », "sold as 2 litres, it holds 1": the measure found is not the one sold.
  ['differs', /\b(\d+) ?(yards?|metres?|m|cm|litres?|l|kg|g|gb|go|mah|pouces|inches|watts?|w)\b.{0,30}\b(?:fait|mesure|measures?|is|est|holds?|contient|only|que|seulement)\b (?:\w+ )?(?!\1\b)\d+ ?\2\b/],
  ['other_than', /\b(?:different\w*|autre (?:modele|couleur|motif|article|tissu|chose que)|au lieu d\w*|instead of|plutot que)\b/],
  ['wrong_item', /\b(?:mauvais (?:article|produit|modele|colis|objet)|mauvaise (?:couleur|reference|piece|marchandise)|wrong (?:item|colou?r|model|product|thing|one|article)|pas (?:le|la|les) bon(?:ne)?s? (?:article|produit|modele|couleur|bijoux|chose)|pas ce que (?:j ai|je|j avais) command\w*|not what i (?:ordered|bought|paid)|they sent me|ils m ont envoye|on m a envoye)\b/],
  ['ordered_vs_got', ORDERED_VS_GOT],
  // « c'est faux » alone is a statement called untrue (« il dit que c'est parti, mais c'est faux »); the fake item is « du faux »,
  // « des faux », « un faux sac », « ezali faux ».
  ['fake', /\b(?:(?<!\bc (?:est|etait) )faux|fausse|fake|contrefa\w*|copie|copy|knock ?off|replica|imitation)\b/],
  ['missing_piece', /\b(?:came|come|arrived|arrive|arrivee?s?|livree?s?|recue?s?|venue?s?|delivered|received|is|was|est|sent|envoyee?s?|vendue?s?|sold)\b (?:\w+ ){0,3}?(?:without|sans|with no|bila) (?:the |its |a |any |le |la |les |son |sa |ses |de |d )?(?!(?:probleme|problemes|souci|soucis|issue|issues|problem|problems|damage|dommage|retard|delay|any)\b)\w+/],
  ['missing_piece', /\b(?:n est pas|n etait pas|pas|not|wasnt|isnt|nt) (?:dans|in|inside) (?:la|le|the) (?:boite|box|carton|paquet|colis|package|parcel)\b|\b(?:il n y a|il y a|y a|ya|there is|there s|theres|there was) (?:pas|no|aucune?|aucun) (?:de |d )?(?:chargeur|charger|cables?|ecouteurs|earphones|manuel|notice|batterie|battery|telecommande|remote|housse|accessoires?|accessories)\b|\b\d+ \w+ (?:au lieu de|instead of|badala ya|a la place de) \d+\b/],
  ['missing_piece', /\b(?:il |n )?(?:y a|ya) (?:que|seulement|only) \d+\b|\b(?:il )?y en (?:a|avait) (?:que |seulement )?\d+\b|\b\w{1,4}kuja \d+ badala ya \d+\b|\bonly \d+ (?:in|inside)\b|\b(?:quantite|quantity|il manque(?! de respect)(?! (?:encore )?\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh)\b)|manque(?! de respect)(?! (?:encore )?\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh)\b)|mank|missing(?! (?:encore )?\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh)\b)|qu une seule|only one of|one of the \w+ (?:is|was) missing)\b/],
  ['quality', /\b(?:qualite|quality|se defait|coming apart|see through|thin|terne|plastique|plastic|mauvaise qualite|cheap|(?:tout|trop|tres|super) (?:fin|fine|mince|leger|legere)|faded|colou?rs? (?:had |have |has )?run|delave\w*|decolore\w*|deteint\w*)\b/],
  ['photo', /\b(?:photo|photos|image|picture|pictures|listing|annonce|description|described|pictured|advertised|advertis\w*|publicite)\b/],
  // Smaller, shorter, thinner than the listing said (« bien plus court que sur la photo », "much shorter than advertised").
  ['differs', /\b(?:\w+er than|(?:plus (?:court|petit|fin|mince|leger|clair|fonce)e?s?|moins \w+) que) (?:what|ce qui|ce que|celui|celle|on|it|the|la|le|l|sur|in|on)?\b.{0,25}\b(?:advertised|described|shown|pictured|listed|annonce\w*|photo|picture|listing|description|site|promis\w*|promised)\b/],
  ['seller_did', /\b(?:le vendeur|la vendeuse|the seller|seller|ils|they|vous|on) (?:m a |m ont |me |have |has |m )?(?:envoye|sent|send|livre|bring|brought|mis)\b|\b(?:leur|their|his|sa|son) (?:erreur|mistake|faute)\b|\b(?:lui|il) qui s est trompe\b|\bs est trompe\b|\bse sont trompe\w*|\bils ont fait (?:une )?erreur\b|\b(?:they|the shop|the seller|seller|shop) (?:\w+ )?(?:made a mistake|got it wrong|messed (?:it )?up|mixed (?:it |them )?up)\b/],
  // The buyer saying the mistake is not theirs (« pas ma faute », "not me"): the seller's.
  ['seller_did', /\b(?:not|pas|pas de|nt|isnt|wasnt|never) (?:ma faute|mon erreur|my (?:fault|mistake))\b|(?<!\bfits? (?:\w+ ){0,2})\bnot me\b|\bpas (?:la )?mienne\b/],
  // The buyer's own size choice.
  ['size_fit', /\b(?:sont|est|is|are|its|it s|they re|theyre|un peu|a bit|a little|slightly|vraiment|very|tres|bien trop) (?:deja |already |un peu |a bit |trop |too ){0,2}(?:petit\w*|serre\w*|small|tight|loose|narrow|snug)\b|\b(?:bigger|smaller|larger|plus grande?s?|plus petite?s?|au dessus|en dessous|size up|size down|une taille|one size|pointure (?:au|en) dessus|la taille (?:d )?au dessus)\b/],
  ['size_fit', /\b(?:trop|too|2|way too|un peu trop) (?:petit\w*|grand\w*|serre\w*|large|long\w*|court\w*|juste|etroit\w*|small|big|tight|loose|short|narrow|snug)\b/],
  // Cannot get it closed or on (« je n'arrive pas à les fermer », "can't zip it up"), squeezing, pinching, Lingala « ekoti te »
  // (does not go in), « makolo na ngai enene » (my feet are wide): how it fits.
  ['size_fit', /\b(?:n arrive (?:pas|plus) a (?:les |la |le |l )?(?:fermer|mettre|enfiler|boutonner|zipper|porter)|(?:cant|cannot|can t|couldnt) (?:\w+ )?(?:close|zip|button|get (?:it|them) on|fit (?:in|into))|squeez\w*|pinch\w*|(?:e|i)koti (?:ngai )?te|ekotaka te|haiingii|haziingii|(?:makolo|lokolo|nzoto|maboko) na ngai (?:ezali )?(?:enene|monene|minene|moke|mike))\b/],
  ['size_fit', /\b(?:ne (?:se )?ferme pas|ferme pas|doesnt close|wont close|doesnt zip|wont zip|ne boutonne pas)\b|\bruns? (?:a size |a bit |half a size |very )?(?:small|big|large|narrow|tight)\b|\bbarely (?:fits?|closes?|zips?|goes on)\b|\b(?:ne me va pas|me va pas|va pas|me serr\w*|rentre pas|doesnt fit|dont fit|not fit\w*|fits? (?:my \w+ )?but not me|(?<!\b(?:mbongo|falanga|pesa|argent)(?: na ngai)? )ekoki te|moke|monene|ne me convient pa\w*)\b/],
  ['size_word', /\b(?:taille|tailles|pointure|size|sizes|xl|xxl|medium|small|large|[2-5]xl|xxxl)\b|\b(?:avoir|veux|voudrais|want|get|pesa ngai|bopesa ngai|give me|for) (?:la |le |a |an |the |une? )?(?:3[0-9]|4[0-9]|[2-5]xl)\b|\b(?:pris|prendre|commande|ordered|order|choisi|took|bought|get|avoir|want|veux|voulais|nalingi|naomba|nataka|selectionne|selected|select|coche|clique) (?:du |le |la |a |an |the |size |taille |pointure |numero )?(?:3[0-9]|4[0-9]|xs|xl|xxl)\b|\b(?:echang\w*|exchange\w*|swap\w*|changer|change) (?:\w+ ){0,3}(?:contre|for|pour|par) (?:un |une |a |an |du |le |la )?(?:[1-6][0-9]|xs|xl|xxl)\b/],
  ['size_fit', /\b(?:mon pied|mes pieds|my feet|my foot|je chausse|je fais du|i wear|nazali|(?:il|elle|he|she) (?:est|fait|s|is|wears)(?: du| en| a| an)?) (?:(?:c est|est|is|are) )?(?:du |en |a |an )?(?:3[0-9]|4[0-9]|xs|s|m|l|xl|xxl)\b|\b(?:a grandi|has grown|grew|amekua|akoli)\b/],
  // « pas ma faute », "not my mistake": the buyer saying the mistake is someone else's.
  ['own_mistake', /(?<!\b(?:not|pas|pas de|nt|no|isnt|wasnt|never) )\b(?:ma faute|mon erreur|ma betise|de ma part|c est moi|my (?:fault|mistake|bad)|(?:is|s|was|that s|thats|its|it s)(?: \w+)? on me\b|i picked|i chose|i choose|j ai (?:pris|choisi|mal)|je me suis trompe\w*|me suis trompe\w*|i went (?:with|for)|je fais (?:du|une|un)|je chausse|i wear|i am a|i m a|my (?:feet|foot|size|waist) (?:are|is)|ma (?:taille|pointure) c est|nalataka|i ordered the wrong|i (?:bought|buy|picked|chose|clicked) (?:the )?wrong|by mistake|par erreur|i misjudged|i (?:\w+ )?guessed|j ai devine|didnt check|did not check|n ai pas (?:bien )?(?:regarde|verifie|lu)|mal (?:lu|mesure|choisi)|betise|i should have|j aurais du|i clicked|j ai clique)\b/],
  // The size said to be right (« taille ezali malamu », "the size is fine", « la taille est bonne »): whatever else is wrong, not
  // the fit.
  ['size_ok', /\b(?:taille|size|pointure|saizi) (?:ezali |est |is |iko |ni )?(?:malamu|bonne|parfaite|correcte|good|fine|perfect|right|ok|sawa|poa)\b|\b(?:fits?|me va) (?:perfectly|well|bien|parfaitement)\b/],
  // What the buyer wants done.
  ['cancel', /\b(?:annul\w*|cancel\w*|renonce|stop (?:la|the) commande|stop (?:the |my )?order|laisse[rz]? tomber|supprim\w* (?:la |ma |mon |cette |l |mes )?(?:commande|achat|order)|call (?:it|this|that|(?:the|my) order) off|call off (?:the|my|this) order|ne pas expedier|n expediez pas|ne l expediez pas|pas l expedier|dont send|dont ship|do not ship|not send it|ne l envoyez pas|n envoyez pas|stop it|halt|pas (?:la peine|besoin) (?:de |d )(?:me |m |nous |l |le |la |les |me l |me la |me les )?(?:envoyer|expedier|livrer)|no need to (?:send|ship|deliver)|dont bother (?:sending|shipping))\b|\b(?:arret\w*|stopp\w*|bloqu\w*|suspend\w*) (?:la |ma |cette |the |my |this )?(?:commande|order)\b|\b(?:\w*sitish\w*|ghairi|kughairi|usitume|msitume)\b/],
  // Cancelling asked for now (« je veux annuler », "cancel it please"), not one already made (« j'ai annulé lundi »).
  ['cancel_now', /\b(?:veux|voudrais|aimerais|souhaite|dois|doit|devons|faut|must|have to|got to|want to|wanna|would like to|like to|need to|please|pls|svp|stp|merci d|nalingi ko|nataka ku) (?:\w+ ){0,2}?(?:annul\w*|cancel)\b|\b(?:annulez|cancel (?:it|my|the|this|that|order)|(?<!\bque )j annule|(?<!\bque )je l annule|i m cancelling|im cancelling|i am cancelling|i cancel)\b|\b(?:arretez|stoppez) (?:l envoi|l expedition|la commande)\b|\bbo ?tika (?:commande|yango|oda)\b|\bbo ?(?:annuler|annule|cancel)\b(?!.{0,40}\b(?:eleki|elekaki|kala|ebele)\b)|\b(?:pas (?:la peine|besoin) (?:de |d )(?:me |m |nous |l |le |la |les |me l |me la |me les )?(?:envoyer|expedier|livrer)|no need to (?:send|ship|deliver)|dont bother (?:sending|shipping))\b/],
  ['no_longer_want', /\b(?:veux plus|veux pu|ne (?:la|le) veux plus|plus besoin|no longer (?:want|need)|dont (?:want|need) it (?:anymore|no more|after all)|not need (?:it )?anymore|changed my mind|change d avis|nalingi yango lisusu te|plus confiance|sihitaji|deja achete|(?:me|nous) sert (?:a rien|plus a rien)|(?:m est|est) inutile|useless (?:to|for) me|no use (?:to|for) me|already (?:bought|have|got) (?:one|it|the same)|en a deja)\b|\b(?:dont|do not|no longer) (?:want|need)\b.{0,30}\b(?:anymore|any more|no more)\b/],
  ['return', /\bje (?:le |la |les |vous le |vous la |vous les )?rends\b(?! (?:compte|service|visite))|\b(?:retourn\w*|renvo\w*|rendre(?! (?:moi |me |nous )?(?:mes |mon |l |les |ma )?(?:argent|\d|difference|frais|pesa|mbongo))|rapporter|retour|return\w*|(?:send|ship|post|mail) (?:\w+ ){0,2}back|(?:can|could|may) (?:it|they|this|these) go back|bring (?:it )?back|take (?:it )?back|ramener|ship (?:it )?back|give back|zongisa)\b/],
  ['exchange', /\b(?:echang\w*|exchange\w*|swap\w*|replacement)\b|\btrade (?:\w+ ){0,2}(?:in )?for\b/],
  ['refund', /\b(?:rembours\w*|refund\w*|money back|mon argent|my money|my cash|the cash|the money|l argent|mbongo|(?<!\b(?:pay|paie|paye|payer|payerai|paierai|verse|verserai|add|ajoute|ajouter|nitalipa|nakofuta) (?:the |la |le )?)difference|debite|charged|facture plus|prix a baisse|price dropped)\b/],
  ['refund', /\b(?:preleve\w*|debit\w*|deducted|taken (?:from|off) my|double (?:charge|paiement|payment)|imekatwa|nimekatwa|pesa (?:ilikatwa|imekatwa))\b|\b(?:get|have|want|veux|recuperer|recupere) (?:the |my |mes |les |mon )?(?:\w+ )?(?:fee|fees|frais|charges?|\d+) (?:back|rembourse\w*)\b|\b(?:lowered|reduced|dropped|cut) the price\b|\bprice (?:went |has )?(?:down|dropped)\b|\b(?:baisse (?:de|du) prix|prix (?:a|est) (?:baisse|descendu)|moins cher (?:le lendemain|maintenant|apres))\b/],
  // (A refund asked for, « je veux être remboursée pour le pagne, je l'ai jamais reçu », « remboursez-moi, … », is not one
  // that has not come.)
  ['money_not_back', /(?<!\b(?:veux|voudrais|veut|want|wants|exige|give me|gimme|send me|return|rendez moi|rends moi) (?:etre |to be |d etre |mon |my |l |the )?)(?<!\b(?:took|take|taken|takes|pris|prend|preleve|debite|paid|paye|envoye|sent) (?:the |my |l |mon |leur |their )?)\b(?!remboursez\b|rembourse moi\b)(?:rembours\w*|refund\w*|argent|money|mbongo)\b(?:(?!\b(?:colis|commande|paquet|package|parcel|order|article|item|produit|telephone|phone)\b).){0,40}\b(?:n est (?:toujours |jamais |pas |encore )*(?:arrive|revenu|venu)|pas (?:encore )?(?:arrive|recu|revenu|vu)|jamais (?:arrive|recu|revenu)|not (?:yet )?(?:arrived|received|come|back)|never (?:came|arrived)|nothing (?:has )?(?:come|arrived)|still (?:not|hasnt|shows|nothing)|toujours rien)\b(?! (?:(?:la|le|les|ma|mon|mes|my|the|ta|sa) )?(?:commande|colis|paquet|order|parcel|package|article|item|produit)\b)|\b(?:pas|jamais|toujours pas|rien|not|never|havent|hasnt|waiting for|attends|attend|ou est|ou en est|where is|wheres|quand|when)\b(?:(?!\b(?:veux|veut|voudrais|want|rendez|rends|give|exige|peux|puis|pourrais|pourrai|pouvez|peut|can|could|colis|commande|order|parcel|package)\b).){0,30}\b(?:rembours(?!ez\b|er\b|e (?:moi|nous)\b)\w*|refund(?! me\b)\w*|argent|money|mbongo)\b/],
  ['money_not_back', /\b(?:rien|nothing|pas|toujours rien)\b.{0,15}\b(?:sur|on|in|dans) (?:mon|my|ma) (?:compte|account|carte|card|mpesa|m pesa|mobile money|orange money|airtel money)\b/],
  ['refund_done', /\b(?:rembours\w*|refund|l argent|argent|money|mbongo|pesa) (?:est |a ete |has |is |bien |deja |ya ngai |yangu )*(?:bien )?(?:arrive\w*|recu\w*|revenu\w*|passe|came|come|arrived|received|through|ezongi|imerudi|imefika)\b(?! (?:pas|toujours|encore|yet)\b)|(?<!\b(?:pas|jamais|not|never|nt|rien|toujours pas|havent|hasnt|didnt) )\b(?:got|received|recu|touche) (?:my |mon |the |le )?(?:refund|remboursement|money back|argent)\b|\b(?:(?:sent|issued|processed|envoye|fait|verse) (?:me )?(?:the |my |le |mon )?(?:refund|remboursement)(?! (?:yet|encore))|refund received|remboursement recu|(?<!\bm )(?:refund|money|pesa|argent|remboursement) (?:has |have |just |finally |est )?(?:hit|landed|reflected|showed up|came in|tombe\w*|credited|credite\w*)\b|bien ete rembourse\w*|m a deja rembourse\w*|m a rembourse\w*|m ont rembourse\w*|refunded me|a ete rembourse\w*|got my money back|resolved|resolu|nimerudishiwa|nimepata (?:refund|pesa)|nimepokea pesa|nazwi (?:\w+ )?mbongo(?! (?:\w+ ){0,3}te\b))\b/],
  ['money_not_back', /\b(?:still )?owes? (?:me|us)\b|\b(?:me|nous) doi(?:t|vent) (?:encore )?\d+|\bnazwi (?:naino |kaka |te )?mbongo (?:na ngai |ya ngai )?(?:naino )?te\b|(?<!\b(?:de|a|at|for|of|du|pour) )\b(?:\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?)) (?:ne sont|n est|n a|n ont) (?:toujours |jamais |pas |encore )*(?:revenu|rentre|rembourse)s?\b/],
  ['refund', /\b(?:factur\w*|billed|paye|payed|paid|debite|charged|preleve)\b.{0,40}\b(?:deux fois|2 fois|twice|two times|double)\b|\b(?:deux fois|2 fois|twice|two times)\b.{0,20}\b(?:factur\w*|billed|paye|paid|debite|charged|preleve)\b/],
  // The same order placed twice (« commandé 2 fois par erreur », "ordered twice", « nasalaki commande mbala mibale »).
  ['double_order', /\b(?:commande\w*|ordered|placed|order|niliagiza|nimeagiza|nasalaki commande|commande na ngai)\b (?:\w+ ){0,3}?(?:2 fois|twice|2 times|en double|mbala 2|mara 2)\b|\b(?:double (?:commande|order)|commande en double|ordered (?:\w+ ){0,3}twice)\b/],
  // Not shipped yet, said as a time (« avant l'envoi », "before you ship it", « kabla ya kutuma »).
  ['before_shipping', /\b(?:avant (?:l envoi|l expedition|de l envoyer|de l expedier|qu il parte|qu elle parte|que ca parte)|before (?:you |they |it |u |the seller )?(?:ship|send|sends|ships|dispatch\w*|goes out|leaves)|kabla ya (?:kutuma|kusafirisha)|liboso (?:ya )?(?:kotinda|batinda))\b/],
  ['paid_twice', /\b(?:deux fois|2 fois|twice|two times|2 times|x2|double paiement|double charge|charged double)\b/],
  // A question about when or where, before any complaint.
  ['when', /(?<!\b(?:depuis|since) )\b(?:quand|kan|qd)\b(?! (?:j|je|il|elle|on|nous|vous|ils|elles|le|la|les|c|ca|meme|tu|mon|ma|en)\b)|(?<!\bsince )\bwhen\b(?! (?:i|we|he|she|they|you|it was|it came)\b)|\b(?:combien de (?:temps|jours)|quel jour|quelle date|a quelle heure|mokolo nini|avant (?:samedi|dimanche|mon depart|le)|date de livraison|jour de (?:la )?livraison|(?:day|date) of (?:the )?delivery|delivery day|(?<!\ba )bientot|how long|how many days?|eta|what (?:day|date|time)|which day|scheduled|prevue? pour|pour quand|pour demain|arrive demain|how soon|until it gets|in time|delivery date|estimated|(?<!\bsee you )soon)\b/],
  // The arrival asked about in the future tense (« ça arrivera avant samedi ? », "will it get here before I leave?").
  ['when', /\b(?:arrivera|arriveront|sera livree?|seront livree?s|sera la|seront la|quand (?:il|elle|ca|ils|elles) (?:arrive|arrivent|arrivera|sera|part|partira|va arriver))\b|\bwill (?:it|they|my \w+|the \w+) (?:get|arrive|reach|be|come|make it)\b/],
  ['shipped_q', /\b(?:deja (?:expedie\w*|envoye\w*|parti\w*)|expedie\w*|shipped|dispatched|posted|sent (?:my \w+ )?yet|en route|on its way|in transit|en transit|envoye ou|parti|etindami|na nzela|sera livre|va arriver|arrive quand|ekoya|wapi|transporteur|carrier|out for delivery|tracking (?:number|namba|nambari|no|code|id|link)|numero de suivi|suivi|en preparation|en cours de preparation|processing|status|statut)\b|\b(?:send|sent|ship|shipped|dispatched|expedie\w*|envoye\w*|parti\w*) (?:or not|ou pas|ou non)\b/],
  ['shipped_q', /\b(?:follow|track|suivre) (?:(?:my|the|mon|ma|le|la) )?(?:(?:order|commande|parcel|colis|package|shipment|delivery|livraison)\b|[a-z]{1,4} \d{3,})|\b(?:ebimi|ebimaki|ekei|ekendeki) naino\b|\b(?:if|whether|si) (?:it|they|my \w+|the \w+|elle|il|ma \w+|mon \w+) (?:s|has|have|a|est) (?:been |ete |deja )?(?:sent|shipped|dispatched|posted|envoye\w*|expedie\w*|parti\w*)\b|\b(?:send|sent|ship|shipped|dispatch\w*|post\w*) (?:it|them|my \w+|the \w+ )?(?:already|yet)\b|\b(?:did|has|have) (?:the seller|seller|they|you|the shop) (?:already )?(?:send|sent|ship|shipped|dispatch\w*|post\w*)\b|\bsuivre (?:le|mon|ma|la) (?:colis|commande|livraison)\b|\btrack (?:my|the) (?:order|parcel|package)\b|\b(?:batindi|batindaki|otindi|otindaki|etindami\w*) naino\b/],
  ['when', /\b(?:estimate|estimation|estimee?|still (?:accurate|valid|on track)|toujours valable|(?<!\b(?:arrived|came|delivered|arrive\w*|livre\w*|recu\w*|imefika) (?:\w+ )?)(?:on time|a temps)|date prevue|expected date)\b/],
  ['where', /\b(?:ou est|ou e|ou en est|ou se trouve|est ou|where is|wheres|where s|any update|des nouvelles|nouvelles de)\b/],
  // Where it has got to (« ça avance ? », « à quelle étape », "what stage is it at", "any progress"), "where my stuff" without its
  // verb, today or tomorrow (« c'est pour aujourd'hui ou demain ? »): a question about the delivery.
  ['where', /\b(?:ca avance|ca en est ou|c est ou|a quelle etape|quelle etape|what stage|which stage|any progress|progress on|where (?:my|are my|the|r my|mi) \w+|(?:aujourd hui|today|leo|lelo|demain|tomorrow|kesho|lobi) (?:ou|or|to|au) (?:apres demain|demain|tomorrow|kesho|keshokutwa|lobi|the day after))\b|^where\b/],
  ['question', /\?|\b(?:est ce que|est ce|pourriez vous|can you|could you|is it|is my|has my|have you|nalingi koyeba|nataka kujua|naomba kujua|je voulais savoir|i wanted to know|just checking|juste (?:pour )?(?:savoir|etre sur)|make sure|making sure)\b/],
  // Something else went wrong, or nothing did.
  ['trouble', /\b(?:aidez|aide moi|aidez moi|help me|need help|besoin d aide|au secours|nisaidie|saidieni|sunga ngai|bosunga ngai)\b/],
  // The courier wants more money than the order says: a problem of its own, not a refund.
  ['extra_cash', /\b(?:vendeur|vendeuse|seller|il|he|she|elle|muuzaji|moteki)\b (?:m a |me |m |has |is |keeps )?(?:demande\w*|asked|asks|asking|wants|veut|exige\w*|insiste\w*|anataka|alisema|asengi)\b.{0,40}\b(?:envoyer|payer|verser|send|pay|transfer|tuma|kulipa|kotinda|kofuta)\b/],
  ['extra_cash', /\b(?:livreur|delivery (?:guy|man|boy)|courier|driver|motard|moto ya livraison|motu ya livraison|dereva|mtu wa delivery|rider|boda|msafirishaji|motari)\b.{0,60}\b(?:en plus|de plus|extra|ziada|nyongeza|more money|supplement\w*|pourboire|tip|carburant|essence|fuel|transport|kobakisa|bakisa|lisusu|zaidi|\w*ongeze\w*|kuongeza|ajoute\w*|encore de l argent|frais)\b/],
  ['trouble', /\b(?:probleme|souci|issue|problem|complaint|reclamation|signaler|report|plainte|arnaque|scam|insult\w*|manque de respect|disrespect\w*|rude|malpoli|kotuka|azali kotuka|atuki|ananitukana|kunitukana|matusi|desagreable|pas serieux|not serious|derange|uncomfortable|pas normal|pas satisfaite?|not happy|unhappy|oyo azali malamu te)\b/],
  ['seller_contact', /\b(?:personne ne (?:me |m )?(?:repond|aide)|nobody (?:answers|helps|replies)|no one (?:answers|helps|replies)|bazo yanola te|azo yanola te|ayanoli te|ne repond pas|repond pas|(?:ne )?repond (?:jamais|plus)|not answering|no answer|no reply|(?:does not|doesn t|doesnt|do not|don t|dont|did not|didn t|didnt|has not|hasn t|hasnt|have not|haven t|never|won t|wont|will not)(?: even| ever)? (?:answer|reply|respond|pick up)\w*|not (?:responding|replying)|no (?:response|responses)|ghost\w*|ignor\w*(?! (?:my |mon |ce |this )?(?:last |dernier )?(?:message|msg))|won t let|refuse\w*)\b/],
  // Someone posing as the marketplace or asking for a secret code (« quelqu'un se fait passer pour vous », "asked for my OTP",
  // « namba ya siri »): a scam attempt.
  ['scam_attempt', /\b(?:se (?:fait|faisait|font) passer pour|pretend\w* to be|posing as|impersonat\w*|claim\w* to be|saying (?:they|he|she) (?:re|are|is|s|was|were) from|akisema (?:yeye )?ni (?:wa|kutoka)|kujifanya|(?:otp|pin|code secret|code pin|mot de passe|password|namba ya siri|code ya siri)\b.{0,30}\b(?:asked|demande|akaniomba|aliniomba|wanted|voulait|asengaki)|(?:asked|demande|akaniomba|aliniomba|wanted|voulait|asengaki)\b.{0,40}\b(?:otp|pin|code secret|mot de passe|password|namba ya siri|code ya siri))\b/],
  // The seller threatening the buyer over a review (« si vous laissez un mauvais avis je publie votre photo », "if you leave a bad
  // review I will…"): a problem with the seller.
  ['seller_threat', /\b(?:si (?:vous|tu) (?:laissez|mettez|donnez|laisses|mets) (?:un |une )?(?:mauvais(?:e)? (?:avis|note|commentaire))|if (?:you|u) (?:leave|give|post|write) (?:a |me a )?(?:bad|negative|1 star|one star) (?:review|rating|comment)|chantage|blackmail\w*|je (?:publie|vais publier|poste|vais poster) (?:votre|ta|tes|vos))\b/],
  ['wants_human', /\b(?:parler a (?:un|une|quelqu un)|agent|(?<!\b(?:robot|bot|machine) (?:ou|or) (?:un |une |a )?)(?:humain|human)(?! (?:ou|or) (?:un |a )?(?:robot|bot|machine))|conseiller|someone (?:to|from))\b/],
  // (« avec la facture », "with the receipt": the paper came with the order, nothing is asked.)
  ['document', new RegExp(`(?<!\\b(?:avec|with|et|and) (?:la |le |les |the |a |an |sa |son |its )?)\\b(?:factures?|invoices?|receipts?|(?:le|un|mon|du|de|d|aucun|ce) recu|bons? de livraison|risiti|ankara|attestation)\\b(?! (?:dit|dis|disait|says|said|indique|shows|montre|mentionne|affiche|elobi|inasema))`)],
  ['account', /\b(?:compte|account|log ?in|connecter|historique|history|code promo|promo code|parrainage|referral|code de reduction|coupon|voucher|discount|facture|invoice|(?:le|un|mon|de|d|aucun|ce) recu|adresse|address|payer|pay)\b(?! (?:the |la )?difference)/],
  // (« le site dit livré le 10 », "the app says": the page quoted as a witness, nothing wrong with it.)
  ['account', /\b(?:mot de passe|password|(?:appli|application|app|site|page)(?! (?:dit|dis|disait|says|said|indique|shows|montre|affiche|elobi|inasema)\b)|se connecter|me connecter|sign ?in|can ?t (?:log|sign) in|cannot (?:log|sign) in|n arrive pas a (?:ouvrir|me connecter|acceder))\b/],
  ['thanks', /\b(?:remercie\w*|merci|mrc|thanks|thank you|thx|cheers|asante|apambola|mingi)\b/],
  ['fine', /\b(?:bien recu|bien arrive\w*|tout est (?:bien|parfait|regle)|c est bon|c est regle|regle|all good|all sorted|sorted|works (?:perfectly|fine|great)|marche (?:tres )?bien|perfect|parfait|magnifique|lovely|top|arrived (?:today|fine)|we re good|were good)\b/],
  ['fine', /\b(?:all (?:fine|ok|okay|good|perfect|well)|tout est (?:ok|okay|bon|nickel|correct|conforme)|tout (?:ok|bon|nickel)|nickel|impeccable|rien a signaler|ok recu|recu ok|bien recu|received ok|received fine)\b/],
  ['fine', /\b(?:satisfaction|bravo|felicitations?|congratulations|5 (?:etoiles|stars)|iko fiti|fiti kabisa|poa sana|safi sana|(?:ki|vi|zi|li|ya|u|i)ko (?:poa|safi|fiti)|huduma nzuri|kazi nzuri|safe and sound|safely|in (?:good|perfect|great) (?:condition|shape)|en (?:bon|parfait) etat|great service|super service|bon service|je recommande|recommend\w*|very happy|tres contente?|satisfaite?|satisfied|exactly (?:like|as)|comme (?:sur|dans) (?:la photo|l annonce)|bien emballe\w*|tout va bien|everything (?:is )?(?:fine|ok|good))\b/],
  ['fine', /\b(?:emojicontent|(?:trop|tres|super|vraiment|si) contente?s?|ravie?s?|(?:so|very|really) happy|adore|love it|nzuri sana|\w{1,3}mefika (?:sawa|salama|vizuri)|(?:ekomi|ekomaki|eyaki|ekoma) (?:malamu|bien|kitoko))\b/],
  // How the service works or how to pay, asked before or beside any order (« je peux payer par Airtel Money ? »).
  ['how_to_q', /\b(?:comment (?:ca|ce) (?:marche|fonctionne)|comment on fait pour (?:command\w*|payer|acheter)|how (?:does|do) (?:it|this|you|i) (?:work|order|pay)|(?:je|on) (?:peux|peut) payer (?:par|avec|en)|(?:can|could) (?:i|we) pay (?:by|with|via|in|cash)|pay(?:ing)? (?:with|by) (?:m pesa|mpesa|airtel money|orange money|cash|card)|vous acceptez|do you accept|nakoki kofuta na|tokoki kofuta na|bozwaka (?:orange money|airtel money|m pesa|mpesa|carte|cash)|naweza kulipa (?:kwa|na)|tunaweza kulipa (?:kwa|na))\b/],
  // Settled with the seller (« c'est réglé avec le vendeur », "we worked it out"): nothing left to report.
  ['resolved', /\b(?:c est regle|(?:tout|probleme|souci|le probleme|le souci) (?:est )?regle|(?:probleme|souci) resolu|c est resolu|worked it out|sorted it out|all sorted|resolved|on s est arrange\w*|nous nous sommes arrange\w*|likambo esili|(?!ku)\w{2,}tatu(?:a|liwa)|tumeelewana|tumemaliza|imeisha|niko sawa sasa|(?:ilikuwa|ni) makosa yangu|c etait (?:ma faute|mon erreur)|(?:my bad|my mistake),? (?:it|they) (?:came|arrived|s here|is here))\b/],
  ['bye', /\b(?:bonne (?:journee|soiree|nuit)|nice day|good day|good evening|a bientot|see you)\b/],
  ['not_a_problem_q', /\b(?:robot|chatbot|machine|real person|vraie personne|humain ou|(?<!\b(?:l a|l ai|l avons|l ont|les a|les ai|j ai|on a|il a|elle a|a|ai) )ouvre\w*|(?<!\b(?:ne|ne se|se) )ferme\w*(?! pas)|horaires?|opening hours|hours|clos(?:e|es|ing)|boutique|magas\w*|magaz\w*|shop)\b/],
  ['not_a_problem_q', /\b(?:who am i (?:talking|speaking|chatting) (?:to|with)|(?:talking|speaking|chatting) (?:to|with) (?:a )?(?:human|person|bot|machine)|are you (?:a )?(?:human|real|person)|je parle (?:a|avec) qui|qui (?:me )?repond|c est qui qui repond|vous etes (?:un )?(?:robot|humain))\b/],
  ['not_a_problem_q', /\b(?:deliver to|livrez (?:aussi )?a|c est combien|how much|combien (?:coute|ca coute)|prix de la livraison|bot|vendez|sell|(?<!\b(?:l a|l ai|l avons|l ont|les a|les ai|j ai|on a|il a|elle a|a|ai) )ouvert|(?<!\b(?:came|arrived|was|is|already) )open|weekend|dimanche|samedi|teste|testing|(?<!\b(?:been|keep|kept) )checking(?! (?:it )?every day)|c est qui|who is)\b/],
  // Before buying (« vous avez le même sac en noir ? », "do you sell generators?", « je veux acheter un téléphone », « bozali na
  // sapato ? », « mnauza simu ? »): a question about the shop's goods, no order yet.
  ['purchase_q', /\b(?:vous (?:avez|auriez|vendez)|avez vous|vous l avez|do you (?:have|sell|stock)|have you got|you (?:have|sell) (?:it|this|that|the)|je (?:veux|voudrais|souhaite|cherche a) (?:acheter|commander)|i (?:want|would like|d like|wanna) to (?:buy|order)|looking to buy|bozali na|bozalaka na|boteki|botekaka|mnauza|mko na|nataka kununua|nalingi kosomba|en stock|in stock|(?:est (?:il|elle|ce) |is (?:it|this|that) |still |encore )(?:disponible|available))\b/],
  ['greeting', /^(?:bonjour|bonsoir|salut|hello|hi|hey|good (?:morning|evening)|mbote(?: na bino)?|slt|yo)\b/],
  // Lingala and Swahili as buyers write them in the DRC (issue 16), mapped to the same meanings.
  ['not_arrived', new RegExp(`\\b(?:ha\\w{0,3}jafika|ha\\w{0,3}kufika|sija(?:i|u|ki|vi|zi|li|ya)?(?:pata|pokea|ona)|bado (?:sijapata|haijafika|haujafika)|nazwi (?!(?:\\w+ )?(?:esali|esalaka|ezali|epeli|epelaka|ekopela|ekangi|ekoki|ebongi|ebebi|ebukani)\\b)(?!(?:\\w+ )?${DOCUMENT}\\b)(?:\\w+ )?(?:\\w+ )?te(?! (?:ndenge|lokola|pareil|oyo|na foto|ya foto|na annonce))|nazwaki (?!${DOCUMENT}\\b)(?:\\w+ )?te|(?:eyaki|eyei|eyeli(?: ngai)?|ekomaki|ekoma)(?: (?:naino|nanu|kutu|ata|moke|soki|mpenza|solo))* te|ekomi (?:\\w+ )?te|ekomeli ngai te)\\b${NOT_A_DOCUMENT}`)],
  // Only part of the order came (« mkoba tu ndio ulifika », « vingine hakuna »): the rest has not.
  ['not_arrived', /\btu (?:ndio |ndiyo )?\w{1,3}(?:li|me)fika\b|\b(?:vingine|zingine|vitu vingine|vile vingine) (?:hakuna|havijafika|bado)\b/],
  ['lost', /\b(?:imepotea|umepotea|ebungi|ebungaki)\b/],
  ['waiting', /\b(?:nasubiri|ninasubiri|nazali (?:kaka |naino |tango nyonso )?kozela|tangu (?:mwezi|wiki)|banda (?:sanza|poso))\b/],
  ['said_delivered', /\b(?:mark\w*|shows?|says?|indique|affiche)\b (?:(?:it|le|l|la) )?(?:as |comme )?(?:delivered|livre\w*)\b.{0,25}\b(?:it was not|it wasnt|not true|c est faux|faux|pas vrai)\b/],
  ['said_delivered', /\b(?:inasema imefika|elobi ekomi)\b|\b(?:elobi|inasema|esalaka|imeandikwa) (?:\w+ ){0,2}(?:ekomi|livre\w*|delivered|imefika|imepokelewa)\b.{0,30}\b(?:kasi|lakini|mais|but)\b/],
  // « namoni eloko te », « sijaona chochote »: nothing seen at the door.
  ['not_arrived', /\bnamoni (?:\w+ ){0,3}te\b|\bna ?z[wu]i (?:eloko|colis|commande|biloko|yango)(?: moko)? te\b/],
  ['damaged', /\b(?:imeharibika|imeharibiwa|imevunjika|imechanika|ebeba\w*|ebukani|epasuki)\b|\b(?:ume|li|lime|zime|vime|ime|kime|yame|ame|ume)(?:chanika|vunjika|haribika|vunjwa|haribiwa|chanwa)\b|\b(?:ina|kuna|yenye|ezali na) (?:\w+ )?(?:shimo|mashimo|matundu|tundu|lidusu|madusu)\b/],
  ['not_working', /\b(?:haiwaki|haifanyi kazi|haifanyi|epelaka te|esalaka te|ezali kosala te|esali te|ezali kopela te|ekopela te|epeli te)\b/],
  ['differs', /\b(?:si kama|si sawa na|ndenge moko te|ekokani te|ekeseni|ezali te (?:oyo|lokola)|oyo (?:ba)?monis\w* te)\b|\bnot what i (?:saw|expected|was shown)\b|\bpas ce que (?:j ai vu|je voyais|j attendais|on voit|montre)\b/],
  ['wrong_item', /\b(?:kitu kingine|bidhaa nyingine|eloko mosusu|batindeli ngai|wamenitumia)\b|\b(?:one|l une?|moja) (?:\w+ ){0,3}\d{2}\b.{0,20}\b(?:the other|l autre|nyingine) (?:\w+ ){0,3}\d{2}\b/],
  // Swahili: the seller sent (« muuzaji alituma »), what I ordered (« niliyoagiza »).
  ['seller_did', /\b(?:muuzaji|wao|duka) (?:ali|ame|a|wali|wame)tuma\b|\b(?:ali|ame|wali|wame)nitumia\b|\b(?:ali|ame|wali|wame|waka|aka)niletea\b/],
  ['ordered_vs_got', /\b(?:niliyoagiza|niliagiza|nilioagiza)\b.{0,40}\b(?:nimepokea|nimeletewa|imefika|badala|(?:wa|a)(?:me|li|ka)?ni(?:letea|tumia|pa))\b|\bbadala ya\b.{0,30}\b(?:niliyoagiza|niliagiza|nilioagiza)\b/],
  ['photo', /\b(?:picha|foto|tangazo)\b/],
  ['size_fit', /\b(?:ni (?:fupi|ndefu|pana|nyembamba)\b|(?:fupi|ndefu|ndogo|kubwa) (?:sana )?kwa(?:ngu|ke)|(?:ni|iko|ziko|viko) (?:kidogo|vidogo|mdogo|madogo|kikubwa|vikubwa|mkubwa|makubwa|kubwa|ndogo)|hainitoshi|haikunitosha|havinitoshi|vinanibana|linanibana|inanibana|ni ndogo|ni kubwa|vidogo|vikubwa|ekoki ngai te|ekokaki te|ezali moke|ezali monene|kokanga ngai|moke mingi|monene mingi)\b/],
  ['size_word', /\b(?:saizi|numero ya sapato|vipimo)\b/],
  ['own_mistake', /\b(?:kimakosa|kwa makosa|nilikosea|nilisoma vibaya|nilipima vibaya|nimesoma vibaya|kosa langu|makosa yangu|nilichagua vibaya|nilichagua saizi|niliagiza saizi|libunga ezali ya ngai|ngai nde nasalaki libunga|(?:faute|erreur|libunga) na ngai|nakosaki|naponaki (?:taille|pointure|\d+))\b/],
  ['cancel', /\b(?:nilighairi|nimeghairi|nilifuta oda|naannulaki|na annuler)\b/],
  ['cancel', /\b(?:(?:m|mu|tu|ni)(?:i|u|ki|vi|zi|li|ya)?fut(?:e|eni|ie|ieni)|(?:i|u)futwe|futeni|kufuta oda|nifutieni|(?:ku)?ach(?:a|e|eni) (?:oda|order|commande)|msitume|msiitume|(?:bo)?longola (?:ngai |biso )?(?:commande|moko|yango|oyo)|futa (?:oda|order|agizo)|bo ?tinda (?:\w+ ){0,3}te|kotinda commande te)\b/],
  ['no_longer_want', /\b(?:si\w{0,4}hitaji|sitaki|nalingi lisusu te|naza na besoin te|(?:nazali|naza) na posa (?:na yango |ya yango )?(?:lisusu )?te)\b/],
  ['no_longer_want', /\b(?:sitaki tena|sivihitaji tena|siihitaji tena|nimebadilisha mawazo|nabongoli makanisi|nalingi yango te)\b/],
  ['return', /\b(?:kurudisha (?:bidhaa|mzigo|viatu|mkoba|kitu)|nitarudisha|kuirudisha|kuzirudisha|nakozongisa|nazongisa|kozongisa|tozongisa|kurudisha|nirudishe)\b/],
  ['exchange', /\b(?:\w*badilish\w*|kubadili|kobongola|ko ?changer|ko ?echanger)\b|\bchanger (?:de |le |la |l |pour |contre )?(?:modele|couleur|article|produit|telephone|model|taille|pointure)\b|\b(?:change|switch) (?:it |this |the \w+ )?(?:for|to) (?:the|a|an|another)\b/],
  ['refund', /\b(?:kurudishiwa pesa|nirudishieni pesa|nirudishie pesa|pesa yangu|bozongisela ngai mbongo|mbongo na ngai|kozongisa mbongo|\w*rudishi\w* pesa|geste commercial)\b|\b(?:rendre|rendez|rends|rende|rendiez|give back|send back|zongisa|rudisha\w*) (?:moi |me |nous )?(?:mes |mon |my |les |the |l |ma )?(?:\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh)|argent|money|mbongo|pesa|frais|difference)\b/],
  // Money promised back (« le vendeur a promis de me rembourser », « aliahidi kunirudishia pesa »), still waited for.
  ['money_not_back', /\b(?:(?:promis|promised|\w*ahidi)(?:(?<=\b(?:rembours\w*|refund\w*|argent|money|pesa|mbongo)\b.{0,40}(?:promis|promised|\w*ahidi))|(?=.{0,60}\b(?:rembours|refund|geste commercial|argent|money|pesa|mbongo|kunirudishia|kurudisha|\d+ (?:usd|dollars?|fc|cdf|francs?)\b)))|(?:a|ba|bo|o)lobaki (?:a|ba|bo|o)ko ?zongis\w*|\w*sema (?:ata|wata|ange)rudish\w*|a dit (?:(?:au|par|sur|on the|by) \w+ )?qu (?:il|elle|ils) (?:allait |va |vont )?(?:me )?rembours\w*|said (?:he|she|they) (?:would|will) refund|(?:on|il|elle|ils|le vendeur|la vendeuse) (?:m a|m ont|nous a) dit (?:que |qu )?(?:j allais|je serais|je vais|il allait|elle allait|on allait|il va|elle va|ils allaient)(?: me)? (?:etre )?rembours\w*|(?:told|promised) (?:me|us) (?:i|we) (?:d|would|will) (?:get|be) (?:a )?refund\w*)\b.{0,40}\b(?:rembours\w*|refund\w*|geste commercial|argent|money|pesa|mbongo|\d+ (?:usd|dollars?|fc|cdf|francs?))?.{0,40}\b(?:j attends|attends|toujours|still|bado|te|rien|nothing|kino lelo|mpaka leo|hadi leo|sijapata|not yet|pas encore)\b/],
  ['money_not_back', /\b(?:pesa|doh|dooh|ganji|hela|chapaa|mbongo|argent|money|refund|remboursement)\b (?:\w+ ){0,2}(?:iko wapi|ezali wapi|est ou|where|haijarudi|haijarudishwa|hazijarudi|haijaingia|haijanifikia)\b/],
  // A refund promised in Swahili (« atanirudishia pesa jumatatu »), and not had since (« mpaka sasa sijapata »).
  ['money_not_back', /\b(?:ata|wata|ange|wange)(?:ni|tu)?rudishia (?:pesa|hela|doh|chapaa)\b.{0,60}\b(?:sijapata|sijapokea|bado|hakuna|mpaka sasa|hadi sasa)\b/],
  // A refund promised, the reason told, and the message ending on the wait (« on m'a dit que j'allais être remboursé pour …
  // ça fait deux semaines et toujours rien »): the money is what has not come.
  ['money_not_back', /\b(?:promis de (?:me )?rembourser|promised (?:me )?a refund|(?:m a|m ont|nous a) dit (?:que |qu )?(?:j allais|je serais|je vais|il allait|elle allait|on allait|il va|elle va|ils allaient)(?: me)? (?:etre )?rembours\w*)\b.{0,160}\b(?:toujours rien|toujours pas|still nothing|nothing yet|rien|bado)$/],
  // Not paid out (« le remboursement… ne m'a toujours pas été versé », "the 40 dollars are still not back").
  ['money_not_back', /\b(?:rembours\w*|argent|somme|montant|\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh))\b.{0,40}\bne m (?:a|ont) (?:toujours |jamais |pas |encore )*(?:ete )?(?:verse|paye|credite|vire|rendu|effectue)e?s?\b|\b\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh) (?:are|is|has|have) (?:still )?(?:not|nt|never) (?:yet )?(?:back|come back|been (?:refunded|returned|paid back|credited))\b/],
  ['money_not_back', /\b(?:still|toujours|tjr|bado) (?:no|pas d|pas de|aucun|hakuna) (?:money|refund|cash|argent|remboursement|pesa)\b|\b(?:rembours\w*|refund|mbongo|falanga|pesa|argent|money)(?: na ngai| ya ngai| yangu)? (?:e|i)(?:komi|yei|yaki|zongi|komaki|fiki)(?: (?:naino|kaka|nanu))? te\b|\b(?:(?:pesa|makuta|hela|mbongo) (?:yangu |zangu )?(?:bado )?ha(?:i|ya|zi)jarudi|mbongo (?:na ngai )?ezongi (?:naino )?te|nasubiri pesa|nazali kozela mbongo)\b/],
  ['paid_twice', /\b(?:mara (?:mbili|2)|mbala (?:mibale|2))\b/],
  ['when', /\b(?:siku gani|saa ngapi|itafika|utafika|zitafika|vitafika|ekoya|ekokoma)\b/],
  ['when', /\b(?:lini|mokolo nini|ntango nini|siku ngapi|mikolo boni|kabla ya)\b/],
  ['shipped_q', /\b(?:iko njiani|njiani|(?:i|u|ki|vi|zi|li|ya|wa)(?:me|sha|mesha)(?:tumwa|safirishwa)|wa(?:me|sha|mesha)(?:tuma|safirisha)|etindami|na nzela|ufuatiliaji|numero ya suivi|\w*fuatili\w*)\b/],
  ['where', /\b(?:iko wapi|ezali wapi|iko je)\b/],
  // How the courier will come (« le livreur peut passer samedi ? », "can the courier call me when he's near?", « motindi akoki
  // kobenga ngai … soki akomi? », « dereva anaweza kunipigia simu akifika? »): a question about the delivery, not the shop.
  ['courier_q', /\b(?:livreur|livreuse|transporteur|courier|driver|rider|delivery (?:guy|man|person)|motard|motindi|dereva|mtu wa delivery|boda)\b (?:\w+ ){0,2}?(?:peut|peut il|pourra|pourrait|pourrait il|va|vont|doit|devra|can|could|will|would|akoki|akokoka|anaweza|ataweza|inawezekana|atanipigia|akobenga)\b|\b(?:can|could|will|would|does|do|is) (?:the|your|a) (?:courier|driver|rider|delivery (?:guy|man|person)) (?:call|ring|come|pass|phone|text|wait|leave|drop)\w*\b/],
  ['trouble', /\b(?:shida|tatizo|likambo|naomba msaada|nasengi lisalisi|ananitukana|atuki ngai)\b/],
  ['seller_contact', /\b(?:a|ba|azali ko|bazali ko|azo |bazo )pes(?:a|i|aka) (?:ngai |biso )?(?:reponse|eyano|biyano) te\b|\b(?:hanijibu|hajibu|hajajibu|koyanola ngai te|azali koyanola te|ayanoli te|(?:a|ba)zongis(?:aka|i|aki)(?: ngai| biso)?(?: eyano)? te)\b|\b(?:a|ba|azo |bazo |azali ko|bazali ko)yanol\w*(?: ngai| biso)? te\b|\b(?:m a|a|has|he|she|il|elle|seller) (?:\w+ )?(?:bloque|blocked) (?:mes|mon|me|my|ma)\b/],
  // Calls every night, vulgar words, threats: the seller harassing the buyer.
  ['trouble', /\b(?:harcel\w*|harass\w*|vulgaire|vulgar|menac\w*|threat\w*|m appelle (?:tous les|chaque)|calls me (?:every|all)|ananisumbua|azali kotungisa)\b/],
  ['account', /\b(?:akaunti|anwani|code promo)\b/],
  // Whether the shop delivers to a town (« Bukavu c'est dans votre zone de livraison ? », "u guys ship to mombasa?",
  // « bokoki kotinda na Mbandaka? », « mnaleta mpaka Bukavu? »): a question about the shop, before any order.
  ['coverage_q', /\b(?:zone de livraison|zones? desservies?|ship(?:ping)? to|deliver(?:y)? to|livrez (?:aussi )?(?:a|en|jusqu)|livrez vous (?:a|en|jusqu)|(?:bo)?koki (?:ko)?tinda na|botindaka na|mnaleta (?:mpaka|hadi)|mnapeleka (?:mpaka|hadi)|mnafikisha (?:mpaka|hadi)|mnasafirisha (?:mpaka|hadi))\b/],
  // The payment itself failing (« paiement … ezali koleka te », « malipo inakataa », "payment keeps failing"): not the order.
  ['account', /\b(?:paiement|payment|malipo|mobile money|m pesa|mpesa|airtel money|orange money)\b.{0,40}\b(?:ezali koleka te|eleki te|elekaki te|ekoleka te|inakataa|imekataa|haipiti|haiendi|imefeli|echoue\w*|fails?|failed|failing|declined|refuse\w*|bloque\w*|erreur|error)\b/],
  ['thanks', /\b(?:asante|matondi|\w*shukur\w*|shukrani)\b/],
  ['fine', /\b(?:nimepokea vizuri|imefika salama|umefika,? uko sawa|uko sawa|ezali malamu|nazwi yango malamu|nimerudishiwa pesa|nazwi mbongo na ngai)\b/],
  ['greeting', /^(?:habari|jambo|salama|mbote)\b/],
  ['not_a_problem_q', /\b(?:wewe ni nani|ozali nani|linafunguliwa|efungwamaka|nitasubiri|nakozela)\b/],
  // Sixth blind set (2026-12-06, night): phenomena its misses showed, each as a family of spellings or a construction.
  // Nairobi and Lubumbashi greetings (« niaje », « sasa », « mambo », « vipi ») and « poa » (fine) alone.
  ['greeting', /^(?:niaje|niajee|sasa|mambo|vipi|hujambo|sema|oya|oyaa|salut|yoo?)\b/],
  ['fine', /(?<!\b(?:si|sio|not|pas) )\b(?:poa|fiti|safi)(?: (?:tu|sana|kabisa))?$/],
  // What the bot is (« c'est quoi Palabre ? », "what is this bot", « palabre ni nini »): a question about the service.
  ['how_to_q', /\b(?:c est quoi|qu est ce que|what is|what s|whats|ni nini|ezali nini) (?:(?:ce|cette|this|the|le|la) )?(?:palabre|bot|chatbot|service|robot|appli|app)\b|\bpalabre (?:ni nini|ezali nini|c est quoi|is what)\b/],
  // A Lingala insult (« kofinga », « afingi ngai », « azali kofinga »), like « kotuka ».
  ['trouble', /\b(?:ko|a|ba|azali ko|bazali ko|azo|bazo)fing(?:a|i|aka|aki)\b|\bmafinga\b/],
  // The address to change (« changer mon adresse », « kobongola adresi », « kubadilisha anwani », "update my address").
  ['address_change', /\b(?:chang\w*|modifi\w*|corrig\w*|correct\w*|update|bongola|kobongola|badilisha|kubadilisha|kubadili|tuma kwa) (?:\w+ ){0,3}?(?:adresse|address|adress|adres|adresi|anwani|anuani)\b|\b(?:nouvelle adresse|new address|adresi ya sika|anwani mpya|i moved|j ai demenage|nimehama)\b/],
  ['account', /\b(?:adresi|adres|adress|anuani)\b/],
  // Charged more than the price shown (« facturé plus que le prix affiché », "charged more than the listed price").
  ['overcharged', /\b(?:factur\w*|charged|billed|debite\w*|preleve\w*|paye|paid|deducted|nimekatwa|walinikata)\b (?:\w+ ){0,3}?(?:plus que|plus cher que|de plus que|more than|above|over|zaidi ya|kuliko) (?:\w+ ){0,2}?(?:prix|price|montant|amount|bei|motuya)\b|\b(?:overcharg\w*|surfactur\w*)\b/],
  // An amount paid, then the price shown or « free » (« I paid 4500 but the price on the listing was 3800 », « nafutaki 25$ kasi
  // talo ezalaki 20$ », « nililipa 2000 … lakini ilisema ni bure »): charged more than the listing said.
  ['overcharged', /\b(?:i paid|paid|j ai paye|j avais paye|paye|nafutaki|nafuti|nililipa|nimelipa|walinikata|nimekatwa|charged me|they charged)\b (?:\w+ ){0,2}?\d+\b.{0,40}\b(?:but|mais|kasi|lakini|alors que|whereas|while|yet)\b.{0,40}\b(?:price|prix|talo|bei|listed|listing|annonce|affiche|free|gratuite?s?|bure|ofele)\b/],
  // The price gone down after the purchase, in Swahili and Lingala (« bei imeshuka », « motuya ekiti »), the difference asked back.
  ['refund', /\b(?:bei|motuya|prix) (?:\w+ )?(?:imeshuka|ilishuka|imepungua|ilipungua|ekiti|ekitaki|ekiti na se)\b|\b\w*rudish\w* (?:\w+ )?(?:tofauti|difference|ziada)\b/],
  // Not liked, nothing wrong said (« ne me plaît pas », "I don't like it", « esepelisi ngai te », « sijaipenda »): a return's reason.
  ['dislike', /(?<!\bif (?:you|u) )\b(?:ne (?:me |nous |lui )?plai(?:t|sent) pas|(?:me|nous|lui) plai(?:t|sent) (?:pas|plus)|i (?:dont|do not) (?:really )?like|(?:doesnt|dont|does not) like|not (?:my|her|his) (?:style|taste)|pas (?:mon|son|a mon) (?:style|gout)|esepelisi (?:ngai |ye |biso )?te|ekosepelisa (?:ngai )?te|alingi yango te|sijaipenda|sipendi|hapendi|haipendi|hawapendi)\b/],
  // The parcel received, said as a fact (« je l'ai reçue hier », « produit reçu », "I got it"): it has come.
  ['received_it', /\b(?:je l ai|je les ai|on l a|nous l avons) (?:bien |deja )?(?:recu|eu)\w*\b(?! pas| jamais)|\b(?:produit|colis|article|commande|paquet|item|parcel|package|order) (?:bien )?(?:recu|received|arrive)\w*\b(?! (?:pas|jamais|never|not|yet))|\b(?:i|we) (?:have |ve )?(?:got|received) (?:it|them|the \w+|my \w+)\b(?! (?:yet|back))|\b(?:nimepokea|tumepokea|nazwi yango|nazwaki yango)\b(?! te)/],
  // As the listing showed (« conforme », "as described", « exactement comme sur la photo »), not its denial.
  ['as_described', /(?<!\b(?:pas|non|not|nt|n est pas|isnt|wasnt) (?:\w+ )?)\b(?:conforme|as described|as pictured|as shown|like the (?:photo|picture)|comme (?:sur )?(?:la photo|l annonce|decrit)|kama kwenye picha|lokola na foto)\b/],
  // Worked for months before it broke (« elle marchait très bien … depuis la semaine passée », "worked fine for 2 months"):
  // worn out in use, not unlike the listing when it came.
  ['worked_before', /\b(?:marchait|fonctionnait|allait|worked|was working|had been working|ilikuwa inafanya kazi|ezalaki kosala)\b (?:\w+ ){0,3}?(?:bien|fine|well|perfectly|great|vizuri|malamu)\b.{0,40}\b(?:\d+|plusieurs|several|many|some|few|deux|un|a) (?:mois|months?|ans?|years?|miezi|mwezi|sanza)\b|\b(?:achete|bought|purchased) (?:\w+ ){0,4}?(?:au mois de|en|in|last) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|year)\b.{0,60}\b(?:marchait|fonctionnait|worked|was working)\b|\b(?:after|apres|baada ya) (?:\d+|a few|several|plusieurs|quelques) (?:mois|months?|miezi) (?:of use|d utilisation|de service|ya matumizi)\b/],
  // The date not come yet (« tarehe bado haijafika », « c'est pas encore la date », "not late yet", "the date isn't here yet").
  ['before_date', /\b(?:tarehe|date|mokolo) (?:bado )?(?:haijafika|haijapita|bado|ekoki naino te|ekomi naino te)\b|\b(?:pas encore|not yet) (?:la |the )?(?:date|jour|day)\b|\b(?:date|jour) (?:n est )?pas encore (?:arrive|passe|la)\w*|\bnot (?:late|due|overdue) yet\b|\b(?:date|due date) (?:hasnt|has not|isnt|is not) (?:come|passed|arrived|here)\b|\bstill (?:within|before) the (?:date|delivery date)\b/],
  // Just ordered (« je viens de commander », "the order I made this morning"): nothing can have come to be unlike the listing.
  ['just_ordered', /\b(?:je viens de (?:commander|passer)|i just (?:ordered|placed|made)|just placed|nasombi sikoyo|nimeagiza sasa hivi)\b|\b(?:i made|i placed|i did|j ai passe|j ai fait|passee?|made|placed) (?:\w+ ){0,2}?(?:this morning|today|ce matin|aujourd hui|tout a l heure|an hour ago|il y a \d+ (?:min\w*|heures?))\b/],
  // A date the order was due, then nothing (« livraison prévue le 20/11 … rien », "expected on the 12th, nothing"): late.
  ['overdue', /\b(?:prevue?s?|prevu|expected|due|supposed to (?:arrive|come|reach(?: me)?)|devait (?:arriver|etre livree?)) (?:le |on |the |pour le |for the |by the |by )?\d{1,2}\b.{0,40}\b(?:rien|nothing|toujours pas|still not|still nothing|eloko te|hakuna)\b/],
  // The date it was expected told in the past (« expected date was last week », « la date prévue c'était hier »): late.
  ['overdue', /\b(?:expected|estimated|due|delivery) date was (?:last|yesterday|on|the|\d)|\bdate (?:prevue|de livraison|attendue) (?:c )?(?:etait|est) (?:hier|la semaine (?:passee|derniere)|le mois (?:passe|dernier))\b/],
  // Past the date (« 2 weeks past the delivery date », « tarehe imepita », « date eleki »): late, whatever the question.
  ['overdue', /\bpast (?:the |its |my )?(?:\w+ )?(?:date|deadline)\b|\b(?:date|deadline|tarehe) (?:has |have |is |ime|ili)?(?:passed|gone|pita|over)\b|\b(?:date|mokolo) eleki\b|\bdepasse (?:la |le )?(?:date|delai)\b/],
  // Sent, in Lingala, denied (« batindi yango te naino ? », « atindi te »): not shipped.
  ['not_shipped', /\b(?:ba|a|o|bo)tind(?:i|aki)(?: (?:yango|yo|commande|colis|biloko|eloko))?(?: naino)? te\b|\betindam(?:i|aki)(?: naino)? te\b/],
  // Let go of the order in Lingala (« natiki commande », « totiki yango »): a cancellation.
  ['cancel', /\b(?:na|to|bo)?ti(?:ki|ka) (?:commande|yango|oda|achat)\b/],
  // Stop the order, asked (« can you stop my order? »), and the Swahili request form (« naomba muifute », « futeni »): asked now.
  ['cancel_now', /\b(?:stop|halt|arrete[rz]?|stoppe[rz]?) (?:my|the|this|ma|la|cette) (?:order|commande)\b|\b(?:m|mu)(?:i|u|ki|vi|zi|li|ya)?fut(?:e|eni|ie|ieni)\b|\bfuteni\b/],
  // The cancellation named first, as the request (« ndeko, annuler commande, … », « annulation commande 1001 »): asked now.
  ['cancel_now', /^(?:\w+ )?(?:annuler|annule|annulation|cancel|cancellation) (?:la |ma |my |the )?(?:commande|order|oda)\b/],
  // Rather cancel (« je préfère annuler », "I'd rather cancel"): asked now.
  ['cancel_now', /\b(?:prefere|prefer|rather|mieux) (?:\w+ ){0,2}?(?:annul\w*|cancel\w*)\b/],
  // Taken back (« pouvez-vous reprendre le sac ? », « reprenez-le »): a return.
  ['return', /\b(?:reprendre|reprenez|reprendrez|reprends|reprenne)\b/],
  // Not wanted (« la personne n'en veut pas », "she doesn't want it"): a change of mind.
  ['no_longer_want', /\b(?:n en veu[xt] (?:pas|plus)|n en voulons pas|(?:doesnt|dont) want (?:it|them)\b|hataki|hawataki)\b/],
  // The size the buyer picked (« je l'ai prise en S », « avoir la M », « nilinunua 38 »), and how it fits (« taillait grand »).
  ['size_word', /\b(?:prise?s?|pris|commande\w*|choisi\w*) en (?:xs|s|m|l|xl|xxl)\b|\b(?:avoir|veux|voudrais|want|get) (?:la|le|a|an|du) (?:xs|s|m|l|xl|xxl)\b|\b(?:nilinunua|niliagiza|nimeagiza|nilichukua|nasombaki|nazwaki|naponaki) (?:saizi |taille |numero )?(?:3[0-9]|4[0-9]|xs|s|m|l|xl|xxl)\b/],
  ['size_fit', /\b(?:taill(?:e|ait|ent|aient)|chauss(?:e|ait|ent)) (?:un peu |tres |trop )?(?:grand|petit|large|serre)\b|\b(?:mguu wangu|miguu yangu|lokolo na ngai|makolo na ngai) (?:ni |ezali )?(?:3[0-9]|4[0-9])\b/],
  // What a word in the tracking means (« en transit, ça veut dire quoi ? », "what does out for delivery mean"): a question.
  ['question', /\b(?:ca veu[xt] dire quoi|veu[xt] dire quoi|what does (?:\w+ ){1,4}mean|inamaanisha nini|elingi koloba nini)\b/],
  // When the delivery will be made (« la livraison sera faite avant ? », "will the delivery be done before Friday?").
  ['when', /\b(?:livraison|delivery) (?:sera|va etre|will be|be) (?:faite|effectuee|done|made)\b/],
  ['where', /\b(?:an|any|une|some) update\b|\bupdate on (?:my|the)\b|\bchecking on (?:my|the) (?:order|parcel|package|delivery)\b/],
  // « il m'ont envoyé » (SMS agreement), « elle m'a envoyé »: the seller sent it.
  ['seller_did', /\b(?:il|elle) m (?:ont|a) (?:envoye|livre|mis|donne)\b/],
  // Money in Lingala (« falanga na ngai »), asked back (« bazongisela ngai falanga »).
  ['refund', /\b(?:falanga na ngai|\w*zongis\w* (?:ngai |biso )?(?:falanga|mbongo))\b/],
  // Received, said alone (« reçu ✅ », "received 👍", « nimepokea »): nothing wrong said.
  ['fine', /^(?:bien )?(?:recu|received|got it|nimepokea|nazwi yango|ekomi)(?: (?:emojicontent|merci|thanks|asante|matondi))*$/],
  // Eighth blind set (2026-12-07, night): phenomena its misses showed, each as a family of spellings or a construction.
  // How to buy, pay or sign up, asked (« comment on achète ? », « je paie comment ? », "how do I buy", « nakoki kosomba ndenge
  // nini ? », « nawezaje kulipa », « je peux payer à la livraison ? »): a question about the marketplace, no order in trouble.
  ['how_to_q', /\b(?:comment (?:on |je |j |nous |peut on |puis je |faire pour |fait on pour |on fait pour )?(?:achete\w*|acheter|command(?:e|er)|pai\w*|pay\w*|vend\w*|inscri\w*|cree\w* (?:un |mon )?compte|ouvri\w* (?:une |ma )?boutique|devenir vendeu\w*)|(?:je|on|nous) (?:paie|paye|payons|achete) comment|how (?:do|can|could|should) (?:i|we|you|one) (?:buy|purchase|order|pay|sell|sign up|register|open a (?:shop|store)|become a seller|start selling)|how to (?:buy|order|pay|sell|sign up|register|become a seller)|(?:ko)?somba ndenge nini|ndenge nini (?:na|to|ba)?(?:ko)?(?:somba|futa|teka)\b|(?:na|to)koki (?:ko)?(?:somba|futa|teka) ndenge nini|jinsi ya (?:kununua|kulipa|kuuza|kuagiza)|nawezaje (?:kununua|kulipa|kuuza|kuagiza)|(?:je|on) (?:peux|peut) payer (?:a la livraison|a la reception|cash)|pay(?:ing)? (?:on|at) delivery|paiement a la livraison)\b/],
  // Selling on the marketplace (« je veux vendre mes pagnes », "how do I become a seller", « nalingi koteka », « nataka kuuza »).
  ['selling', /\b(?:(?:veux|voudrais|souhaite|aimerais) (?:vendre|devenir vendeu\w*|ouvrir (?:une|ma) boutique)|devenir vendeu\w*|become a seller|start selling|sell (?:my \w+ |things |stuff |products )?(?:on|here|with you)|open (?:a|my) (?:shop|store) (?:on|here)|(?:nalingi|nakoki|tokoki|tolingi) (?:ko)?teka|koteka biloko|(?:nataka|ningependa|naweza|tunataka) (?:ku)?uza|kuuza (?:bidhaa|vitu|nguo|simu)|kuwa muuzaji)\b/],
  // Whether it has left (« has it left the warehouse yet? », "did it go out?", « batindi yango ? »), the tracking not moving: a
  // question about the delivery.
  ['shipped_q', /\b(?:left|quitte|parti de|sorti de) (?:the |l )?(?:warehouse|entrepot|depot|shop|store|magasin|boutique)\b|\b(?:did|has|have) (?:it|they|my \w+|the \w+) (?:already |yet )?(?:left|leave|go out|gone out)\b|\b(?:tracking|suivi) (?:\w+ ){0,2}?(?:updated?|mis a jour|bouge|change|moved)\b|\b(?:ba|a|o|bo)tind(?:i|aki) (?:yango|yo|commande|colis|biloko)\b(?! (?:naino )?te\b)/],
  // Collected by the buyer (« je peux venir chercher moi-même le colis ? », "can I pick it up myself"): how it will come.
  ['courier_q', /\b(?:(?:venir|passer) (?:le )?(?:chercher|recuperer|retirer) (?:\w+ ){0,2}?(?:le|mon|ma|la) (?:colis|commande|paquet)|(?:pick|collect) (?:it|them|my \w+|the \w+) up (?:myself|in person)|pick ?up (?:my|the) (?:order|parcel|package) (?:myself|in person)|(?:retrait|retirer) (?:en|au|a la) (?:boutique|magasin|point relais|agence)|kuja kuchukua|koya kozwa)\b/],
  // Before a holiday or a weekday (« livré avant Noël ? », "before Friday?"): when.
  ['when', /\b(?:avant|before|liboso ya) (?:la |le |the )?(?:noel|christmas|nouvel an|new year|fetes?|holidays|vacances|week ?end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|fin du mois|fin de la semaine|end of the (?:month|week))\b/],
  // A whole month or week (« sanza mobimba », « mwezi mzima »): weeks gone.
  ['weeks_gone', /\b(?:sanza|mwezi|poso|mposo|wiki) (?:moko |moja )?(?:mobimba|mzima|nzima)\b/],
  // Nothing, said last (« …its now the 28th and nothing », « et toujours rien »): nothing came.
  ['not_arrived', /\b(?:and|et|but|mais) (?:still |toujours |encore )?(?:nothing|rien)(?: (?:yet|encore|du tout|at all))?$(?<!\b(?:rembours\w*|refund\w*|argent|money|mbongo|pesa)\b.{0,120})/],
  // Left with a neighbour or a guard who has nothing (« livré chez le voisin, le voisin n'a rien »): said delivered, not received.
  ['said_delivered', /\b(?:livre|livree|delivered|dropped|depose|laisse|left)\b (?:\w+ ){0,2}?(?:chez|to|at|with|na|kwa) (?:le |la |the |my |mon |ma )?(?:voisin|voisine|neighbou?r|gardien|guard|concierge|reception|jirani)\b.{0,40}\b(?:n a rien|n ont rien|n a jamais|has nothing|have nothing|got nothing|didnt get|hasnt got|never got|n a pas recu|hana kitu|hajapokea|azwi te)\b/],
  // A day or a delay named, then today's date (« promis 7 jours, on est le 30 », "ordered on the 2nd, it's now the 28th"): late.
  ['overdue', /(?:(?<!\b(?:commande|ordered|order|achete|paye|paid|bought|placed|passee?|niliagiza|nasombaki|na commande) (?:\w+ )?)\b(?:le|on the|the) \d{1,2}(?:st|nd|rd|th|er)?\b|\b\d+ (?:jours|days|siku|mikolo)\b|\b(?:avant|before|by) (?:la |the )?(?:fin|end)\b).{0,80}\b(?:on est (?:deja )?le|nous sommes (?:deja )?le|it s now the|its now the|now it s the|now its the|today is the|we are (?:now )?(?:on )?the|leo ni tarehe|lelo ezali) \d{1,2}(?:st|nd|rd|th)?\b/],
  // A burnt smell or smoke from a new appliance (« le moteur sent le brûlé », "burning smell"): it does not work as it should.
  ['not_working', /\b(?:sent (?:le |la )?(?:brule|crame|plastique brule)|odeur de (?:brule|crame)|burn(?:ing|t)? smell|smells? (?:like )?burn\w*|degage (?:de la )?fumee|smoke (?:came|comes|coming) out|started smoking)\b/],
  // Charged an amount too much (« on m'a pris 5000 FC de trop », "charged 10 dollars extra"): money taken, asked back.
  ['overcharged', /\b(?:pris|preleve|facture|debite|charged|billed|taken|paye|paid)\b (?:\w+ ){0,2}?\d+ (?:\d+ )?(?:(?:usd|dollars?|fc|cdf|francs?|ksh) )?(?:de trop|en trop|too much|extra|de plus)\b/],
  // Swahili « rudisha hii » (send this back), « nipe ile nyingine » (give me the other one): a return, an exchange.
  ['return', /\brudisha (?:hii|hiki|hizi|hivi|huu|hiyo|bidhaa|nguo|viatu|simu)\b/],
  ['exchange', /\bnipe (?:ile |hiyo )?(?:nyingine|ya rangi)\b/],
  // Ninth blind set (2026-12-07, morning): phenomena its misses showed, each as a family of spellings or a construction.
  // Due on a day, in Swahili (« ilikuwa ifike tarehe 20 », « ilipaswa kufika »), the date said past (« la date est dépassée »),
  // « devait arrivé » as dictated: late.
  ['overdue', /\b(?:ilikuwa (?:i|u|ki|vi|zi|li|ya)fike|ilipaswa kufika|ingefika|ingekuwa imefika)\b|\b(?:la )?date (?:est |a ete |etait )?(?:deja )?(?:passee?|depassee?)\b|\bdevait (?:arrive\w*|etre livre\w*|etre la)\b/],
  // Due on a day now gone (« j'étais censé recevoir ça mardi passé », "supposed to reach me by Friday and
  // it's now Wednesday").
  ['overdue', /\b(?:j etais|i was|nous etions|we were|on etait) (?:cense|censee|censes|censees|supposed to) (?:recevoir|receive|get|avoir|etre livree?s?)\b.{0,40}\b(?:passee?|dernier|derniere|last|hier|yesterday|ago)\b|\b(?:supposed to|cense|censee|devait|should have) (?:\w+ ){0,3}?(?:by |le |on |before |avant )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b.{0,40}\b(?:now|on est|it s|its|today is|nous sommes|we are)(?: now| deja)? (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/],
  ['overdue', /\btarehe \d{1,2}\b.{0,80}\b(?:leo ni|lelo ezali|on est le|today is the|we are (?:on )?the) (?:tarehe )?\d{1,2}\b/],
  // Nothing until now, « rien » first (« et rien jusqu'à maintenant », "nothing till today", « eloko te tii lelo »).
  ['not_arrived', /\b(?:rien|nothing|eloko te|hakuna kitu) (?:\w+ )?(?:jusqu a|until|till|up to|tii|mpaka|hadi) (?:maintenant|present|now|today|aujourd hui|ce jour|leo|lelo|sikoyo|sasa)\b/],
  // The seller not picking up (« il décroche pas »), gone quiet (« amenyamaza », « sijapata jibu », « hakuna jibu »).
  ['seller_contact', /\b(?:ne )?decroche (?:pas|plus|jamais)\b|\b(?:a|ame|ana|wame|wana)nyamaza\b|\b(?:sijapata|hakuna|sina) (?:jibu|majibu|jawabu)\b|\bhajanijibu\b/],
  // Plugged in or switched on, then nothing (« on l'a branché… puis plus rien », "switched it on and nothing happened"), a strange
  // noise: it does not work.
  ['not_working', /\b(?:branche\w*|allume\w*|plugged (?:it |them )?in|switched (?:it |them )?on|turned (?:it |them )?on|nimewasha|ukiiwasha)\b.{0,60}\b(?:puis (?:plus )?rien|plus rien|then nothing|nothing happened|rien ne se passe|bruit bizarre|strange noise|weird noise)\b|\b(?:bruit bizarre|strange noise|weird noise|grinding noise)\b/],
  // How to pay, asked the other way round (« what payment methods do you accept », "whether I can pay in dollars", « on peut payé
  // à la livraison »), how to buy in a learner's word order ("how i can buy"), how to open a shop in Swahili: the marketplace.
  ['how_to_q', /\b(?:what|which|quels?|quelles?) (?:payment )?(?:methods?|modes?|moyens?|options?|means) (?:of payment |de paiement )?(?:do )?(?:you|vous) (?:accept|acceptez|take|prenez)\b|\b(?:payment|paiement) (?:methods?|modes?|options?)\b|\b(?:i|we|on|je) (?:can|peu[xt]) pay(?:er|e)? (?:in|by|with|via|en|par|avec|a la livraison|cash)\b|\bhow (?:i|we) (?:can|could|should|do|will) (?:buy|purchase|order|pay|sell|register|sign up)\b|\bjinsi ya (?:ku)?fungua duka\b/],
  ['selling', /\b(?:kufungua|fungua|kufungulia) duka\b|\b(?:open|start) (?:a|my) (?:shop|store) (?:on|with|here)\b/],
  // Someone saying in Lingala they are the marketplace's service (« alobi azali ya service na bino »), or asking for a code: a scam.
  ['scam_attempt', /\b(?:alobi|alobaki|azali koloba) (?:ete )?azali (?:moto )?(?:ya|na) (?:service|support|palabre|congocrea|bino)\b|\b(?:asengi|asengaki|alombi) (?:ngai )?(?:code|pin|mot de passe|password|otp)\b/],
  // The account, a code or the app failing (« code ya promo haifanyi kazi », « mon compte est bloqué », "can't log in"): an
  // account matter, not an item that does not work.
  ['account_fails', /\b(?:code|coupon|voucher|promo|compte|conte|account|mot de passe|password|app|appli|application)\b(?: \w+){0,3}? (?:haifanyi kazi|haifanyi|ne marche (?:pas|plus)|marche pas|ne fonctionne pas|fonctionne pas|(?:doesnt|does not|dont|wont) work|not working|isnt working|esalaka te|bloque\w*|blocked|locked|suspendu\w*|suspended|expired|expire)\b|\b(?:n arrive (?:pas|plus) a (?:me )?(?:connecter|conecter|acceder)|(?:cant|cannot|can t|could not|couldnt|can not) (?:log|sign) ?in|(?:can not|cannot|cant) (?:enter|access|open) (?:in |into )?(?:my )?(?:account|compte)|nakoti te|siwezi kuingia)\b/],
  // An address written wrong (« anwani ya kazini kimakosa », "wrong address", « mauvaise adresse »): the address to change.
  ['address_change', /\b(?:anwani|adresse|address|adresi|adress) (?:\w+ ){0,5}?(?:kimakosa|par erreur|by mistake|vibaya)\b|\b(?:wrong|mauvaise|fausse) (?:\w+ )?(?:address|adresse|adresi|anwani)\b/],
  // Arrived on time (« arrivé à temps », "arrived on time", « imefika kwa wakati »): nothing late, a thank-you.
  ['fine', /\b(?:arrived|came|delivered|arrive\w*|livre\w*|imefika) (?:\w+ )?(?:on time|a temps|a l heure|kwa wakati)\b/],
  // A refund received, its amount said between (« refund of 25 dollars received », « remboursement de 20 000 FC reçu »).
  ['refund_done', /\b(?:refund|remboursement|money|argent|pesa) (?:of |de )?\d+ (?:\d+ )?(?:(?:usd|dollars?|fc|cdf|francs?|ksh) )?(?:bien )?(?:received|recu\w*|arrived|arrive\w*|came|credited|credite\w*)\b(?! (?:pas|toujours|encore|yet)\b)/],
  // "gm", "good morning", "happy Sunday": a greeting.
  ['greeting', /^(?:gm|gn|good (?:morning|afternoon|night)|happy \w+|blessed \w+)\b/],
  // « Bolongola ngai commande » (take the order off for me), asked now: a cancellation.
  ['cancel_now', /\bbo ?longola (?:ngai |biso )?(?:commande|yango|oyo)\b/],
  // Has it left or not yet (« ebimi to naino te ? »): whether it has shipped.
  ['shipped_q', /\b(?:ebimi|ebimaki|etindami|ekei|ekendeki) (?:to|ou) (?:naino )?te\b/],
  // Tenth blind set (2026-12-07): Swahili « imeshaondoka ? » (has it left?), with the verb's subject prefix.
  ['shipped_q', /\b(?:i|u|ki|vi|zi|li|ya)(?:me|sha|mesha)(?:ondoka|toka)\b/],
  // "Will it be here before the 20th", « it'll arrive »: when, asked about the future.
  ['when', /\b(?:it|they|she|he) ll (?:be here|be there|arrive|come|get here|make it|reach)\b|\b(?:whether|if) (?:it|they|my \w+|the \w+) (?:will|ll|would) (?:be here|arrive|come|get here|make it)\b/],
  // The tracking that has not moved since a date or for weeks (« le suivi n'a pas bougé depuis le 12 », "the tracking hasn't
  // moved since the 12th"): stuck, as a parcel lost on the way (« since yesterday » is a question's wait, not this).
  ['lost', /\b(?:tracking|suivi|ufuatiliaji)\b (?:\w+ ){0,2}?(?:hasnt|has not|havent|didnt|not|n a pas|n a plus|a pas|pas|haija\w*) (?:\w+ )?(?:moved|changed|updated|budged|bouge|change|evolue)\b(?: \w+){0,2}? (?:since|depuis|for|pendant|tangu) (?:the|le|la|\d|une?|two|three|deux|trois|several|plusieurs|weeks?|semaines?|a week|a month|mwezi|wiki)\b/],
  // Tired of waiting (« marre d'attendre », "I'm done waiting", « nimechoka kusubiri »).
  ['waiting', /\b(?:done|tired of|sick of|fed up (?:of|with)) waiting\b|\b(?:marre|fatigue\w*|lasse\w*) d attendre\b|\bnimechoka kusubiri\b|\bnalembi kozela\b/],
  // A different model, brand or colour from the one sold (« c'est une autre marque », "it's a different model").
  ['differs', /\b(?:is|was|are|were|it s|its|c est|ce sont|c etait) (?:a |an |une |un |d )?(?:completely |totally |tout a fait )?(?:different (?:model|brand|colou?r|item|product|thing|one|make)|autres? (?:modeles?|marques?|couleurs?|articles?|produits?))\b/],
  // Received, and "that's not it at all" (« j'ai reçu une robe rouge, ce n'est pas du tout ça »).
  ['differs', /\b(?:recu|received|got)\b.{0,60}\b(?:ce n est|c est|it s|its|it is) (?:pas|not) (?:du tout |at all )?(?:ca|it|that|what i (?:ordered|wanted|paid for))\b/],
  // "Only got one", « reçu qu'un seul »: fewer came than were ordered.
  ['missing_piece', /\bonly (?:got|received|came with|sent) (?:one|1|\d+|half)\b|\b(?:recu|eu) (?:qu un|qu une|que \d+)\b/],
  // Lingala « na lieu ya », Swahili « badala ya »: one thing instead of another.
  ['other_than', /\b(?:na lieu ya|badala ya)\b/],
  // Lingala: the seller sent (« vendeur atindeli ngai taille 44 »).
  ['seller_did', /\b(?:vendeur|vendeuse|moteki|bango)\b (?:\w+ )?(?:a|ba)?tind(?:eli|elaki|aki|i)\b/],
  // Lingala: the money not given back, or not received (« mbongo na ngai bazongisi naino te », « mbongo ya remboursement
  // nazwi naino te »): the refund is what has not come.
  ['money_not_back', /\b(?:mbongo|remboursement|falanga|makuta)\b(?: (?!kasi\b|mais\b|but\b|pe\b)\w+){0,6}? (?:na|ba|a|bo|o)(?:zwi|zwaki|zongis\w*|tind\w*|pes\w*) (?:(?:naino|kaka|yango|yo|ngai|biso|nanu) )*te\b/],
  // "I mean the refund", « je parle du remboursement »: the money is what the buyer says has not come.
  ['money_not_back', /\b(?:i mean|i m talking about|talking about|je parle d\w*|je veux dire|nazo loba) (?:\w+ ){0,2}(?:refund|remboursement|money|argent|mbongo|pesa)\b.{0,40}$|\bnot the (?:parcel|package|order|item)\b.{0,20}\b(?:refund|money)\b/],
  // Lingala: the money given back (« vendeur azongiseli ngai mbongo »), not « … te » (not given).
  ['refund_done', /\b(?:a|ba)zongis(?:eli|elaki|i|aki) (?:ngai |biso )?mbongo\b(?! (?:\w+ ){0,2}te\b)/],
  // Received by someone else (« mama na ngai azwi commande na ye »), received with the object said in Swahili (« nimekipokea »).
  ['received_it', /\b(?:a|ba)zwi(?:ki|aki)? (?:commande|colis|eloko|biloko|yango|sapato|elamba|mzigo)\b(?! (?:\w+ ){0,3}te\b)|\b(?:nime|tume|ame|wame)(?:ki|i|vi|zi|li|u|ya|m)pokea\b(?! (?:\w+ ){0,2}bado)/],
  ['thanks', /\bmatondo\b/],
  ['fine', /\bkila kitu (?:ki|i)?ko (?:sawa|poa|shwari|safi)\b|\b(?:super|very|really|so|tres|vraiment|trop|si) (?:helpful|kind|nice|friendly|professional|gentil\w*|aimable|serviable|sympa|professionnel\w*)\b/],
  // Where the shop delivers, asked in Lingala with a French verb (« bozali ko livrer na Kikwit ? »).
  ['coverage_q', /\b(?:bozali |bozalaka )?ko ?livre\w* na\b/],
  // Not ordered yet (« naino na commander te », "I haven't ordered yet", « kabla ya kuagiza », « avant de commander »): no order
  // to have a problem with.
  ['no_order_yet', /\b(?:naino na ?commande te|na ?commande naino te|nasombi naino te|naino nasombi te|sija(?:agiza|nunua)|kabla (?:ya kuagiza|ya kununua|sijaagiza)|pas encore (?:commande|achete)|avant de (?:commander|acheter)|(?:havent|have not|not) (?:yet )?(?:ordered|bought)(?! (?:it|them|my|the))|before (?:i )?(?:order|buy)(?:ing)?\b)/],
  // Swahili and Sheng: not liked (« siipendi », « sijaupenda »), sent back (« irudisha », « nairudisha »).
  ['dislike', /\b(?:siipendi|siupendi|sivipendi|sizipendi|sijaupenda|sijavipenda|sijazipenda)\b/],
  ['return', /\b(?:na|ni|tu|ku|ta|nita|naeza |nataka )?(?:i|u|vi|zi)rudisha\b/],
  // « naeza rudisha ? », « nnataka kuirejesha bidhaa »: sending it back, in Swahili (money given back is a refund).
  ['return', /\b(?:naeza|naweza|ninaweza|nataka|nnataka|tunaweza|naomba|niweze) (?:ku)?rudisha\b(?! (?:pesa|hela|doh|fedha))|\b(?:ku|ni|tu|nita|ta)?(?:i|u|vi|zi)?rejesha\b(?! (?:pesa|hela|doh|fedha))/],
];

/** « pas encore arrivé », "not yet delivered": not come yet, which is not late by itself. */
const NOT_YET = /\b(?:pas encore|not yet|yet to|(?:not|hasnt|havent|isnt|nt) (?:\w+ ){0,2}yet)\b/;
/** « sans problème », "no problem at all": the word problem saying there is none. */
const NO_PROBLEM = /\b(?:sans|pas de|jamais de|aucun|aucune|no|not a|never a|never any|without any|without) (?:probleme|problemes|souci|soucis|problem|problems|issue|issues|worries|worry|complaints?|reclamations?|plaintes?)\b|\b(?:c est pas|ce n est pas|pas) (?:parce )?qu (?:il|elle|ils|elles) (?:est|soit|sont|soient|etait) (?:\w+ )?(?:abimee?s?|cassee?s?|defectueu\w*|mauvais\w*|dechiree?s?)\b|\bnot (?:that|because) (?:it s|its|it is|they re|theyre|it was) (?:\w+ )?(?:broken|damaged|faulty|bad|defective)\b|\b(?:rien a signaler|nothing to report|nothing wrong|rien de mal|aucun defaut|hakuna shida|haina (?:shida|tatizo|kasoro)(?: (?:yoyote|lolote))?|likambo te|likambo esil\w*|shida imeisha|tatizo limeisha)\b|\b(?:jamais|never) (?:eu|had|have had) (?:de |d |un |une |any |a )?(?:probleme|problemes|souci|soucis|problem|problems|issue|issues)\b|\b(?:jamais|never) (?:eu|had|needed) (?:a|to) (?:me )?(?:plaindre|complain)\b|\brien a dire\b|\b(?:rien n est|rien n etait|nothing (?:is|was)|nothing s|hakuna kilicho) (?:\w+ )?(?:casse\w*|abime\w*|dechire\w*|endommage\w*|broken|damaged|torn|missing|wrong|vunjika|haribika)\b|\b(?:(?:it s |its |this is )?not about|ce n est pas (?:pour|a propos d\w*|au sujet d\w*)|pas pour) (?:\w+ ){0,6}?(?:broken|late|damaged|missing|wrong|casse\w*|retard|abime\w*|perdu\w*|lost)\b(?:(?: \w+){0,2} (?:or|nor|ou|ni) (?:\w+ ){0,3}?(?:broken|late|damaged|missing|wrong|casse\w*|retard|abime\w*|perdu\w*|lost)\b)?|\b(?:(?:the )?quality is|(?:la )?qualite est|ubora ni) (?:\w+ )?(?:great|good|fine|excellent|nice|amazing|top|bonne|super|parfaite|excellente|nzuri|poa)\b|\b(?:great|good|nice|excellent|bonne|excellente|super) (?:quality|qualite)\b/g;
const SHOP_HOURS = /\b(?:\w*fungol\w*|ouvr\w*|ouvert\w*|(?<!\bne (?:me |te |se |lui )?)ferm(?:e|ez|ent|eture|ee)|(?<!\b(?:came|arrived|was|is|already|box|bottle) )open(?:s|ing)?|clos(?:e|es|ing)|horaires?|hours|jusqu a quelle heure|a partir de quelle heure|until what time|what time do you|(?:inafanya|mnafanya|mnafungua) (?:\w+ )?saa ngapi)\b/;
const ABOUT_AN_ORDER = /\b(?:commande|colis|paquet|order|parcel|package|livr\w*|deliver\w*|courier|livreur|article|item|compte|account|dossier|case|litige)\b/;
/** Words that say the wait is already too long. */
const LATE = /\b(?:toujours|tjr|jamais|never|still|depuis(?! (?:hier|ce matin|tout a l heure|aujourd hui|ce midi)\b)|since(?! (?:yesterday|this morning|today|last night)\b)|ca fait|it s been|its been|deja|already|devait|supposed|should have|overdue|retard|late|rien(?! d urgent| de grave| ne presse)|nothing(?! urgent)|kala|kitambo|tii (?:lelo|sikoyo)|(?:mpaka|hadi) (?:leo|sasa)|banda|tangu|eleki|imepita|ilipita)\b/;
const LATE_CUES = ['weeks_gone', 'since_long', 'overdue', 'lost', 'said_delivered', 'waiting'];

/** « je ne veux pas annuler », "I don't want to cancel", « sitaki ku cancel »: a cancellation refused by the buyer. */
const NOT_CANCEL = /\b(?:(?:dont|do not|don t|didnt|not|never) (?:want|wish|mean|need|intend) to|(?:ne )?(?:veux|voudrais|souhaite) pas|sans|no need to|pas besoin d|sitaki ku) (?:\w+ )?(?:annul\w*|cancel\w*)\b|\bnalingi (?:ko ?)?(?:annul\w*|cancel\w*) te\b/;

/** The seller asking the buyer to cancel (« le vendeur m'a demandé d'annuler », "the seller asked me to cancel"). */
const SELLER_ASKS_CANCEL = /\b(?:the seller|seller|le vendeur|la vendeuse|vendeur|vendeuse|he|she|il|elle|muuzaji|moteki)\b (?:\w+ ){0,2}?(?:asked|asks|asking|wants|told|tells|pushes|pushing|demande|veut|insiste|aliniambia|ananiambia|alobi|asengi)\b (?:me |moi |de |d |na |ngai |us |nous )?(?:to |d |de |ni |ko ?)?(?:annul\w*|cancel\w*)(?: (?:the |my |la |ma |l )?(?:order|commande|oda))?(?: (?:myself|moi meme|mwenyewe|ngai moko))?/;
/** Small or big for a thing, not a body (« too small for my laptop », « trop petit pour mon ordinateur »). */
const FOR_A_THING = /\b(?:too |trop |un peu trop |a bit too )?(?:small|big|large|petite?s?|grande?s?|short|court\w*) (?:for|pour) (?:my|mon|ma|mes|the|le|la|our|notre) (?:laptop|computer|ordinateur|pc|phone|telephone|tablet|tablette|books?|livres|things|stuff|affaires|files|documents|bed|lit|room|chambre|salon|kitchen|cuisine|car|voiture|table|tv|tele|family|famille|shop|boutique|needs|besoins)\b/;
/** The item said to have nothing wrong with it. */
const ITEM_FINE = /\b(?:nothing wrong with (?:it|them)|rien de mal|aucun defaut|rien a (?:lui )?reprocher|haina (?:shida|tatizo))\b/;

/**
 * An earlier order told as background, up to where the message turns to this one (« la dernière fois mon colis a mis 3
 * semaines, alors… », "last time it came broken, this time…", « mara ya kwanza … safari hii »): its waits and faults are not
 * this order's.
 */
const EARLIER_ORDER = /\b(?:la derniere fois|la premiere fois|la fois passee|la fois derniere|last time|the last time|the first time|mara ya (?:mwisho|kwanza)|mbala ya (?:liboso|suka))\b.{0,140}?(?=\b(?:alors|cette fois|this time|maintenant|now|safari hii|sasa hivi|mbala oyo|j ai refait|j ai recommande|nouvelle commande|new order|ordered again|this order|cette commande|oda hii|commande oyo)\b)/g;

/** The buyer's own lack of money (« je n'ai pas d'argent maintenant », "I have not money now"): no refund owed. */
const NO_MONEY_OF_MINE = /\b(?:i (?:have|ve|got) (?:not|no) (?:the |enough )?money|i (?:dont|do not|didnt) have (?:the |enough )?money|j ai (?:pas|plus) (?:d |assez d )?argent|je n ai (?:pas|plus) (?:d |assez d )?argent|nazali na mbongo te|naza na mbongo te|sina (?:pesa|hela|makuta))\b/;

/** A cancellation already made, then nothing (« commande annulée le 1er, et toujours rien », « j'ai annulé … toujours rien »). */
const CANCELLED_THEN_NOTHING = /\b(?:j ai annul\w*|annulee?s?|cancel(?:l)?ed|nimeghairi|nilighairi|naannulaki|nilifuta oda)\b.{0,80}\b(?:toujours rien|toujours pas|still nothing|nothing yet|rien|bado|hakuna|eloko te)\b/;
const MONEY_WORD = /\b(?:rembours\w*|refund\w*|argent|money|mbongo|pesa|makuta|\d+ (?:\d+ )?(?:usd|dollars?|fc|cdf|francs?|ksh))\b/;

/** The whole parcel or order said to be missing, not a piece of it. */
const PARCEL_MISSING = /\b(?:my|the|whole|entire|mon|ma|la|le|toute la|tout le) (?:parcel|package|order|shipment|delivery|colis|commande|paquet)\b (?:\w+ ){0,2}?(?:is |est |s |has gone |went )?(?:still |toujours |encore )?(?:missing|manquante?s?)\b/;

/** What came said to be exactly what was ordered (« the seller sent exactly what I ordered, size 36, but… »): no seller's mistake. */
const AS_ORDERED = /\b(?:exactly what i (?:ordered|asked for|chose|picked)|(?:sent|sent me|got|received|delivered) what i (?:ordered|chose|picked)|exactement ce que j ai (?:commande|choisi)|(?:bien )?(?:recu|envoye|livre) ce que j ai (?:commande|choisi)|nimepokea (?:kile )?nilichoagiza|nazwi (?:kaka )?oyo na ?commande\w*)\b/;

/** The seller has since sent the right one (« m'a envoyé la bonne », "sent me the correct size", « batindeli ngai oyo ya malamu »). */
const RIGHT_ONE_SENT = /\b(?:m a|m ont|nous a|nous ont) (?:envoye|renvoye|reenvoye) (?:la bonne|le bon|les bonnes|les bons)\b|\b(?:sent|resent|sent me|sent us) (?:me |us )?the (?:right|correct) (?:one|ones|size|colou?r|item|model)\b/;

/**
 * A delivery date and today's date both said as days of the month (« it says it will arrive by the 20th, today is the 15th »,
 * « itafika tarehe 20, leo ni 16 »): the first number is the date expected, the second today.
 */
const DATE_AND_TODAY = /\b(?:will (?:arrive|come|reach|be (?:delivered|here|there))|itafika|itaingia|itakuja|arrivera|sera livree?|ekoya|ekokoma)\b (?:\w+ ){0,3}?(?:the|le|tarehe|by|on) (\d{1,2})(?:st|nd|rd|th|er)?\b(?! \d| (?:jan|fev|feb|mar|avr|apr|mai|may|jun|jui|jul|aou|aug|sep|oct|nov|dec|mwezi)\w*).{0,80}\b(?:on est (?:deja )?le|nous sommes (?:deja )?le|it s now the|its now the|now it s the|now its the|today is the|today s the|we are (?:now )?(?:on )?the|leo ni(?: tarehe)?|lelo ezali) (\d{1,2})(?:st|nd|rd|th)?\b(?! \d| (?:jan|fev|feb|mar|avr|apr|mai|may|jun|jui|jul|aou|aug|sep|oct|nov|dec|mwezi)\w*)/;

/**
 * A number of days told, and the day it is now (« I was told 5 days. It is day 12. », « on m'a dit 5 à 10 jours, on est au
 * jour quatre », « waliniambia siku tano. Leo ni siku ya kumi na nne. »): late only when the day now is past the days told.
 */
const DAYS_TOLD = /\b(?:told|said|promised|dit|promis|waliniambia|aliniambia|walisema|alisema|bayebisaki ngai|balobaki|alobaki)\b (?:\w+ ){0,3}?(?:(?:\d+ (?:a|to|ou|or|-) )?(\d+) (?:days?|jours?|siku|mikolo)|(?:siku|mikolo) (\d+))\b.{0,30}\b(?:it is|it s|its|now|today is|on est au|c est le|leo ni|sikoyo|lelo ezali)(?: (?:now|already|deja))? (?:day|jour|siku(?: ya)?|mikolo|mokolo ya) (\d+)/;

/** The cues of the last few texts read: one message is read for its cues up to ten times in a turn (the model's features, the
 * rules of `decide`, `hasProblemCue`, `statedCaseReasons`, `saysLate`…), each time the same text. */
const RECENT_CUES = new Map<string, readonly string[]>();
const RECENT_CUES_KEPT = 8;

/** The names of the cues the canonical text matches, each once (a fresh array: the caller may change it). */
export function cuesOf(canonicalText: string): string[] {
  let found = RECENT_CUES.get(canonicalText);
  if (!found) {
    found = computeCues(canonicalText);
    if (RECENT_CUES.size >= RECENT_CUES_KEPT) RECENT_CUES.delete(RECENT_CUES.keys().next().value!);
    RECENT_CUES.set(canonicalText, found);
  }
  return [...found];
}

function computeCues(canonicalText: string): string[] {
  const out = new Set<string>();
  const told = canonicalText.replace(EARLIER_ORDER, ' ');
  const text = told.replace(NO_PROBLEM, ' ');
  if (text !== told) out.add('fine');
  // When the shop opens or closes, with no order in the question: not a problem.
  if (SHOP_HOURS.test(text) && !ABOUT_AN_ORDER.test(text)) out.add('shop_hours');
  for (const [name, re] of CUES) if (re.test(text)) out.add(name);
  // Not arrived *yet*, with nothing saying it is late: the order is on its way, not a non-delivery.
  if (out.has('not_arrived') && NOT_YET.test(text) && !LATE.test(text) && !LATE_CUES.some((c) => out.has(c))) {
    out.delete('not_arrived');
    out.add('not_yet');
  }
  // Cancelling said not to be wanted (« je ne veux pas annuler », "I don't want to cancel, just the address"): no cancellation.
  if ((out.has('cancel') || out.has('cancel_now')) && NOT_CANCEL.test(text)) {
    const rest = text.replace(new RegExp(NOT_CANCEL.source, 'g'), ' ');
    for (const name of ['cancel', 'cancel_now'] as const) if (!CUES.some(([n, re]) => n === name && re.test(rest))) out.delete(name);
  }
  // The seller asking the buyer to cancel (« the seller asked me to cancel the order myself so he doesn't get a penalty »): the
  // seller's doing, not the buyer's wish; a cancellation the buyer asks for beside it stands.
  if ((out.has('cancel') || out.has('cancel_now')) && SELLER_ASKS_CANCEL.test(text)) {
    out.add('seller_pressure');
    const rest = text.replace(new RegExp(SELLER_ASKS_CANCEL.source, 'g'), ' ');
    for (const name of ['cancel', 'cancel_now'] as const) if (!CUES.some(([n, re]) => n === name && re.test(rest))) out.delete(name);
  }
  // Too small for a laptop, too big for the room (« it's fine but too small for my laptop »): what it holds, not how it fits.
  if (out.has('size_fit') && FOR_A_THING.test(text) && !CUES.some(([n, re]) => n === 'size_fit' && re.test(text.replace(new RegExp(FOR_A_THING.source, 'g'), ' ')))) out.delete('size_fit');
  // Nothing wrong with it, said outright (« not what I expected honestly but nothing wrong with it »): an expectation, not a
  // listing it differs from.
  if (out.has('differs') && ITEM_FINE.test(canonicalText) && !['damaged', 'not_working', 'fake', 'wrong_item', 'missing_piece'].some((c) => out.has(c))) out.delete('differs');
  // The size said to be right: a « ekoki te » or "doesn't suit" in the same message is about something else (a colour, a taste).
  if (out.has('size_ok')) out.delete('size_fit');
  // « ma commande 1001 pas encore reçue »: the only « reçu » said is that nothing was, so nothing else came instead.
  if (out.has('ordered_vs_got') && GOT_NOTHING.test(text) && !ORDERED_VS_GOT.test(text.replace(new RegExp(GOT_NOTHING.source, 'g'), ' '))) out.delete('ordered_vs_got');
  // The date itself said not to have come (« tarehe bado haijafika », "not late yet"): whatever « haijafika » says, the order is
  // on its way, not late.
  if (out.has('before_date') && !out.has('overdue') && !out.has('weeks_gone')) {
    out.delete('not_arrived');
    out.add('not_yet');
  }
  // « commande 1001 : pas reçu le reçu »: the receipt is a paper, not something got instead of what was ordered.
  // (Only when « reçu » is the word that made it: « envoyé du 42 alors que j'ai commandé du 44, c'est écrit sur la facture » stays.)
  if (out.has('document') && !out.has('not_arrived') && !ORDERED_VS_GOT.test(text.replace(/\brecu\b/g, ' '))) out.delete('ordered_vs_got');
  // « J'ai pas d'argent maintenant »: the buyer's own lack of money, not a refund that has not come.
  if (out.has('money_not_back') && NO_MONEY_OF_MINE.test(text)) {
    const rest = text.replace(new RegExp(NO_MONEY_OF_MINE.source, 'g'), ' ');
    if (!CUES.some(([n, re]) => n === 'money_not_back' && re.test(rest))) out.delete('money_not_back');
  }
  // Cancelled, then nothing, money named: what has not come is the money (nothing is left to deliver).
  if (out.has('not_arrived') && CANCELLED_THEN_NOTHING.test(text) && MONEY_WORD.test(text)) out.add('money_not_back');
  // « nazwi yango … 3 pièces ezangi », « nazwi carton kasi biloko 2 ezangi »: received, and pieces missing from it, not a parcel lost.
  if (out.has('lost') && (out.has('received_it') || /\bnazwi\b(?! (?:\w+ ){0,2}te\b)/.test(text)) && /\b(?:\d+|biloko|eloko|ndambo|moko|mosusu|misusu|pieces?)(?: \w+)? ezangi\b/.test(text) && !CUES.some(([n, re]) => n === 'lost' && re.test(text.replace(/\bezangi\b/g, ' ')))) {
    out.delete('lost');
    out.add('missing_piece');
  }
  // A code, the app or the account that does not work or is blocked (« mon conte bloqué »): not the item, not the parcel.
  if (out.has('account_fails') && (out.has('not_working') || out.has('lost'))) {
    const rest = text.replace(new RegExp(CUES.find(([n]) => n === 'account_fails')![1].source, 'g'), ' ');
    for (const name of ['not_working', 'lost'] as const) if (!CUES.some(([n, re]) => n === name && re.test(rest))) out.delete(name);
  }
  // The parcel itself missing (« my parcel is still missing », « la commande est toujours manquante »): lost, not a piece
  // missing from what came.
  if (out.has('missing_piece') && PARCEL_MISSING.test(text) && !CUES.some(([n, re]) => n === 'missing_piece' && re.test(text.replace(new RegExp(PARCEL_MISSING.source, 'g'), ' ')))) {
    out.delete('missing_piece');
    out.add('lost');
  }
  // « Sent exactly what I ordered »: whatever « sent » or « ordered » say, the seller made no mistake.
  if (AS_ORDERED.test(text)) {
    out.delete('seller_did');
    out.delete('ordered_vs_got');
    out.add('as_described');
  }
  // The right one sent since (« le vendeur m'a envoyé la bonne », "they sent me the correct size"): a mistake put right.
  if (RIGHT_ONE_SENT.test(text)) {
    out.delete('seller_did');
    out.add('resolved');
    // « m'a renvoyé la bonne »: sent again by the seller, not sent back by the buyer.
    const rest = text.replace(new RegExp(RIGHT_ONE_SENT.source, 'g'), ' ');
    if (!CUES.some(([n, re]) => n === 'return' && re.test(rest))) out.delete('return');
  }
  // Days told, and a later day now: late.
  const daysTold = DAYS_TOLD.exec(text);
  if (daysTold && Number(daysTold[3]) > Number(daysTold[1] ?? daysTold[2])) out.add('overdue');
  // The date expected still ahead of today's (« by the 20th, today is the 15th »): on its way, not late.
  const dates = DATE_AND_TODAY.exec(text);
  if (dates && Number(dates[2]) < Number(dates[1]) && !out.has('weeks_gone')) {
    out.delete('overdue');
    out.delete('not_arrived');
    out.add('before_date');
  }
  // The seller's mistake on the size is a listing problem; the buyer's own is not (issue 12).
  if (out.has('size_word') && (out.has('seller_did') || out.has('ordered_vs_got')) && !out.has('own_mistake')) out.add('seller_size');
  return [...out];
}

/** Cues that also occur in thanks, greetings and questions that are not problems. */
const NEUTRAL = new Set(['no_order_yet', 'purchase_q', 'size_ok', 'before_shipping', 'received_it', 'as_described', 'worked_before', 'before_date', 'just_ordered', 'how_to_q', 'resolved', 'own_mistake', 'shop_hours', 'greeting', 'thanks', 'fine', 'bye', 'not_a_problem_q', 'photo', 'ordered_vs_got', 'size_word', 'since_long', 'question', 'account', 'refund_done', 'coverage_q', 'selling']);

/** Whether the canonical text holds a cue that only a problem would: then it never reads as "not a problem". */
export function hasProblemCue(canonicalText: string): boolean {
  return cuesOf(canonicalText).some((c) => !NEUTRAL.has(c));
}

/** Cues that name what a question is about (a return, a refund, an exchange, when, where, not liking it), not that anything went wrong. */
const TOPIC = new Set(['return', 'exchange', 'refund', 'when', 'where', 'shipped_q', 'courier_q', 'dislike']);

/**
 * Whether the canonical text says something went wrong (a parcel not come, an item at fault, money owed or taken twice, a
 * seller silent): a cue of a problem beyond what a question is about (« la politique de retour », « remboursée en combien de
 * jours ? » hold the cues of a return and a refund, and nothing wrong).
 */
export function hasTroubleCue(canonicalText: string): boolean {
  return cuesOf(canonicalText).some((c) => !NEUTRAL.has(c) && !TOPIC.has(c));
}

/** « pas (encore) réglé », "not sorted out", « haijatatuliwa »: a settlement denied. */
const UNSETTLED = /\b(?:pas|jamais|toujours pas|rien|not|never|nt|isnt|wasnt|hasnt|havent|nothing|hakuna)\b (?:\w+ ){0,3}(?:regle|resolu|sorted|resolved|fixed)\b|\bhai\w*tatuliwa\b|\bbado\b/;

/**
 * A problem told as over (« j'avais un problème mais le vendeur a tout réglé », "I had an issue but the seller sorted it out",
 * « nilikuwa na tatizo lakini muuzaji amelitatua »): settled, and the word for "problem" the only problem said.
 */
export function settledProblem(canonicalText: string): boolean {
  const cues = cuesOf(canonicalText);
  return cues.includes('resolved') && !UNSETTLED.test(canonicalText) && cues.every((c) => NEUTRAL.has(c) || c === 'trouble');
}

/** Cues that state a case reason outright, whatever remedy the buyer asks for with it. */
const CASE_REASON_CUES: ReadonlyArray<readonly [string, 'non_delivery' | 'not_as_described']> = [
  ['not_arrived', 'non_delivery'],
  ['lost', 'non_delivery'],
  ['said_delivered', 'non_delivery'],
  ['damaged', 'not_as_described'],
  ['not_working', 'not_as_described'],
  ['differs', 'not_as_described'],
  ['wrong_item', 'not_as_described'],
  ['fake', 'not_as_described'],
  ['missing_piece', 'not_as_described'],
  ['seller_size', 'not_as_described'],
];

/**
 * The case reasons the canonical text states outright (« jamais reçu », "arrived broken"), unless it is
 * the money that has not come (« remboursement jamais arrivé »).
 */
export function statedCaseReasons(canonicalText: string): Array<'non_delivery' | 'not_as_described'> {
  const cues = new Set(cuesOf(canonicalText));
  // A refund already made says nothing of the item, unless it paid back a charge taken twice (« payé deux fois, bon ça a été
  // remboursé »): then the item's problems still stand.
  if (cues.has('money_not_back') || (cues.has('refund_done') && !cues.has('paid_twice'))) return [];
  // The buyer's own wrong pick (« commandé le mauvais article par erreur ») is not the seller's wrong item.
  if (cues.has('own_mistake')) cues.delete('wrong_item');
  const reasons = new Set(CASE_REASON_CUES.filter(([c]) => cues.has(c)).map(([, r]) => r));
  // Waiting, for weeks or since a date long gone (« j'attends depuis le mois passé »): the order has not come.
  if (cues.has('waiting') && (cues.has('since_long') || cues.has('weeks_gone') || cues.has('overdue'))) reasons.add('non_delivery');
  // Not even shipped: nothing has been received that could be unlike the listing.
  if (cues.has('not_shipped') || cues.has('not_yet') || cues.has('just_ordered')) reasons.delete('not_as_described');
  return [...reasons];
}

/** Whether the canonical text says the wait is already long (« toujours », « depuis », "still", « kala », « tangu », weeks gone). */
export function saysLate(canonicalText: string): boolean {
  const cues = cuesOf(canonicalText);
  return LATE.test(canonicalText.replace(EARLIER_ORDER, ' ')) || LATE_CUES.some((c) => cues.includes(c));
}

/** Whether the canonical text says a refund or the money has not come back. */
export function moneyNotBack(canonicalText: string): boolean {
  return cuesOf(canonicalText).includes('money_not_back');
}

/**
 * A problem said to be settled, in so many words (« tout est réglé », « le problème … a été résolu », "no further action
 * needed", "it's been sorted", « tatizo … limekwisha », « likambo esili »), not denied (« pas encore réglé », « esili te »).
 * The match ends where the settled story ends; what follows is what the buyer writes about now.
 */
const SETTLED_NOW = /\b(?:(?:tout|c|ca|(?:le |la )?(?:probleme|souci|question)(?: (?:de|d|du|des|avec) (?:la |l )?\w+)?|l affaire) (?:est|a ete|etait|s est) (?:bien |deja |finalement |enfin |completement )*(?:regle|resolu|arrange)e?s?|(?:a|ont) ete (?:bien |finalement |enfin )*(?:regle|resolu)e?s?|(?:has|have|was|were|got|is|s|been) (?:been |all |finally |now )*(?:sorted|resolved|settled|fixed)(?: out)?|(?:it|that|this|everything) (?:is |s )?all sorted|no (?:further|more) action (?:is )?(?:needed|required)|closing the loop|(?:tatizo|shida|suala|swala)\b(?: \w+){0,4} (?:li|i)?(?:me|li)(?:kwisha|isha|tatuliwa)|(?:likambo|probleme|mobulu)\b(?: \w+){0,5} esil(?:i|aki)(?! te\b))\b/g;
/** The same, denied just before (« pas encore réglé », "not resolved", « bado »). */
const DENIED_BEFORE = /\b(?:pas|jamais|toujours pas|not|never|nt|isnt|wasnt|hasnt|havent|nothing|bado|rien)\s+(?:\w+\s+){0,2}$/;

/**
 * What the buyer writes after a problem they say is settled (« le remboursement de mon ancienne commande est arrivé, tout est
 * réglé. Ensuite j'ai passé une nouvelle commande… »): the canonical text after the last settlement said, or null when the
 * message says none. An earlier problem that is over is not this message's problem.
 */
export function afterSettled(canonicalText: string): string | null {
  let end = -1;
  for (const m of canonicalText.matchAll(SETTLED_NOW)) {
    if (DENIED_BEFORE.test(canonicalText.slice(0, m.index))) continue;
    end = m.index + m[0].length;
  }
  return end < 0 ? null : canonicalText.slice(end).trim();
}
