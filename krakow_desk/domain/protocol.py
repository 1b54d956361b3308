"""Rules of protocol: clashes in a visit's programme and the interpreting a delegation needs.

Pure functions over the visit's read model; the services resolve people and translate the
findings into sentences.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Iterable, Optional, Sequence

from krakow_desk.domain.enums import ClashKind, Direction, Precision, Side, VisitStatus
from krakow_desk.domain.schema import ProgrammeItemData, VisitData
from krakow_desk.domain.text import fold

HOME_LANGUAGE = "pl"      # Krakow's side speaks Polish, whether or not anyone recorded it
# A participant whose role says so interprets rather than talks: their languages cover a need
# instead of removing it.
INTERPRETER_WORDS = ("interpret", "translat", "tlumacz")


@dataclass(frozen=True)
class Clash:
    kind: ClashKind
    items: tuple[int, ...] = ()          # indexes into visit.programme (0-based)
    day: Optional[date] = None
    person: Optional[str] = None         # DOUBLE_BOOKED: who would be in two places
    other_visit: Optional[str] = None    # DOUBLE_BOOKED across visits: the other visit's key
    other_title: Optional[str] = None
    text: str = ""                       # filled by the services, in the reader's language


def _span(item: ProgrammeItemData) -> Optional[tuple[datetime, datetime]]:
    if item.day is None or item.start is None:
        return None
    start = datetime.combine(item.day, item.start)
    return start, datetime.combine(item.day, item.end or item.start)


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    # Two items at the same moment clash even when neither has an end; touching ends do not.
    return a[0] == b[0] or (a[0] < b[1] and b[0] < a[1])


def visit_days(visit: VisitData) -> Optional[tuple[date, date]]:
    """The first and last day the visit can cover; None when its start is not recorded."""
    if visit.start_on is None:
        return None
    end = visit.end_on or visit.start_on
    return visit.start_on.start, max(end.end, visit.start_on.start)


def _exact_days(visit: VisitData) -> Optional[tuple[date, date]]:
    if visit.start_on is None or visit.start_on.precision is not Precision.DAY:
        return None
    if visit.end_on is not None and visit.end_on.precision is not Precision.DAY:
        return None
    return visit_days(visit)


def _place(item: ProgrammeItemData) -> str:
    return fold(item.place or "")


def _responsible(item: ProgrammeItemData) -> str:
    return fold(item.responsible or "")


def programme_clashes(visit: VisitData) -> list[Clash]:
    """Overlapping items, items outside the visit's dates, and one person responsible for two
    overlapping items in different places — within one visit."""
    clashes: list[Clash] = []
    spans = [(i, _span(item)) for i, item in enumerate(visit.programme)]
    timed = [(i, span) for i, span in spans if span is not None]
    for n, (i, a) in enumerate(timed):
        for j, b in timed[n + 1:]:
            if not _overlap(a, b):
                continue
            clashes.append(Clash(ClashKind.OVERLAP, (i, j), a[0].date()))
            who = _responsible(visit.programme[i])
            if who and who == _responsible(visit.programme[j]) and \
                    _place(visit.programme[i]) != _place(visit.programme[j]):
                clashes.append(Clash(ClashKind.DOUBLE_BOOKED, (i, j), a[0].date(),
                                     person=visit.programme[i].responsible))
    days = visit_days(visit)
    if days is not None:
        for i, item in enumerate(visit.programme):
            if item.day is not None and not days[0] <= item.day <= days[1]:
                clashes.append(Clash(ClashKind.OUTSIDE_VISIT, (i,), item.day))
    return clashes


def _active(visit: VisitData) -> bool:
    return visit.status is not VisitStatus.CANCELLED


def cross_visit_clashes(visit: VisitData, others: Iterable[VisitData]) -> list[Clash]:
    """The same person on two visits at the same time: a participant from the register on two
    visits whose days overlap, or one person responsible for overlapping items of two visits."""
    if not _active(visit):
        return []
    clashes: list[Clash] = []
    mine = _exact_days(visit)
    people = {p.person for p in visit.participants if p.person}
    for other in others:
        if other.key == visit.key or not _active(other):
            continue
        theirs = _exact_days(other)
        if mine and theirs and mine[0] <= theirs[1] and theirs[0] <= mine[1]:
            for person in sorted(people & {p.person for p in other.participants if p.person}):
                clashes.append(Clash(ClashKind.DOUBLE_BOOKED, (), max(mine[0], theirs[0]), person=person,
                                     other_visit=other.key, other_title=other.title))
        for i, item in enumerate(visit.programme):
            a, who = _span(item), _responsible(item)
            if a is None or not who:
                continue
            for their in other.programme:
                b = _span(their)
                if b is not None and _responsible(their) == who and _overlap(a, b):
                    clashes.append(Clash(ClashKind.DOUBLE_BOOKED, (i,), a[0].date(), person=item.responsible,
                                         other_visit=other.key, other_title=other.title))
                    break
    return clashes


def sort_programme(items: Sequence[ProgrammeItemData]) -> list[ProgrammeItemData]:
    """By day, then time; undated items last, in the order they were written."""
    order = {id(item): n for n, item in enumerate(items)}
    return sorted(items, key=lambda item: (item.day is None, item.day or date.min,
                                           item.start is None, item.start or time.min, order[id(item)]))


# --- interpreting -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Speaker:
    """A participant as the interpreting rule sees them."""
    name: str
    side: Side
    role: Optional[str]
    languages: tuple[str, ...]

    @property
    def interprets(self) -> bool:
        role = fold(self.role or "")
        return any(word in role for word in INTERPRETER_WORDS)


@dataclass(frozen=True)
class InterpretingNeed:
    language: str                    # ISO 639-1 code
    speakers: tuple[str, ...]        # who speaks it and no language of the other side
    covered_by: tuple[str, ...]      # interpreters who speak it

    @property
    def needed(self) -> bool:
        return not self.covered_by


def interpreting(direction: Direction, speakers: Sequence[Speaker]) -> list[InterpretingNeed]:
    """The languages the partner's side speaks that nobody on Krakow's side shares.

    Krakow's side is the hosts of an incoming visit and the delegation of an outgoing one; it
    speaks Polish and whatever its members' records say. A partner's participant who shares any
    language with it needs no interpreter; one who does not needs their first language
    interpreted. Participants with no languages recorded are left out: nothing can be derived.
    """
    krakow_side = Side.HOST if direction is Direction.INCOMING else Side.GUEST
    talkers = [s for s in speakers if not s.interprets]
    interpreters = [s for s in speakers if s.interprets]
    ours = {HOME_LANGUAGE}
    for s in talkers:
        if s.side is krakow_side:
            ours.update(s.languages)
    needs: dict[str, list[str]] = {}
    for s in talkers:
        if s.side is krakow_side or not s.languages or ours.intersection(s.languages):
            continue
        needs.setdefault(s.languages[0], []).append(s.name)
    return [InterpretingNeed(language, tuple(names),
                             tuple(i.name for i in interpreters if language in i.languages))
            for language, names in needs.items()]
