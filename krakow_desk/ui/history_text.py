"""The change history in words: field names as people read them, values short enough for a
table cell (with the whole value for a tooltip), times in local time. No widgets here."""

import typing
from datetime import datetime, timezone
from enum import Enum
from functools import lru_cache
from typing import Any, Optional, Sequence

from krakow_desk.exchange.columns import field_header
from krakow_desk.formatting import format_short_date
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import label
from krakow_desk.services.errors import kind_name
from krakow_desk.services.shapes import KINDS
from krakow_desk.store.history import REDACTED

# Fields the spreadsheet columns do not name (nested rows, events, memberships...): the exchange
# headers stay the one list, these only fill its gaps.
EXTRA_LABELS = {
    "statuses": N_("status history"), "affiliations": N_("affiliations"),
    "participants": N_("participants"), "programme": N_("programme"),
    "retention_note": N_("retention note"), "erased_on": N_("erased on"),
    "organisers": N_("organisers"), "programme_name": N_("funding programme"),
    "budget": N_("budget"), "co_financing": N_("co-financing"), "acronym": N_("acronym"),
    "organisation": N_("organisation"), "joined_year": N_("joined in"), "left_year": N_("left in"),
    "fee": N_("membership fee"), "fee_currency": N_("fee currency"), "fee_note": N_("fee note"),
    "coordinating_department": N_("coordinating department"),
    "representative": N_("representative"), "document": N_("document"),
    "redacted_entries": N_("history entries cleared"), "url": N_("address (URL)"), "note": N_("note"),
    "agreement": N_("agreement"), "title": N_("title"),
}
SETTING_KIND = N_("setting")
LONG = 60          # characters of a value shown in a cell; the tooltip has the rest
SHORT = 40         # ... of each side of a change of long text, around where it differs
EMPTY = "—"


def record_kind_name(kind: str) -> str:
    return _(SETTING_KIND) if kind == "setting" else kind_name(kind)


def field_label(kind: str, field: str) -> str:
    """'Family name': the field as its spreadsheet column is headed, capitalised."""
    text = field_header(kind, field)
    if text == field.replace("_", " ") and field in EXTRA_LABELS:
        text = _(EXTRA_LABELS[field])
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=None)
def _enum_of(kind: str, field: str) -> Optional[type[Enum]]:
    """The vocabulary a field's values come from, read off the record model's annotation."""
    model = next((k.shape.model for k in KINDS if k.name == kind), None)
    info = model.model_fields.get(field) if model is not None else None
    annotation = info.annotation if info is not None else None
    for _depth in range(4):
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if not args:
            return None
        annotation = args[0]
    return None


def _scalar(value: Any, enum: Optional[type[Enum]] = None) -> str:
    if value is None or value == "":
        return EMPTY
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if value == REDACTED:
        return _("[erased]")
    if enum is not None:
        try:
            return label(enum(value))
        except ValueError:
            pass
    return str(value)


def _row_text(row: dict[str, Any]) -> str:
    return ", ".join(f"{k}: {_scalar(v) if not isinstance(v, (list, dict)) else full_text(v)}"
                     for k, v in row.items() if v not in (None, "", []))


def full_text(value: Any, kind: str = "", field: str = "") -> str:
    """The whole value, as many lines as it takes."""
    enum = _enum_of(kind, field) if kind and field else None
    if isinstance(value, list):
        if not value:
            return EMPTY
        if all(isinstance(v, dict) for v in value):
            return "\n".join(f"{n}. {_row_text(v)}" for n, v in enumerate(value, 1))
        return ", ".join(_scalar(v, enum) if not isinstance(v, (list, dict)) else full_text(v) for v in value)
    if isinstance(value, dict):
        return _row_text(value) or EMPTY
    return _scalar(value, enum)


def items_count(value: Any) -> str:
    n = len(value) if isinstance(value, list) else 0
    return ngettext("{n} item", "{n} items", n).format(n=n)


def is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def elide(text: str, limit: int = LONG) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"


@lru_cache(maxsize=None)
def _field_order(kind: str) -> dict[str, int]:
    model = next((k.shape.model for k in KINDS if k.name == kind), None)
    return {name: n for n, name in enumerate(model.model_fields)} if model is not None else {}


def in_form_order(kind: str, changes: Sequence[Any]) -> list[Any]:
    """Changes in the order the record's fields are defined (name first, notes last), not A–Z."""
    order = _field_order(kind)
    return sorted(changes, key=lambda c: order.get(c.field, len(order)))


def _excerpts(old: str, new: str, limit: int) -> tuple[str, str]:
    """Two long texts shown by where they differ: '…the part that changed…' of each."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    start = max(0, start - 12)            # a few words of context before the change
    if start:
        start = old.rfind(" ", 0, start) + 1
    def cut(text: str) -> str:
        middle = " ".join(text[start:len(text) - max(0, end - 12)].split())
        head = "…" if start else ""
        if len(middle) > limit:
            return head + middle[:limit - 1].rstrip() + "…"
        return head + middle + ("…" if end > 12 else "")
    return cut(old), cut(new)


def short_text(value: Any, kind: str = "", field: str = "") -> str:
    """The value in one short line: a list of rows as its count, long text cut with '…'."""
    if is_rows(value):
        return items_count(value)
    return elide(full_text(value, kind, field))


def change_text(kind: str, action: str, field: str, old: Any, new: Any) -> tuple[str, str]:
    """('Population: 94 000 → 94 393', the tooltip with both values whole)."""
    name = field_label(kind, field)
    if field == "redacted_entries":
        n = len(new) if isinstance(new, list) else 0
        text = ngettext("{n} history entry cleared of personal data", "{n} history entries cleared of personal data",
                        n).format(n=n)
        return text, text
    if action == "created" or (action != "deleted" and old is None and action != "updated"):
        return f"{name}: {short_text(new, kind, field)}", f"{name}:\n{full_text(new, kind, field)}"
    if action in ("deleted", "detached") and new is None:
        return f"{name}: {short_text(old, kind, field)}", f"{name}:\n{full_text(old, kind, field)}"
    if (is_rows(old) or is_rows(new)) and isinstance(old, list) and isinstance(new, list):
        shown = f"{name}: {len(old)} → {items_count(new)}"
    elif isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHORT:
        before, after = _excerpts(" ".join(old.split()), " ".join(new.split()), SHORT)
        shown = f"{name}: {before or EMPTY} → {after or EMPTY}"
    else:
        shown = f"{name}: {short_text(old, kind, field)} → {short_text(new, kind, field)}"
    tip = "\n".join((name, _("Before: {value}").format(value=full_text(old, kind, field)),
                     _("After: {value}").format(value=full_text(new, kind, field))))
    return shown, tip


def local_time_text(at: datetime) -> str:
    """'2026-03-05 14:03' in the computer's time zone."""
    local = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
    return f"{format_short_date(local.date())} {local:%H:%M}"


def iso_local_text(at: str) -> str:
    """The same, from the ISO UTC text a conflict reports."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return local_time_text(moment)
