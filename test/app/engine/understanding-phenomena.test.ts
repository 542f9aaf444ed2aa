import { describe, expect, it } from 'vitest';
import { classifyProblem, mentionsOffPlatform } from '../../../src/app/engine/intent.js';
import { cuesOf, statedCaseReasons } from '../../../src/app/engine/understanding/cues.js';
import { canonical } from '../../../src/app/engine/understanding/features.js';

// Whole phenomena the second blind set (test/fixtures/understanding-blind-2/) showed the classifier missing. The
// sentences here are new ones, not the blind messages: they teach the same construction with other words.
const cues = (text: string) => cuesOf(canonical(text));

describe('spelling as thumbs type it', () => {
  it('reads a known word with two neighbouring letters swapped as that word', () => {
    expect(canonical('ma commadne, la livarison')).toBe('ma commande la livraison');
    expect(classifyProblem('je veux mon remobursement')).toBe('refund_request');
    // Short words are left alone: too many are one swap apart.
    expect(canonical('ton sur')).toBe('ton sur');
  });

  it('reads a French article or pronoun that lost its apostrophe before a known word, and digits for sounds', () => {
    expect(canonical('lecran est noir')).toBe('l ecran est noir');
    // Digits for sounds, as SMS spelling does (« ri1 », « bi1 »).
    expect(canonical('g tjr ri1 recu')).toBe('j ai toujours rien recu');
    expect(canonical('quelle heure')).toBe('quelle heure');
  });
});

describe('who made the mistake, and how firmly it is said', () => {
  it('reads « pas ma faute », "not my mistake" as the seller\'s mistake, not the buyer\'s', () => {
    expect(cues('that was not my fault')).not.toContain('own_mistake');
    expect(cues('c est pas ma faute')).not.toContain('own_mistake');
    expect(cues('my fault, I picked it')).toContain('own_mistake');
    expect(classifyProblem('they sent a size 10 but I ordered an 8, not my fault')).toBe('not_as_described');
    expect(cues('the size is off, not my mistake')).toContain('seller_did');
    expect(cues('the shop mixed it up')).toContain('seller_did');
  });

  it('reads « on me dit » as French, not as "that\'s on me"', () => {
    expect(cues('on me dit toujours demain')).not.toContain('own_mistake');
    expect(cues("that's on me, I picked the small one")).toContain('own_mistake');
    expect(cues('the problem is entirely on me')).toContain('own_mistake');
  });

  it('reads « même » inside a negation and a French « usé » without reading the English "use"', () => {
    expect(cues('la radio ne s allume meme pas')).toContain('not_working');
    expect(cues('le moteur ne demarre meme pas')).toContain('not_working');
    expect(cues('i dont use it anymore')).not.toContain('damaged');
    expect(cues('les chaussures sont deja usees')).toContain('damaged');
  });

  it('knows bent, dented, scratched, unstitched and unglued as damage', () => {
    expect(cues('app says delivered, but no driver ever came')).toContain('said_delivered');
    expect(cues('ya que 3 assiettes dans la boite')).toContain('missing_piece');
    for (const t of ['the frame is bent', 'a dented pot', 'scratched screen', 'la poche est decousue', 'le talon est decolle']) expect(cues(t), t).toContain('damaged');
  });
});

describe('the first rule that applies', () => {
  it('reads the buyer\'s own pick of the wrong colour as a return, whichever of size or listing the model leans to', () => {
    expect(classifyProblem('my mistake, I chose the wrong colour, can I swap the brown for the grey?')).toBe('return_request');
  });

  it('cancels when the buyer asks to cancel now and asks about the money too; a cancellation already made is a refund', () => {
    expect(classifyProblem('annulez la commande svp, je serai rembourse comment ?')).toBe('cancellation');
    expect(classifyProblem("j'ai annule hier, je serai rembourse quand ?")).toBe('refund_request');
  });

  it('reads money promised and "still nothing" as a refund owed, not a parcel', () => {
    expect(classifyProblem('They promised my money back by Tuesday. Still nothing.')).toBe('refund_request');
  });

  it('reads waiting since a date long gone as a non-delivery, even with a refund asked', () => {
    expect(cues('j attend le sac depuis la semaine derniere')).toEqual(expect.arrayContaining(['waiting', 'since_long']));
    expect(classifyProblem('j attend mon sac depuis la semaine derniere, remboursez moi')).toBe('non_delivery');
  });
});

describe('sizes', () => {
  it('reads a size already too small, a brand that runs small, a jacket that barely closes', () => {
    expect(cues('la robe est deja petite')).toContain('size_fit');
    expect(cues('these boots run small')).toContain('size_fit');
    expect(cues('the coat barely fits')).toContain('size_fit');
    expect(cues("didn't check the chart")).toContain('own_mistake');
  });
});

describe('questions about a delivery', () => {
  it('reads the arrival asked about in the future tense as "when"', () => {
    expect(cues('what is the delivery day for my order?')).toContain('when');
    expect(cues('le colis arrivera avant lundi ?')).toContain('when');
    expect(cues('will it reach me before friday')).toContain('when');
    expect(cues("dites moi quand elle arrive")).toContain('when');
    expect(cues("quand il est arrive, j'etais absent")).not.toContain('when');
  });
});

describe('Lingala and Swahili as they inflect', () => {
  it('reads Swahili verbs with their affixes and noun classes', () => {
    expect(cues('tafadhali sitisheni mzigo')).toContain('cancel');
    expect(cues('nataka kuacha oda hii')).toContain('cancel');
    expect(cues('mzigo haujatoka bado')).toContain('not_shipped');
    expect(cues('naomba kufuatilia oda')).toContain('shipped_q');
    expect(cues('kiti kimeshatumwa?')).toContain('shipped_q');
    expect(cues('wameshasafirisha?')).toContain('shipped_q');
    expect(cues('vitabu havijafika')).toContain('not_arrived');
    expect(cues('kiti hakijafika')).toContain('not_arrived');
    expect(cues('shati tu ndio ilifika, vingine hakuna')).toContain('not_arrived');
  });

  it('reads Lingala waiting, a date long gone, « faute na ngai », a refund received and « ko changer »', () => {
    expect(cues('nazali naino kozela')).toContain('waiting');
    expect(cues('mokolo bapesaki eleki kala')).toContain('overdue');
    expect(cues('ezali libunga na ngai')).toContain('own_mistake');
    expect(cues('bo tinda sac te')).toContain('cancel');
    expect(cues('nalingi ko changer modele')).toContain('exchange');
    expect(cues('bofungolaka na mpokwa?')).toContain('shop_hours');
    expect(classifyProblem('bofungolaka na mpokwa?')).toBeNull();
    expect(classifyProblem('le pantalon ne ferme pas, j ai pris trop petit')).toBe('wrong_size');
    expect(classifyProblem('nazwi mbongo, matondi mingi')).toBeNull();
  });
});

describe('a return asked plainly', () => {
  it('reads "can it go back?" and "don\'t need it after all" as a return', () => {
    expect(cues('the lamp is fine, can it go back?')).toContain('return');
    expect(cues('can I trade it in for the blue one?')).toContain('exchange');
    expect(cues('can i send ours back?')).toContain('return');
    expect(cues("I don't need it after all")).toContain('no_longer_want');
    // "Nothing wrong with it" says there is no defect.
    expect(cues('nothing wrong with it, can I swap it for the red one?')).not.toContain('wrong_item');
  });
});

// Whole phenomena the third blind set (test/fixtures/understanding-blind-3/) showed missed, again on new sentences.
describe('WhatsApp French, « c\'est », numbers said in words, emoji', () => {
  it('reads « dac », « tkt », « jsp », « po » as the words, and « c\'est » once', () => {
    expect(canonical('dac tkt jsp')).toBe("d accord t inquiete je sais pas");
    expect(canonical("c'est bon, ça marche po")).toBe('c est bon ca marche pas');
    expect(canonical('c bon')).toBe('c est bon');
  });

  it('reads numbers said in words as digits, a ten and a unit as one number', () => {
    expect(canonical('trente cinq jours et forty two dollars')).toBe('35 jours et 42 dollars');
    // « un », "one" and « neuf » (new) stay words.
    expect(canonical('un sac neuf')).toBe('un sac neuf');
    expect(cues('cela fait cinquante jours')).toContain('weeks_gone');
    expect(classifyProblem('on m a livre trois assiettes au lieu de huit')).toBe('not_as_described');
  });

  it('reads a pleased emoji as a pleased buyer', () => {
    expect(classifyProblem('les boucles d oreilles sont la 🥰')).toBeNull();
  });
});

