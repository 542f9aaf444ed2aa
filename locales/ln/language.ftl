# Languages (issue #16): the offer to switch, written in the language the user just wrote in; language names.

engine-lang-offer = Nakoki kolobela yo na Lingala ?
engine-lang-offer-yes = Ee, na Lingala
engine-lang-offer-no = Te, matondi
engine-lang-offer-declined = Malamu, nakotuna yo lisusu te. /lang ebongolaka monoko ntango nyonso olingi.
engine-lang-switched = Ozali kokomela ngai na { common-lang-name } : nakozongisela yo sikoyo na { common-lang-name }. /lang ebongolaka monoko ntango nyonso olingi.
engine-lang-switch-back = Zongisa na { common-lang-name }
common-lang-name = { $lang ->
    [fr] Lifalanse
    [en] Lingelesi
    [ln] Lingala
    [sw] Kiswahili
   *[other] { $lang }
  }
engine-card-language = Monoko ya mosombi : { common-lang-name }

## Discord: the languages among /lang's choices (Discord has no Lingala or Swahili locale of its own)

dc-choice-ln = Lingala
dc-choice-sw = Kiswahili

## The playground's language menu: each language by its own name

web-lang-name-fr = Français
web-lang-name-en = English
web-lang-name-ln = Lingala
web-lang-name-sw = Kiswahili
