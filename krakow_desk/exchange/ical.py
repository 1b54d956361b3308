"""Visits and events as an iCalendar file (RFC 5545) for the officers' own calendars.

What goes in:
- every visit and event whose start is known to the day, as an all-day entry (records hold dates,
  not hours); records known only to the month or year cannot be placed in a calendar and are
  left out — the result lists them so the caller can say so;
- every programme item with a day and a start time, as a timed entry in the visit's time zone
  (Krakow's for visits to Krakow, the partner's for trips abroad), RELATED-TO its visit.

UIDs come from natural keys, so importing a newer file updates entries instead of duplicating
them: ``visit-<key>@krakow-desk``, ``event-<key>@krakow-desk``, and for a programme item its slot
in the visit, ``visit-<key>.item-20250310-0900@krakow-desk`` (the day and start time; a second
item in the same slot gets ``-2``). Programme items have no key of their own; their position in
the list changes whenever one is inserted or the list is reordered, which would make every later
UID point at another item. The slot is what an item is in a programme: it survives reordering,
inserting and editing the activity, place or notes. Only moving an item to another time makes it
a new entry (the calendar keeps the old one, as it keeps an entry for anything deleted here —
an import file cannot remove entries). The ``.`` cannot occur in a key, so no visit's UID can
collide with another visit's item.

The same data gives the same bytes, apart from DTSTAMP (pass ``stamp`` to fix that too):
records are sorted, time zones are added in name order, nothing random goes in.
"""

import os
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Timezone

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import Direction, Precision, Side, VisitStatus
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.formatting import HOME_TIMEZONE, format_date
from krakow_desk.i18n import _, ngettext
from krakow_desk.labels import label, language_names
from krakow_desk.services.errors import DeskError, kind_name
from krakow_desk.titles import partner_name, person_name

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

UID_DOMAIN = "krakow-desk"
PRODID = "-//Krakow Desk//Krakow Desk//EN"

_STATUS = {
    VisitStatus.PLANNED: "TENTATIVE",
    VisitStatus.CONFIRMED: "CONFIRMED",
    VisitStatus.DONE: "CONFIRMED",
    VisitStatus.CANCELLED: "CANCELLED",   # so the entry from an earlier import shows as cancelled
}
_SIDES = (Side.GUEST, Side.HOST)
# iCalendar TEXT may not hold control characters other than TAB; line breaks are escaped as \n.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarFile:
    """An iCalendar file's bytes and what went into it."""
    content: bytes
    entries: int                       # VEVENTs written: visits, events and programme items
    skipped_visits: tuple[str, ...]    # keys of visits whose start is not known to the day
    skipped_events: tuple[str, ...]    # the same for events

    @property
    def skipped(self) -> int:
        return len(self.skipped_visits) + len(self.skipped_events)

    def summary(self, path: str) -> list[str]:
        """What was written, for people: the window's message and the command's output alike."""
        lines = [ngettext("Exported {n} calendar entry to {path}", "Exported {n} calendar entries to {path}",
                          self.entries).format(n=self.entries, path=path)]
        if self.skipped:
            lines.append(ngettext(
                "{n} visit or event without an exact date (day, month and year) was left out",
                "{n} visits or events without an exact date (day, month and year) were left out",
                self.skipped).format(n=self.skipped))
        return lines


# --- building ---------------------------------------------------------------------------------

def visit_uid(key: str) -> str:
    return f"visit-{key}@{UID_DOMAIN}"


def event_uid(key: str) -> str:
    return f"event-{key}@{UID_DOMAIN}"


def item_uid(visit_key: str, day: date, start: time, nth: int = 1) -> str:
    """A programme item's UID: its visit and its slot (day and start time); see the module notes."""
    slot = f"{day:%Y%m%d}-{start:%H%M%S}" if start.second else f"{day:%Y%m%d}-{start:%H%M}"
    return f"visit-{visit_key}.item-{slot}{'' if nth == 1 else f'-{nth}'}@{UID_DOMAIN}"