describe('what was not received is not always the parcel', () => {
  it('reads « ma commande pas encore reçue » as nothing come, not as something else come instead of the order', () => {
    // « commande … reçu » read as "ordered this, got that": a listing problem proposed for a parcel that never came.
    expect(cues('ma commande 1001 pas encore reçue')).not.toContain('ordered_vs_got');
    expect(classifyProblem('ma commande 1001 pas encore reçue')).toBe('non_delivery');
    expect(classifyProblem('pas encore recu ma commande')).toBe('non_delivery');
    expect(classifyProblem("I ordered on the 2nd and haven't received it yet")).not.toBe('not_as_described');
    // What came instead of what was ordered still reads so, with a part not received beside it.
    expect(cues("j'ai commandé un sac rouge et j'ai reçu un noir")).toContain('ordered_vs_got');
    expect(cues("j'ai commandé un rouge, reçu un noir, et l'autre pas encore reçu")).toContain('ordered_vs_got');
  });

  it('reads a code, an SMS or an e-mail not received as no parcel', () => {
    expect(cues("je n'ai jamais reçu l'e-mail de confirmation")).not.toContain('not_arrived');
    expect(cues("I never received the OTP to log in")).not.toContain('not_arrived');
    expect(cues('je n ai pas recu mon pagne')).toContain('not_arrived');
  });

  it('reads an estimate (« entre 7 et 14 jours ») as no wait gone by, and the part still missing said last as not come', () => {
    expect(cues('la boutique annonce entre 7 et 14 jours')).not.toContain('weeks_gone');
    expect(cues('ca fait 14 jours que j attends')).toContain('weeks_gone');
    expect(cues('la jupe est arrivee mais le foulard toujours pas')).toContain('not_arrived');
    expect(cues('the shirt has nothing wrong')).not.toContain('not_arrived');
    expect(classifyProblem('I still have nothing from the shop, three weeks now')).toBe('non_delivery');
  });

  it('reads « namoni eloko te », « na zui colis te » and a tracking « livré » contradicted as not come', () => {
    expect(cues('namoni colis te')).toContain('not_arrived');
    expect(cues('na zui colis te')).toContain('not_arrived');
    expect(classifyProblem('the app marks it as delivered, that is not true')).toBe('non_delivery');
  });
});

describe('the seller, the courier and the buyer', () => {
  it('reads the seller blocking or ignoring the buyer, and calls at night, as a problem of its own', () => {
    expect(cues('la vendeuse a bloque mon numero')).not.toContain('lost');
    expect(cues('mon colis est bloque a la frontiere')).toContain('lost');
    expect(cues('moteki ayanolaka te')).toContain('seller_contact');
    expect(classifyProblem('the shop owner has been ignoring me for two weeks')).toBe('other');
    expect(classifyProblem('le vendeur me harcele de messages')).toBe('other');
  });

  it('reads a courier asking « pesa ya ziada » as money asked of the buyer, not a delivery question', () => {
    expect(classifyProblem('boda anataka pesa ya ziada kabla ya kufika')).toBe('other');
  });
});

describe('the item unlike the listing', () => {
  it('reads an accessory not in the box, a leak and "shorter than advertised" as not as described', () => {
    expect(cues("la télécommande n'était pas dans le carton")).toContain('missing_piece');
    expect(cues('there was no remote with the tv')).toContain('missing_piece');
    expect(cues('the shampoo leaked everywhere')).toContain('damaged');
    expect(cues('the cable is much thinner than advertised')).toContain('differs');
    expect(classifyProblem("pourquoi y a pas d'écouteurs ? c'est écrit dans l'annonce")).toBe('not_as_described');
  });

  it('reads « l\'odeur me plaît pas » as taste (a return), a smell alone as a defect', () => {
    expect(cues("le parfum, l'odeur me plait pas")).not.toContain('damaged');
    expect(cues('une odeur bizarre sort du sac')).toContain('damaged');
  });

  it('reads the Swahili seller sending a size other than ordered as his mistake', () => {
    expect(cues('muuzaji alituma gauni la saizi M badala ya L niliyoagiza')).toEqual(expect.arrayContaining(['seller_did', 'ordered_vs_got', 'seller_size']));
    expect(classifyProblem('muuzaji alituma gauni la saizi M badala ya L niliyoagiza')).toBe('not_as_described');
  });
});

describe('money', () => {
  it('reads money named by its amount, promised or owed, and « nazwi mbongo … te » as a refund owed', () => {
    expect(cues('la boutique a promis de rembourser les 30 dollars, toujours rien')).toContain('money_not_back');
    expect(cues('nazwi mbongo na ngai te')).toContain('money_not_back');
    expect(cues('nazwi mbongo na ngai te')).not.toContain('refund_done');
    expect(classifyProblem('rendez-moi mes 15 000 FC svp')).toBe('refund_request');
    expect(classifyProblem('the shop still owes me 25 dollars')).toBe('refund_request');
    expect(cues('les 70 dollars ne sont jamais revenus')).toContain('money_not_back');
    // The item named by its price (« le sac de 45 dollars ») is the parcel, not the money.
    expect(cues("le sac de 45 dollars n'est jamais revenu de la douane")).not.toContain('money_not_back');
  });

  it('reads « remboursez-moi, jamais reçu la commande » as the parcel not come, not the money', () => {
    expect(cues('merci de me rembourser, jamais recu le colis')).not.toContain('money_not_back');
    expect(cues('rembourser moi, jamais recu le remboursement promis')).toContain('money_not_back');
  });

  it('keeps the item\'s problem when the refund made was of a double charge', () => {
    expect(statedCaseReasons(canonical("j'ai payé deux fois, c'est remboursé, mais la robe est arrivée trouée"))).toEqual(['not_as_described']);
    expect(statedCaseReasons(canonical('le vendeur m a rembourse pour le vase casse, merci'))).toEqual([]);
  });
});

describe('sizes and exchanges', () => {
  it('reads an exchange because the body\'s size does not fit as wrong size, another colour or model as a return', () => {
    expect(cues('ma fille fait du 38')).not.toContain('size_fit');
    expect(cues('elle est du 38')).toContain('size_fit');
    expect(classifyProblem("j'ai pris du 36 mais mon pied c'est du 38, on peut échanger ?")).toBe('wrong_size');
    expect(classifyProblem('je veux changer le modele pour le noir, il est bien mais pas mon style')).toBe('return_request');
  });
});

describe('no problem', () => {
  it('reads how to pay or how it works, asked, and a problem said to be settled, as no problem', () => {
    expect(classifyProblem('can I pay with cash?')).toBeNull();
    expect(classifyProblem('naweza kulipa na M-Pesa?')).toBeNull();
    expect(classifyProblem("c'est réglé avec la boutique, merci")).toBeNull();
    expect(classifyProblem('le service client est joignable jusqu a quelle heure ?')).toBeNull();
    expect(classifyProblem('Nimepokea, viatu vimefika salama, asante')).toBeNull();
  });
});

describe('contact outside the marketplace', () => {
  it('reads the seller\'s SMS as contact, but not an advert seen on Facebook, « vous appelez ça … » or the courier who will call', () => {
    expect(mentionsOffPlatform('la boutique m a confirme par SMS que le colis part lundi')).toBe(true);
    expect(mentionsOffPlatform('le transporteur m a prevenu par SMS')).toBe(false);
    expect(mentionsOffPlatform("j'ai vu votre pub sur Instagram et j'ai commandé des sandales")).toBe(false);
    expect(mentionsOffPlatform('je vais mettre ça sur Facebook si personne ne répond')).toBe(true);
    expect(mentionsOffPlatform('vous appelez ça une robe de soirée ?')).toBe(false);
    expect(mentionsOffPlatform('le vendeur ne répond pas à mes appels')).toBe(true);
    expect(mentionsOffPlatform('the driver will call me when he is at the gate')).toBe(false);
  });
});

// Whole phenomena the fourth blind set (test/fixtures/understanding-blind-4/) showed the classifier missing: long stories,
// formal letters, dictation, Sheng, numbers said in Swahili or Lingala. New sentences again, none a blind message.
describe('dictation, contractions and numbers in other languages', () => {
  it('reads dictation\'s « ces » for « c\'est » and « quand » for « qu\'en » by the word after them, and leaves the real ones', () => {
    expect(canonical('ces pas normal')).toBe('c est pas normal');
    expect(canonical('ces chaussures sont belles')).toBe('ces chaussures sont belles');
    expect(canonical('quand principe lundi')).toBe('qu en principe lundi');
    expect(canonical('quand il arrive')).toBe('quand il arrive');
  });

  it('reads "I\'ve" as "I have", not as the SMS « ve » for « veux »', () => {
    expect(canonical("I've checked")).toBe('i have checked');
  });

  it('reads numbers said in Swahili and Lingala as digits, so that a count short is seen', () => {
    expect(canonical('vitabu vimekuja nne badala ya saba')).toBe('vitabu vimekuja 4 badala ya 7');
    expect(canonical('mikolo zomi')).toBe('mikolo 10');
    expect(cues('mbongo ebimaki mbala mibale')).toContain('paid_twice');
    expect(classifyProblem("j'ai commandé 6 verres, dans le carton il y en avait 4")).toBe('not_as_described');
  });
});

