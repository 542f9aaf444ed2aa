import { normalize } from './understanding/features.js';

/**
 * Short answers people type instead of pressing a button: « oui », "yup", « iyo », « ndiyo », 👍 to a
 * proposed reason; « non », "nope", « te », « hapana » to turn it down; « annuler », "stop", « laisse
 * tomber », « tika », « acha » to leave what is under way; « ouvrir », "open the case" where the case can
 * be opened; « aide », "menu" for what the bot can do. « eeh », « mm » are how many say yes in Kinshasa and Lubumbashi. In the four languages Palabre speaks, since its
 * buttons say « Ee, ezali bongo » and « Ndiyo, ni hivyo » and people answer with the first word.
 */
export type TypedAnswer = 'yes' | 'no' | 'cancel' | 'open' | 'help';

/** Punctuation, emoji and filler around the answer (« oui svp ! », "yes please 🙏"), folded away. */
function bare(text: string): string {
  return normalize(text)
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu, ' ')
    .replace(/[!?.,;:…()"«»*_~-]+/g, ' ')
    .replace(/\b(?:svp|stp|s'il vous plait|s'il te plait|please|pls|plz|merci|thanks|thank you|thx|tafadhali|asante|matondi|bolimbisa)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YES_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u2705\u2714\u{1F197}\u{1F64F}\u{1F91D}](?:[\u{1F3FB}-\u{1F3FF}\uFE0F])?\s*)+$/u;
const NO_EMOJI = /^(?:[\u{1F44E}\u274C\u2716\u{1F6AB}](?:[\u{1F3FB}-\u{1F3FF}\uFE0F])?\s*)+$/u;

/** A yes opens the message (« oui c'est ça », "yes that's it", « ee ezali bongo », « ndiyo ni hivyo »). */
const YES =
  /^(?:oui+|ouais|ouai|mouais|mouai|ouaip|ouep|wi|ui|ok+|okay|okey|oki|dac+|d'accord|daccord|exact|exactement|effectivement|tout a fait|bien sur|bien entendu|evidemment|evidement|absolument|affirmatif|carrement|certainement|voila|c'est ca|c est ca|cest ca|c ca|parfait|yes+|yep|yup|yeah|yea|ya|yh|sure|of course|ofc|definitely|absolutely|right|correct|exactly|indeed|that's right|thats right|that's it|thats it|ee+h*|eh+|e+he+|m{2,}h?|mh+m|iyo|io|solo|ezali bongo|ndiyo|ndio|ndyo|naam|sawa|ni hivyo|hakika|reprendre|reprends|continuer|continue|resume|kozongela|endelea)(?: |$)/;

/**
 * A yes that agrees (« oui », « ouais », « mouais », "yep", « ndiyo », « iyo », « ee »), said alone: more than « ok », « d'accord »,
 * « sawa », which may only say the message was read. Where the case can be opened, it is the go-ahead.
 */
const ASSENT =
  /^(?:oui+|ouais|ouai|mouais|mouai|ouaip|ouep|wi+|ui|yes+|yep|yup|yeah|yea|ee+h*|eh+|e+he+|iyo|io|ndiyo|ndio|ndyo|naam|bien sur|evidemment|absolument|carrement|exactement|exact)(?: (?:oui+|ouais|wi+|yes+|ee+|iyo|ndiyo|ndio))*$/;

/** See ASSENT. */
export function assents(text: string): boolean {
  return ASSENT.test(bare(text));
}

/**
 * « vas-y », « ok vas y », "go ahead", « allez-y », « endelea », « tokende »: go on with what the bot proposed (a problem
 * proposed: yes; a case that can be opened: open it). Anchored at both ends.
 */
const GO =
  /^(?:(?:ok|okay|oui|ouais|bon|ben|alors|yes|yeah|ee+|iyo|ndiyo|sawa|d'accord|daccord|en fait|enfait|finalement|si|mais si|non en fait si|en fait si) )*(?:vas y|vasy|vazy|allez y|allez|go|go ahead|go on|do it|fais le|faites le|fait le|fais|endelea|tokende|kende|sala yango)$/;

/** See GO. */
export function saysGo(text: string): boolean {
  return GO.test(bare(text));
}

/**
 * Words that only call the bot while it waits for an answer: « allo ? », « vous êtes là », "are you there?", « ??? », « ... »,
 * « 😡😡😡 », « uko wapi ? », « ozali wapi ? ». Nothing in them answers the question under way, nor is for the seller.
 */
const PING =
  /^(?:all?o+|hello+|helo+|hallo|vous etes la|vous etes ou|vs etes la|tu es la|t'es la|t es la|tes la|y a quelqu'un|il y a quelqu'un|ya quelqu'un|quelqu'un|are you there|you there|u there|anyone there|anybody there|anyone|anybody|hello anyone|reponds|repondez|repond|reponds moi|repondez moi|et alors|alors|alors quoi|hein|hun|j'attends|jattends|j'attends toujours|on attend|toujours rien de votre part|uko wapi|uko hapo|mko wapi|mpo|ozali wapi|ozali awa|bozali wapi|bozali awa)(?: (?:allo+|hello+|alors|la|ou pas|svp|stp|oh|toujours))*$/;

/** See PING; a message of punctuation or faces only (not 👍, ❌: those answer) is one. */
export function pings(text: string): boolean {
  const raw = text.trim();
  if (!raw || YES_EMOJI.test(raw) || NO_EMOJI.test(raw)) return false;
  const t = bare(text);
  return t === '' ? !/[\p{L}\p{N}]/u.test(raw) : PING.test(t);
}

/**
 * « non en fait si », « en fait si », « si si », « finalement oui », "actually yes", « non attends », « non, continuez », « hapana,
 * endelea »: the buyer takes back the « laisse tomber » just said. The words after it (« en fait si, ouvre le ») are returned; null when it is no taking back.
 */
const TAKE_BACK =
  /^(?:(?:(?:non|nan|no|ah|oh|euh|bon|hapana|te|pardon|sorry|desolee?) )*(?:(?:en fait|enfait|finalement|actually|kumbe|mais|wait|attends?|attendez) )+(?:si+|si si|oui|ouais|yes|yeah|ndiyo|iyo|ee+)|(?:non |no )?(?:attends|attendez|wait)(?: non| no)?|(?:mais |non )?si(?: si)*|(?:oui|yes|ee|iyo|ndiyo) (?:en fait|finalement|actually|after all)|(?:(?:non|no|nan|hapana|te|ah|oh) )?(?:reprendre|reprends|reprenez|reprenons|continuer|continue|continuez|continuons|on continue|resume|go on|kozongela|tozongela|endelea|tuendelee))(?= |$)/;

export function takesBack(text: string): string | null {
  const t = bare(text);
  const hit = TAKE_BACK.exec(t);
  if (!hit) return null;
  const rest = t.slice(hit[0].length).trim();
  // « si » alone is a take-back; « si le colis arrive … » is not.
  if (rest && typedAnswer(rest) === null && !saysGo(rest)) return null;
  return rest;
}

/** « modifier », « changer la description », "edit": the report's « Modifier la description », typed. */
const EDIT_DESCRIPTION =
  /^(?:(?:je veux |je voudrais |i want to |let me |nataka ku|nalingi ko))?(?:modifier|modifie|changer|change|corriger|corrige|edit|rekebisha|badilisha|kobongola|bongola)(?: (?:la|ma|le|mon|the|my|it|na))?(?: (?:description|descriptif|message|texte|text|maelezo))?$/;

/** See EDIT_DESCRIPTION. */
export function asksToEditDescription(text: string): boolean {
  return EDIT_DESCRIPTION.test(bare(text));
}

/** A no opens a short message (« non », "nope", « te », « hapana », « pas ça »). */
const NO = /^(?:non+|nan|no+|nop|nope|nah|negatif|pas ca|pas du tout|pas vraiment|pas tout a fait|pas exactement|not really|not exactly|not quite|oui et non|yes and no|te|te ezali bongo te|hapana|siyo|sio|si hivyo)(?: |$)/;

/** The whole message asks to leave what is under way. */
const CANCEL =
  /^(?:annul(?:er|e|ez|ons)?|anul(?:er|e|ez)?|cancel+(?: it| that)?|stop+|arret(?:e|er|ez)?|abandon(?:ner|ne)?|laiss(?:e|ez) tomber|laisse|oubli(?:e|ez)(?: ca)?|c'est bon laisse tomber|laisser|leave(?: it)?|never ?mind|nvm|forget it|quit|exit|tika(?: yango)?|kotika|acha(?: tu)?|achana nayo|ghairi|sitisha)$/;

/** The whole message asks to open the case now (the report's « Ouvrir le litige » typed). */
const OPEN =
  /^(?:(?:non en fait si|en fait si|non si|mais si|si|en fait|enfait|finalement|actually) )?(?:(?:bon|ben|alors|allez|allez y|vas y|vasy|go|go ahead|go ahead and|alright|dans ce cas|eh bien) )?(?:(?:oui|ouais|ok|okay|yes|yeah|yep|sure|d'accord|daccord|ee|iyo|ndiyo|sawa) )?(?:(?:vas y|vasy|allez y|alors|go ahead and) )?(?:je veux |jveux |veux |i want to |i'd like to |nataka ku|na(?:lingi|lingui) ko|j'|j |on |i'll |i will |let's |lets |let me )?(?:ouvr(?:ir|ire|ez|er|e|i)|open|opn|fungua|kufungua|kofungola|fungola|bofungola)(?: (?:le|un|mon|the|a|my|it|na))?(?: (?:litige|litiges|litije|litig|litage|dispute|case|claim|kesi|dossier))?(?: (?:maintenant|now|sasa|sikoyo|tout de suite|right now|quand meme|anyway|vite|rapidement|quickly|fast|haraka|noki|noki noki|svp|stp|please|pls|plz|tafadhali|palado))*$/;

/** « ah non c'est bon, laissez tomber », "ok never mind": leaving, said in a few words. */
const LEAVE_IT =
  /(?:^| )(?:laiss(?:e|ez) tomber|never ?mind|forget it|forget about it|oubli(?:e|ez) ca|tika yango|achana nayo)(?: (?:c'est bon|c est bon|cest bon|c bon|alors|finalement|then|after all))?$/;

/**
 * Leaving said with why: « non laisse, je verrai plus tard », « laisse tomber, c'est bon, je viens de la recevoir », "never
 * mind, it just arrived", « pas maintenant ». Anchored at both ends: « laisse tomber, il est arrivé cassé » is a problem.
 */
const LATER = "(?:je verrai(?: ca)? plus tard|on verra(?: ca)?(?: plus tard)?|plus tard|later|maybe later|i'll see later|ill see later|baadaye|sima)";
const GOT_IT =
  "(?:(?:elle|il|ils|elles|ca|c'est|le colis|la commande) (?:vient|viennent) d'arriver|je (?:viens de (?:la |le |les )?recevoir|l'ai (?:enfin |finalement )?recue?|les ai (?:enfin |finalement )?recue?s?)|(?:elle|il|c'est|c) est (?:enfin |finalement )?arrivee?s?(?: finalement| enfin)?|c'est arrive|it (?:just |finally )?(?:arrived|came)(?: after all)?|i (?:just |finally )?got it)";
/** « zimefika sasa hivi », « ekomi sikoyo », « nazwi yango »: it came after all (Swahili, Lingala). */
const GOT_IT_SW_LN =
  '(?:(?:zime|ime|vime|ume|lime)fika|nimeipokea|nimezipokea|nimevipokea|nimeupokea|nimepokea|ekomi|eyei|nazwi yango|nazui yango|nazwi|nazui)(?: (?:sasa hivi|sasa|leo|tayari|salama|sikoyo|lelo|kala|malamu))?';
/** « hapana, vimefika leo », « non, elle vient d'arriver », "no, it just came": a no, because it came after all. */
const NO_IT_CAME = new RegExp(`^(?:non|no|nope|hapana|siyo|sio|te|ah non|ah te) (?:${GOT_IT}|${GOT_IT_SW_LN})$`);
/** Laughter and its signs closing a short message (« lol », « mdr », "haha"): they change nothing it says. */
const LAUGH = 'lol|mdr|ptdr|haha+|hihi+|hehe+|xd';

/**
 * « ah c'est bon c'est arrivé entre-temps », « en fait je viens de le recevoir, désolée pour le dérangement », "oh it just
 * arrived, sorry": it came after all, said alone (a lead-in, when, an apology around it). Anchored at both ends: « c'est
 * arrivé cassé » is a problem.
 */
const CAME_AFTER_ALL = new RegExp(
  `^(?:(?:ah|oh|bon|ben|ok|okay|en fait|enfait|finalement|c'est bon|c est bon|cest bon|c bon|ca y est|voila|actually|oh wait|wait|sorry|desole|desolee|pardon) )*(?:${GOT_IT}|${GOT_IT_SW_LN})(?: (?:entre temps|entretemps|finalement|enfin|after all|in the meantime|meanwhile|today|aujourd'hui|ce matin|this morning|hier|yesterday|tayari|lelo))?(?: (?:desolee?|sorry|pardon|samahani|bolimbisi)(?: (?:pour le derangement|de vous avoir derange|for the trouble|for bothering you))?)?(?: (?:${LAUGH}))?$`,
);
/** The whole message says the order came after all (see CAME_AFTER_ALL): a report of it not arriving has nothing left to do. */
export function saysItCame(text: string): boolean {
  const t = bare(text);
  return t.split(' ').length <= 12 && CAME_AFTER_ALL.test(t);
}

/** « non rien », « ah non c'est rien, oubliez », "no nothing, never mind": nothing to report after all. */
const NOTHING_AFTER_ALL = new RegExp(
  `^(?:(?:ah|oh|bon|ben|euh) )*(?:(?:non|no|nan|te|hapana)(?: non| no)? (?:rien|c'est rien|ce n'est rien|nothing|it's nothing|its nothing|eloko te|hakuna kitu|si kitu)|c'est rien|ce n'est rien|it's nothing|its nothing)(?: (?:oubli(?:e|ez)(?: ca)?|laiss(?:e|ez)(?: tomber)?|c'est bon|never ?mind|forget it|tika|acha|${LAUGH}))*$`,
);
const LEAVE_WHY = new RegExp(
  `^(?:(?:non|no|nah|nope|ok|okay|bon|bof|bah|ah non|ah|oh|hapana|siyo|sio|te|ah te|ah hapana) )?(?:laiss(?:e|ez)(?: tomber)?|never ?mind|forget it|oubli(?:e|ez) ca|pas maintenant|not now|achana nayo|acha tu|acha|tika yango|tika)(?: (?:never ?mind|forget it|laiss(?:e|ez) tomber|oubli(?:e|ez) ca))?(?: (?:c'est bon|c est bon|cest bon|c bon|alors|finalement|then|after all|it's fine|its fine|it's ok|its ok|it's okay|its okay|all good|it's all good|its all good|no worries|sawa tu|ni sawa))?(?: (?:${LATER}|${GOT_IT}|${GOT_IT_SW_LN}))?$`,
);

/**
 * « je vais d'abord écrire au vendeur », "I'll message the seller first", « nitamwandikia muuzaji », « poser une question au
 * vendeur », « nalingi koloba na moteki », « kuongea na muuzaji »: the report's « Écrire au vendeur » typed. Said as something to do (« écrire », "write to"), not done (« j'ai écrit au vendeur »).
 */
const WRITE_TO_SELLER =
  /(?:^| |')(?:ecrire|ecrirai|ecris|envoyer un message|envoyer message|envoyer un mot|contacter|contacterai|contacte|contactez|joindre|discuter|communiquer|parler|demander|poser (?:une|des|ma|mes) questions?|une question|voir avec|write|message|msg|contact|text|talk to|speak to|ask|ask a question|a question|a quick question|get in touch|reach|reach out|kumwandikia|nimwandikie|niandikie|nitamwandikia|kuandikia|kuongea|niongee|nitaongea|kuwasiliana|niwasiliane|kumuuliza|nimuulize|kowandela|kokomela|nakokomela|kotindela|nakotindela|koloba|nakoloba|kosolola|nasolola|kotuna|nakotuna)(?: (?:a|au|a la|avec|directement|d'abord|dabord|to|with|for|first|directly|the|le|la|na|kwa))* (?:vendeur|vendeuse|boutique|seller|shop|store|muuzaji|duka|moteki|mosombisi)(?= |$)/;

/** The message asks to write to the seller rather than open a case (see WRITE_TO_SELLER). */
export function asksToWriteSeller(text: string): boolean {
  return WRITE_TO_SELLER.test(bare(text));
}

/**
 * Writing to "him" where the seller was just offered (« je vais lui écrire d'abord », "I'll message him first",
 * « nitamwandikia kwanza », « nakokomela ye liboso »): the seller named by a pronoun, or not at all (« j'écris d'abord »).
 */
const WRITE_TO_THEM = new RegExp(
  [
    // French: « je vais (d'abord) lui écrire », « je lui écris d'abord », « je vais le contacter », « laissez-moi lui parler »
    "(?:^| )(?:je vais |j vais |jvais |je prefere |laissez moi |laisse moi |je veux |on va )?(?:d'abord |dabord )?(?:lui|leur) (?:ecrire|ecris|ecrirai|envoyer un message|envoie un message|parler|parle|demander|demande)(?= |$)",
    "(?:^| )(?:je vais |j vais |jvais |je prefere |laissez moi |laisse moi )?(?:d'abord |dabord )?(?:le|la|les) (?:contacter|contacte|contacterai|appeler par message)(?= |$)",
    "^(?:je vais |j vais |jvais |je prefere )?(?:ecrire|lui ecrire|j'ecris|j ecris|je lui ecris) (?:d'abord|dabord|en premier)(?= |$)",
    // The bot asked to write for the buyer: « écrivez-lui vous-même », « dites-lui », « contactez-le », « transmettez-lui »
    "^(?:(?:bon|ok|alors|vous pouvez|pouvez vous|vous pouvez pas) )?(?:ecrivez|ecrire|envoyez|contactez|dites|transmettez|prevenez|demandez)(?: (?:lui|leur|le|la|les))?(?: (?:vous meme|pour moi|a ma place|directement))*$",
    // English: "I'll write to him first", "let me message them", "message her first"
    "(?:^| )(?:i'll |ill |i will |i'd rather |let me |lemme |i want to |i prefer to )?(?:write to|write|text|message|msg|contact|ask|talk to|speak to|reach out to|dm) (?:him|her|them)(?= |$)",
    "^(?:can you |could you |you |please )*(?:write to|message|contact|tell|text) (?:him|her|them)(?: (?:for me|yourself|yourselves))*$",
    // Swahili: « nitamwandikia », « nimwandikie », « ngoja nimtumie ujumbe », « nitaongea naye »
    '(?:^| )(?:ngoja |wacha |acha )?(?:nitamwandikia|nimwandikie|nitamuandikia|nimuandikie|nitawaandikia|nitamtumia ujumbe|nimtumie ujumbe|nitaongea naye|niongee naye|nitamuuliza|nimuulize)(?= |$)',
    // Lingala: « nakokomela ye », « tika nakomela ye liboso », « nakotuna ye »
    '(?:^| )(?:tika )?(?:nakokomela|nakomela|nakotindela|natindela|nakotuna|natuna|nakoloba na) (?:ye|bango)(?= |$)',
  ].join('|'),
);

/** The seller just offered, the message asks to write to them first, named or not (see WRITE_TO_THEM). */
export function asksToWriteThem(text: string): boolean {
  const t = bare(text);
  return WRITE_TO_SELLER.test(t) || WRITE_TO_THEM.test(t);
}

/**
 * The seller was already tried (« j'ai déjà essayé », « je lui ai déjà écrit », "I already messaged him", « nimeshamwandikia »),
 * said where the bot advises writing to the seller first.
 */
const TRIED_SELLER =
  /\b(?:j'ai deja (?:essaye|ecrit|contacte|appele|demande)|je (?:lui|leur) ai deja (?:ecrit|parle|demande|envoye)|deja (?:essaye|contacte|ecrit au vendeur)|(?:i|i've|ive|i have) (?:already |already have )?(?:tried|messaged|contacted|written to|wrote to|asked|texted|called)(?: (?:him|her|them|the seller|the shop))? already|(?:i|i've|ive|i have) already (?:tried|messaged|contacted|written|wrote|asked|texted|called)|tried (?:that|it|him|her|them) already|nimesha(?:jaribu|mwandikia|wasiliana)|nimeshamwandikia|nasilaki kokomela|nakomelaki ye)\b/;

/** See TRIED_SELLER. */
export function triedSeller(text: string): boolean {
  return TRIED_SELLER.test(bare(text));
}

/** « ça prend combien de temps ? », "how long does it take?", « itachukua muda gani? »: the time, nothing said of what. */
const HOW_LONG =
  /^(?:(?:et|mais|ok|and|but|so) )*(?:(?:ca|cela|le litige|un litige|tout ca) (?:prend|dure|va prendre|peut prendre) combien de (?:temps|jours)|combien de (?:temps|jours) (?:ca|cela|le litige) (?:prend|dure|va prendre)|combien de temps|how long (?:does|will|would) (?:it|this|that|a case|the case) (?:take|last)|how long|itachukua muda gani|inachukua muda gani|muda gani|ekozwa tango boni|tango boni)$/;

/** See HOW_LONG. */
export function asksHowLong(text: string): boolean {
  return HOW_LONG.test(bare(text).replace(/'/g, ' '));
}

/** After the yes, the word that adds to it (« oui mais … », "yes but …", « ndiyo lakini … »). */
const YES_BUT = /^(?:mais|but|lakini|kasi|sauf que|seulement|only|though|however|et|and|na|pia)(?: |$)/;

/**
 * A longer message that opens with a yes (« oui mais il m'avait dit que c'était envoyé par DHL le 25 »): the
 * words after the yes (and a « mais » / "but" after it), as typed, or null when the message does not open with
 * one. Short yeses are `typedAnswer`'s; this is for a yes followed by more to say.
 */
export function yesAndMore(text: string): string | null {
  const t = bare(text);
  const yes = YES.exec(t);
  if (!yes || NO.test(t)) return null;
  let skip = yes[0].trim().split(' ').length;
  // « oui oui », « oui c'est ça », « yes that's it, but … »: every yes, then the « mais ».
  for (let next = YES.exec(t.split(' ').slice(skip).join(' ')); next; next = YES.exec(t.split(' ').slice(skip).join(' '))) skip += next[0].trim().split(' ').length;
  const but = YES_BUT.exec(t.split(' ').slice(skip).join(' '));
  if (but) skip += but[0].trim().split(' ').length;
  // The same number of words off the text as typed (bare() only folds and drops punctuation and « svp »); what follows
  // is kept as typed, its punctuation included (a question keeps its « ? »).
  const tokens = text.trim().split(/\s+/);
  let at = 0;
  for (let counted = 0; at < tokens.length && counted < skip; at++) if (bare(tokens[at]!) !== '') counted++;
  const rest = tokens.slice(at).join(' ').replace(/^[\s,;:.!…-]+/, '');
  return bare(rest) ? rest : null;
}

const ACK_LEAD = /^\s*(?:(?:bon|ben|ok|okay|d'accord|daccord|dac|ah|euh|bref|alright|well)(?:\s*[.,!…]+\s*|\s+))+/i;
const CONFIRM_TAIL =
  /^(?:(?:pour|de|sur) (?:la|ma|cette) commande )?(?:c|c'est|cest|c est|ce|ca) (?:bien |exactement |justement )?(?:ca|cela|celle la|celle ci|la bonne|elle)$|^(?:(?:for|about) (?:the|my|this) order )?(?:that s|thats|that's|it s|its|it's) (?:it|right|the one|correct)$/;

/**
 * « bon ok. oui pour la commande c bien ça », "ok well, yes that's it": an acknowledgement (of an aside just answered)
 * leads into a yes that says nothing else. False when the message does not open with such words, or says more.
 */
export function confirmsAfterAck(text: string): boolean {
  const lead = ACK_LEAD.exec(text);
  if (!lead) return false;
  const rest = text.slice(lead[0].length);
  // Words after the yes are for the description (« oui mais il a dit DHL »), unless they only confirm.
  const more = yesAndMore(rest);
  return more !== null ? CONFIRM_TAIL.test(bare(more)) : typedAnswer(rest) === 'yes';
}

/**
 * The order is not among those shown: « c'est pas dans la liste », « je la vois pas », "it's not on the list", "none of
 * these", « ezali te na liste », « haipo kwenye orodha ».
 */
const NOT_LISTED =
  /(?:^| )(?:(?:pas|plus) (?:dans|sur) (?:la|cette|ta|votre|vos|tes) (?:liste|commandes)|(?:ne )?figure pas|(?:je |j )(?:ne |n )?(?:la|le|les) vois pas|(?:je |j )(?:ne |n )?(?:la|le) trouve pas|(?:elle|il|ca) n'y est pas|(?:elle|il|ca) y est pas|aucune (?:de ces|des deux|de celles|d'elles)|aucun des deux|ni l'une ni l'autre|not (?:in|on) (?:the|this|your|that) list|not listed|(?:isn't|isnt|is not|it's not|its not|not) (?:there|listed|here|among them)|none of (?:them|these|those|the above)|neither of (?:them|these)|i (?:don't|dont|do not|can't|cant|cannot) see (?:it|my order|the order)|ezali te na (?:liste|lisiti)|ezali te awa|namoni yango te|haipo (?:kwenye|katika|ndani ya) (?:orodha|list|liste)|haipo hapa|haimo|siioni|hakuna hata moja)(?= |$)/;

export function saysNotListed(text: string): boolean {
  return NOT_LISTED.test(bare(text));
}

/**
 * Words that only lead into what follows: leaving what came before (« ok laisse », "never mind", « tika »), moving on
 * (« autre chose », "another thing", « kitu kingine », « likambo mosusu »), fillers (« bon », « alors »).
 */
const LEAD_IN =
  /^(?:(?:ok|okay|bon|ben|bah|alors|donc|ah|oh|eh|d'accord|daccord|sinon|par contre|en plus|et aussi|aussi|autre chose|une autre chose|autre probleme|un autre probleme|autre souci|un autre souci|another thing|one more thing|something else|also|anyway|anyways|btw|by the way|pia|tena|kitu kingine|jambo lingine|shida nyingine|likambo mosusu|lisusu|na lisusu|laiss(?:e|ez)(?: tomber)?|leave it|never ?mind|forget it|forget that|oubli(?:e|ez)(?: ca)?|tika(?: yango)?|acha(?: tu)?|achana nayo|c'est bon|c est bon|cest bon|c bon|pas grave|tant pis)(?: |$))+$/;

/**
 * The text without the clauses that only lead into it: « ok laisse. autre chose : le pagne reçu n'a pas le motif de la
 * photo » → « le pagne reçu n'a pas le motif de la photo ». The text as it was when nothing is left after them.
 */
export function withoutLeadIn(text: string): string {
  let rest = text.trim();
  for (let clause = /^([^.:;,!?…\n]*)[.:;,!?…\n]+\s*/.exec(rest); clause; clause = /^([^.:;,!?…\n]*)[.:;,!?…\n]+\s*/.exec(rest)) {
    const said = bare(clause[1]!);
    if (said !== '' && !LEAD_IN.test(said)) break;
    const after = rest.slice(clause[0].length);
    if (!after.trim()) break;
    rest = after;
  }
  return rest;
}

/** Words of a thank-you and what goes with it (« ok merci beaucoup », "thanks a lot", « asante sana », « matondi mingi »). */
const THANKS_WORDS = new Set(
  ("merci mrc mci thanks thank thx ty asante matondi " +
    "ok okay oki dac d'accord daccord beaucoup bien infiniment bcp you so much a lot very super parfait cool top great nice noted entendu compris bon ah " +
    "sawa sana mingi mpenza bonne journee soiree day have evening kasi alors " +
    // « merci pour votre aide », "thanks for your help", « asante kwa msaada wako », « matondi mpo na lisalisi »
    "pour votre ton ta vos aide tout for your help everything kwa msaada wako wenu mpo na lisalisi").split(' '),
);
const THANKS = /^(?:merci|mrc|mci|thanks|thank|thx|ty|asante|matondi)$/;

/** The whole message is a thank-you (« ok merci », "thanks a lot 🙏", « asante sana »): nothing else is asked. */
export function saysThanks(text: string): boolean {
  const words = normalize(text)
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu, ' ')
    .replace(/[!?.,;:…()"«»*_~-]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.some((w) => THANKS.test(w)) && words.every((w) => THANKS_WORDS.has(w) || THANKS.test(w));
}

const HELP = /^(?:menu|aide|aidez moi|aide moi|help|help me|options|sos|\?|lisalisi|salisa ngai|msaada|nisaidie)$/;

/** What a short typed message answers, or null when it says more than that (it is then read as a message). */
export function typedAnswer(text: string): TypedAnswer | null {
  const raw = text.trim();
  if (raw === '?') return 'help';
  if (YES_EMOJI.test(raw)) return 'yes';
  if (NO_EMOJI.test(raw)) return 'no';
  const t = bare(text);
  if (!t) return null;
  const words = t.split(' ').length;
  if (CANCEL.test(t) || NOTHING_AFTER_ALL.test(t) || (words <= 6 && LEAVE_IT.test(t)) || (words <= 12 && (LEAVE_WHY.test(t) || NO_IT_CAME.test(t)))) return 'cancel';
  if (HELP.test(t)) return 'help';
  if (OPEN.test(t)) return 'open';
  if (NO.test(t) && words <= 4) return 'no';
  if (YES.test(t) && words <= 6) return 'yes';
  return null;
}

/**
 * The message turns down the order being talked about without naming another: « non pas celle-là,
 * l'autre », "not that one, the other one", « te oyo te », « siyo hiyo ».
 */
const NOT_THIS_ORDER =
  /(?:^| )(?:pas (?:celle|celui|cette commande|ce colis|cet article)(?: ?(?:la|ci))?(?! (?:de la photo|de l'annonce|de l annonce|du site|sur|que|qu'|qu|montre\w*|commande\w*|choisi\w*|affiche\w*|en photo|de l'image))|l'autre(?: commande)?|lautre|une autre commande|not (?:that|this) (?:one|order)|the other (?:one|order)|another order|wrong order|mauvaise commande|te oyo|oyo te|commande mosusu|siyo hiyo|sio hiyo|oda nyingine)(?= |$)/;

export function rejectsOrder(text: string): boolean {
  return NOT_THIS_ORDER.test(bare(text));
}

const CASE_WORD = /(?:^| )(?:litiges?|disputes?|cases?|claims?|reclamations?|plaintes?|dossiers?|kesi|malalamiko)(?= |$)/;
const STATUS_WORD =
  /(?:^| )(?:statut|statuts|statu|status|ou en est|ou en sont|ou ca en est|avancement|suivi|nouvelles?|news|updates?|progress|what's happening|whats happening|what happened|ca avance|hali ya|\w*fikia wapi|ekomi wapi|ekomaki wapi|ezali ndenge nini)(?= |$)/;

/** « c'est quoi le statut de mon litige ? », "any update on my dispute?", « kesi yangu imefikia wapi ? ». */
export function asksCaseStatus(text: string): boolean {
  const t = bare(text);
  return CASE_WORD.test(t) && STATUS_WORD.test(t);
}

/** Ordinals as people answer a list: « la deuxième », "the 2nd one", « ya mibale », « ya pili ». */
const ORDINALS: ReadonlyArray<readonly [number, RegExp]> = [
  [1, /^(?:premiere?|1(?:ere?|re|er|st)|first|liboso|ya liboso|ya yambo|ya kwanza|kwanza)$/],
  [2, /^(?:deuxieme|2(?:eme|e|nd)|second|seconde?|mibale|ya mibale|ya pili|pili)$/],
  [3, /^(?:troisieme|3(?:eme|e|rd)|third|misato|ya misato|ya tatu|tatu)$/],
  [4, /^(?:quatrieme|4(?:eme|e|th)|fourth|minei|ya minei|ya nne|nne)$/],
  [5, /^(?:cinquieme|5(?:eme|e|th)|fifth|mitano|ya mitano|ya tano|tano)$/],
  [6, /^(?:sixieme|6(?:eme|e|th)|sixth|motoba|ya motoba|ya sita|sita)$/],
];
const LAST = /^(?:derniere?|last|ya suka|ya mwisho|mwisho)$/;

/**
 * The place in a list the whole message points at (1 for « la première », -1 for « la dernière »), or null.
 * « la 2 », « numéro 2 », "number 2" and a lone « 2 » count; « 1002 » (an order number) and « 2 articles »
 * (a quantity) do not.
 */
export function listPosition(text: string): number | null {
  const t = bare(text)
    .replace(/^(?:c'est |c est |cest |c |it's |its |it is |i mean |je veux dire |plutot |non |no )+/, '')
    .replace(/^(?:la |le |l'|celle |celui |the |choix |option |commande |order |number |numero |num |no |n° |nr |#|oyo |hiyo |ile )/, '')
    .replace(/ (?:one|commande|order|ligne|line|choix|option|de la liste|in the list|dans la liste|oyo|hiyo|ile)$/, '')
    .trim();
  const digit = /^#?([1-9])$/.exec(t);
  if (digit) return Number(digit[1]);
  for (const [n, re] of ORDINALS) if (re.test(t)) return n;
  return LAST.test(t) ? -1 : null;
}

/** Who people ask for when they want a person rather than the bot. */
const PERSON =
  "(?:(?:un |une |a |an |the |some |le |la |quelqu'un |quelquun )?(?:vrai |vraie |real |live |actual |reel |reelle )?(?:humain|humaine|etre humain|personne|human|human being|person|agent|conseiller|conseillere|operateur|operatrice|operator|representative|rep|someone|somebody|quelqu'un|quelquun|service client|customer service|customer care|customer support|support|staff))";
/**
 * The buyer asks for a person: « je veux parler à un humain », "I want to talk to an agent", « nataka
 * kuongea na mtu », « nalingi koloba na moto ». Not a problem with an order: support is reached through a case.
 */
const ASKS_PERSON = new RegExp(
  [
    `(?:^| )(?:parler|discuter|causer|echanger|joindre|contacter|avoir|passer moi|passez moi) (?:a |avec |au |a la )?${PERSON}(?= |$)`,
    `(?:^| )(?:talk|speak|chat|get through|connect me) (?:to|with) ${PERSON}(?= |$)`,
    `(?:^| )(?:i want|i need|give me|je veux|je voudrais|jveux) ${PERSON}$`,
    `^${PERSON}$`,
    '(?:^| )(?:kuongea|kuzungumza|kuongelea|niongee|nizungumze|ongea|zungumza) na (?:mtu|binadamu|wakala|mhudumu|huduma kwa wateja)(?= |$)',
    '(?:^| )(?:koloba|kosolola|naloba|nasolola|loba|solola) na (?:moto|mosali|bato)(?= |$)',
    // « vous êtes un robot ? », "are you a bot?", "is this a real person?", « wewe ni roboti ? »: the same honest answer.
    "(?:^| )(?:vous etes|etes vous|t'es|tu es|es tu|are you|r u|is this|am i (?:talking|speaking|chatting) (?:to|with)|wewe ni|oza) (?:un |une |a |an )?(?:robot|bot|chatbot|machine|ia|ai|humain|humaine|human|real person|vraie personne|vrai humain|roboti|mashine)(?= |$)",
  ].join('|'),
);

export function asksForPerson(text: string): boolean {
  return ASKS_PERSON.test(bare(text));
}

/** Greetings and forms of address (« bonjour madame », "hi there", « mbote tata », « habari yako »), nothing else. */
const GREETING_ONLY =
  /^(?:(?:bonjour|bonsoir|bjr|bsr|slt|salut|coucou|cc|allo|hello|hi|hey|hii|yo|good (?:morning|afternoon|evening)|mbote|mbote na bino|sango nini|jambo|habari|habari yako|habari zenu|habari za asubuhi|habari za mchana|habari za jioni|habari za leo|za asubuhi|salama|mambo|niaje|sasa|madame|monsieur|mademoiselle|maman|mama|papa|tata|yaya|boss|patron|sir|madam|there|everyone|all|tout le monde|la team|bino|yako|wote|ndugu)(?: |$))+$/;

/** The message is only a greeting (see GREETING_ONLY): it is greeted back, not read as a problem « not recognised ». */
export function greetsOnly(text: string): boolean {
  return GREETING_ONLY.test(bare(text));
}

/**
 * Questions about what the bot does and how a case works, asked before any problem: « comment ça marche ? »,
 * « c'est quoi un litige ? », « vous êtes qui ? », « combien de temps le vendeur a pour répondre ? », "how does this
 * work?", "what is a case?", « ndenge nini nakoki kofungola litige ? », « hii inafanyaje kazi? », « wewe ni nani? ».
 */
const HOW_IT_WORKS = [
  /\bcomment (?:ca|cela|ceci|tout ca|palabre|vous) (?:marche|fonctionne)\b|\bcomment (?:fonctionne|marche)\b|\bcomment (?:on |je peux |puis je |faire pour |fait on pour |ouvrir |ouvre t on )(?:ouvr\w* |fai\w* )?(?:un |une )?(?:litige|reclamation|plainte|signalement)\b/,
  /\b(?:c est quoi|c quoi|qu est ce que c est|qu est ce qu|que veut dire|ca veut dire quoi) (?:un |une |le |la |l )?(?:litige|palabre|reclamation|signalement|escalade\w*)\b|\b(?:litige|palabre|un litige) (?:c est|cest|c) quoi\b/,
  /\b(?:vous etes|tu es|t es|c est) qui\b|\bqui (?:etes vous|es tu|est ce)\b|\b(?:vous faites|tu fais|vous servez a) quoi\b|\bque (?:faites vous|pouvez vous faire)\b/,
  /\bcombien de (?:temps|jours)\b.{0,40}\b(?:vendeur|repondre|litige|support|rembours\w*)\b/,
  // How long the case or the refund takes, the question last (« je serai remboursée en combien de jours ? », "a refund takes
  // how long?"), or "how long does a refund take?", « kurudishiwa pesa ni siku ngapi? », « mbongo ekozonga mikolo boni ? ».
  /\b(?:rembours\w*|litige|reclamation)\b.{0,40}\bcombien de (?:temps|jours)\b|\bdelai (?:de|du|pour (?:le|un|etre)) rembours\w*\b/,
  /\b(?:how long (?:does|will|would|do|until|till|before|for|it takes?)|how many (?:days|weeks|hours)|how soon)\b.{0,30}\b(?:refund\w*|case|dispute|money back)\b|\b(?:refund\w*|case|dispute)\b.{0,30}\b(?:how long|how many (?:days|weeks|hours)|how soon)\b/,
  /\bsiku ngapi\b.{0,30}\b(?:kurudishiwa|pesa|kesi)\b|\b(?:kurudishiwa|kesi)\b.{0,30}\bsiku ngapi\b|\bmikolo boni\b.{0,30}\b(?:mbongo|kozongisa|litige)\b|\b(?:mbongo|litige)\b.{0,30}\bmikolo boni\b/,
  /\bhow (?:does|do) (?:this|it|you|palabre|a case|a dispute) work\b|\bhow (?:do|can) i (?:open|file|start) a (?:case|dispute|claim)\b|\bwhat (?:is|s) (?:a |an )?(?:case|dispute|palabre|escalation)\b|\bwho are you\b|\bwhat (?:can|do) you do\b|\bhow long (?:does|do|has) the seller\b/,
  /\bndenge nini\b.{0,30}\b(?:litige|kofungola|esalaka|ezali kosala)\b|\blitige ezali nini\b|\b(?:ozali|bozali) nani\b|\besalaka ndenge nini\b/,
  /\binafanya ?je kazi\b|\binafanyaje\b|\b(?:kesi|mgogoro) ni nini\b|\bwewe ni nani\b|\bnawezaje kufungua kesi\b|\bjinsi ya kufungua kesi\b/,
];

/** The message asks how the bot or a case works (see HOW_IT_WORKS, WHAT_IF): explained before the orders are offered. */
export function asksHowItWorks(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ');
  return HOW_IT_WORKS.some((p) => p.test(t)) || WHAT_IF.test(t);
}

/**
 * « pourquoi ? », "why not?", « kwa nini ? », « mpo na nini ? »: a bare why, asked of the bot right after it said what it
 * cannot do; or a why about the case itself (« pourquoi je peux pas ouvrir un litige ? », "why can't I open a case").
 */
const WHY_BARE =
  /^(?:(?:mais|et|ah|ok|hein|bon|but|and|so|ila|kasi|lakini) )*(?:pourquoi|pourquoi pas|pourkoi|pkoi|pk|pq|prq|why|why not|how come|kwa nini|kwanini|mbona|mpo na nini|po na nini|mpona nini|pona nini|quoi|hein|comment ca|comment ca se fait|comment ca|c est a dire|cad|ah bon|what|huh|what do you mean|meaning|nini|eti nini|ndenge nini)(?: (?:ca|cela|donc|alors|hein|madame|monsieur|sir|then|so|basi|sasa|yango|that|not))*$/;
const WHY_CASE =
  /\b(?:pourquoi|pourkoi|pk|pq|why|how come|kwa nini|kwanini|mbona|mpo na nini|po na nini)\b(?: \S+){0,6} (?:litige|plainte|reclamation|dispute|case|claim|kesi|mgogoro)\b/;

/** See WHY_BARE and WHY_CASE. */
export function asksWhy(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ');
  return WHY_BARE.test(t) || WHY_CASE.test(t);
}

/**
 * A refusal protested in a few words: « c pas juste », « ce n'est pas normal », « inadmissible », "that's not fair",
 * « si haki », « ezali sembo te », with or without a reason after (« c pas juste j'ai payé 89 dollars »).
 */
const PROTEST =
  /^(?:(?:mais|but|ila|kasi|lakini|non|no) )*(?:(?:c'est|c est|cest|c|ce n'est|ce n est|c'est vraiment|c vraiment) ?(?:pas|vraiment pas) (?:juste|normal|serieux|possible|correct|honnete|logique)|(?:c'est |c est |c )?(?:injuste|inadmissible|inacceptable|scandaleux|honteux|abuse|n'importe quoi)|(?:that's |thats |that is |this is |it's |its |so )?(?:not fair|unfair|ridiculous|not right|nonsense|not okay|not ok)|si haki|sio haki|haiko sawa|si sawa kabisa|ezali sembo te|ezali malamu te)(?: |$)/;

/** A protest that is the whole message: « c nul », « pfff », « sérieux ?! », « vous rigolez », "seriously?", "wtf". */
const PROTEST_BARE =
  /^(?:(?:mais|but|non|no|ah|oh|franchement|vraiment|really) )*(?:(?:c'est|c est|cest|c) ?(?:nul|nulle|debile|grave|abuse|pas serieux|une blague|une honte)|nul|pf+|serieux|serieusement|vous rigolez|vous plaisantez|tu rigoles|tu plaisantes|seriously|are you kidding(?: me)?|you(?:'re| are) kidding(?: me)?|wtf|this is (?:stupid|a joke|crazy)|that's (?:stupid|crazy)|ni ujinga|ezali lisapo)$/;

/** See PROTEST and PROTEST_BARE; a message of at most fifteen words. */
export function protests(text: string): boolean {
  const t = bare(text);
  return (PROTEST.test(t) || PROTEST_BARE.test(t)) && t.split(' ').length <= 15;
}

/**
 * When the money would come back, asked of a case or an agreement still to come (« quand est-ce que je serai remboursé si le
 * vendeur accepte ? », "when would I get my refund if I open a case?", « nitarudishiwa pesa lini kama muuzaji atakubali? »):
 * no money owed yet, whatever « quand … remboursé » reads like alone.
 */
const WHAT_IF =
  /\b(?:quand|when|lini)\b.{0,40}\b(?:rembours\w*|refund\w*|money back|argent|rudishiwa pesa)\b.{0,30}\b(?:si|if|kama|ikiwa|soki) (?:le |la |the |j |je |i |on |we |muuzaji |moteki )?(?:vendeu\w*|seller|ouvre|ouvrais|open|accept\w*|dit oui|says yes|agrees?|nafungua|nikifungua|atakubali|akubali|andimi)\b/;

/** The question is asked of what would happen (see WHAT_IF), not of money owed now. */
export function asksWhatIf(text: string): boolean {
  return WHAT_IF.test(bare(text).replace(/'/g, ' '));
}

/**
 * Words that add an order to the one under way rather than correct it: « et aussi la 1002 », « la chemise non plus »,
 * « en plus », "also", "as well", « pia », « lisusu », « é osi » (SMS).
 */
const ADDS_ANOTHER =
  /(?:^| )(?:aussi|osi|ossi|egalement|en plus|de plus|et puis|non plus|pareil|idem|meme chose|also|as well|too|another one|pia|vilevile|lisusu|mpe yango)(?= |$)/;

/** « et le vase est arrivé cassé », « ah et la chemise », "and the bag", « é le sac » (SMS): a message that starts with « and » adds to what was said. */
const LEADS_WITH_AND = /^(?:(?:ah|oh|ok|bon|euh|eh|oui|yes) )?(?:et|and|e|é) /;

/** The message adds another order to the report under way (see ADDS_ANOTHER, LEADS_WITH_AND). */
export function addsAnother(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ').trim();
  return ADDS_ANOTHER.test(t) || LEADS_WITH_AND.test(t);
}

/** « attendez, d'abord la chemise », "first the shirt", « kwanza shati », « liboso simisi »: another order put before the one under way, which waits. */
const PUTS_FIRST = /(?:^| )(?:d abord|dabord|en premier|avant tout|avant ca|first|firstly|kwanza|liboso)(?= |$)/;

/** See PUTS_FIRST. */
export function putsFirst(text: string): boolean {
  return PUTS_FIRST.test(bare(text).replace(/'/g, ' '));
}

/**
 * The buyer insists on a case in words (« mais je veux ouvrir un litige maintenant ! », « je veux un litige quand même »,
 * "I don't care, open a case now", « nataka kufungua kesi »): where a case cannot be opened yet or any more, the dates
 * are said again, rather than « reprendre ou laisser ? » or a new problem of no known kind.
 */
const WANTS_CASE =
  /\b(?:ouvr(?:ir|e|ez)|faire|deposer|lancer|veux|voudrais|exige|want|open|file|start|need|fungua|kufungua|nataka|kofungola|nalingi)\b(?: \w+){0,4} (?:litige|plainte|reclamation|dispute|case|claim|kesi|mashtaka)\b/;

/** See WANTS_CASE. */
export function wantsCase(text: string): boolean {
  return WANTS_CASE.test(bare(text).replace(/'/g, ' '));
}

/** A status question that names no case (« ça en est où ? », "any news?", « eza wapi ? », « iko wapi ? »). */
const STATUS_ALONE =
  /(?:^| )(?:ca en est ou|ou ca en est|on en est ou|ou on en est|ou en est on|des nouvelles|du nouveau|any news|any update|any updates|whats new|what's new|eza wapi|ezali wapi|ekomi wapi|iko wapi|imefika wapi|imefikia wapi|quand (?:est ce que |est-ce que )?le vendeur va (?:repondre|reagir)|when will the seller (?:answer|reply|respond)|et maintenant|what now|now what)(?= |$)/;
/** Support asked to step in on the case: « je veux que le support intervienne », "escalate please", « nataka msaada wa support ». */
const WANTS_SUPPORT =
  /(?:^| )(?:escalad\w*|escalat\w*|transmet\w* (?:au|le litige au|le dossier au|a) support|support (?:intervien\w*|tranche|step in|steps in|to step in)|faire intervenir le support|(?:intervention|aide) du support|pass\w* (?:au|le litige au|le dossier au) support|saisir le support|contacter le support|msaada wa support|support (?:asaidie|aingilie|esalisa|ekota))(?= |$)/;
const WHEN = /(?:^| )(?:quand|a partir de quand|when|lini|ntango nini|mokolo nini)(?= |$)/;
/** The buyer says it is settled, or that the case may close: « c bon j'ai reçu », "got it, you can close", « nazwi yango », « nimepokea ». */
const SETTLED =
  /(?:^| )(?:(?:j'ai|jai|j ai|je l'ai|je l ai|jlai|je les ai) (?:bien )?recue?s?|bien recu|(?:c'est|c est|cest) (?:bon|ok|regle) pour|got it|received it|i (?:have |ve )?(?:got|received) (?:it|them|my order|the parcel|the package)|nazwi yango|nazui yango|nazwi biloko|nimepokea|nimeipokea|nimepata)(?= |$)/;
const MAY_CLOSE =
  /(?:^| )(?:(?:vous pouvez|tu peux|pouvez vous|on peut|you can|you may|can you) (?:clore|cloturer|fermer|close)|close (?:it|the case|the dispute)|fermez le litige|cloturez le litige|clore le litige|fermer le litige|unaweza kufunga|funga kesi|bokanga litige|(?:annul\w*|retir\w*|abandonn\w*|arret\w*) (?:le|mon|ce) litige|(?:cancel|withdraw|drop) (?:the|my|this) (?:case|dispute|claim)|(?:ghairi|futa|sitisha) kesi|kolongola litige|kotika litige)(?= |$)/;
/** « vous avez reçu mes photos ? », "did you get my photos?", « mes photos sont arrivées ? »: what the case holds, i.e. its card. */
const PHOTOS_ASKED =
  /(?:^| )(?:(?:vous avez|t as|tu as|avez vous|vous les avez) (?:bien )?(?:recu|vu|eu)(?: \w+){0,2} (?:photos?|images?|preuves?|fichiers?)|(?:photos?|images?|preuves?) (?:sont|est|ont ete|a ete) (?:bien )?(?:arrivee?s?|recue?s?|passee?s?)|vous (?:les|la) avez (?:bien )?(?:recue?s?|eue?s?)|did you (?:get|receive|see) (?:my|the) (?:photos?|pictures?|pics|images?|files?)|(?:umepokea|mmepokea|umeona) picha|ozwi bafoto|bozwi bafoto|(?:photos?|images?|preuves?)(?: \w+){0,6} (?:vous les avez|les avez vous|vous avez recu|c est arrive|c est passe))(?= |$)/;
const NEGATED = /(?:^| )(?:pas|rien|jamais|not|no|never|nothing|didn't|didnt|haven't|havent|te|hapana|sija\w*|bado)(?= |$)/;

/**
 * What a buyer with a case under way asks of it in words, outside any thread: its status (« ça en est où ? »), when
 * support can step in (« quand est-ce que je peux saisir le support ? »), to have support step in (« je veux que
 * le support intervienne »), or to close it as settled (« c bon j'ai reçu », "you can close"). Null otherwise.
 */
export function buyerAsksOfCase(text: string): 'status' | 'when' | 'escalate' | 'close' | null {
  const t = bare(text);
  if (WANTS_SUPPORT.test(t) || TO_SUPPORT.test(t.replace(/'/g, ' '))) return WHEN.test(t) ? 'when' : 'escalate';
  // « te » says no in Lingala (« nazwi yango te »), not in « je te remercie ».
  if ((SETTLED.test(t) || MAY_CLOSE.test(t)) && !NEGATED.test(t.replace(/(^| )je te(?= )/g, '$1je'))) return 'close';
  if (STATUS_ALONE.test(t) || asksCaseStatus(text) || PHOTOS_ASKED.test(t.replace(/'/g, ' '))) return 'status';
  return null;
}

/** Words around a request to close or escalate that carry nothing for the seller (« je veux », « le litige », « svp »). */
const REQUEST_FILLER = new Set(
  ('je j jveux veux voudrais voudrait aimerais souhaite souhaiterais vous pouvez pourriez tu peux on peut bon ben alors donc ok okay oui ' +
    'bien juste maintenant svp now please just i want to would like d like id can you could the my this it le la l mon ce cette ' +
    'litige dossier cas case dispute claim ma reclamation plainte de du au a que qu support kesi yangu hii nataka naomba sasa ' +
    'nalingi na ngai litige yango sikoyo').split(' '),
);

/**
 * Only the request of `buyerAsksOfCase` to close or escalate, nothing else (« je veux fermer le litige », "close the case
 * please", « je veux transmettre au support »): said to the bot, with no news the seller should get; « c bon j'ai reçu »,
 * « c'est réglé, vous pouvez fermer » carry news, and are not.
 */
export function asksOnlyOfCase(text: string): boolean {
  const t = bare(text);
  const rest = t.replace(/'/g, ' ');
  const left = rest
    .replace(new RegExp(MAY_CLOSE.source, 'g'), ' ')
    .replace(new RegExp(WANTS_SUPPORT.source, 'g'), ' ')
    .replace(new RegExp(TO_SUPPORT.source, 'g'), ' ');
  if (left === rest) return false;
  return left.split(/\s+/).every((w) => w === '' || REQUEST_FILLER.has(w));
}

/**
 * The buyer will wait for the seller's answer (« d'accord j'attends sa réponse », « ok je patiente alors », "I'll wait
 * for his reply", « sawa nitasubiri jibu lake », « nakozela eyano na ye »): said to the bot, not a problem of delivery.
 */
const WAITS =
  /^(?:(?:ok|okay|oki|d accord|daccord|dac|bon|bien|tres bien|super|parfait|alors|donc|sawa|ehe|eh|yes|oui|ah|ya|iyo|ndiyo)\s+)*(?:j attends|j attend|jattends|je vais attendre|on attend|on va attendre|je patiente|je vais patienter|i ll wait|ill wait|i will wait|will wait|i m waiting|waiting|nitasubiri|tutasubiri|nasubiri|ngoja nisubiri|nakozela|tokozela|nakozila|nazali kozela|nazali kozila|tozali kozela|je suis en attente|on est en attente)(?:\s+(?:alors|donc|sa|la|son|leur|reponse|retour|qu il|qu elle|reponde|repond|de|lui|his|her|their|reply|answer|for|him|them|then|jibu|lake|yake|eyano|na|ye|bcp|beaucoup|un peu|encore))*$/;

/** See WAITS. */
export function saysWaiting(text: string): boolean {
  return WAITS.test(bare(text).replace(/'/g, ' ').trim());
}

/**
 * What comes next after writing to a seller, asked (« c quoi la suite ? », « donc vous allez faire quoi ? », « il va répondre quand ? », « et s'il répond
 * pas ? », « je peux ouvrir un litige si il répond pas ? », "what now?", "what if he doesn't reply?", « atajibu lini? »,
 * « soki azongisi te ? »).
 */
const WHAT_NEXT = [
  /(?:^| )(?:c est quoi la suite|c quoi la suite|quelle est la suite|la suite c est quoi|et apres|et maintenant|je fais quoi|on fait quoi|que (?:dois je|faire|je fais)|what now|now what|what next|what s next|whats next|what do i do|je dois faire quoi|on doit faire quoi|et la suite|que va t il se passer|qu est ce qui va se passer|qu est ce qui se passe maintenant|ca va se passer comment|what happens (?:now|next)|what will happen|nini kinafuata|kitafuata nini|itakuwaje sasa|sasa itakuwaje|nini ekolanda|eloko nini ekolanda|qu est ce que je (?:dois|peux) faire|quoi faire maintenant|(?:vous|vs|tu) (?:allez|comptez|pouvez|vas|comptes|peux) (?:faire )?quoi|qu est ce que (?:vous|tu) (?:allez|comptez|pouvez|vas|comptes|peux) faire|que (?:allez|comptez|pouvez) vous faire|what (?:are|will|can) you (?:going to |gonna )?do|mtafanya nini|utafanya nini|bokosala nini|okosala nini|sasa nini|nifanye nini|tufanye nini|nasala nini|tosala nini)(?= |$)/,
  /(?:^| )(?:combien de (?:temps|jours)\b.{0,40}\b(?:repondre|reponse|regler)|how long (?:does|do) (?:he|she|they|the seller|the shop) have|rembours\w* quand|quand (?:est ce que )?(?:je serai|vais je etre|vous allez me|je vais etre|serai je) rembours\w*|when (?:will|do) i get (?:my )?(?:money|refund)|(?:ou est|ou|ou se trouve) mon argent|mon argent|where is my money|my money|wapi pesa yangu|pesa yangu (?:iko )?wapi|nitarudishiwa lini|mbongo na ngai)(?= |$)/,
  /(?:^| )(?:(?:il|elle|le vendeur|la boutique|ils) (?:va|vont|doit|doivent) (?:repondre|reagir|me repondre) quand|quand (?:est ce qu |est ce que |va t |)?(?:il|elle|le vendeur|la boutique|ils)(?: va| vont)? (?:repond\w*|reagi\w*|me repond\w*)|combien de (?:temps|jours) (?:pour|avant) (?:sa|leur|la) reponse|combien de (?:temps|jours) (?:pour|avant) qu (?:il|elle|ils) (?:reponde|repondent)|when will (?:he|she|they|the seller|the shop) (?:answer|reply|respond|get back)|how long (?:will|for|until|before) (?:he|she|they|him|her|them|the seller|the shop)|atajibu lini|watajibu lini|akozongisa (?:eyano )?tango nini|akozongisa (?:eyano )?ntango nini)(?= |$)/,
  /(?:^| )(?:et |mais )?(?:s il|si il|si elle|s ils|si le vendeur|si la boutique) (?:ne |n )?(?:repond|reponds|repondent|reagit|rappelle|ecrit) (?:pas|rien|jamais)|(?:what|and) if (?:he|she|they|the seller|the shop) (?:does not|doesn t|doesnt|don t|dont|do not|never) (?:answer|reply|respond)|kama (?:hajajibu|hatajibu|hajibu)|soki (?:azongisi|azongisaka) te(?= |$)/,
];

/**
 * When the order comes, asked (« elles arrivent quand ? », « quand est-ce que je vais la recevoir ? », "when will it
 * arrive?", « itafika lini ? », « ekoya mokolo nini ? »): a story that ends on this question wants the order's dates.
 */
const WHEN_IT_COMES =
  /(?:^| )(?:(?:ca|ils?|elles?|la commande|le colis|mon colis|ma commande|les? \w+|la \w+) (?:arrive|arrivent|arrivera|arriveront|va arriver|vont arriver|sera livree?s?|seront livree?s?|sera la|seront la) quand|quand (?:est ce qu |est ce que |va t |vont t )?(?:ca|il|elle|ils|elles|la commande|le colis|mon colis|ma commande)(?: va| vont)? (?:arrive\w*|etre livree?s?|sera livree?s?|seront livree?s?)|quand (?:est ce que )?(?:je vais|vais je|je pourrai|j aurai) (?:la |le |les )?(?:recevoir|avoir)|when (?:will|is|does|do|are) (?:it|my order|the order|my parcel|the parcel|my package|they|them) (?:going to |gonna )?(?:arrive|come|be delivered|get here|be here)|(?:i|zi|li|ki|vi)tafika lini|ekoya (?:mokolo|ntango|tango) nini|ekokoma (?:mokolo|ntango|tango) nini)(?= |$)/;

/** See WHEN_IT_COMES. */
export function asksWhenItComes(text: string): boolean {
  return WHEN_IT_COMES.test(bare(text).replace(/'/g, ' ').trim());
}

/** « c'est tout ? », « c tout ? », "is that it?", « ni hivyo tu ? », « ezali kaka bongo ? » alone: what comes next, asked. */
const IS_THAT_ALL =
  /^(?:(?:et|donc|ok|bon|alors|and|so|sawa|na) )*(?:c est tout|c tout|cest tout|c est fini|c fini|c est tout la|is that it|is that all|that s all|thats all|that s it then|ni hivyo tu|ndio hivyo tu|ni hayo tu|ezali kaka bongo|kaka bongo|esili)$/;

/** See WHAT_NEXT. */
export function asksWhatNext(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ').trim();
  return WHAT_NEXT.some((p) => p.test(t)) || IS_THAT_ALL.test(t);
}

/**
 * Questions about a shop's conditions, not a request to use them: « c'est quoi la politique de retour ? », « on a combien de
 * jours pour retourner un article ? », « ils acceptent les échanges ? », "what's the refund policy?", "how long do I have to
 * return it?", « sera ya kurudisha bidhaa ni gani? », « mibeko ya boutique ezali nini ? ».
 */
const SHOP_POLICY = [
  /\b(?:politiques?|conditions|regles?|reglement|cgv) (?:de |du |des |d )?(?:retours?|rembours\w*|echanges?|vente|la boutique|boutique|du vendeur|de la vendeuse)\b|\bdelai (?:de|pour (?:un|le|les)) (?:retours?|echanges?)\b/,
  /\bcombien de (?:jours|temps)\b.{0,30}\b(?:retourner|renvoyer|rendre|echanger|un retour|un echange)\b/,
  /\b(?:accepte|acceptent|acceptez|prend|prennent|font|fait)(?: t| il| elle| ils| elles| vous)* (?:les |des )?(?:retours|echanges|remboursements)\b/,
  /\b(?:return|refund|exchange)s? (?:policy|policies|window|conditions|terms)\b|\b(?:policy|terms|conditions) (?:for|on) (?:returns?|refunds?|exchanges?)\b/,
  /\bhow (?:long|many days) (?:do|have|does|did) (?:i|we|you|one)(?: \w+)? (?:have|got|get)? ?(?:to|for) (?:return|send back|exchange)\b|\b(?:do|does) (?:they|the shop|the seller|it|\w+) (?:accept|take|do|allow) (?:returns|refunds|exchanges)\b/,
  // Asked as what the shop does if (« vous remboursez si l'article ne me plaît pas ? », "do you take it back if it doesn't fit?").
  /\b(?:vous|ils|elles|elle|il|la boutique|le vendeur|la vendeuse|on) (?:remboursez|remboursent|rembourse|reprenez|reprennent|reprend|echangez|echangent|echange)\b.{0,40}\bsi\b|\b(?:do|does|will|would) (?:you|they|the shop|the seller|\w+) (?:refund|give (?:a )?refunds?|take (?:it |them |things |items )?back|exchange|accept returns?)\b.{0,30}\bif\b/,
  /\b(?:sera|masharti) ya (?:kurudisha|marejesho|kurejesha|duka|kubadilisha)\b|\bsiku ngapi\b.{0,20}\bkurudisha\b|\bmibeko ya (?:boutique|magazini|moteki|kozongisa)\b|\bmikolo boni\b.{0,20}\bkozongisa\b/,
];

/** Asking to use them now (« je peux le retourner ? », "can I send it back?", « nataka kurudisha »): a request, not a question. */
const ASKS_TO_RETURN =
  /\b(?:je (?:peux|pourrais|voudrais|veux|souhaite|dois)|puis je|est ce que je (?:peux|pourrais)|(?:can|could|may) i|i (?:want|would like|d like|need) to|nataka|naomba|nalingi|nakoki)(?: (?:le|la|les|l|it|them|him|her))? (?:retourner|renvoyer|rendre|echanger|me faire rembourser|return|send (?:it |them )?back|exchange|get (?:a|my) refund|kurudisha|kubadilisha|kozongisa|kobongola)\b/;

/** The message asks what a shop's policy is (see SHOP_POLICY), and not to return something now (see ASKS_TO_RETURN). */
export function asksShopPolicy(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ');
  return SHOP_POLICY.some((p) => p.test(t)) && !ASKS_TO_RETURN.test(t);
}

/**
 * Words that take a case to support, said as people say it to the bot and not only with « support » after « transmettre »:
 * « peleka kwa support », « tinda yango na support », "send it to support", « envoyez au support ».
 */
const TO_SUPPORT =
  /(?:^| )(?:(?:i)?peleke?a?|tuma|ituma|hamisha)(?: (?:kesi|hii|hiyo|yake|yangu))? kwa (?:support|msaada|wahudumu)|(?:ko)?tinda(?:ka)?(?: (?:yango|litige|kesi))? (?:na|epai ya) support|(?:send|take|pass|forward|give|bring|escalate)(?: (?:it|this|that|the case|my case|the dispute))? to (?:the )?support|(?:envoy\w*|transf\w*|remet\w*|donn\w*)(?: (?:le|mon|ce) (?:litige|dossier|cas))? (?:au|a) support(?= |$)/;

/**
 * How a buyer answers « you may now take the case to support »: yes (« oui transmettez svp », « ndiyo peleka », « eeh tinda »,
 * "yes do it", "escalate it") or not yet (« pas encore », « non j'attends encore un peu », "not yet", « bado », « naino te »).
 * Null when the words are neither: they may be for the seller.
 */
const NUDGE_YES = /(?:^| )(?:transm\w*|transferez|envoyez|envoie|vas y|allez y|fais le|faites le|faites ca|go ahead|do it|escalate(?: it)?|send it|peleka|ipeleke|tuma|tinda|tindaka|kotinda)(?= |$)/;
const NOT_YET =
  /^(?:(?:non|no|nope|nan|pas|te|hapana|siyo|ah|bon|ok|okay|ee|oui|ndiyo|sawa)\s+)*(?:pas encore|pas maintenant|pas tout de suite|pas pour l instant|pas pour le moment|plus tard|not yet|not now|later|maybe later|bado|baadaye|sio sasa|si sasa|naino te|nanu te|sikoyo te|j attends(?:\s+\w+){0,4}|je vais attendre(?:\s+\w+){0,4}|je patiente(?:\s+\w+){0,3}|laiss(?:e|ez)(?:\s+\w+){0,4}|i ll wait(?:\s+\w+){0,3}|ill wait(?:\s+\w+){0,3}|nitasubiri(?:\s+\w+){0,3}|nakozela(?:\s+\w+){0,3}|on attend(?:\s+\w+){0,3})(?:\s+(?:encore|un peu|alors|merci|svp|un moment|a bit|for now|kidogo|moke|naino|je vais attendre|j attends|je patiente|i ll wait|nitasubiri|nakozela|il va peut etre repondre|he may answer))*$/;

export function answersEscalationNudge(text: string): 'escalate' | 'later' | null {
  const t = bare(text).replace(/'/g, ' ');
  if (NOT_YET.test(t) || (NO.test(t) && t.split(' ').length <= 2)) return 'later';
  if (NO.test(t)) return null;
  if (buyerAsksOfCase(text) === 'escalate' || TO_SUPPORT.test(t)) return 'escalate';
  const yes = typedAnswer(text) === 'yes' || YES.test(t);
  if (yes && t.split(' ').length <= 5) return 'escalate';
  if (NUDGE_YES.test(t) && t.split(' ').length <= 5) return 'escalate';
  return null;
}

/** « transmettez au support », « peleka kwa support », "send it to support": a case taken to support (see TO_SUPPORT, WANTS_SUPPORT). */
export function asksToEscalate(text: string): boolean {
  return buyerAsksOfCase(text) === 'escalate' || TO_SUPPORT.test(bare(text).replace(/'/g, ' '));
}

/**
 * A question to the bot about the message it brought (« qui êtes-vous ? », « c quel commande ça ?? », "who is this?", "which
 * order?", « wewe ni nani ? », « oda gani ? », « ozali nani ? », « commande nini ? »).
 */
const ASKS_BOT =
  /(?:^| )(?:qui (?:etes vous|es tu|est ce|c est)|(?:vous etes|tu es|t es|c est|c) qui|(?:quel|quelle|kel|kelle)(?: \w+)? (?:commande|cmd|litige|dossier|rappel)|(?:commande|litige|rappel|message) (?:de quoi|quoi|nini|gani|ipi)|c est quoi (?:ca|ce (?:message|rappel|litige))|c (?:quoi|koi) (?:ca|sa|ce (?:message|rappel|litige))|who (?:are you|is this|is that|s this)|whos this|what (?:order|case|dispute|is this about|s this about|is this)|which (?:order|case|dispute)|wewe ni nani|ninyi ni nani|nani (?:huyu|wewe)|(?:oda|kesi|agizo) (?:gani|ipi|ya nini)|hii ni (?:nini|oda gani|kesi gani)|ozali nani|bozali banani|yo nani|(?:commande|litige) nini|oyo ezali nini)(?= |$)/;

export function asksBotAboutMessage(text: string): boolean {
  return ASKS_BOT.test(bare(text).replace(/'/g, ' '));
}

/**
 * What the other party said, asked of the bot: « ok il dit quoi là », « il a répondu quoi ? », « qu'est-ce qu'il a dit ? », "what
 * did the seller say?", « alisema nini? », « alobi nini ? ».
 */
const WHAT_THEY_SAID =
  /(?:^| )(?:(?:il|elle|le vendeur|la vendeuse|la boutique|ils) (?:a |ont )?(?:dit|dis|repondu|ecrit|raconte|propose)\w* quoi|(?:il|elle|le vendeur|la vendeuse|ils) (?:dit|dis|repond|ecrit|raconte|propose)\w* quoi|qu est ce qu (?:il|elle|ils) (?:a |ont )?(?:dit|repondu|ecrit|propose)|que dit (?:il|elle|le vendeur)|qu a (?:dit|repondu) (?:le vendeur|la vendeuse)|(?:c est quoi|c quoi|quelle est) sa reponse|what (?:did|does|has) (?:he|she|they|the seller|the shop) (?:say|said|answer|answered|reply|replied|write|wrote)|what (?:was|is) (?:his|her|their|the seller s) (?:answer|reply)|(?:alisema|amesema|anasema|alijibu|amejibu|ameandika|aliandika) nini|(?:alobi|alobaki|azongisi|azongisaki|akomi|akomaki) nini)(?= |$)/;

/**
 * Whether the other party has answered, asked of the bot in a few words (days probe): « il a répondu ? », « le vendeur a
 * répondu ou pas ? », « toujours pas de réponse ? », « des nouvelles du vendeur ? », "did the seller reply?", "has he
 * answered yet?", "any reply?", « amejibu ? », « muuzaji hajajibu bado ? », « azongisi ? », « moteki apesi eyano ? ». The
 * whole message is the question (with « alors », « et », « ok » before it, « ou pas », « yet », « bado » after it): « il a
 * répondu que le colis arrive lundi » is news, not a question.
 */
const WHETHER_ANSWERED = new RegExp(
  '^(?:(?:alors|et|bon|donc|ok|bonjour|bonsoir|hello|hi|so|and|well|sasa|je|habari|mbote|boye|eh|euh) )*(?:est ce qu |est ce que )?(?:' +
    [
      "(?:il|elle|ils|le vendeur|la vendeuse|la boutique|le magasin|le shop) (?:a|m a|ma|ont|m ont|vous a) (?:deja |enfin |finalement |toujours pas |pas encore |pas |jamais )?(?:repondu|repondue|reagi|ecrit|donne (?:une |sa )?reponse|donne signe de vie|rappele|contacte)(?: quelque chose| qqch| qlq chose)?",
      "(?:il|elle|le vendeur|la vendeuse) (?:n a|na|ne m a|ne vous a) (?:toujours |encore )?(?:pas|rien|jamais) (?:encore )?(?:repondu|ecrit|reagi)",
      '(?:toujours |encore |tjr |tjrs |toujours rien |)(?:pas|aucune|aucun|rien|pas de|aucune) (?:de )?(?:reponse|nouvelles|retour|signe)(?: du vendeur| de la boutique| de sa part| de lui| de la vendeuse)?',
      '(?:des |une |sa |la |vous avez (?:eu |recu )?(?:sa |une |des )?)(?:nouvelles|reponse|retour)(?: du vendeur| de la boutique| de sa part| de lui| de la vendeuse)?',
      '(?:did|has|have|had) (?:he|she|they|the seller|the shop|the vendor|anyone|the store) (?:already |ever |even |finally )?(?:reply|replied|answer|answered|respond|responded|write|written|wrote|get back|got back|gotten back|react|reacted|said anything|say anything|write back|written back)(?: to me| to you| to my message| anything| back)?',
      '(?:any|no|still no|still not any) (?:reply|replies|answer|answers|response|responses|news|word)(?: from (?:him|her|them|the seller|the shop|the vendor))?',
      '(?:(?:is there|was there) )?(?:an |any )?(?:reply|answer|response) (?:from (?:him|her|them|the seller|the shop))',
      '(?:muuzaji |duka |yeye |)(?:amejibu|ameshajibu|alijibu|hajajibu|hakujibu|amerudisha jibu|amesema kitu|ameandika|hajaandika|amejibu kitu)',
      '(?:kuna|hakuna|bado hakuna) (?:jibu|habari)(?: yoyote)?(?: kutoka kwa muuzaji)?',
      '(?:moteki |mokolo ya magazini |ye |)(?:azongisi|azongisaki|azongisi naino te|azongisi te|apesi eyano|apesaki eyano|akomi|akomaki|ayanoli|ayanolaki)(?: eyano)?',
      '(?:eyano|sango) (?:eyei|eyaki|ezali)(?: te)?',
    ].join('|') +
    ')(?: (?:ou pas|ou non|oui ou non|ou quoi|enfin|encore|deja|maintenant|depuis|a mon message|au message|yet|already|now|at all|or not|bado|tayari|naino|te|sikoyo|lelo))*$',
);

export function asksWhatTheySaid(text: string): boolean {
  const t = bare(text).replace(/'/g, ' ');
  return WHAT_THEY_SAID.test(t) || WHETHER_ANSWERED.test(t);
}

/**
 * The buyer disputes a closing or a decision (« je conteste », « c pas juste », « c'est injuste », « je ne suis pas d'accord »,
 * "that's not fair", "I disagree", « si haki », « sikubali », « ezali sembo te », « nandimi te »).
 */
const CONTESTS =
  /(?:^| )(?:je conteste|conteste\w*|contester|(?:c est |c |c'est )?(?:pas|plus) juste|injuste|pas d accord|(?:c est |c )faux|mensonge|not fair|unfair|i disagree|i contest|i (?:do not|don t|dont) agree|dispute (?:this|the) decision|si haki|sikubali|sikubaliani|ezali sembo te|nandimi te|nayebi te yango)(?= |$)/;

export function contestsClosing(text: string): boolean {
  return CONTESTS.test(bare(text).replace(/'/g, ' '));
}

/**
 * What a seller asks the bot in words outside any case (seller outside probe): how long they have (« combien de temps
 * j'ai ? », « il me reste combien de temps ? », "how long do i have?", « nina muda gani? », « tango boni natikali ? »), what
 * the case is about (« c quoi ce litige ?? », « c koi le probleme du client », "what is this dispute about?", « kesi hii ni
 * ya nini? »), how to refund (« je rembourse comment ? », "how do i refund?", « nitarudisha pesa vipi? »). Null otherwise.
 */
const SELLER_DEADLINE =
  /(?:^| )(?:combien de (?:temps|jours|heures)|reste combien|il me reste|j ai jusqu a quand|jusqu a quand|jusqu quand|jusqua quand|delai|deadline|how (?:long|much time)|time (?:left|do i have)|until when|muda gani|siku ngapi|nina muda|mpaka lini|hadi lini|tango boni|ntango boni|mikolo boni|natikali)(?= |$)/;
const SELLER_WHAT =
  /(?:^| )(?:(?:c est|cest|c|c'est)? ?(?:quoi|koi|quel|quelle|kel|kelle) (?:ce|ces|cette|le|les|la|mon|mes|son|sa|un|une)? ?(?:litiges?|dossiers?|problemes?|plaintes?|reclamations?|commandes?|cas)|(?:probleme|plainte|reclamation) (?:du|de la|de l) client\w*|(?:le|la) client\w* (?:veut|demande|dit|reclame) quoi|what (?:is|s|are) (?:this|these|the|that) (?:case|cases|dispute|disputes|complaint|claim|problem)|what is (?:it|this|the case|the dispute) about|kesi (?:hii|gani|hizi)|ni kesi gani|litige (?:nini|oyo ezali nini|ya nini)|ezali litige nini)(?= |$)/;
const SELLER_REFUND_HOW =
  /(?:^| )(?:(?:je |on )?rembours\w* comment|comment (?:je |on |puis je |faire pour |je fais pour |on fait pour |est ce que je |je peux |on peut )?rembours\w*|how (?:do|can|should|would) i (?:refund|give (?:the |her |him |them )?(?:money )?back|pay (?:her |him |them )?back)|how to (?:refund|give (?:the )?money back)|(?:nitarudisha|narudisha|nirudishe) (?:pesa |hela )?(?:vipi|namna gani|aje)|jinsi ya kurudisha|(?:nakozongisa|nazongisa) (?:mbongo )?ndenge nini|ndenge nini (?:nakozongisa|nazongisa))(?= |$)/;

export function sellerAsksBot(text: string): 'deadline' | 'what' | 'refund' | null {
  const t = bare(text).replace(/'/g, ' ');
  if (SELLER_REFUND_HOW.test(t)) return 'refund';
  if (SELLER_DEADLINE.test(t)) return 'deadline';
  if (SELLER_WHAT.test(t)) return 'what';
  return null;
}

/** A language named in words, as people name it in the four languages (« na lingala », "kwa Kiswahili", « en français »). */
const IN_LANGUAGE: Array<[RegExp, string]> = [
  [/(?:^| )(?:na|en|in|kwa|ya) (?:ki)?lingala(?= |$)/, 'ln'],
  [/(?:^| )(?:na|en|in|kwa|ya) (?:ki)?swahili(?= |$)/, 'sw'],
  [/(?:^| )(?:en francais|in french|kwa kifaransa|na lifalanse|na francais|kwa kifaransa)(?= |$)/, 'fr'],
  [/(?:^| )(?:en anglais|in english|kwa kiingereza|na lingelesi|na anglais|na english|kwa english)(?= |$)/, 'en'],
];

/** Words around the language asked for that only ask it (« lobela ngai », « nijibu », « parle-moi », "talk to me"). */
const ONLY_ASKS =
  /^(?:(?:lobela|lobelaka|yanola|yanolaka|koloba|kolobela|kosolola|solola|loba|tosolola|toloba|ngai|biso|nalingi|olobela|okoki|nakoki|nijibu|nijibie|niandikie|niongelee|ongea|ongee|tuongee|ongeleni|naweza|unaweza|kuongea|kunijibu|tafadhali|samahani|parle|parlez|parle moi|parlez moi|reponds|repondez|reponds moi|repondez moi|ecris|ecrivez|moi|je|veux|voudrais|prefere|peux|tu|vous|talk|speak|reply|answer|write|to|me|can|could|you|i|want|prefer|please|svp|stp|pls|merci|asante|matondi|bolimbisa|pardon|sorry|sasa|sikoyo|maintenant|now|seulement|kaka|tu|only|just)\s*)*$/;

/**
 * The message asks to be answered in a language, in words (« lobela ngai na lingala », « nijibu kwa Kiswahili
 * tafadhali », "in English please"), possibly with a yes to the question under way (« ee, na lingala », « ndiyo, kwa
 * Kiswahili »): the language, and the yes as typed when one comes with it. Null when the message says more than that (« il m'a
 * écrit en lingala » is a story, not a request).
 */
export function languageAskedFor(text: string): { lang: string; yes: string | null } | null {
  const t = bare(text);
  if (!t || t.split(' ').length > 10) return null;
  for (const [pattern, lang] of IN_LANGUAGE) {
    if (!pattern.test(t)) continue;
    let rest = t.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
    const yes = YES.exec(rest);
    if (yes) rest = rest.slice(yes[0].length).trim();
    return ONLY_ASKS.test(rest) ? { lang, yes: yes ? yes[0].trim() : null } : null;
  }
  return null;
}
