"""What every record form does: load, check, save through the services, show errors at the field,
ask before losing changes."""

import re
from typing import Any, Optional

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from krakow_desk.domain.text import slugify
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes, Collection
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import Conflict, DeskError, InvalidRecord
from krakow_desk.ui.forms.editors import LineField
from krakow_desk.ui.forms.layout import STYLE, FieldBox, mark
from krakow_desk.ui.forms.messages import problem_text, record_title
from krakow_desk.ui.forms.rows import RowsEditor

_PATH = re.compile(r"^([A-Za-z_]+)(?:\[(\d+)\])?(?:\.([A-Za-z_]+))?")
KEY_ROOM = 110   # keys may be 120 characters; leave room for "-2", "-3"...


class RecordForm(QDialog):
    """Create (``key=None``) or edit one record. After ``exec()`` returns Accepted, ``changes``
    holds what the services changed and ``saved_key`` the record's key."""

    sig_saved = Signal(object)
    """Emitted once the record is saved, with the services' ``Changes`` (possibly empty when an
    edit changed nothing), so that views can refresh."""

    kind = ""          # the services' name for the record type: "partner"
    collection = ""    # the Desk attribute: "partners"

    def __init__(self, desk: Desk, key: Optional[str] = None, parent: Optional[QWidget] = None,
                 initial: Optional[dict[str, Any]] = None) -> None:
        super().__init__(parent)
        self.desk, self.key = desk, key
        self.changes = Changes()
        self.saved_key: Optional[str] = None
        self.editors: dict[str, Any] = {}
        self.boxes: dict[str, Any] = {}        # FieldBox, or the RowsEditor itself
        self.tabs: Optional[QTabWidget] = None
        self.theirs_notes: dict[str, QLabel] = {}
        self._tooltips: dict[str, str] = {}
        # The version read is the one a save must still find: a record saved meanwhile by someone
        # else is a Conflict to resolve, never overwritten silently.
        versioned = self.records.get_versioned(key) if key is not None else None
        stored = versioned.record if versioned is not None else None
        self.version: Optional[int] = versioned.version if versioned is not None else None
        # Editing starts from the whole stored record, so fields the form does not show survive.
        self.original: dict[str, Any] = stored.model_dump() if stored is not None else {}
        self.setStyleSheet(STYLE)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.key_field = LineField()
        self.key_field.setToolTip(_(
            "The record's identifier in data files and on the command line. A new record gets "
            "one made from its name; it does not change afterwards, so that references to it "
            "stay valid."))
        self.build(layout)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(_("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save)
        self.key_follows_name = key is None and not (initial or {}).get("key")
        self.load({**self.original, **(initial or {})})
        self.key_field.setReadOnly(key is not None)
        self.key_field.textEdited.connect(self._key_edited)
        if stored is not None:
            self.setWindowTitle(self.edit_title(record_title(desk, self.kind, stored)))
        else:
            self.setWindowTitle(self.new_title())
        self.baseline = self.collect()
        self._fit_screen()

    # --- what a form defines -------------------------------------------------------------

    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def edit_title(self, title: str) -> str:
        raise NotImplementedError

    def key_source(self) -> str:
        """The text a new record's key is made from (its name)."""
        raise NotImplementedError

    @property
    def records(self) -> Collection:
        return getattr(self.desk, self.collection)

    # --- fields --------------------------------------------------------------------------

    def field(self, name: str, editor: QWidget, hint: Optional[str] = None) -> FieldBox:
        """Register an editor for the record's field ``name``; returns the box to place."""
        box = FieldBox(editor, hint)
        editor.setObjectName(name)
        self.editors[name] = editor
        self.boxes[name] = box
        finished = getattr(editor, "editingFinished", None)
        if finished is not None:
            finished.connect(lambda: self.check_field(name))
        return box

    def rows(self, name: str, editor: RowsEditor) -> RowsEditor:
        editor.setObjectName(name)
        self.editors[name] = editor
        self.boxes[name] = editor
        return editor

    def key_box(self) -> FieldBox:
        hint = _("Made from the name; it stays as it is once saved") if self.key is None else None
        box = self.field("key", self.key_field, hint)
        self.editors.pop("key")   # collected separately: it may follow the name
        return box

    def follow_name(self, *editors: Any) -> None:
        """While the key follows the name, typing the name remakes the key."""
        for editor in editors:
            signal = getattr(editor, "textEdited", None) or editor.lineEdit().textEdited
            signal.connect(self._name_edited)

    def _name_edited(self, *_args: Any) -> None:
        if self.key_follows_name:
            self.key_field.setText(slugify(self.key_source())[:KEY_ROOM])

    def _key_edited(self, text: str) -> None:
        self.key_follows_name = not text.strip()

    def load(self, data: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            if name in data:
                editor.set_value(data[name])
        self.key_field.set_value(data.get("key"))
        if self.key_follows_name:
            self._name_edited()

    def collect(self) -> dict[str, Any]:
        """The stored record with the form's values laid over it."""
        data = dict(self.original)
        for name, editor in self.editors.items():
            data[name] = editor.value()
        data["key"] = self.key_field.text().strip() or slugify(self.key_source())[:KEY_ROOM] or None
        return data

    def is_dirty(self) -> bool:
        return self.collect() != self.baseline

    def unique_key(self, slug: str) -> str:
        base = slug[:KEY_ROOM] or self.kind
        candidate, n = base, 2
        while self.records.find(candidate) is not None:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # --- checking and saving -------------------------------------------------------------

    def check_field(self, name: str) -> None:
        """The cheap check as the user leaves a field."""
        box, editor = self.boxes[name], self.editors.get(name, self.key_field)
        problem = editor.problem()
        if problem:
            box.show_error(problem_text(problem))
        elif isinstance(box, FieldBox):
            box.clear_error()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            if isinstance(box, RowsEditor):
                box.clear_errors()
            else:
                box.clear_error()

    def save(self) -> bool:
        """Save through the services; on a problem, show it at its field and keep the form open."""
        self.clear_errors()
        first: Optional[QWidget] = None
        for name, editor in self.editors.items():
            problem = editor.problem()
            if problem and isinstance(editor, RowsEditor):
                first = first or next(c for r in editor.rows for c in r.cells.values() if c.property("invalid"))
            elif problem:
                self.boxes[name].show_error(problem_text(problem))
                first = first or editor
        if first is not None:
            self.reveal(first)
            return False
        if self.key is None and self.key_follows_name:
            self.key_field.setText(self.unique_key(slugify(self.key_source())))
        data = self.collect()
        try:
            if self.key is None:
                saved = self.records.create(data)
            else:
                saved = self.records.update(self.key, data, expected_version=self.version)
        except Conflict as conflict:
            return self.resolve_conflict(conflict)
        except InvalidRecord as error:
            self.show_invalid(error)
            return False
        except DeskError as error:
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return False
        self.changes, self.saved_key = saved.changes, saved.record.key
        self.version = saved.version
        self.baseline = self.collect()
        self.sig_saved.emit(self.changes)
        self.accept()
        return True

    # --- someone else saved the record meanwhile ------------------------------------------

    def resolve_conflict(self, conflict: Conflict) -> bool:
        """Ask what to do; the form's values are never lost without the user choosing so."""
        from krakow_desk.ui.conflict_dialog import BACK_TO_EDITING, KEEP_MINE, TAKE_THEIRS, ask
        current = self.collect()
        edited = [name for name in self.editors if current.get(name) != self.baseline.get(name)]
        untouched = frozenset(name for name in conflict.theirs.model_dump() if name not in edited)
        choice = ask(conflict, untouched, self)
        if choice == TAKE_THEIRS:
            self.adopt(conflict, {})
            return False
        mine = {name: current[name] for name in edited}
        self.adopt(conflict, mine, mark_differences=choice == BACK_TO_EDITING)
        if choice == KEEP_MINE:
            return self.save()
        return False

    def adopt(self, conflict: Conflict, mine: dict[str, Any], mark_differences: bool = False) -> None:
        """Start again from their version (stored now, at ``conflict.version``), with ``mine`` — the
        fields the user changed — laid over it; where those differ from theirs, say so at the field."""
        self.clear_theirs()
        self.original = conflict.theirs.model_dump()
        self.version = conflict.version
        self.load(self.original)
        self.baseline = self.collect()
        for name, value in mine.items():
            self.editors[name].set_value(value)
        if not mark_differences:
            return
        who = conflict.by.actor if conflict.by is not None else _("someone else")
        marked = []
        for name, value in mine.items():
            theirs = self.baseline.get(name)
            if theirs != value:
                self.mark_theirs(name, who, theirs)
                marked.append(name)
        self.show_banner(marked, who)

    def show_banner(self, marked: list[str], who: str) -> None:
        """Above the tabs: which fields hold a value that replaces what someone else saved."""
        from krakow_desk.ui.history_text import field_label
        from krakow_desk.ui.widgets import WARNING_STYLE, message_box
        if getattr(self, "banner", None) is None:
            self.banner = message_box(WARNING_STYLE, self, selectable=False)
            self.layout().insertWidget(0, self.banner)
        if marked:
            text = _("{who} saved this record while you were editing it. Your values are kept; where "
                     "they differ from theirs ({fields}), theirs is shown under the field. Saving now "
                     "replaces their version.").format(
                who=who, fields=", ".join(field_label(self.kind, name) for name in marked))
        else:
            text = _("{who} saved this record while you were editing it; their changes are now in the "
                     "form, with yours.").format(who=who)
        self.banner.setText(text)
        self.banner.show()

    def mark_theirs(self, name: str, who: str, theirs: Any) -> None:
        from krakow_desk.store.history import json_value
        from krakow_desk.ui.history_text import full_text, short_text
        box, editor = self.boxes[name], self.editors[name]
        value = json_value(theirs.model_dump() if hasattr(theirs, "model_dump") else theirs)
        note = self.theirs_notes.get(name)
        if note is None:
            note = QLabel(box)
            note.setProperty("role", "theirs")
            note.setWordWrap(True)
            box.layout().addWidget(note)
            self.theirs_notes[name] = note
        note.setText(_("{who} saved: {value}").format(who=who, value=short_text(value, self.kind, name)))
        note.setToolTip(full_text(value, self.kind, name))
        note.show()
        self._tooltips.setdefault(name, editor.toolTip())
        editor.setToolTip(_("{who} saved: {value}").format(who=who, value=full_text(value, self.kind, name)))
        mark(editor, True, "theirs")

    def clear_theirs(self) -> None:
        if getattr(self, "banner", None) is not None:
            self.banner.hide()
        for name, note in self.theirs_notes.items():
            note.hide()
            mark(self.editors[name], False, "theirs")
            self.editors[name].setToolTip(self._tooltips.pop(name, ""))

    def show_invalid(self, error: InvalidRecord) -> None:
        match = _PATH.match(error.field or "")
        name = match.group(1) if match else ""
        box = self.boxes.get(name)
        problem = problem_text(error.problem)
        if box is None:   # a field this form does not show (a source, say): say it all
            QMessageBox.warning(self, self.windowTitle(), error.message)
            return
        if isinstance(box, RowsEditor):
            if match and match.group(2) is not None and box.rows:
                widget = box.show_error(int(match.group(2)), match.group(3), problem)
            else:
                box.show_message(problem)
                widget = box.add_button
        else:
            box.show_error(problem)
            widget = box.editor
        self.reveal(widget)

    def reveal(self, widget: QWidget) -> None:
        """Bring a field into view: its tab, its place in a scrolled page, the focus."""
        if self.tabs is not None:
            for index in range(self.tabs.count()):
                if self.tabs.widget(index).isAncestorOf(widget):
                    self.tabs.setCurrentIndex(index)
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
                break
            parent = parent.parentWidget()
        widget.setFocus()

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: ask before losing changes."""
        if self.is_dirty():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self, self.windowTitle(), _("Save changes?"),
                buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
            if answer == buttons.Save:
                self.save()
                return
            if answer != buttons.Discard:
                return
        super().reject()

    def _fit_screen(self) -> None:
        hint = self.sizeHint()
        # A scrolling page hints at a small size; make room for the tallest page's whole content.
        areas = self.findChildren(QScrollArea)
        tall = max([a.widget().sizeHint().height() - a.sizeHint().height() for a in areas] + [0])
        wide = max([a.widget().sizeHint().width() - a.sizeHint().width() for a in areas] + [0])
        screen = self.screen().availableGeometry() if self.screen() else None
        width = max(hint.width() + wide + 24, self.preferred[0])
        height = max(hint.height() + tall + 8, self.preferred[1])
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    preferred = (560, 420)