describe('words that look like a problem and are not one', () => {
  it('reads a person or a job lost as no parcel lost', () => {
    expect(classifyProblem('my uncle lost his job, so please cancel the order before it ships')).toBe('cancellation');
    expect(classifyProblem('mon oncle a perdu son travail, annulez la commande svp, elle n est pas encore partie')).toBe('cancellation');
    expect(cues('they lost my parcel')).toContain('lost');
  });

  it('reads French verbs in -er before « que » as no English comparative', () => {
    expect(cues('je tiens a rappeler que le remboursement annonce sur le site')).not.toContain('differs');
    expect(cues('much shorter than advertised')).toContain('differs');
  });

  it('reads « depuis quand », "since when" as indignation, and a measure sold and found as unlike the listing', () => {
    expect(classifyProblem('depuis quand une montre étanche prend l eau sous la douche ?')).toBe('not_as_described');
    expect(classifyProblem('un bidon vendu pour 20 litres qui fait 15 litres')).toBe('not_as_described');
  });

  it('reads « c\'est pas qu\'elle est cassée » as a return, not a defect', () => {
    expect(classifyProblem("je voudrais retourner la lampe, c'est pas qu'elle est cassée, elle ne va juste pas avec le salon")).toBe('return_request');
  });

  it('reads trousers that « ne ferme pas » as a size, not the shop closing', () => {
    expect(cues('la jupe ne ferme pas')).not.toContain('not_a_problem_q');
    expect(cues('la jupe ne ferme pas')).toContain('size_fit');
  });
});

describe('money, said formally or in Swahili and Sheng', () => {
  it('reads a sum « jamais versée », "still not back", as money owed', () => {
    expect(classifyProblem('la somme de 30 000 FC ne m a jamais ete versee')).toBe('refund_request');
    expect(classifyProblem('the 15 dollars are still not back on my card')).toBe('refund_request');
    expect(classifyProblem("je veux qu'on me rende les 3000 FC de l'emballage cadeau")).toBe('refund_request');
  });

  it('reads a refund promised, in any person, and the message ending on the wait, as money not come', () => {
    expect(classifyProblem('walisema watarudisha pesa, mpaka leo bado')).toBe('refund_request');
    expect(classifyProblem('ganji yangu iko wapi?')).toBe('refund_request');
    expect(classifyProblem("la vendeuse m'a dit que j'allais être remboursée dès qu'elle récupère le carton chez le transporteur, trois semaines plus tard toujours rien")).toBe('refund_request');
  });
});

describe('Swahili and Lingala forms', () => {
  it('reads « futa » asked (« mfute », « ifutwe ») as a cancellation', () => {
    expect(classifyProblem('tafadhali mfute agizo langu la jana')).toBe('cancellation');
    expect(classifyProblem('naomba oda hii ifutwe leo')).toBe('cancellation');
    expect(cues('sijazihitaji tena')).toContain('no_longer_want');
    expect(cues('niliagiza kimakosa')).toContain('own_mistake');
  });

  it('reads whether the shop has a branch in a town (« bozali na magazin na … ? ») as a question about the shop', () => {
    expect(classifyProblem('bozali na magazin na Kisangani?')).toBeNull();
  });

  it('reads « ebimi naino ? » and "follow my parcel" as questions about the delivery', () => {
    expect(classifyProblem('sakosi na ngai ebimi naino?')).toBe('delivery_question');
    expect(classifyProblem('how can I follow my parcel?')).toBe('delivery_question');
    expect(cues("just checking if it's been dispatched")).toContain('shipped_q');
  });

  it('reads thanks and praise said formally or in Sheng as no problem', () => {
    expect(classifyProblem('je tiens à exprimer toute ma satisfaction pour le service')).toBeNull();
    expect(classifyProblem("bravo au vendeur pour l'emballage")).toBeNull();
    expect(classifyProblem('mzigo imeingia, iko fiti kabisa')).toBeNull();
    expect(classifyProblem('nawashukuru sana kwa kazi nzuri')).toBeNull();
  });
});

describe('long stories with one thing to say', () => {
  it('reads a story whose only problem is the item\'s damage, or that asks to send back what is not needed, or when it comes', () => {
    expect(classifyProblem("Livré hier, rien à redire sur l'état. Le problème, c'est que ma sœur m'a offert la même bouilloire entre-temps. Je n'en ai plus besoin, je peux la renvoyer ?")).toBe('return_request');
    expect(classifyProblem("J'organise la communion de ma fille le 12. J'ai commandé la robe lundi et l'appli dit livraison estimée le 8. Je voulais juste être sûre que ce sera là à temps, merci.")).toBe('delivery_question');
    // A code, not the item, that does not work stays a problem of another kind.
    expect(classifyProblem('le code de parrainage que mon cousin m a donné ne marche pas')).toBe('other');
    expect(classifyProblem('Je commande ici depuis trois ans sans jamais de souci. Cette fois j ai pris un service a the pour ma belle-mere, livre lundi par un livreur tres poli. A l ouverture, la theiere avait le bec fele et deux tasses ebrechees et cassees. Elle qui voulait l offrir. Que peut-on faire ?')).toBe('not_as_described');
  });
});

describe('contact outside the marketplace, as East Africa and dictation say it', () => {
  it('reads "not picking my calls" from the seller as contact, from the rider as delivery, and « je m\'appelle » as a name', () => {
    expect(mentionsOffPlatform('the seller is not picking my calls')).toBe(true);
    expect(mentionsOffPlatform('the rider is not picking my calls')).toBe(false);
    expect(mentionsOffPlatform("je m'appelle Grace, j'ai un souci avec mon colis")).toBe(false);
  });
});

describe('waiting told by what the buyer does and a day gone by', () => {
  it('reads « I have been checking every day », « je vérifie tous les jours » and a date that "came and went" as the parcel not come', () => {
    expect(classifyProblem("My order was meant for my sister's wedding. The shop said two days. The wedding came and went. I've been checking every day. Nothing. This is the last time I buy on this site.")).toBe('non_delivery');
    expect(classifyProblem('je vérifie tous les jours depuis deux semaines, toujours rien')).toBe('non_delivery');
    // Testing the bot is still no problem.
    expect(classifyProblem('just checking if this bot works')).toBeNull();
  });
});

describe('a part that gave way, told in plain English', () => {
  it('reads "the strap broke the first day", "the heel came off", "it stopped working" as the item not as described', () => {
    expect(classifyProblem("Hello, order 1003 – the bag's strap broke the first day I used it. Not happy.")).toBe('not_as_described');
    expect(classifyProblem('the heel came off after two days, very poor quality')).toBe('not_as_described');
    expect(classifyProblem('it stopped working after two days')).toBe('not_as_described');
    // The buyer's own phone breaking is no problem with the item.
    expect(cuesOf(canonical('my phone broke so I could not answer the courier'))).not.toContain('damaged');
  });
});

// Whole phenomena the fifth blind set (test/fixtures/understanding-blind-5/) showed the classifier missing: cancelling without
// the word « annuler », a problem told as settled, how the courier will come, whether the shop delivers to a town, sizes in
// Swahili noun classes, a payment that fails, money after a return, the item sent back said another way, contact outside the
// marketplace in Swahili and on Facebook. New sentences again, none a blind message.
describe('cancelling without the word « annuler »', () => {
  it('reads « supprimez la commande », "call off my order", « futa oda », « laissez tomber », « bolongola moko » as a cancellation', () => {
    expect(classifyProblem("bonjour, supprimez la commande du ventilateur que j'ai passée ce matin")).toBe('cancellation');
    expect(classifyProblem("could you call off my order? it hasn't left yet")).toBe('cancellation');
    expect(classifyProblem('tafadhali futa oda ya mafuta niliyoweka jana')).toBe('cancellation');
    expect(classifyProblem('laissez tomber la commande de chaises svp')).toBe('cancellation');
    expect(classifyProblem('nasali commande ya sapato mbala mibale, bolongola yango moko')).toBe('cancellation');
  });
});

describe('a problem told as settled', () => {
  it('reads "the seller sorted it out", « la boutique a tout réglé », « limeitatua », « kiko poa » as no problem, and a settlement denied as one', () => {
    expect(classifyProblem('we had an issue with the colour but the seller sorted it out, all fine now')).toBeNull();
    expect(classifyProblem("Nous avions un souci de livraison mais la boutique a tout réglé, c'est bon")).toBeNull();
    expect(classifyProblem('nilikuwa na shida na oda lakini duka limeitatua')).toBeNull();
    expect(classifyProblem('mzigo umefika, kila kitu kiko poa')).toBeNull();
    expect(classifyProblem("le problème n'est toujours pas réglé avec le vendeur")).toBe('other');
    expect(classifyProblem('ninaomba mnisaidie kutatua tatizo la oda yangu')).toBe('other');
  });
});

