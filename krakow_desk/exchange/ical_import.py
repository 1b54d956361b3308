"""Visits from an iCalendar file (RFC 5545): the import side of ``exchange.ical``.

Every VEVENT is a visit, except the ones this program wrote for other things: events
(``event-<key>@krakow-desk``) are not imported from calendars, and programme items
(``visit-<key>.item-...@krakow-desk``) become the ``programme`` of their visit when that visit is
in the same file (items whose visit is not in the file are ignored). Our own visits keep their
key; anything else (Outlook, Google) is a visit without one, matched by title and date. Such a
programme holds only what the calendar has: timed items, without who is responsible or notes.

What a calendar cannot say is left out, so that the stored value stays: the direction (unless
``X-KRAKOW-DESK-DIRECTION`` says it), our own visits' description (it is generated text), and
for our own visits ``CONFIRMED``, which the export writes for confirmed and done visits alike.

The file is checked line by line before icalendar sees it: how deep components nest and how many
entries there are, so a hostile file fails fast; and where each VEVENT begins, for the problems.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Optional
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar.prop import vBroken

from krakow_desk.domain.enums import Direction, VisitStatus
from krakow_desk.domain.text import KEY_PATTERN
from krakow_desk.exchange.ical import UID_DOMAIN
from krakow_desk.exchange.incoming import (
    MAX_FIELD_CHARS, MAX_RECORDS, FileContents, Incoming, Problem, decode_text, read_bytes,
)
from krakow_desk.formatting import HOME_TIMEZONE
from krakow_desk.i18n import _
from krakow_desk.services.errors import DatasetError

MAX_DEPTH = 10   # VCALENDAR > VEVENT > VALARM is 3; no calendar program nests deeper than a few

_DOMAIN = re.escape(UID_DOMAIN)
_VISIT_UID = re.compile(rf"visit-([a-z0-9-]+)@{_DOMAIN}")
_EVENT_UID = re.compile(rf"event-[a-z0-9-]+@{_DOMAIN}")
_ITEM_UID = re.compile(rf"visit-([a-z0-9-]+)\.item-[^@]*@{_DOMAIN}")
_MARKER = re.compile(r"(BEGIN|END)[;:]", re.IGNORECASE)
_STATUS = {"TENTATIVE": VisitStatus.PLANNED.value, "CONFIRMED": VisitStatus.CONFIRMED.value,
           "CANCELLED": VisitStatus.CANCELLED.value}   # exchange.ical's _STATUS, the other way


class _Unreadable(Exception):
    """One entry that cannot be taken; the message is for people."""


@dataclass
class _Frame:
    name: str
    line: int
    too_long: bool = False                                  # for a VEVENT: a value is
    children: Optional[list[tuple[int, bool]]] = None       # for a VCALENDAR: its VEVENTs


def read_calendar(path: Path) -> FileContents:
    """The visits of an iCalendar file; DatasetError when it is not one (see the module notes)."""
    path = Path(path)
    text = decode_text(read_bytes(path), path)
    where, unfinished = _scan(text, path)
    try:
        components = Calendar.from_ical(text, multiple=True)
        calendars = [component for component in components if component.name == "VCALENDAR"]
        entries = [(calendar, sub) for calendar in calendars for sub in calendar.subcomponents
                   if sub.name == "VEVENT"]
    except Exception as error:  # icalendar raises ValueError, KeyError, IndexError, TypeError, ...
        raise DatasetError(_("{path} is not an iCalendar file: {reason}").format(
            path=path, reason=_brief(error))) from None
    if not calendars and unfinished:
        raise DatasetError(_("{path} ends before its calendar does (there is no END:VCALENDAR): "
                             "is the file complete?").format(path=path))
    if not calendars:
        raise DatasetError(_("{path} is not an iCalendar file").format(path=path))

    contents = FileContents("ical")
    visits: list[tuple[int, dict[str, Any]]] = []
    items: dict[str, list] = {}        # visit key -> [(line, item or None, why not)]
    for index, (calendar, entry) in enumerate(entries):
        line, too_long = where[index] if index < len(where) else (1, False)
        owner = None
        try:
            uid = _text(entry, "UID") or ""
            if _EVENT_UID.fullmatch(uid):
                continue
            item = _ITEM_UID.fullmatch(uid)
            if item:
                related = _VISIT_UID.fullmatch(_text(entry, "RELATED-TO") or "")
                owner = (related or item).group(1)
            if too_long:
                raise _Unreadable(_("a value is longer than {limit} characters").format(limit=MAX_FIELD_CHARS))
            if owner:
                items.setdefault(owner, []).append((line, _item(entry, _zone(calendar)), ""))
                continue
            own = _VISIT_UID.fullmatch(uid)
            key = own.group(1) if own and KEY_PATTERN.match(own.group(1)) else None
            visits.append((line, _visit(entry, key, _zone(calendar))))
        except Exception as error:  # _Unreadable, or whatever icalendar's values raise when read
            reason = str(error) if isinstance(error, _Unreadable) else _(
                "the calendar entry cannot be read: {reason}").format(reason=_brief(error))
            if owner:
                items.setdefault(owner, []).append((line, None, reason))
            else:
                contents.problems.append(Problem(line, reason, label=_label(entry)))

    for line, values in visits:
        if "key" in values:
            _attach_programme(values, items.get(values["key"]), contents)
        contents.records.append(Incoming("visit", values, line, label=values["title"]))
    return contents


# --- one entry ----------------------------------------------------------------------------------

def _visit(entry: Any, key: Optional[str], zone: ZoneInfo) -> dict[str, Any]:
    values: dict[str, Any] = {"key": key} if key else {}
    values["title"], begin = _required(entry, zone)
    finish = _finish(entry, begin, zone)
    first = begin.date() if isinstance(begin, datetime) else begin
    last = first
    if isinstance(finish, datetime):  # a timed end at midnight: the day before was the last
        last = finish.date() - timedelta(days=1 if finish.time() == time() else 0)
    elif finish is not None:          # an all-day DTEND is the day after the last
        last = finish - timedelta(days=1)
    values.update(start_on=first, end_on=last if last > first else None)
    place = _text(entry, "LOCATION")
    if place or key:   # our export leaves LOCATION out only when the visit has no place
        values["place"] = place
    status = _STATUS.get((_text(entry, "STATUS") or "").upper())
    if key and status == VisitStatus.CONFIRMED:
        status = None   # our CONFIRMED is a confirmed or a done visit: the stored status says which
    partners = _raw(entry, "X-KRAKOW-DESK-PARTNERS")
    given = {"status": _enum(entry, "X-KRAKOW-DESK-STATUS", VisitStatus) or status,
             "direction": _enum(entry, "X-KRAKOW-DESK-DIRECTION", Direction),
             "partners": None if partners is None else [p.strip() for p in partners.split(",") if p.strip()],
             "notes": None if key else _text(entry, "DESCRIPTION")}   # ours is generated text
    values.update({name: value for name, value in given.items() if value is not None})
    return values


def _item(entry: Any, zone: ZoneInfo) -> dict[str, Any]:
    activity, begin = _required(entry, zone)
    item: dict[str, Any] = {"day": None, "start": None, "end": None, "place": _text(entry, "LOCATION"),
                            "activity": activity}
    finish = _finish(entry, begin, zone)
    if not isinstance(begin, datetime):
        return item | {"day": begin}
    item.update(day=begin.date(), start=begin.time())
    if isinstance(finish, datetime) and finish.date() == begin.date() and finish.time() >= begin.time():
        item["end"] = finish.time()
    return item


def _attach_programme(values: dict[str, Any], items: Optional[list], contents: FileContents) -> None:
    """The visit's programme, when the file holds its items, all of them readable: a programme
    with an item missing would replace the stored one, so then the stored one stays."""
    if not items:
        return
    broken = [(line, reason) for line, item, reason in items if item is None]
    for line, reason in broken:
        contents.problems.append(Problem(line, _(
            "programme item left out ({reason}); the programme of visit '{key}' stays as it is").format(
            reason=reason, key=values["key"]), rejected=False, label=values["title"]))
    if not broken:  # the export writes the visit's place for an item without one
        values["programme"] = [item | {"place": None} if item["place"] == values["place"] else item
                               for _line, item, _reason in items]


# --- values ---------------------------------------------------------------------------------------

def _required(entry: Any, zone: ZoneInfo) -> tuple[str, date]:
    """The title and the start, which every entry must have."""
    title, begin = _text(entry, "SUMMARY"), _moment(entry, "DTSTART", zone)
    if not title:
        raise _Unreadable(_("the calendar entry has no title (SUMMARY)"))
    if begin is None:
        raise _Unreadable(_("the calendar entry has no start date (DTSTART)"))
    return title, begin


def _finish(entry: Any, begin: date, zone: ZoneInfo) -> Optional[date]:
    finish, duration = _moment(entry, "DTEND", zone), _one(entry, "DURATION")
    if finish is None and duration is not None:
        length = None if isinstance(duration, vBroken) else getattr(duration, "dt", None)
        if not isinstance(length, timedelta):
            raise _Unreadable(_("{field} is not a date or time: {value}").format(
                field="DURATION", value=_shown(duration)))
        finish = begin + length
    return finish


def _moment(entry: Any, name: str, zone: ZoneInfo) -> Optional[date]:
    """A date, or a date-time as its wall-clock time: in its own time zone, UTC at home."""
    prop = _one(entry, name)
    if prop is None:
        return None
    value = None if isinstance(prop, vBroken) else getattr(prop, "dt", None)
    if not isinstance(value, date):
        raise _Unreadable(_("{field} is not a date or time: {value}").format(field=name, value=_shown(prop)))
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.tzname() in ("UTC", "Z"):
            value = value.astimezone(zone)
        value = value.replace(tzinfo=None)
    return value


def _zone(calendar: Any) -> ZoneInfo:
    """Where UTC times are read: the calendar's own zone (Google writes it), else at home."""
    name = _raw(calendar, "X-WR-TIMEZONE")
    try:
        return ZoneInfo(name) if name else ZoneInfo(HOME_TIMEZONE)
    except Exception:  # noqa: BLE001 (not a zone name: ValueError, KeyError, OSError, ...)
        return ZoneInfo(HOME_TIMEZONE)


