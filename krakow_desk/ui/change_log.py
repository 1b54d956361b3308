"""The whole change history in a window of its own (View → Change history…): newest first, a page
of entries at a time, filtered by kind of record and by person; double click opens the record;
"Verify the history" walks the hash chain off the GUI thread."""

from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from krakow_desk.i18n import _, ngettext
from krakow_desk.services.history import HistoryEntry
from krakow_desk.ui.history_text import record_kind_name
from krakow_desk.ui.history_view import HistoryTree
from krakow_desk.ui.pages.list_page import FilterCombo, set_names
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import NOTICE_STYLE, WARNING_STYLE, message_box

PAGE = 200
KINDS = ("partner", "person", "institution", "organisation", "membership", "agreement", "visit", "event",
         "gift", "letter", "task", "source", "setting")


class ChangeLogWindow(QDialog):
    """Not modal: the user may keep it open beside the main window while opening records."""

    sig_open = Signal(str, str)
    """(kind, key) of the record of an entry the user opened."""
    sig_loaded = Signal()
    """A page of entries arrived and is shown."""
    sig_verified = Signal(object)
    """The problems the chain check found (an empty list: the history is intact)."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Change history"))
        self.setModal(False)
        self._generation = 0
        self._loading = False
        self.more_left = False

        self.kind_combo = FilterCombo(_("All kinds of record"),
                                      sorted(((k, record_kind_name(k)) for k in KINDS), key=lambda kv: kv[1]))
        self.actor_combo = FilterCombo(_("Everybody"), [])
        set_names([(self.kind_combo, _("Kind of record")), (self.actor_combo, _("Who made the change"))])
        self.kind_combo.currentIndexChanged.connect(self.reload)
        self.actor_combo.currentIndexChanged.connect(self.reload)
        self.verify_button = QPushButton(_("&Verify the history"), self)
        self.verify_button.setToolTip(_("Check that no entry was altered, removed or inserted since it was "
                                        "written (each entry's checksum covers the one before it)"))
        self.verify_button.clicked.connect(self.verify)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Show:"), self))
        bar.addWidget(self.kind_combo, 1)
        bar.addWidget(self.actor_combo, 1)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)

        self.verdict = message_box(NOTICE_STYLE, self)
        self.tree = HistoryTree(with_record=True, expanded=False, parent=self)
        self.tree.setToolTip(_("Double-click an entry to open its record; click the arrow to see each field"))
        self.tree.sig_open.connect(self.sig_open.emit)
        self.tree.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.count_label = QLabel(self)
        self.more_button = QPushButton(_("Load &more"), self)
        self.more_button.clicked.connect(self.load_more)
        close = QPushButton(_("Close"), self)
        close.clicked.connect(self.close)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.more_button)
        foot.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.tree, 1)
        layout.addLayout(foot)
        self.resize(1100, 640)
        run_task(self.desk.history.actors, self._actors, self._failed, owner=self)
        self.reload()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.tree.clear()
        self._generation += 1
        self._loading = False
        self._fetch(None)

    def load_more(self) -> None:
        entries = self.tree.entries()
        if self.more_left and not self._loading:
            self._fetch(entries[-1].id if entries else None)

    def _fetch(self, before: Optional[int]) -> None:
        self._loading = True
        self.more_button.setEnabled(False)
        generation, kind, actor = self._generation, self.kind_combo.value(), self.actor_combo.value()
        history = self.desk.history
        run_task(lambda: (history.log(PAGE + 1, before, kind, actor), history.count()),
                 lambda result: self._arrived(generation, *result), self._failed, owner=self)

    def _arrived(self, generation: int, entries: list[HistoryEntry], total: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        # One more than a page is asked for: whether it came says if there is more to load.
        self.more_left = len(entries) > PAGE
        self.tree.add_entries(entries[:PAGE])
        self.more_button.setEnabled(self.more_left)
        shown = self.tree.topLevelItemCount()
        filtered = self.kind_combo.value() is not None or self.actor_combo.value() is not None
        text = ngettext("{n} entry shown", "{n} entries shown", shown).format(n=shown)
        if not filtered:
            text = _("{shown} of {total} in the history").format(shown=text, total=total)
        self.count_label.setText(text)
        self.sig_loaded.emit()

    def _scrolled(self, value: int) -> None:
        # Reaching the bottom loads the next page, as the button does.
        if value and value >= self.tree.verticalScrollBar().maximum():
            self.load_more()

    def _actors(self, actors: list[str]) -> None:
        self.actor_combo.refill(_("Everybody"), [(a, a) for a in actors])

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        from krakow_desk.ui.dialogs import show_error
        show_error(self, error)

    # --- checking --------------------------------------------------------------------------

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verdict.setStyleSheet(NOTICE_STYLE)
        self.verdict.setText(_("Checking every entry of the history…"))
        self.verdict.show()
        history = self.desk.history
        run_task(lambda: (history.verify(), history.count()), lambda result: self._verified(*result),
                 self._verify_failed, owner=self)

    def _verified(self, problems: list[str], count: int) -> None:
        self.verify_button.setEnabled(True)
        if problems:
            self.verdict.setStyleSheet(WARNING_STYLE)
            self.verdict.setText("\n".join(
                [ngettext("The history was tampered with: {n} problem found.",
                          "The history was tampered with: {n} problems found.", len(problems)).format(
                    n=len(problems))] + [f"⚠ {problem}" for problem in problems[:50]]
                + ([_("… and {n} more").format(n=len(problems) - 50)] if len(problems) > 50 else [])))
        else:
            self.verdict.setStyleSheet(NOTICE_STYLE)
            self.verdict.setText(ngettext("The history is intact: {n} entry checked.",
                                          "The history is intact: {n} entries checked.", count).format(n=count))
        self.sig_verified.emit(problems)

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verdict.hide()
        self._failed(error)


def open_change_log(desk: Any, parent: QWidget, open_record: Any) -> ChangeLogWindow:
    """Show the change history window (one per main window), raised if already open."""
    window = getattr(parent, "_change_log", None)
    try:
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    except RuntimeError:
        pass    # deleted with its parent's previous build
    window = ChangeLogWindow(desk, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def opened(kind: str, key: str) -> None:
        if open_record(kind, key):
            parent.raise_()
            parent.activateWindow()
        else:
            window.verdict.setStyleSheet(NOTICE_STYLE)
            window.verdict.setText(_("This record cannot be shown: it was deleted, or it is a setting."))
            window.verdict.show()
    window.sig_open.connect(opened)
    parent._change_log = window  # type: ignore[attr-defined]
    window.show()
    return window
