# The support desk (issue #18): business-hours SLA, one owner per escalated case, the morning digest.

desk-usage = Utilisation : { $command ->
    [take] /take <n° de litige>
   *[release] /release <n° de litige>
  }
desk-action-take = Je prends
desk-done-assigned = C’est noté : vous êtes responsable de ce litige.
desk-done-released = Litige rendu à l’équipe : il n’a plus de responsable.
desk-timeline-assigned = { $at } · { common-role } ({ $platform }) · pris en charge par { $owner }
desk-timeline-released = { $at } · { common-role } ({ $platform }) · rendu à l’équipe
desk-notify-assigned = Le litige { $caseId } est pris en charge par { $owner }.
desk-notify-released = Le litige { $caseId } n’a plus de responsable : il attend qu’un agent le prenne.
desk-notify-owner-idle = Rappel : le litige { $caseId } que vous avez pris attend une action du support (pris le { $since }). La moitié du délai du support est passée.
desk-notify-sla-owned = Le litige { $caseId } a dépassé le délai du support sans action de son responsable, { $owner }.
desk-card-owner = Responsable : { $owner }
desk-card-unowned = Responsable : personne pour l’instant
desk-card-due = À traiter dans { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (heures ouvrées)
desk-card-late = En retard de { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (heures ouvrées)
desk-mine-none = Vous n’avez aucun litige en charge.
desk-mine-title = { $count ->
    [one] Votre litige en charge :
   *[other] Vos { $count } litiges en charge :
  }
desk-mine-line = { $caseId } · commande { $orderId } · { $due ->
    [due] à traiter dans { $hours } h { $minutes }
    [late] en retard de { $hours } h { $minutes }
   *[none] en attente des parties
  }
desk-digest-title = Point du support du { $date } : { $open } litige(s) transmis en cours.
desk-digest-section = { $kind ->
    [new] Nouveaux depuis le dernier point
    [due_today] À traiter aujourd’hui
    [overdue] En retard
   *[unowned] Sans responsable
  } ({ $count }) :
desk-digest-line = • { $caseId } · commande { $orderId } · { $owned ->
    [yes] { $owner }
   *[no] sans responsable
  } · échéance { $due }
desk-digest-more = … et { $count } autre(s) : /cases overdue ou /cases escalated.
desk-digest-empty = Rien en attente : aucun litige transmis au support.
error-case-already-taken = { $mine ->
    [yes] Vous êtes déjà responsable de ce litige.
   *[no] Ce litige est déjà pris en charge par { $owner }. Il doit le rendre (/release) avant qu’un autre agent le prenne.
  }
error-not-case-owner = { $owned ->
    [yes] Seul le responsable du litige, { $owner }, peut le rendre.
   *[no] Ce litige n’a pas de responsable : il n’y a rien à rendre.
  }

## Commands in the platforms' menus

dc-cmd-take = Support : prendre un litige transmis en charge
dc-cmd-release = Support : rendre un litige à l’équipe
dc-choice-mine = Les miens (dont je suis responsable)
tg-cmd-staff-take = Prendre un litige : /take <numéro>
tg-cmd-staff-release = Rendre un litige : /release <numéro>
