# Languages (issue #16): the offer to switch, written in the language the user just wrote in; language names.

engine-lang-offer = Voulez-vous que je vous réponde en français ?
engine-lang-offer-yes = Oui, en français
engine-lang-offer-no = Non merci
engine-lang-offer-declined = D’accord, je ne vous le proposerai plus. /lang change la langue quand vous voulez.
engine-lang-switched = Vous m’écrivez en { common-lang-name } : je vous réponds désormais en { common-lang-name }. /lang change la langue quand vous voulez.
engine-lang-switch-back = Répondre en { common-lang-name }
common-lang-name = { $lang ->
    [fr] français
    [en] anglais
    [ln] lingala
    [sw] swahili
   *[other] { $lang }
  }
engine-card-language = Langue de l’acheteur : { common-lang-name }

## Discord: the languages among /lang's choices (Discord has no Lingala or Swahili locale of its own)

dc-choice-ln = Lingala
dc-choice-sw = Kiswahili

## The playground's language menu: each language by its own name

web-lang-name-fr = Français
web-lang-name-en = English
web-lang-name-ln = Lingala
web-lang-name-sw = Kiswahili