describe('how the courier will come, and where the shop delivers', () => {
  it('reads whether the courier can come later, call or phone from the gate as a question about the delivery, and no contact outside', () => {
    expect(classifyProblem('est-ce que le livreur peut venir apres 18h ? je rentre tard')).toBe('delivery_question');
    expect(classifyProblem('could the driver phone me from the gate when he arrives?')).toBe('delivery_question');
    expect(classifyProblem('motindi akoki koya na mpokwa?')).toBe('delivery_question');
    expect(classifyProblem('dereva anaweza kunipigia simu akikaribia?')).toBe('delivery_question');
    expect(mentionsOffPlatform('dereva anaweza kunipigia simu akikaribia?')).toBe(false);
    expect(mentionsOffPlatform('motindi akoki kobenga ngai na telephone soki akomi?')).toBe(false);
  });

  it('reads whether the shop delivers to a town, with no order named, as a question about the shop', () => {
    expect(classifyProblem('do you ship to Kisumu?')).toBeNull();
    expect(classifyProblem('bokoki kotinda na Kikwit?')).toBeNull();
    expect(classifyProblem('Kolwezi est dans votre zone de livraison ?')).toBeNull();
    expect(classifyProblem('mnapeleka mpaka Uvira?')).toBeNull();
  });
});

describe('sizes, payments and money, as buyers say them', () => {
  it('reads « ni kidogo », « ni mkubwa » (Swahili noun classes) as a size that does not fit', () => {
    expect(classifyProblem('kiatu hiki ni kidogo kwangu')).toBe('wrong_size');
    expect(classifyProblem('mkanda ni mkubwa sana kwangu')).toBe('wrong_size');
  });

  it('reads a payment that fails (« ezali koleka te », « bloqué, ça refuse ») as a problem of its own, no parcel lost', () => {
    expect(classifyProblem('paiement ya M-Pesa ezali koleka te')).toBe('other');
    expect(classifyProblem('paiement bloqué, ça refuse à chaque fois')).toBe('other');
    expect(classifyProblem('the payment is blocked again, error every time')).toBe('other');
  });

  it('reads "still no money" after a return, and "my cash", as money owed', () => {
    expect(classifyProblem('I returned the kettle, the seller got it, still no money')).toBe('refund_request');
    expect(classifyProblem('give me back my cash please')).toBe('refund_request');
  });

  it('reads "mail the lamp back", "send the chair back" as a return, even after "I changed my mind"', () => {
    expect(classifyProblem('how can I mail the lamp back to the seller?')).toBe('return_request');
    expect(classifyProblem('Can I send the chair back? I changed my mind')).toBe('return_request');
  });

  it('reads "havnt recieved" as not received', () => {
    expect(classifyProblem('hello i havnt recieved my order, seller doesnt answer')).toBe('non_delivery');
    expect(classifyProblem('i havnt recieved the blender, texted the seller no answer')).toBe('non_delivery');
  });
});

describe('contact outside the marketplace, in Swahili and on Facebook', () => {
  it('reads « nilimpigia muuzaji », « nimemtumia sms », "ringing me", « écrit sur fb » as contact, a phone bought or an e-mail address as none', () => {
    expect(mentionsOffPlatform('nilimpigia muuzaji mara tatu hapokei')).toBe(true);
    expect(mentionsOffPlatform('nimemtumia muuzaji sms jana')).toBe(true);
    expect(mentionsOffPlatform('he keeps ringing me at night')).toBe(true);
    expect(mentionsOffPlatform("j'ai écrit à la vendeuse sur fb, rien")).toBe(true);
    expect(mentionsOffPlatform('nalingi kozongisa mbongo mpo na telephone oyo ebukani')).toBe(false);
    expect(mentionsOffPlatform('how do I update my email address?')).toBe(false);
    expect(mentionsOffPlatform('je voudrais modifier mon adresse e-mail')).toBe(false);
    expect(mentionsOffPlatform('écrivez-moi plutôt sur mon mail')).toBe(true);
    expect(mentionsOffPlatform('I emailed the seller')).toBe(true);
  });
});

describe('Lingala: « ezali te oyo … » is not the one shown', () => {
  it('reads « eloko nazwi ezali te oyo bamonisaki na foto » as the item not as described, « nazwi colis te » still as not come', () => {
    expect(classifyProblem('eloko nazwi ezali te oyo bamonisaki na foto')).toBe('not_as_described');
    expect(classifyProblem('nazwi colis na ngai te')).toBe('non_delivery');
  });
  it('reads « moteki azongisaka eyano te » (the seller gives no answer) as the seller silent, as « il ne répond pas »', () => {
    expect(cuesOf(canonical('moteki azongisaka eyano te, nasali nini?'))).toContain('seller_contact');
    expect(classifyProblem('moteki azongisaka eyano te, nasali nini?')).toBe(classifyProblem('le vendeur ne répond pas, je fais quoi ?'));
  });
});

// Whole phenomena the sixth blind set (test/fixtures/understanding-blind-6/) showed the classifier missing; the sentences are
// new ones, not the blind messages.
describe('sixth blind set: questions about a delivery that is not late', () => {
  it('reads "has it been sent?" in Lingala (« atindi yango naino te ? ») as a question, not a cancellation', () => {
    expect(cues('atindi yango naino te?')).toContain('not_shipped');
    expect(classifyProblem('atindi yango naino te?')).toBe('delivery_question');
    expect(classifyProblem('has the seller not shipped it yet?')).toBe('delivery_question');
    // Asked after weeks, it is late.
    expect(classifyProblem('pas encore expedie? ca fait 3 semaines')).toBe('non_delivery');
  });

  it('reads a question whose only wait is a few days (« en route depuis 3 jours, c\'est normal ? ») as a question, not a non-delivery', () => {
    expect(classifyProblem('le colis est en route depuis 3 jours, c est normal ?')).toBe('delivery_question');
    expect(classifyProblem('tracking says in transit since yesterday, what does that mean?')).toBe('delivery_question');
  });

  it('reads the date said not to have come (« tarehe bado », "not overdue yet") as a question, past the date as late', () => {
    expect(classifyProblem('mzigo uko wapi? najua tarehe bado')).toBe('delivery_question');
    expect(classifyProblem('where is my package? not overdue yet, just curious')).toBe('delivery_question');
    expect(classifyProblem('when is my parcel coming? it is already past the expected date')).toBe('non_delivery');
    expect(classifyProblem('oda yangu iko wapi? tarehe imepita')).toBe('non_delivery');
    expect(classifyProblem('livraison prevue pour le 5, on est le 19, toujours rien')).toBe('non_delivery');
  });

  it('reads "parcel never came. refund me" as the parcel not come: "refund me" is asked, not a refund missing', () => {
    expect(classifyProblem('parcel never came. refund me')).toBe('non_delivery');
    expect(cues('never received, refund me please')).not.toContain('money_not_back');
  });
});

describe('sixth blind set: change of mind, before and after it came', () => {
  it('reads « totiki commande, nalingi yango te, ekomi naino te » (not wanted, not come yet) as a cancellation', () => {
    expect(classifyProblem('totiki commande wana, nalingi yango te, ekomi naino te')).toBe('cancellation');
    expect(classifyProblem('ca tarde trop a partir, je prefere annuler')).toBe('cancellation');
    // Ordered today: « wrong item » is the buyer's pick, nothing has come to be unlike the listing.
    expect(classifyProblem('i placed an order today with the wrong item, cancel it')).toBe('cancellation');
  });

  it('reads "cancel" or « j\'en veux plus » about a parcel received, nothing wrong with it, as a return', () => {
    expect(classifyProblem('je l ai bien recu mais je n en ai plus besoin, je peux annuler ?')).toBe('return_request');
    expect(classifyProblem('I got it yesterday but I dont need it anymore, cancel please')).toBe('return_request');
    expect(classifyProblem('article recu, conforme a la photo, mais finalement je n en veux plus')).toBe('return_request');
    expect(classifyProblem('vous pouvez reprendre la lampe ? ma femme n en veut pas')).toBe('return_request');
    // Received and at fault: the listing problem.
    expect(classifyProblem('I got it but it does not work, I want to cancel')).toBe('not_as_described');
  });

  it('reads « ne me plaît pas », « sijaipenda » (not liked, nothing wrong) as a return', () => {
    expect(classifyProblem('la teinte ne me plait pas, c est moi qui l ai prise')).toBe('return_request');
    expect(classifyProblem('I dont like the shade I chose, can I change it')).toBe('return_request');
    expect(classifyProblem('rangi haipendi mke wangu, ni mimi nilichagua')).toBe('return_request');
    // A seller quoted ("if you don't like it go elsewhere") is not the buyer's dislike.
    expect(cues("he said if you don't like it buy elsewhere")).not.toContain('dislike');
  });
});

