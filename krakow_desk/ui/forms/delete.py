"""Deleting a record: say what goes with it and ask, or say what depends on it and refuse."""

from typing import Callable, Optional

from PySide6.QtWidgets import QMessageBox, QWidget

from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError, InUse
from krakow_desk.ui.forms.messages import counted, record_title

COLLECTIONS = {"partner": "partners", "person": "people", "institution": "institutions",
               "organisation": "organisations", "membership": "memberships", "agreement": "agreements",
               "visit": "visits", "task": "tasks", "event": "events", "gift": "gifts", "letter": "letters"}

# One question per kind: Polish puts each kind's name in its own case ("partnera", "osobę").
_ASK: dict[str, Callable[[str], str]] = {
    "partner": lambda title: _("Delete the partner “{title}”?").format(title=title),
    "person": lambda title: _("Delete the person “{title}”?").format(title=title),
    "institution": lambda title: _("Delete the institution “{title}”?").format(title=title),
    "organisation": lambda title: _("Delete the organisation “{title}”?").format(title=title),
    "membership": lambda title: _("Delete “{title}”?").format(title=title),
    "agreement": lambda title: _("Delete the agreement “{title}”?").format(title=title),
    "visit": lambda title: _("Delete the visit “{title}”?").format(title=title),
    "task": lambda title: _("Delete the task “{title}”?").format(title=title),
    "event": lambda title: _("Delete the event “{title}”?").format(title=title),
    "gift": lambda title: _("Delete the gift “{title}” from the register?").format(title=title),
    "letter": lambda title: _("Delete the letter “{title}”?").format(title=title),
}
# Tags that are part of the record itself rather than records of their own.
_NOT_WORTH_SAYING = {"partner_domain"}
# Rows that are fields of the record itself (an event's partners and domains, a visit's
# delegation and programme): "deleted with it: 1 event" would misname them.
_OWN_PARTS: dict[str, set[str]] = {
    "event": {"event_domain", "event_partner"},
    "visit": {"visit_partner", "visit_participant", "programme_item"},
    "letter": {"letter_person"},
}


def _refuse(parent: Optional[QWidget], title: str, listing: str) -> None:
    QMessageBox.warning(parent, _("Cannot delete"), "\n\n".join([
        _("“{title}” cannot be deleted: other records depend on it: {listing}.").format(
            title=title, listing=listing),
        _("Delete those records first, or change them so that they no longer refer to it."),
    ]))


def confirm_delete(desk: Desk, kind: str, key: str, parent: Optional[QWidget]) -> Optional[Changes]:
    """Ask before deleting a record and delete it; ``None`` when refused, cancelled or failed."""
    records = getattr(desk, COLLECTIONS[kind])
    try:
        record = records.get(key)
        title = record_title(desk, kind, record)
        blocking = records.dependents(key)
        quiet = _NOT_WORTH_SAYING | _OWN_PARTS.get(kind, set())
        going = {t: n for t, n in records.cascading(key).items() if t not in quiet}
        staying = records.detaching(key)
    except DeskError as error:
        QMessageBox.warning(parent, _("Cannot delete"), error.message)
        return None
    if blocking:
        _refuse(parent, title, counted(blocking, kind))
        return None
    details = []
    if going:
        details.append(_("Deleted with it: {listing}.").format(listing=counted(going, kind)))
    if staying:
        details.append(_("Kept, but no longer linked to it: {listing}.").format(
            listing=counted(staying, kind)))
    details.append(_("This cannot be undone."))
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(parent, _("Delete"), "\n\n".join([_ASK[kind](title), *details]),
                                  buttons.Yes | buttons.No, buttons.No)
    if answer != buttons.Yes:
        return None
    try:
        return records.delete(key)
    except InUse as error:   # someone added a dependent record since we looked
        _refuse(parent, title, counted(error.dependents, kind))
    except DeskError as error:
        QMessageBox.warning(parent, _("Cannot delete"), error.message)
    return None
