# The support desk (issue #18): business-hours SLA, one owner per escalated case, the morning digest.

desk-usage = Usage: { $command ->
    [take] /take <case no.>
   *[release] /release <case no.>
  }
desk-action-take = I'll take it
desk-done-assigned = Noted: you own this case now.
desk-done-released = Case handed back to the team: nobody owns it now.
desk-timeline-assigned = { $at } · { common-role } ({ $platform }) · taken by { $owner }
desk-timeline-released = { $at } · { common-role } ({ $platform }) · handed back to the team
desk-notify-assigned = Case { $caseId } was taken by { $owner }.
desk-notify-released = Case { $caseId } has no owner any more: it waits for an agent to take it.
desk-notify-owner-idle = Reminder: case { $caseId }, which you took, is waiting for support (taken { $since }). Half of support's time is gone.
desk-notify-sla-owned = Case { $caseId } is past support's deadline with no action from its owner, { $owner }.
desk-card-owner = Owner: { $owner }
desk-card-unowned = Owner: nobody yet
desk-card-due = Due in { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (business hours)
desk-card-late = Late by { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (business hours)
desk-mine-none = You own no case.
desk-mine-title = { $count ->
    [one] The case you own:
   *[other] The { $count } cases you own:
  }
desk-mine-line = { $caseId } · order { $orderId } · { $due ->
    [due] due in { $hours } h { $minutes }
    [late] late by { $hours } h { $minutes }
   *[none] waiting for the parties
  }
desk-digest-title = Support digest for { $date }: { $open } escalated case(s) open.
desk-digest-section = { $kind ->
    [new] New since the last digest
    [due_today] Due today
    [overdue] Overdue
   *[unowned] Nobody owns them
  } ({ $count }):
desk-digest-line = • { $caseId } · order { $orderId } · { $owned ->
    [yes] { $owner }
   *[no] no owner
  } · due { $due }
desk-digest-more = … and { $count } more: /cases overdue or /cases escalated.
desk-digest-empty = Nothing waiting: no case is escalated to support.
error-case-already-taken = { $mine ->
    [yes] You own this case already.
   *[no] This case is already owned by { $owner }. They hand it back (/release) before another agent takes it.
  }
error-not-case-owner = { $owned ->
    [yes] Only the case's owner, { $owner }, can hand it back.
   *[no] This case has no owner: there is nothing to hand back.
  }

## Commands in the platforms' menus

dc-cmd-take = Support: take an escalated case
dc-cmd-release = Support: hand a case back to the team
dc-choice-mine = Mine (cases I own)
tg-cmd-staff-take = Take a case: /take <number>
tg-cmd-staff-release = Hand a case back: /release <number>