describe('sixth blind set: sizes, wear and money', () => {
  it('reads « il m\'a envoyé du 44 » (SMS agreement) as the seller\'s size mistake, "fits my sister not me" as the buyer\'s', () => {
    expect(classifyProblem('j avais pris du 40, il m a envoye du 44')).toBe('not_as_described');
    expect(cues('the top fits my cousin not me, too small')).not.toContain('seller_did');
  });

  it('reads the size picked and the foot measured (« pris en M », « mguu wangu ni 42 ») as a wrong size, even after thanks', () => {
    expect(classifyProblem('Merci, le pantalon est super, comme sur la photo. Seulement je l ai pris en M et il me serre, je peux avoir le L ?')).toBe('wrong_size');
    expect(classifyProblem('mguu wangu ni 42, nilinunua 40, tubadilishe?')).toBe('wrong_size');
    expect(cues('la robe ne me ferme pas')).not.toContain('shop_hours');
  });

  it('reads an item that worked for months and then broke as a problem of no case kind, one broken in days as not as described', () => {
    expect(classifyProblem('mon frigo fonctionnait bien pendant 8 mois et maintenant il ne refroidit plus')).toBe('other');
    expect(classifyProblem('the blender worked well for three months then stopped working')).toBe('other');
    expect(classifyProblem('the radio worked fine for 2 days and then stopped')).toBe('not_as_described');
  });

  it('reads being charged over the price shown, and the price dropped in Swahili, as a refund request', () => {
    expect(classifyProblem('I was charged more than the listed price')).toBe('refund_request');
    expect(classifyProblem('on m a preleve plus que le montant affiche')).toBe('refund_request');
    expect(classifyProblem('bei ilishuka kesho yake, nirudishieni tofauti')).toBe('refund_request');
  });

  it('reads an address to change in Lingala or Swahili spelling, and a Lingala insult (« afingi »), as other', () => {
    expect(classifyProblem('tafadhali badilisha adresi yangu')).toBe('other');
    expect(classifyProblem('nazali kolinga kobongola adresi')).toBe('other');
    expect(classifyProblem('mosombisi afingaki ngai')).toBe('other');
    expect(classifyProblem('moteki azali kofinga biso')).toBe('other');
  });
});

describe('sixth blind set: no problem at all', () => {
  it('reads Nairobi greetings, « reçu ✅ », "what is this bot?" and a test message as no problem', () => {
    expect(classifyProblem('mambo, poa sana')).toBeNull();
    expect(classifyProblem('vipi')).toBeNull();
    expect(classifyProblem('nazwi yango ✅')).toBeNull();
    expect(classifyProblem('c est quoi ce bot ?')).toBeNull();
    expect(classifyProblem('testing')).toBeNull();
    // Greeted first, the problem still stands; « si poa » is "not fine".
    expect(classifyProblem('sasa mzigo wangu haujafika, ni wiki tatu')).toBe('non_delivery');
    expect(classifyProblem('simu haifanyi kazi, si poa')).toBe('not_as_described');
  });
});

describe('story probe (test/app/engine/story-probe.test.ts): long stories', () => {
  it('reads « mais c\'est faux » as a statement called untrue, not a fake item (« c\'est du faux » still is)', () => {
    expect(cues("il m'a écrit que le colis est parti hier, mais c'est faux")).not.toContain('fake');
    expect(cues("elle dit que c'était livré, c'est faux, le livreur n'a jamais appelé")).not.toContain('fake');
    expect(cues("c'est du faux, pas du vrai wax")).toContain('fake');
    expect(cues('ezali faux, marque te')).toContain('fake');
  });

  it('reads « toujours rien … je peux être remboursée ? » as money asked for after nothing came, not money not back', () => {
    expect(cues("toujours rien depuis le 2 novembre, est-ce que je peux être remboursé ?")).not.toContain('money_not_back');
    expect(classifyProblem("le livreur a disparu, aujourd'hui toujours rien. pourrais-je être remboursée ?")).toBe('non_delivery');
    // The money itself not back is still that.
    expect(cues('toujours pas reçu mon remboursement')).toContain('money_not_back');
  });
});

// Whole phenomena the seventh blind set (test/fixtures/understanding-blind-7/) showed the classifier missing, each with new
// sentences in other words than the set's.
describe('seventh blind set: French written as it sounds, and emoji that stand for words', () => {
  it('reads phonetic spellings of the order, its time and its arrival as those words', () => {
    expect(canonical('ma komande sa fé 2 semen')).toBe('ma commande ca fait 2 semaine');
    expect(canonical('le kolis ankor')).toBe('le colis encore');
    expect(classifyProblem('jai komandé la valise 2 fwa, enlevez la deuxieme')).toBe('cancellation');
    expect(classifyProblem('le vendeur repon pa a mes mesaj')).toBe('other');
  });

  it('reads a parcel or a lorry with a question mark as a question about the delivery', () => {
    expect(classifyProblem('🚚❓')).toBe('delivery_question');
    expect(classifyProblem('📦 ❔')).toBe('delivery_question');
  });
});

describe('seventh blind set: questions before a purchase, and about a delivery, in few words', () => {
  it('reads a question about the shop\'s goods as no problem, unless a problem is said with it', () => {
    expect(classifyProblem('avez vous ce telephone en bleu ?')).toBeNull();
    expect(classifyProblem('do you stock solar fans?')).toBeNull();
    expect(classifyProblem('mnauza viatu za watoto?')).toBeNull();
    expect(classifyProblem('bozalaka na télévision ya 55 pouces?')).toBeNull();
    expect(classifyProblem('vous avez le meme en 43 ? celui ci est trop petit pour moi')).toBe('wrong_size');
    expect(classifyProblem('is this lamp still available?')).toBeNull();
    // Whether the seller is available is no question about goods.
    expect(classifyProblem('is the seller available? he does not answer')).not.toBeNull();
  });

  it('reads how far along, today or tomorrow, the courier\'s call and a tracking code asked as a delivery question', () => {
    expect(classifyProblem('la commande ça avance ?')).toBe('delivery_question');
    expect(classifyProblem('what stage is my parcel at')).toBe('delivery_question');
    expect(classifyProblem('where my phone')).toBe('delivery_question');
    expect(classifyProblem('c est pour aujourd hui ou demain la livraison des chaises ?')).toBe('delivery_question');
    expect(classifyProblem('le livreur va sonner ou appeler ?')).toBe('delivery_question');
    expect(classifyProblem('tracking code please')).toBe('delivery_question');
    // Said to be late, the same question is a non-delivery.
    expect(classifyProblem('oda yangu iko wapi? imepita mwezi mmoja')).toBe('non_delivery');
  });
});

describe('seventh blind set: cancelling, returning and money, said otherwise', () => {
  it('reads « pas la peine d\'envoyer », « j\'annule », Lingala « botika », a double order and "refund me before you ship" as a cancellation', () => {
    expect(classifyProblem("pas la peine de m'envoyer la valise, j'ai trouvé mieux")).toBe('cancellation');
    expect(classifyProblem("j'annule ma commande de rideaux")).toBe('cancellation');
    expect(classifyProblem('botika oda oyo')).toBe('cancellation');
    // Having ordered twice before, happily, is no double order.
    expect(classifyProblem("j'ai déjà commandé 2 fois chez vous, jamais de problème, merci")).toBeNull();
    expect(classifyProblem("don't need the chair anymore, refund me before you ship it")).toBe('cancellation');
  });

  it('reads « je le rends », « ça me sert à rien » and an exchange with the size said right as a return', () => {
    expect(classifyProblem('colis bien reçu mais il me sert plus a rien, je le rends')).toBe('return_request');
    expect(classifyProblem('taille ezali malamu kasi nalingi ko changer couleur, ya vert ekoki te')).toBe('return_request');
  });

  it('reads a refund said in Lingala not to have come, or promised in the present, as a refund request', () => {
    expect(classifyProblem('refund na ngai eyei naino te')).toBe('refund_request');
    expect(classifyProblem("le vendeur a dit qu'il me rembourse, rien depuis lundi")).toBe('refund_request');
  });
});

