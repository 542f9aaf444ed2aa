# Languages (issue #16): the offer to switch, written in the language the user just wrote in; language names.

engine-lang-offer = Would you like me to answer you in English?
engine-lang-offer-yes = Yes, in English
engine-lang-offer-no = No thanks
engine-lang-offer-declined = All right, I won’t offer again. /lang changes the language whenever you like.
engine-lang-switched = You write to me in { common-lang-name }, so I’ll answer in { common-lang-name } from now on. /lang changes the language whenever you like.
engine-lang-switch-back = Answer in { common-lang-name }
common-lang-name = { $lang ->
    [fr] French
    [en] English
    [ln] Lingala
    [sw] Swahili
   *[other] { $lang }
  }
engine-card-language = Buyer’s language: { common-lang-name }

## Discord: the languages among /lang's choices (Discord has no Lingala or Swahili locale of its own)

dc-choice-ln = Lingala
dc-choice-sw = Kiswahili

## The playground's language menu: each language by its own name

web-lang-name-fr = Français
web-lang-name-en = English
web-lang-name-ln = Lingala
web-lang-name-sw = Kiswahili
