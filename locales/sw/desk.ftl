# The support desk (issue #18): business-hours SLA, one owner per escalated case, the morning digest.

desk-usage = Matumizi : { $command ->
    [take] /take <nambari ya kesi>
   *[release] /release <nambari ya kesi>
  }
desk-action-take = Ninaichukua
desk-done-assigned = Imeandikwa : wewe ndiye msimamizi wa kesi hii.
desk-done-released = Kesi imerudishwa kwa timu : haina msimamizi tena.
desk-timeline-assigned = { $at } · { common-role } ({ $platform }) · imechukuliwa na { $owner }
desk-timeline-released = { $at } · { common-role } ({ $platform }) · imerudishwa kwa timu
desk-notify-assigned = Kesi { $caseId } imechukuliwa na { $owner }.
desk-notify-released = Kesi { $caseId } haina msimamizi tena : inasubiri agent aichukue.
desk-notify-owner-idle = Ukumbusho : kesi { $caseId } uliyochukua inasubiri hatua ya support (uliichukua { $since }). Nusu ya muda wa support imepita.
desk-notify-sla-owned = Kesi { $caseId } imepita muda wa support bila hatua ya msimamizi wake, { $owner }.
desk-card-owner = Msimamizi : { $owner }
desk-card-unowned = Msimamizi : hakuna kwa sasa
desk-card-due = Ishughulikiwe ndani ya { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (saa za kazi)
desk-card-late = Imechelewa { $hours } h{ $minutes ->
    [0] {""}
   *[other] { " " }{ $minutes } min
} (saa za kazi)
desk-mine-none = Huna kesi yoyote unayosimamia.
desk-mine-title = { $count ->
    [one] Kesi unayosimamia :
   *[other] Kesi { $count } unazosimamia :
  }
desk-mine-line = { $caseId } · oda { $orderId } · { $due ->
    [due] ishughulikiwe ndani ya { $hours } h { $minutes }
    [late] imechelewa { $hours } h { $minutes }
   *[none] inasubiri wahusika
  }
desk-digest-title = Taarifa ya support ya { $date } : kesi { $open } zilizopelekwa bado ziko wazi.
desk-digest-section = { $kind ->
    [new] Mpya tangu taarifa iliyopita
    [due_today] Za kushughulikia leo
    [overdue] Zimechelewa
   *[unowned] Hazina msimamizi
  } ({ $count }) :
desk-digest-line = • { $caseId } · oda { $orderId } · { $owned ->
    [yes] { $owner }
   *[no] hakuna msimamizi
  } · mwisho { $due }
desk-digest-more = … na nyingine { $count } : /cases overdue au /cases escalated.
desk-digest-empty = Hakuna kinachosubiri : hakuna kesi iliyopelekwa kwa support.
error-case-already-taken = { $mine ->
    [yes] Wewe tayari ni msimamizi wa kesi hii.
   *[no] Kesi hii tayari imechukuliwa na { $owner }. Lazima aiachilie (/release) kabla agent mwingine hajaichukua.
  }
error-not-case-owner = { $owned ->
    [yes] Msimamizi wa kesi pekee, { $owner }, ndiye anaweza kuiachilia.
   *[no] Kesi hii haina msimamizi : hakuna cha kuachilia.
  }

## Commands in the platforms' menus

dc-cmd-take = Support : kuchukua kesi iliyopelekwa
dc-cmd-release = Support : kurudisha kesi kwa timu
dc-choice-mine = Zangu (ninazosimamia)
tg-cmd-staff-take = Kuchukua kesi : /take <nambari>
tg-cmd-staff-release = Kurudisha kesi : /release <nambari>