describe('seventh blind set: sizes, part of an order, and problems of no case kind', () => {
  it('reads squeezing, not closing, « ekoti te » and a size like 3XL as a size that does not fit; good quality as no defect', () => {
    expect(classifyProblem('the blazer is squeezing my shoulders, can I get a 3XL')).toBe('wrong_size');
    expect(classifyProblem('sapato ekoti te, pesa ngai 44')).toBe('wrong_size');
    expect(classifyProblem("Bonsoir, la jupe est superbe, comme sur la photo, mais je n'arrive pas à la fermer. Je peux avoir la 40 ?")).toBe('wrong_size');
    expect(cues('the quality is great')).not.toContain('quality');
  });

  it('reads the missing one named last with « jamais » as part of the order not come', () => {
    expect(classifyProblem("j'ai reçu la jupe, le foulard jamais")).toBe('non_delivery');
  });

  it('reads an impersonator, a seller\'s threat over a review and an address to change as other', () => {
    expect(classifyProblem('quelqu un se faisait passer pour le service client sur facebook')).toBe('other');
    expect(classifyProblem('someone pretending to be your agent asked for my PIN')).toBe('other');
    expect(classifyProblem('the seller said if I leave a bad review he will post my number online')).toBe('other');
    expect(classifyProblem("please update my address, I moved to Bandal, I don't want to cancel")).toBe('other');
    expect(cues('it is going to my old address')).not.toContain('damaged');
  });
});

describe('seventh blind set: no problem', () => {
  it('reads "robot or human?", money landed, « ni makosa yangu … umefika » and « à bientôt » as no problem', () => {
    expect(classifyProblem('vous êtes un robot ou un humain ?')).toBeNull();
    expect(classifyProblem('money landed in my account, thanks')).toBeNull();
    expect(classifyProblem('samahani, ilikuwa makosa yangu, mzigo umefika')).toBeNull();
    expect(classifyProblem('ok super, à bientôt')).toBeNull();
    // Which order, corrected, and nothing else (the weights moved a little with the spellings above, and « pas la » leaned it
    // to a listing problem).
    expect(classifyProblem("c'est la 1002, pas la 1004")).toBeNull();
    expect(classifyProblem('sorry, it is 1002 not 1004')).toBeNull();
    expect(classifyProblem('la 1002 pas arrivée')).toBe('non_delivery');
  });
});

// Whole phenomena the eighth blind set (test/fixtures/understanding-blind-8/) showed the classifier missing, each with new
// sentences in other words than the set's.
describe('eighth blind set: how to buy, pay or sell is no problem', () => {
  it('reads how to buy or pay, asked with or without a question mark, as no problem', () => {
    expect(classifyProblem('comment je commande sur le site ?')).toBeNull();
    expect(classifyProblem('je paie comment, airtel ou orange money ?')).toBeNull();
    expect(classifyProblem('how can I order from here')).toBeNull();
    expect(classifyProblem('nakoki kofuta ndenge nini?')).toBeNull();
    expect(classifyProblem('jinsi ya kulipa ni gani?')).toBeNull();
    expect(classifyProblem('on peut payer a la livraison ?')).toBeNull();
    // With a problem said beside it, the problem stands.
    expect(classifyProblem('comment on achete si le vendeur ne repond jamais ?')).not.toBeNull();
  });

  it('reads wanting to sell on the marketplace as no problem, in French, English, Lingala and Swahili', () => {
    expect(classifyProblem('je voudrais vendre mes chaussures ici')).toBeNull();
    expect(classifyProblem('I want to start selling my soaps')).toBeNull();
    expect(classifyProblem('tolingi koteka biloko na biso')).toBeNull();
    expect(classifyProblem('ningependa kuuza nguo zangu hapa')).toBeNull();
  });

  it('reads a payment that fails, a courier asking more, a contact to change for a delivery and a password as problems', () => {
    expect(classifyProblem('how do I pay? the app keeps failing')).not.toBeNull();
    expect(classifyProblem('comment je paie le livreur, il veut 5000 de plus ?')).toBe('other');
    expect(classifyProblem('comment changer le numero pour la livraison ?')).toBe('other');
    // How to change a password is an account matter (the corpus and the fifth blind set), whatever the verb's form.
    expect(classifyProblem('comment je modifie mon mot de passe ?')).toBe('other');
    expect(classifyProblem("impossible de me connecter, mot de passe oublié et aucun code")).toBe('other');
  });
});

describe('eighth blind set: delivery questions in few words', () => {
  it('reads whether it has left, the tracking not moved since yesterday, collecting it and a holiday as a delivery question', () => {
    expect(classifyProblem('has my parcel left the warehouse?')).toBe('delivery_question');
    expect(classifyProblem('did the order go out?')).toBe('delivery_question');
    expect(classifyProblem('batindaki commande?')).toBe('delivery_question');
    expect(classifyProblem('suivi pas mis à jour depuis hier, normal ?')).toBe('delivery_question');
    expect(classifyProblem('ça arrive demain ou après-demain ?')).toBe('delivery_question');
    expect(classifyProblem('je peux passer récupérer le colis moi-même ?')).toBe('delivery_question');
    expect(classifyProblem('livré avant le week-end ?')).toBe('delivery_question');
  });

  it('reads a date named then today\'s date, a whole month, and a neighbour with nothing as a non-delivery', () => {
    expect(classifyProblem("bought a kettle on the 5th, it's now the 30th and still nothing")).toBe('non_delivery');
    expect(classifyProblem('promis pour le 3, on est le 20, rien')).toBe('non_delivery');
    expect(classifyProblem("ils disent livré chez le gardien, le gardien n'a rien reçu")).toBe('non_delivery');
    expect(classifyProblem('oda yangu iko wapi? mwezi mzima sasa')).toBe('non_delivery');
    expect(classifyProblem('sijauona mzigo wangu')).toBe('non_delivery');
    // A delay promised is no money promised; money promised still is.
    expect(cues("j'ai payé 50 dollars, on m'avait promis 5 jours, toujours rien")).not.toContain('money_not_back');
    expect(cues('le remboursement promis, toujours rien')).toContain('money_not_back');
  });
});

describe('eighth blind set: listing problems, money and cancelling said otherwise', () => {
  it('reads a burnt smell, an item sold without a part and the seller\'s size beside an invoice as not as described', () => {
    expect(classifyProblem("le ventilateur sent le brûlé dès qu'on l'allume")).toBe('not_as_described');
    expect(classifyProblem('the iron gives a burning smell the first time')).toBe('not_as_described');
    expect(classifyProblem('vous m avez vendu un vélo sans pédales')).toBe('not_as_described');
    expect(classifyProblem("ils ont envoyé du 39 alors que j'ai commandé du 41, voir la facture")).toBe('not_as_described');
    // « Mon fils l'a ouvert » is no question about opening hours.
    expect(cues("mon fils l'a ouvert")).not.toContain('not_a_problem_q');
  });

  it('reads an amount short of a refund, an amount taken too much and a refund promised by phone as a refund request', () => {
    expect(classifyProblem('remboursement partiel, il manque encore 15 dollars')).toBe('refund_request');
    expect(cues('il manque 3000 fc')).not.toContain('missing_piece');
    expect(cues('il manque 2 boutons')).toContain('missing_piece');
    expect(classifyProblem("on m'a facturé 2000 fc en trop")).toBe('refund_request');
    expect(classifyProblem("la vendeuse a dit par whatsapp qu'elle me rembourse, rien reçu depuis")).toBe('refund_request');
  });

  it('reads « stop my order », the Swahili request form and « annuler commande » first as a cancellation; the seller asking it as other', () => {
    expect(classifyProblem('can you stop the order please, the price dropped elsewhere')).toBe('cancellation');
    expect(classifyProblem('naomba mzifute oda zangu za leo')).toBe('cancellation');
    expect(classifyProblem('annuler commande, mbongo ekoki te')).toBe('cancellation');
    expect(classifyProblem('the seller wants me to cancel it myself so he avoids a penalty, is that allowed?')).toBe('other');
    expect(classifyProblem("le vendeur m'a demandé d'annuler et je veux bien annuler, je n'en veux plus")).toBe('cancellation');
  });
});

describe('eighth blind set: returns and sizes', () => {
  it('reads "nothing wrong with it", too small for a thing, a colour asked in Swahili and paying the difference as a return', () => {
    expect(classifyProblem('nothing wrong with it, just not what I expected, can I send it back?')).toBe('return_request');
    expect(classifyProblem('the rug is fine but too big for my room, can I return it?')).toBe('return_request');
    expect(classifyProblem('rudisha hizi nipe ya rangi nyeusi')).toBe('return_request');
    expect(classifyProblem("can I swap it for the black one? I'll pay the difference")).toBe('return_request');
  });

  it('reads « me serrent » with the size clicked, and Swahili « ni fupi kwangu », as the buyer\'s size', () => {
    expect(classifyProblem("ces bottes me serrent, je voulais du 40, j'ai cliqué 39")).toBe('wrong_size');
    expect(classifyProblem('gauni ni fupi sana kwangu')).toBe('wrong_size');
  });
});

