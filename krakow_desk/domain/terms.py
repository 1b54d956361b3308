"""Terms of agreements: which term runs on a day, when it renews, by when notice must be given.

Pure arithmetic over an agreement's recorded fields (no sessions, no Qt). The conventions, which
tests/test_terms.py pins down:

- **A term ends the day before its anniversary.** Rochester's agreement of 1973-07-18 for five
  years runs 1973-07-18 … 1978-07-17; the renewed term begins on the anniversary, 1978-07-18,
  which is the *renewal date*. An explicit ``term_end`` is the last day in force.
- **Months clamp at month ends**: 31 January + 1 month = 28 (29) February. Later terms are
  counted from the original start (start + k·n months), never step by step, so a term that began
  on the 31st comes back to the 31st whenever the month has one.
- **Notice deadline** = last day of the running term − notice months (clamped): the last day on
  which notice still stops the next renewal. Notice given on 2028-01-17 runs its six months out
  on 2028-07-17, the term's last day (months counted as in art. 112 of the Polish Civil Code). At
  month ends the clamp errs early, never late. It is computed from the term running on the day
  asked about, not from the first term.
- **Dates known only to the month or year are never turned into days.** A term counted from such
  a signature has no dates; its state is decided only where every possible reading agrees
  (a four-year term signed "in 2000" has surely expired by 2026), otherwise it is UNKNOWN with
  the reason (a TermGap).
- **States.** IN_FORCE (indefinite agreements too, unless ended), NOT_YET_IN_FORCE, EXPIRED (a
  fixed term ended without automatic renewal), TERMINATED (``terminated_on`` ≤ the day),
  SUPERSEDED (another agreement ``renews`` or ``replaces`` it and was signed by the day), UNKNOWN
  (the document states no term, or the dates are too vague to decide). When several endings
  happened, the earliest decides: a protocol that expired in 2001 and was renewed in 2003 is
  expired, not superseded. A successor recorded without any date counts as signed (the register
  holds signed documents), with no date of supersession.
"""

import calendar
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Iterable, Optional, Protocol, Sequence

from krakow_desk.domain.enums import AgreementRelation, AgreementState, Precision, StrEnum, TermGap
from krakow_desk.domain.fuzzydate import FuzzyDate

DAY = timedelta(days=1)
# how a later document ends an earlier one; "amends", "confirms", "supplements" leave it in force
SUPERSEDING = (AgreementRelation.RENEWS, AgreementRelation.REPLACES)


class AgreementTerms(Protocol):
    """The fields the arithmetic reads; krakow_desk.domain.schema.AgreementData has them all."""

    key: str
    kind: object
    signed_on: Optional[FuzzyDate]
    term_start: Optional[date]
    term_end: Optional[date]
    indefinite: bool
    term_months: Optional[int]
    auto_renews: bool
    renewal_months: Optional[int]
    notice_months: Optional[int]
    terminated_on: Optional[date]
    relation: Optional[AgreementRelation]
    related: Optional[str]


# -- months ----------------------------------------------------------------------------------------