def visit_timezone(visit: s.VisitData, partners: dict[str, s.PartnerData], home: str = HOME_TIMEZONE) -> str:
    """Where the visit's clock times are read: at home for visits to Krakow, at the (first)
    partner's that records a time zone for trips abroad."""
    if visit.direction is Direction.OUTGOING:
        for key in visit.partners:
            partner = partners.get(key)
            if partner is not None and partner.timezone:
                return partner.timezone
    return home


def build_calendar(visits: Iterable[s.VisitData], events: Iterable[s.EventData],
                   partners: Iterable[s.PartnerData], people: Iterable[s.PersonData] = (), *,
                   home_timezone: Optional[str] = None, stamp: Optional[datetime] = None) -> CalendarFile:
    """The calendar of ``visits`` and ``events``; ``partners`` and ``people`` name the records they
    refer to. Text is in the current language (krakow_desk.i18n)."""
    partner_map = {partner.key: partner for partner in partners}
    person_map = {person.key: person for person in people}
    home = _zone_name(home_timezone)
    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)

    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    name = _("Krakow Desk: visits and events")
    calendar.add("NAME", name)
    calendar.add("X-WR-CALNAME", name)

    entries: list[Event] = []
    skipped_visits, skipped_events = [], []
    for visit in sorted(visits, key=_order):
        if not _full(visit.start_on):
            skipped_visits.append(visit.key)
            continue
        zone = ZoneInfo(visit_timezone(visit, partner_map, home))
        entries.append(_visit_entry(visit, partner_map, person_map, stamp))
        entries += _item_entries(visit, zone, stamp)
    for event in sorted(events, key=_order):
        if not _full(event.start_on):
            skipped_events.append(event.key)
            continue
        entries.append(_event_entry(event, partner_map, stamp))

    # Time zones first (some clients read the file in one pass), in name order for stable output,
    # covering the years the entries fall in.
    timed = [entry.start for entry in entries if isinstance(entry.start, datetime)]
    for zone_name in sorted({str(moment.tzinfo) for moment in timed}):
        years = [moment.year for moment in timed if str(moment.tzinfo) == zone_name]
        calendar.add_component(Timezone.from_tzid(zone_name, first_date=date(min(years), 1, 1),
                                                  last_date=date(max(years) + 1, 1, 1)))
    for entry in entries:
        calendar.add_component(entry)
    return CalendarFile(calendar.to_ical(), len(entries), tuple(skipped_visits), tuple(skipped_events))


def calendar_bytes(visits: Iterable[s.VisitData], events: Iterable[s.EventData],
                   partners: Iterable[s.PartnerData], people: Iterable[s.PersonData] = (), *,
                   home_timezone: Optional[str] = None, stamp: Optional[datetime] = None) -> bytes:
    """Only the file's bytes (see build_calendar)."""
    return build_calendar(visits, events, partners, people, home_timezone=home_timezone,
                          stamp=stamp).content


def desk_calendar(desk: "Desk", stamp: Optional[datetime] = None) -> CalendarFile:
    """The calendar of every visit and event in the database."""
    home = desk.home()
    return build_calendar(desk.visits.all(), desk.events.all(), desk.partners.all(), desk.people.all(),
                          home_timezone=home.timezone if home else None, stamp=stamp)


def write_calendar(desk: "Desk", path: Path, stamp: Optional[datetime] = None) -> CalendarFile:
    """Write the calendar of every visit and event to ``path``; DeskError if it cannot be written.
    The result says what was written and which records were left out."""
    result = desk_calendar(desk, stamp)
    write_file(Path(path), result.content)
    return result