// Whole phenomena the ninth blind set (test/fixtures/understanding-blind-9/) showed the classifier missing: how people write
// when hurried or angry (long stories, an earlier order told first, dictation, phonetic spelling). New sentences, in other
// words than the set's.
describe('ninth blind set: an earlier order told first, and late said otherwise', () => {
  it('does not count an earlier order\'s wait against this one (« la dernière fois… alors », "last time… this time")', () => {
    expect(classifyProblem('la dernière fois mon paquet a traîné 5 semaines, alors je demande : la commande passée hier est déjà expédiée ?')).toBe('delivery_question');
    expect(classifyProblem('last time my parcel took a month, this time I just want to know if the order from Monday has shipped yet?')).toBe('delivery_question');
    // This order's own wait, told after the earlier one, still counts.
    expect(classifyProblem("la dernière fois rien n'est venu, et cette fois encore rien après 3 semaines")).toBe('non_delivery');
  });

  it('reads a due day in Swahili, a date said past as dictated, and « rien jusqu\'à maintenant » as late', () => {
    expect(classifyProblem('mzigo ilikuwa ifike jumatatu iliyopita, sijaona kitu')).toBe('non_delivery');
    expect(classifyProblem('oda ilikuwa ifike tarehe 2, leo ni tarehe 19 bado')).toBe('non_delivery');
    expect(classifyProblem('kan es ke ma komand arive? la date es depasé depui lontan')).toBe('non_delivery');
    expect(classifyProblem("j'ai payé le 10 octobre et rien jusqu'à maintenant, le vendeur ne décroche pas")).toBe('non_delivery');
    expect(classifyProblem('il devait arrivé le 3 et toujours pas là')).toBe('non_delivery');
  });

  it('reads whether it has left or not yet, and whether the driver calls, as delivery questions', () => {
    expect(classifyProblem('colis na ngai ebimi to naino te?')).toBe('delivery_question');
    expect(classifyProblem('does the driver call when he arrives? order coming this week')).toBe('delivery_question');
  });
});

describe('ninth blind set: money, cancelling and returning said otherwise', () => {
  it('reads a cancellation made, then nothing, money named, as a refund not paid', () => {
    expect(classifyProblem('commande annulée il y a 3 semaines, 25 dollars, et toujours rien sur mon compte')).toBe('refund_request');
    expect(classifyProblem("j'ai annulé la commande le 2 et toujours rien, je veux mon argent")).toBe('refund_request');
    expect(classifyProblem('balobaki bakozongisa mbongo na ngai, kasi naino te')).toBe('refund_request');
    expect(classifyProblem('hela yangu haijarudi mpaka leo')).toBe('refund_request');
  });

  it('reads the buyer\'s own lack of money as no refund owed, and « bolongola ngai commande » as a cancellation', () => {
    expect(classifyProblem("annulez ma commande svp, je n'ai pas d'argent pour payer le reste")).toBe('cancellation');
    expect(classifyProblem("please cancel my order, i don't have money now")).toBe('cancellation');
    expect(classifyProblem('bolongola ngai commande ya lobi, nazali na posa na yango te')).toBe('cancellation');
    expect(classifyProblem('commande oyo nasalaki, nazali na posa na yango lisusu te, bolongola yango')).toBe('cancellation');
  });

  it('reads a quantity ordered by mistake, cancelled before anything left, as a cancellation', () => {
    expect(classifyProblem("j'ai commandé 20 sacs au lieu de 2 par erreur, annulez, rien n'est encore parti")).toBe('cancellation');
  });

  it('reads a return wished beside a question about another order as the return', () => {
    expect(classifyProblem("je voudrais retourner le pantalon, et aussi savoir quand arrive l'autre colis")).toBe('return_request');
    expect(classifyProblem("I'd like to send back the lamp, and when will my other order come?")).toBe('return_request');
  });
});

describe('ninth blind set: listing problems, sizes and problems of no case kind', () => {
  it('reads plugged in then nothing, a strange noise, and pieces missing from what came, as not as described', () => {
    expect(classifyProblem('on a branché la télé hier soir, un bruit bizarre puis plus rien')).toBe('not_as_described');
    expect(classifyProblem('I plugged it in and nothing happened, brand new kettle')).toBe('not_as_described');
    expect(classifyProblem('nazwi carton lelo kasi biloko 2 ezangi')).toBe('not_as_described');
    // The parcel itself missing stays a non-delivery.
    expect(classifyProblem('colis na ngai ezangi')).toBe('non_delivery');
  });

  it('reads a code, a coupon or the account failing as an account matter, not an item that does not work', () => {
    expect(classifyProblem('le coupon NOEL ne marche pas, il dit expiré')).toBe('other');
    expect(classifyProblem('coupon haifanyi kazi kabisa')).toBe('other');
    expect(classifyProblem('mon conte est bloqué depuis hier')).toBe('other');
    expect(classifyProblem('my account is locked since this morning, help')).toBe('other');
  });

  it('reads a seller gone quiet or not picking up, a caller posing as support, and an address written wrong as other', () => {
    expect(classifyProblem('muuzaji ananyamaza tu, sijapata jibu wiki hii')).toBe('other');
    expect(classifyProblem("le vendeur décroche jamais quand j'appelle")).toBe('other');
    expect(classifyProblem('moto abengaki ngai alobi azali ya support na bino, asengi ngai code')).toBe('other');
    expect(classifyProblem('niliweka anwani kimakosa, bado haujafika, mnaweza kubadilisha?')).toBe('other');
    expect(classifyProblem("I typed the wrong address, it hasn't arrived yet, can you fix it?")).toBe('other');
  });

  it('reads a size too small chosen by the buyer, the swap asked in a long story or in Swahili, as the wrong size', () => {
    expect(classifyProblem("the coat won't close, I picked it too small, can I swap for a 56?")).toBe('wrong_size');
    expect(classifyProblem('viatu viko ndogo sana, ni makosa yangu nilichagua 38, nataka 40')).toBe('wrong_size');
  });
});

describe('ninth blind set: no problem', () => {
  it('reads a test repeated, a greeting or a blessing alone, as no problem; a problem after a greeting stands', () => {
    expect(classifyProblem('test test test')).toBeNull();
    expect(classifyProblem('good morning family, blessed week')).toBeNull();
    expect(classifyProblem('gm 🙏')).toBeNull();
    expect(classifyProblem('gm, my order never arrived')).toBe('non_delivery');
  });

  it('reads a refund received, its amount said or thanks given, and an arrival on time, as no problem', () => {
    expect(classifyProblem("merci, le vendeur m'a remboursée hier, vous êtes top")).toBeNull();
    expect(classifyProblem('money of 40 dollars received, thank you')).toBeNull();
    expect(classifyProblem('remboursement de 15 000 FC reçu ce matin, merci')).toBeNull();
    expect(classifyProblem('the parcel arrived on time, thanks a lot')).toBeNull();
    // Part of the money only is still a refund asked.
    expect(classifyProblem("le vendeur m'a remboursé la moitié seulement, merci quand même")).toBe('refund_request');
  });

  it('reads how to pay asked the other way round, in a learner\'s word order, and opening a shop in Swahili, as no problem', () => {
    expect(classifyProblem('how i can pay on this site?')).toBeNull();
    expect(classifyProblem('what payment methods do you accept?')).toBeNull();
    expect(classifyProblem('on peut payé par airtel money ?')).toBeNull();
    expect(classifyProblem('ningependa kufungua duka hapa, ada ni ngapi?')).toBeNull();
  });
});

// Whole phenomena the tenth blind set (test/fixtures/understanding-blind-10/) showed the classifier missing: a problem said to
// be settled, a notification pasted around the buyer's own line, thanks for an order someone else received, questions before
// buying, money not given back said in Lingala, and dates and trackings read as late. New sentences, none of the set's.
describe('tenth blind set: a problem said to be settled', () => {
  it('reads a problem said to be settled, with nothing after it, as no problem, in French, Swahili and Lingala', () => {
    expect(classifyProblem('le souci avec ma commande de la semaine passée a été réglé, merci beaucoup')).toBeNull();
    expect(classifyProblem('shida ya oda yangu imetatuliwa, asanteni sana')).toBeNull();
    expect(classifyProblem('likambo ya commande na ngai esili, matondo mingi')).toBeNull();
  });

  it('reads the problem told after a settled one, and a settlement denied, as that problem', () => {
    expect(classifyProblem("my refund issue was sorted out last week, thanks. now my new order hasn't arrived and it's 10 days past the date")).toBe('non_delivery');
    expect(classifyProblem("tout est réglé pour l'ancienne commande, mais celle d'hier je veux l'annuler, elle n'est pas encore partie")).toBe('cancellation');
    expect(classifyProblem("le problème n'est pas encore réglé, toujours rien reçu")).toBe('non_delivery');
    expect(classifyProblem('no further action needed on the refund, but my parcel is still missing')).toBe('non_delivery');
  });
});