def _one(entry: Any, name: str) -> Any:
    value = entry.get(name)
    return (value[0] if value else None) if isinstance(value, list) else value


def _text(entry: Any, name: str) -> Optional[str]:
    value = _one(entry, name)
    return None if value is None else (str(value).strip() or None)


def _raw(entry: Any, name: str) -> Optional[str]:
    """An X- property's text: icalendar keeps it as written, escapes and all."""
    value = _one(entry, name)
    if value is None:
        return None
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return re.sub(r"\\([\\;,])", r"\1", text).strip()


def _enum(entry: Any, name: str, enum: type) -> Optional[str]:
    """One of our X- properties naming a value of ``enum``; None if absent or not one."""
    text = (_raw(entry, name) or "").lower()
    return text if text in {member.value for member in enum} else None


def _shown(prop: Any) -> str:
    """A value as the file writes it, for a message."""
    text = str(prop) if isinstance(prop, vBroken) else prop.to_ical()
    return (text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text))[:80]


def _label(entry: Any) -> str:
    try:
        return (_text(entry, "SUMMARY") or "")[:200]
    except Exception:  # noqa: BLE001 (only for a message)
        return ""


def _brief(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__


# --- the file's lines -------------------------------------------------------------------------------

def _scan(text: str, path: Path) -> tuple[list[tuple[int, bool]], bool]:
    """For each VEVENT of a calendar, in the order icalendar gives them: the line its BEGIN is on
    (1-based, in the file as written, folded lines and all) and whether a value is too long; and
    whether a calendar is left open at the end. DatasetError when components nest too deeply or
    there are too many entries."""
    found: list[tuple[int, bool]] = []
    stack: list[_Frame] = []
    count = 0
    for number, line in _logical_lines(text):
        marker = _MARKER.match(line)
        if marker is None:
            if len(line) > MAX_FIELD_CHARS and len(stack) >= 2:
                stack[1].too_long = True
            continue
        name = line.partition(":")[2].upper()
        if marker.group(1).upper() == "BEGIN":
            if len(stack) >= MAX_DEPTH:
                raise DatasetError(_("{path} nests calendar components too deeply (line {line}; "
                                     "at most {limit} levels)").format(path=path, line=number, limit=MAX_DEPTH))
            if name == "VEVENT":
                count += 1
                if count > MAX_RECORDS:
                    raise DatasetError(_("{path} holds more than {limit} calendar entries").format(
                        path=path, limit=MAX_RECORDS))
            stack.append(_Frame(name, number, children=[] if not stack and name == "VCALENDAR" else None))
            continue
        if not stack:
            break   # icalendar refuses the file
        frame = stack.pop()
        if not stack and frame.children is not None:
            found += frame.children
        elif len(stack) == 1 and stack[0].children is not None and frame.name == "VEVENT":
            stack[0].children.append((frame.line, frame.too_long))
    return found, bool(stack) and stack[0].children is not None


def _logical_lines(text: str):  # noqa: ANN202 (an iterator of (line number, unfolded line))
    """Lines as icalendar unfolds them: a line starting with a space or tab continues the one
    before (blank lines between are dropped)."""
    start, parts = 0, []
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        if not raw:
            continue
        if raw[0] in " \t" and parts:
            parts.append(raw[1:])
            continue
        if parts:
            yield start, "".join(parts)
        start, parts = number, [raw]
    if parts:
        yield start, "".join(parts)
