# The support desk (issue #18): business-hours SLA, one owner per escalated case, the morning digest.

desk-usage = Ndenge ya kosalela : { $command ->
    [take] /take <nimero ya litige>
   *[release] /release <nimero ya litige>
  }
desk-action-take = Nazwi yango
desk-done-assigned = Ekomami : yo nde mokambi ya litige oyo.
desk-done-released = Litige ezongisami na ekipi : ezali lisusu na mokambi te.
desk-timeline-assigned = { $at } · { common-role } ({ $platform }) · ezwami na { $owner }
desk-timeline-released = { $at } · { common-role } ({ $platform }) · ezongisami na ekipi
desk-notify-assigned = Litige { $caseId } ezwami na { $owner }.
desk-notify-released = Litige { $caseId } ezali lisusu na mokambi te : ezali kozela agent moko azwa yango.
desk-notify-owner-idle = Kokundwela : litige { $caseId } oyo ozwaki ezali kozela likambo moko ya support (ozwaki yango { $since }). Ndambo ya ntango ya support esili.
desk-notify-sla-owned = Litige { $caseId } eleki ntango ya support kasi mokambi na yango, { $owner }, asali eloko te.
desk-card-owner = Mokambi : { $owner }
desk-card-unowned = Mokambi : moto te mpo na sikoyo
desk-card-due = Esengeli kosala yango na { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (ngonga ya mosala)
desk-card-late = Eleki ntango na { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (ngonga ya mosala)
desk-mine-none = Ozali na litige moko te oyo ozwaki.
desk-mine-title = { $count ->
    [one] Litige oyo ozwaki :
   *[other] Ba litige { $count } oyo ozwaki :
  }
desk-mine-line = { $caseId } · commande { $orderId } · { $due ->
    [due] kosala na { $hours } h { $minutes }
    [late] eleki ntango na { $hours } h { $minutes }
   *[none] ezali kozela bato ya litige
  }
desk-digest-title = Lisolo ya support ya { $date } : ba litige { $open } oyo etindamaki ezali kotambola.
desk-digest-section = { $kind ->
    [new] Ya sika banda lisolo ya liboso
    [due_today] Kosala lelo
    [overdue] Eleki ntango
   *[unowned] Ezali na mokambi te
  } ({ $count }) :
desk-digest-line = • { $caseId } · commande { $orderId } · { $owned ->
    [yes] { $owner }
   *[no] mokambi te
  } · ntango { $due }
desk-digest-more = … mpe mosusu { $count } : /cases overdue to /cases escalated.
desk-digest-empty = Eloko moko te ezali kozela : litige moko te etindami na support.
error-case-already-taken = { $mine ->
    [yes] Yo nde mokambi ya litige oyo kala.
   *[no] Litige oyo ezwami kala na { $owner }. Asengeli kozongisa yango (/release) liboso agent mosusu azwa yango.
  }
error-not-case-owner = { $owned ->
    [yes] Kaka mokambi ya litige, { $owner }, akoki kozongisa yango.
   *[no] Litige oyo ezali na mokambi te : eloko te ya kozongisa.
  }

## Commands in the platforms' menus

dc-cmd-take = Support : kozwa litige oyo etindamaki
dc-cmd-release = Support : kozongisa litige na ekipi
dc-choice-mine = Ya ngai (oyo nazali mokambi)
tg-cmd-staff-take = Kozwa litige : /take <nimero>
tg-cmd-staff-release = Kozongisa litige : /release <nimero>