describe('tenth blind set: notifications pasted, thanks and questions before buying', () => {
  it("reads the buyer's own line after a pasted notification, not the notification's words", () => {
    expect(classifyProblem("Votre colis CC-10234 a été livré le 02/12. Statut : Livré\n\nje n'ai rien reçu du tout")).toBe('non_delivery');
    expect(classifyProblem('Commande CC-3310 — Total 40 $ — Livraison estimée 12/12\n\nle sac reçu est déchiré')).toBe('not_as_described');
    expect(classifyProblem('"Your order CC-5521 has been delivered" yes got it, all good thanks')).toBeNull();
    // Money not back after a cancellation stays a refund, whatever the last line says.
    expect(classifyProblem('Commande annulée le 02/12, remboursement: en attente\n\ntoujours rien reçu')).toBe('refund_request');
  });

  it('reads thanks for an order received by a relative, and a compliment, as no problem', () => {
    expect(classifyProblem('ndeko na ngai azwi commande na ye lelo, alobi matondo')).toBeNull();
    expect(classifyProblem('dada amekipokea mzigo wake, kila kitu kiko sawa')).toBeNull();
    expect(classifyProblem('papa na ngai azwi colis, matondo mingi')).toBeNull();
    expect(classifyProblem('mama amekipokea kifurushi, asante')).toBeNull();
    expect(classifyProblem('nothing wrong, just saying the seller was really friendly')).toBeNull();
  });

  it('reads a question asked before ordering as no problem', () => {
    expect(classifyProblem('bozali ko livrer na Tshikapa? naino na commander te')).toBeNull();
    expect(classifyProblem('naweza kulipa kwa airtel money kabla ya kuagiza?')).toBeNull();
    expect(classifyProblem('mnapeleka hadi Kisumu? sijaagiza bado')).toBeNull();
    expect(classifyProblem('can I pay with airtel money before I order?')).toBeNull();
    expect(classifyProblem('nakoki kofuta na airtel money? naino na commander te')).toBeNull();
  });
});

describe('tenth blind set: money, dates, trackings and listing problems said otherwise', () => {
  it('reads money not given back, said in Lingala, as a refund asked', () => {
    expect(classifyProblem('na zongisaki eloko, kasi mbongo bazongisi naino te')).toBe('refund_request');
    expect(classifyProblem('mbongo ya commande oyo na annuler nazwi naino te')).toBe('refund_request');
    // Money paid and nothing received is still the parcel.
    expect(classifyProblem('nafutaki mbongo kasi nazwi eloko te')).toBe('non_delivery');
  });

  it('reads the order date and today, an earlier order told first and a tracking quiet since yesterday as questions; a tracking stuck for weeks as late', () => {
    expect(classifyProblem('commandé le 10, on est le 12, ça arrive quand ?')).toBe('delivery_question');
    expect(classifyProblem("la dernière fois mon colis était perdu, vous m'avez aidé. j'ai refait une commande hier, elle part quand ?")).toBe('delivery_question');
    expect(classifyProblem("tracking hasn't moved since yesterday, is that normal?")).toBe('delivery_question');
    expect(classifyProblem("just wondering if it'll arrive before my trip on the 18th, I ordered yesterday")).toBe('delivery_question');
    expect(classifyProblem("the tracking hasn't moved since the 20th of last month, where is it?")).toBe('non_delivery');
  });

  it('reads another brand or model, the seller sending a size in Lingala, and a fault after thanks as not as described', () => {
    expect(classifyProblem("I received the watch but it's a different brand, cheaper looking")).toBe('not_as_described');
    expect(classifyProblem('vendeur atindeli ngai elamba ya taille S na lieu ya L')).toBe('not_as_described');
    expect(classifyProblem('delivered quickly, thank you, but the screen is cracked')).toBe('not_as_described');
  });

  it('reads problems said not to be the matter, and a Swahili return of a thing not liked, as what the buyer does want', () => {
    expect(classifyProblem("ce n'est pas pour un colis perdu ou cassé, c'est le vendeur qui m'insulte")).toBe('other');
    expect(classifyProblem("rien n'est abîmé, c'est juste que la couleur ne me plaît pas, je peux la renvoyer ?")).toBe('return_request');
    expect(classifyProblem('naeza irudisha hii simu? siipendi')).toBe('return_request');
  });
});

// Whole phenomena the eleventh blind set (test/fixtures/understanding-blind-11/) showed the classifier missing: a problem told
// only by what was ordered, days or dates told against today, a day due now gone, agreeing to wait, amounts paid against the
// price shown, and Swahili and Lingala ways of saying "never came", "money not back", "send it back" and "received, does not
// work". New sentences, none of the set's.
describe('eleventh blind set: what was ordered, and when it was due', () => {
  it('reads a message that only says what was ordered (a size, a colour, a count) as not as described', () => {
    expect(classifyProblem("j'ai commandé du noir")).toBe('not_as_described');
    expect(classifyProblem('I ordered the size 40 one')).toBe('not_as_described');
    expect(classifyProblem('CC-20331 nililipia mbili')).toBe('not_as_described');
    expect(classifyProblem('niliagiza rangi ya bluu')).toBe('not_as_described');
  });

  it('reads days told against the day it is now, and a day due now gone, as late; a date still ahead as a question', () => {
    expect(classifyProblem('they said 3 days, now it is day 9')).toBe('non_delivery');
    expect(classifyProblem("on m'a dit 4 jours, on est au jour 10")).toBe('non_delivery');
    expect(classifyProblem('aliniambia siku tatu, leo ni siku ya saba')).toBe('non_delivery');
    expect(classifyProblem("the parcel was supposed to come on Monday and it's Thursday now")).toBe('non_delivery');
    expect(classifyProblem("j'étais censée recevoir le colis lundi dernier")).toBe('non_delivery');
    expect(classifyProblem('the app says it will arrive on the 24th and today is the 19th, is it on its way?')).toBe('delivery_question');
    expect(classifyProblem('itafika tarehe 28, leo ni tarehe 22, iko njiani?')).toBe('delivery_question');
    // Past the days told or the date said: still late.
    expect(classifyProblem("on m'a dit 7 jours, on est au jour 3, ça avance ?")).toBe('delivery_question');
    expect(classifyProblem('it will arrive on the 10th they said, today is the 18th, where is it?')).toBe('non_delivery');
  });

  it('reads agreeing to wait, and a settled problem named by its subject, as no problem', () => {
    expect(classifyProblem("ok I'll wait until Friday then")).toBeNull();
    expect(classifyProblem('le souci de couleur est réglé, ils m’ont renvoyé la bonne, merci')).toBeNull();
    expect(classifyProblem("I'll wait, but it's already two weeks late")).toBe('non_delivery');
  });
});

describe('eleventh blind set: money, returns, couriers and faults said otherwise', () => {
  it('reads an amount paid against the price shown as a refund asked', () => {
    expect(classifyProblem('they charged me 1200 but the listed price is 950')).toBe('refund_request');
    expect(classifyProblem("j'ai payé 30 dollars mais le prix affiché était 25")).toBe('refund_request');
    expect(classifyProblem('nililipa 500 ya delivery lakini walisema ni bure')).toBe('refund_request');
  });

  it('reads Swahili never-arrived, money promised and not back, returns and a courier asking more', () => {
    expect(classifyProblem('kifurushi changu hakijawahi kufika')).toBe('non_delivery');
    expect(classifyProblem('seller alisema atanirudishia hela wiki iliyopita, bado sijapata')).toBe('refund_request');
    expect(classifyProblem('chapaa yangu bado haijarudi, order ilighairiwa')).toBe('refund_request');
    expect(classifyProblem('nataka kuirejesha bidhaa, haina tatizo lolote')).toBe('return_request');
    expect(classifyProblem('rider anasema niongeze 200 kabla ya kunipa mzigo')).toBe('other');
  });

  it('reads a Lingala "received, does not work" as not as described, and "sent exactly what I ordered" as the buyer\'s size', () => {
    expect(classifyProblem('radio nazwi ezali kopela te')).toBe('not_as_described');
    expect(classifyProblem("they sent exactly what I ordered, a 38, it's just too tight on me")).toBe('wrong_size');
  });

  it('reads "never land", "never reached" (West and East African English) as not come, the money paid for it beside', () => {
    expect(classifyProblem('abeg the seller don take my money and the shoes never land, e don tey')).toBe('non_delivery');
    expect(classifyProblem('seller collect my money, my parcel neva land')).toBe('non_delivery');
    expect(classifyProblem('I paid the seller long ago and the dress never reached me, kindly help')).toBe('non_delivery');
  });
});