def write_file(path: Path, content: bytes) -> None:
    """Write beside the target and rename, so a failed write never leaves half a file (nor
    destroys the previous one)."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        # os.open with 0o666 lets the umask decide the permissions, as for any new file.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise DeskError(_("cannot write {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None


# --- entries ------------------------------------------------------------------------------------

def _visit_entry(visit: s.VisitData, partners: dict[str, s.PartnerData], people: dict[str, s.PersonData],
                 stamp: datetime) -> Event:
    entry = _all_day(visit_uid(visit.key), visit.title, visit.start_on, visit.end_on, stamp)
    entry.add("STATUS", _STATUS[visit.status])
    # What RFC 5545 cannot say, so that importing the file gives back the same visits.
    entry.add("X-KRAKOW-DESK-DIRECTION", visit.direction.value)
    entry.add("X-KRAKOW-DESK-STATUS", visit.status.value)   # CONFIRMED alone cannot tell done from confirmed
    if visit.partners:
        entry.add("X-KRAKOW-DESK-PARTNERS", ",".join(visit.partners))
    categories = [kind_name("visit")] + ([label(visit.kind)] if visit.kind else [])
    entry.add("CATEGORIES", [_clean(category) for category in categories])
    _add_text(entry, "LOCATION", visit.place)
    _add_text(entry, "DESCRIPTION", _visit_description(visit, partners, people))
    return entry


def _item_entries(visit: s.VisitData, zone: ZoneInfo, stamp: datetime) -> list[Event]:
    entries = []
    seen: dict[tuple[date, time], int] = {}
    for item in visit.programme:
        if item.day is None or item.start is None:
            continue
        nth = seen[item.day, item.start] = seen.get((item.day, item.start), 0) + 1
        entry = Event()
        entry.add("UID", item_uid(visit.key, item.day, item.start, nth))
        entry.add("DTSTAMP", stamp)
        entry.add("SUMMARY", _clean(item.activity))
        entry.add("DTSTART", datetime.combine(item.day, item.start, tzinfo=zone))
        if item.end is not None:  # without an end the entry is a moment, as RFC 5545 reads it
            entry.add("DTEND", datetime.combine(item.day, item.end, tzinfo=zone))
        entry.add("STATUS", _STATUS[visit.status])
        entry.add("RELATED-TO", visit_uid(visit.key))
        _add_text(entry, "LOCATION", item.place or visit.place)
        lines = [_("Part of: {title}").format(title=visit.title)]
        if item.responsible:
            lines.append(_("Responsible: {name}").format(name=item.responsible))
        if item.notes:
            lines.append(item.notes)
        _add_text(entry, "DESCRIPTION", "\n".join(lines))
        entries.append(entry)
    return entries


def _event_entry(event: s.EventData, partners: dict[str, s.PartnerData], stamp: datetime) -> Event:
    entry = _all_day(event_uid(event.key), event.title, event.start_on, event.end_on, stamp)
    categories = [kind_name("event"), label(event.kind), *(label(domain) for domain in event.domains)]
    entry.add("CATEGORIES", [_clean(category) for category in categories])
    _add_text(entry, "LOCATION", event.place)
    lines = []
    if event.partners:
        lines.append(_partners_line(event.partners, partners))
    if event.organisers:
        lines.append(_("Organisers: {names}").format(names=event.organisers))
    if event.programme_name:
        lines.append(_("Programme: {name}").format(name=event.programme_name))
    if not _full(event.end_on) and event.end_on is not None and event.end_on != event.start_on:
        lines.append(_end_line(event.end_on))
    if event.notes:
        lines += ["", event.notes]
    _add_text(entry, "DESCRIPTION", "\n".join(lines).strip("\n"))
    return entry


def _all_day(uid: str, title: str, start: FuzzyDate, end: Optional[FuzzyDate], stamp: datetime) -> Event:
    entry = Event()
    entry.add("UID", uid)
    entry.add("DTSTAMP", stamp)
    entry.add("SUMMARY", _clean(title))
    last = end.start if _full(end) else start.start  # an end known only to the month: one day
    entry.add("DTSTART", start.start)
    entry.add("DTEND", last + timedelta(days=1))       # DTEND of a date is exclusive
    # A banner over the days, not a block of busy time: the programme items are that.
    entry.add("TRANSP", "TRANSPARENT")
    return entry


# --- descriptions ---------------------------------------------------------------------------------

def _visit_description(visit: s.VisitData, partners: dict[str, s.PartnerData],
                       people: dict[str, s.PersonData]) -> str:
    blocks: list[list[str]] = []
    if visit.purpose:
        blocks.append([visit.purpose])
    facts = []
    if visit.partners:
        facts.append(_partners_line(visit.partners, partners))
    facts.append(_("Status: {status}").format(status=label(visit.status)))
    if visit.end_on is not None and not _full(visit.end_on):
        facts.append(_end_line(visit.end_on))
    blocks.append(facts)
    if visit.participants:
        blocks.append(_participant_lines(visit.participants, people))
    if visit.programme:
        blocks.append(_programme_lines(visit.programme))
    practical = [template.format(text=text) for template, text in (
        (_("Accommodation: {text}"), visit.accommodation), (_("Transport: {text}"), visit.transport),
        (_("Interpreters: {text}"), visit.interpreters)) if text]
    if practical:
        blocks.append(practical)
    return "\n\n".join("\n".join(block) for block in blocks)


def _participant_lines(participants: list[s.ParticipantData], people: dict[str, s.PersonData]) -> list[str]:
    lines = [_("Participants:")]
    for side in _SIDES:
        group = sorted((p for p in participants if p.side is side),
                       key=lambda p: (p.precedence is None, p.precedence or 0))
        if not group:
            continue
        heading = label(side)
        lines.append(heading[:1].upper() + heading[1:] + ":")
        for participant in group:
            person = people.get(participant.person) if participant.person else None
            name = person_name(person) if person else (participant.name or participant.person or "")
            parts = [part for part in (name, participant.role) if part]
            codes = participant.languages or (person.languages if person else [])
            if codes:
                parts.append(_("languages: {names}").format(names=language_names(codes)))
            lines.append("– " + ", ".join(parts))
    return lines


def _programme_lines(programme: list[s.ProgrammeItemData]) -> list[str]:
    lines = [_("Programme of the visit:")]
    dated = sorted((item for item in programme if item.day is not None),
                   key=lambda item: (item.day, item.start is not None, item.start or time()))
    undated = [item for item in programme if item.day is None]
    day = None
    for item in dated:
        if item.day != day:
            day = item.day
            lines.append(format_date(day))
        lines += _item_lines(item)
    if undated:
        lines.append(_("Date not set:"))
        for item in undated:
            lines += _item_lines(item)
    return lines


def _item_lines(item: s.ProgrammeItemData) -> list[str]:
    when = ""
    if item.start is not None:
        when = f"{item.start:%H:%M}" + (f"–{item.end:%H:%M}" if item.end else "") + " "
    head = when + item.activity + (f", {item.place}" if item.place else "")
    lines = ["– " + head]
    if item.responsible:
        lines.append("  " + _("Responsible: {name}").format(name=item.responsible))
    if item.notes:
        lines += ["  " + line for line in item.notes.splitlines()]
    return lines


def _partners_line(keys: list[str], partners: dict[str, s.PartnerData]) -> str:
    names = [partner_name(partners[key]) if key in partners else key for key in keys]
    return _("Partners: {names}").format(names=", ".join(names))


def _end_line(end: FuzzyDate) -> str:
    return _("Ends: {date} (the day is not known)").format(date=format_date(end))


# --- small helpers --------------------------------------------------------------------------------

def _full(value: Optional[FuzzyDate]) -> bool:
    return value is not None and value.precision is Precision.DAY


def _order(record: s.VisitData | s.EventData) -> tuple:
    return (record.start_on is None, record.start_on.start if record.start_on else date.min, record.key)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _add_text(entry: Event, name: str, text: Optional[str]) -> None:
    if text:
        entry.add(name, _clean(text))


def _zone_name(name: Optional[str]) -> str:
    if not name:
        return HOME_TIMEZONE
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return HOME_TIMEZONE
    return name