def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` months (negative: back), the day clamped to the month's length.

    Raises OverflowError only when the result would fall outside years 1…9999.
    """
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"{d.isoformat()} + {n} months is outside the calendar")
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def months_between(a: date, b: date) -> int:
    """Calendar months from ``a``'s month to ``b``'s month (days ignored)."""
    return (b.year - a.year) * 12 + b.month - a.month


def _plus(d: date, months: int, days: timedelta = timedelta(0)) -> Optional[date]:
    """``d`` + months + days, or None beyond the calendar (dates near year 9999)."""
    try:
        return add_months(d, months) + days
    except OverflowError:
        return None


def signing_window(signed: FuzzyDate) -> tuple[date, date]:
    """First and last day the signature can have been made on, given the date's precision."""
    first = signed.start
    if signed.precision is Precision.DAY:
        return first, first
    if signed.precision is Precision.MONTH:
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, first.replace(month=12, day=31)


# -- the result --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TermState:
    """An agreement's standing on one day.

    ``term_start``/``term_end``: the term running that day while IN_FORCE; the first term while
    NOT_YET_IN_FORCE; the last one once EXPIRED; otherwise None (also when not known to the day).
    ``next_renewal``: the day the next term begins (the running term's end + 1), if it renews.
    ``notice_deadline``: the last day notice stops that renewal; ``notice_deadline_passed`` when
    the day asked about is later. ``ended_on``: the term's last day (EXPIRED), the termination
    day (TERMINATED) or the successor's signature (SUPERSEDED). ``gap``: what the record does not
    say, when that left the state UNKNOWN or a date uncomputed.
    """

    status: AgreementState
    gap: Optional[TermGap] = None
    term_start: Optional[date] = None
    term_end: Optional[date] = None
    next_renewal: Optional[date] = None
    notice_deadline: Optional[date] = None
    notice_deadline_passed: bool = False
    ended_on: Optional[date] = None
    successor: Optional[str] = None

    @property
    def in_force(self) -> bool:
        return self.status is AgreementState.IN_FORCE


class TermEventKind(StrEnum):
    NOTICE_DEADLINE = "notice_deadline"
    EXPIRY = "expiry"


@dataclass(frozen=True)
class TermEvent:
    """A day that matters in an agreement's life: a notice deadline (with the renewal it stops)
    or the last day of a fixed term that does not renew."""

    date: date
    kind: TermEventKind
    term_end: date
    renews_on: Optional[date] = None


# -- the schedule of terms -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Schedule:
    """Term 0 is start…end; renewal k ≥ 1 begins on add_months(base, offset + (k − 1)·renew)."""

    start: Optional[date]
    end: date
    renew: Optional[int]
    base: date
    offset: int

    def start_of(self, k: int) -> Optional[date]:
        """First day of term ``k``; None past the calendar's end or when renewals are unknown."""
        if k == 0:
            return self.start
        if self.renew is None and k > 1:
            return None
        try:
            return add_months(self.base, self.offset + (k - 1) * (self.renew or 0))
        except OverflowError:
            return None

    def term(self, k: int) -> tuple[Optional[date], Optional[date]]:
        if k == 0:
            return self.start, self.end
        following = self.start_of(k + 1)
        return self.start_of(k), (following - DAY if following else None)

    def index_at(self, on: date) -> Optional[int]:
        """The term running on ``on`` (not before the start); None after the last known term."""
        if on <= self.end:
            return 0
        if self.renew is None:
            return None
        k = max(1, (months_between(self.base, on) - self.offset) // self.renew + 1)
        while k > 1 and (self.start_of(k) or date.max) > on:
            k -= 1
        while (following := self.start_of(k + 1)) is not None and following <= on:
            k += 1
        return k


def _exact_start(a: AgreementTerms) -> Optional[date]:
    if a.term_start is not None:
        return a.term_start
    if a.signed_on is not None and a.signed_on.precision is Precision.DAY:
        return a.signed_on.start
    return None


def _schedule(a: AgreementTerms, start: Optional[date]) -> tuple[Optional[_Schedule], Optional[TermGap]]:
    renew = (a.renewal_months or a.term_months) if a.auto_renews else None
    if a.term_end is not None:
        after = _plus(a.term_end, 0, DAY)
        return _Schedule(start, a.term_end, renew if after else None, after or a.term_end, 0), None
    if a.term_months:
        if start is None:
            return None, TermGap.START_NOT_EXACT
        end = _plus(start, a.term_months, -DAY) or date.max
        return _Schedule(start, end, renew if end < date.max else None, start, a.term_months), None
    return None, (TermGap.TERM_LENGTH_NOT_STATED if a.auto_renews else TermGap.NO_TERM_STATED)


def _renewal_of(a: AgreementTerms, schedule: _Schedule, k: int) -> Optional[date]:
    """The day term ``k`` renews into ``k + 1``, if it does (a termination already due stops it)."""
    if not a.auto_renews:
        return None
    _, end = schedule.term(k)
    if end is None or end == date.max:
        return None
    renewal = end + DAY
    if a.terminated_on is not None and a.terminated_on <= renewal:
        return None
    return renewal


def _deadline(a: AgreementTerms, end: date) -> Optional[date]:
    if a.notice_months is None:
        return None
    try:
        return add_months(end, -a.notice_months)
    except OverflowError:
        return None


def _running(a: AgreementTerms, schedule: _Schedule, k: int, on: date, status: AgreementState) -> TermState:
    start, end = schedule.term(k)
    renewal = _renewal_of(a, schedule, k)
    deadline = _deadline(a, end) if renewal and end else None
    gap = TermGap.NOTICE_PERIOD_NOT_STATED if renewal and a.notice_months is None else None
    return TermState(status, gap, start, end, renewal, deadline,
                     deadline is not None and on > deadline)


def _evaluate(a: AgreementTerms, on: date) -> tuple[TermState, Optional[_Schedule], Optional[int]]:
    """The state from the agreement's own dates (terminations and successors aside)."""
    window = signing_window(a.signed_on) if a.signed_on is not None else None
    start = _exact_start(a)
    signed_for_sure = window is None or window[1] <= on   # no signing date: nothing says otherwise
    if (start is not None and on < start) or (start is None and window and on < window[0]):
        schedule, _ = _schedule(a, start) if start is not None else (None, None)
        if schedule is not None:
            return _running(a, schedule, 0, on, AgreementState.NOT_YET_IN_FORCE), schedule, 0
        return TermState(AgreementState.NOT_YET_IN_FORCE, term_start=start), None, None
    if a.indefinite:
        if start is None and not signed_for_sure:
            return TermState(AgreementState.UNKNOWN, TermGap.SIGNING_DATE_NOT_EXACT), None, None
        return TermState(AgreementState.IN_FORCE, term_start=start), None, None

    schedule, gap = _schedule(a, start)
    if schedule is None:
        return _without_schedule(a, on, gap, start, window, signed_for_sure), None, None
    k = schedule.index_at(on)
    if k is None:
        if a.auto_renews:   # renews, but the record does not say for how long
            return TermState(AgreementState.IN_FORCE, TermGap.TERM_LENGTH_NOT_STATED), schedule, None
        return TermState(AgreementState.EXPIRED, term_start=schedule.start, term_end=schedule.end,
                         ended_on=schedule.end), schedule, None
    if start is None and not signed_for_sure:
        return TermState(AgreementState.UNKNOWN, TermGap.SIGNING_DATE_NOT_EXACT), None, None
    return _running(a, schedule, k, on, AgreementState.IN_FORCE), schedule, k


def _without_schedule(a: AgreementTerms, on: date, gap: Optional[TermGap], start: Optional[date],
                      window: Optional[tuple[date, date]], signed_for_sure: bool) -> TermState:
    if gap is TermGap.START_NOT_EXACT:
        # Every reading of a vague signature gives the same answer, or the answer is unknown.
        if window is not None and signed_for_sure:
            if a.auto_renews:
                return TermState(AgreementState.IN_FORCE, gap)
            assert a.term_months is not None
            latest_end = _plus(window[1], a.term_months, -DAY)
            earliest_renewal = _plus(window[0], a.term_months)
            if latest_end is not None and on > latest_end:
                return TermState(AgreementState.EXPIRED, gap)
            if earliest_renewal is None or on < earliest_renewal:
                return TermState(AgreementState.IN_FORCE, gap)
        return TermState(AgreementState.UNKNOWN, gap)
    if gap is TermGap.TERM_LENGTH_NOT_STATED:   # automatically renewed, length unknown
        if start is None and not signed_for_sure:
            return TermState(AgreementState.UNKNOWN, TermGap.SIGNING_DATE_NOT_EXACT)
        return TermState(AgreementState.IN_FORCE, gap, term_start=start)
    return TermState(AgreementState.UNKNOWN, gap)


# -- successors and the public entry points ------------------------------------------------------------

Successor = tuple[str, Optional[date]]   # (key, the last day by which it was surely signed, if known)


def signed_by(a: AgreementTerms) -> Optional[date]:
    """The day by which ``a`` was surely signed: the end of a vague date's period, else the term's
    start; None when the record has neither."""
    if a.signed_on is not None:
        return signing_window(a.signed_on)[1]
    return a.term_start


def successors(agreements: Iterable[AgreementTerms]) -> dict[str, list[Successor]]:
    """For each agreement key, the later documents that renew or replace it."""
    found: dict[str, list[Successor]] = {}
    for other in agreements:
        if other.relation in SUPERSEDING and other.related:
            found.setdefault(other.related, []).append((other.key, signed_by(other)))
    return found


def _with_endings(a: AgreementTerms, on: date, base: TermState, after: Sequence[Successor]) -> TermState:
    endings: list[tuple[date, int, TermState]] = []
    if a.terminated_on is not None and a.terminated_on <= on:
        endings.append((a.terminated_on, 0, TermState(AgreementState.TERMINATED, ended_on=a.terminated_on)))
    for key, signed in after:
        if signed is None or signed <= on:
            endings.append((signed or date.max, 1,
                            TermState(AgreementState.SUPERSEDED, ended_on=signed, successor=key)))
    if base.status is AgreementState.EXPIRED:
        expiry = base.ended_on + DAY if base.ended_on and base.ended_on < date.max else date.max
        endings.append((expiry, 2, base))
    if not endings:
        return base
    return min(endings, key=lambda ending: (ending[0], ending[1]))[2]


def agreement_state(a: AgreementTerms, on: date, after: Sequence[Successor] = ()) -> TermState:
    """``a``'s state on ``on``; ``after`` lists the documents renewing or replacing it
    (see :func:`successors`)."""
    base, _, _ = _evaluate(a, on)
    return _with_endings(a, on, base, after)


def agreement_states(agreements: Sequence[AgreementTerms], on: date) -> dict[str, TermState]:
    """Every agreement's state on ``on``, knowing which ones later documents superseded."""
    later = successors(agreements)
    return {a.key: agreement_state(a, on, later.get(a.key, ())) for a in agreements}


def term_events(a: AgreementTerms, first: date, last: date, after: Sequence[Successor] = (),
                limit: int = 1000) -> list[TermEvent]:
    """Notice deadlines and ends of non-renewing terms falling in first…last (both included), as
    things stand on ``first``: nothing for an agreement that has already ended or whose term is
    unknown; later terms of an automatically renewed agreement are projected, up to a recorded
    termination or the signing of a recorded successor."""
    base, schedule, k = _evaluate(a, first)
    state = _with_endings(a, first, base, after)
    if schedule is None or k is None or state.status not in (AgreementState.IN_FORCE,
                                                             AgreementState.NOT_YET_IN_FORCE):
        return []
    # a successor already recorded but signed later ends the agreement then: nothing after counts
    last = min([last] + [signed - DAY for _, signed in after if signed is not None and signed > first])
    if not a.auto_renews:
        end = schedule.term(k)[1]
        return [TermEvent(end, TermEventKind.EXPIRY, end)] if end and first <= end <= last else []
    events: list[TermEvent] = []
    for index in range(k, k + limit):   # deadlines grow term by term: stop at the first past ``last``
        end = schedule.term(index)[1]
        renewal = _renewal_of(a, schedule, index)
        deadline = _deadline(a, end) if end and renewal else None
        if deadline is None or deadline > last:
            break
        if deadline >= first:
            events.append(TermEvent(deadline, TermEventKind.NOTICE_DEADLINE, end, renewal))
    return events
