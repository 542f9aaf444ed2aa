# Languages (issue #16): the offer to switch, written in the language the user just wrote in; language names.

engine-lang-offer = Naweza kukujibu kwa Kiswahili?
engine-lang-offer-yes = Ndiyo, kwa Kiswahili
engine-lang-offer-no = Hapana, asante
engine-lang-offer-declined = Sawa, sitakuuliza tena. /lang inabadilisha lugha wakati wowote unapotaka.
engine-lang-switched = Unaniandikia kwa { common-lang-name }, kwa hiyo nitakujibu kwa { common-lang-name } kuanzia sasa. /lang inabadilisha lugha wakati wowote unapotaka.
engine-lang-switch-back = Jibu kwa { common-lang-name }
common-lang-name = { $lang ->
    [fr] Kifaransa
    [en] Kiingereza
    [ln] Kilingala
    [sw] Kiswahili
   *[other] { $lang }
  }
engine-card-language = Lugha ya mnunuzi: { common-lang-name }

## Discord: the languages among /lang's choices (Discord has no Lingala or Swahili locale of its own)

dc-choice-ln = Lingala
dc-choice-sw = Kiswahili

## The playground's language menu: each language by its own name

web-lang-name-fr = Français
web-lang-name-en = English
web-lang-name-ln = Lingala
web-lang-name-sw = Kiswahili
