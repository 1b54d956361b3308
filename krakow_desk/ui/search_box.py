"""The global search (Ctrl+K): a box in the tool bar and its results, grouped by kind.

The results are a child widget floating over the window rather than a popup window, so the
box keeps the keyboard focus while the user types; Up, Down, Enter and Esc are forwarded.
Searching runs on the thread pool; an answer to an older query is dropped.
"""

from typing import Any, Optional

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from krakow_desk.i18n import N_, _
from krakow_desk.titles import partner_name
from krakow_desk.services.desk import Desk
from krakow_desk.ui.tasks import run_task

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_TITLES = {
    "partner": N_("Partners"), "person": N_("People"), "institution": N_("Institutions"),
    "organisation": N_("Organisations"), "agreement": N_("Agreements"), "visit": N_("Visits"),
    "event": N_("Events"), "gift": N_("Gifts"), "letter": N_("Correspondence"),
}
LIMIT = 50


class SearchResults(QFrame):
    sig_chosen = Signal(object)
    """The hit the user chose (a search hit read model)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.tree)
        self.hide()

    def show_hits(self, hits: list[Any], query: str) -> None:
        self.tree.clear()
        if not hits:
            item = QTreeWidgetItem([_("Nothing found for “{query}”").format(query=query), ""])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)
            return
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.kind)
            if group is None:
                group = QTreeWidgetItem([_(GROUP_TITLES.get(hit.kind, hit.kind)), ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[hit.kind] = group
                self.tree.addTopLevelItem(group)
            partner = partner_name(hit.partner) if hit.kind != "partner" else ""
            item = QTreeWidgetItem(group, ["  " + hit.title, partner])
            item.setData(0, HIT_ROLE, hit)
            item.setToolTip(0, hit.title)
        for group in groups.values():
            group.setText(0, f"{group.text(0)} ({group.childCount()})")
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(0, max(self.width() - self.tree.columnWidth(1) - 30, 200))
        first = next(iter(groups.values())).child(0)
        self.tree.setCurrentItem(first)

    def hit_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            items += [group.child(j) for j in range(group.childCount())]
        return items

    def step(self, step: int) -> None:
        items = self.hit_items()
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        self.tree.setCurrentItem(items[(index + step) % len(items)])

    def choose_current(self) -> bool:
        item = self.tree.currentItem()
        if item is not None and item.data(0, HIT_ROLE) is not None:
            self._activated(item)
            return True
        return False

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hide()
            self.sig_chosen.emit(hit)


class SearchBox(QLineEdit):
    sig_open = Signal(object)
    """A hit to open."""
    sig_error = Signal(object)
    """A search that failed; the window shows it."""

    def __init__(self, desk: Desk, window: QWidget) -> None:
        super().__init__(window)
        self.desk = desk
        self.window_ = window
        self._sequence = 0
        self.setPlaceholderText(_("Search everything (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.setAccessibleName(_("Search"))
        self.results = SearchResults(window)
        self.results.sig_chosen.connect(self._chosen)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search_now)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.installEventFilter(self)
        self.last_hits: list[Any] = []

    def search_now(self) -> None:
        self._timer.stop()
        query = self.text()
        self._sequence += 1
        sequence = self._sequence
        if not query.strip():
            self.results.hide()
            self.last_hits = []
            return
        run_task(lambda: self.desk.search(query, limit=LIMIT),
                 lambda hits: self._answered(sequence, query, hits),
                 self.sig_error.emit, owner=self)

    def _answered(self, sequence: int, query: str, hits: list[Any]) -> None:
        if sequence != self._sequence:
            return   # the user typed on; a newer answer is coming
        self.last_hits = hits
        self._place()
        self.results.show_hits(hits, query)
        self.results.show()
        self.results.raise_()

    def _place(self) -> None:
        corner = self.mapTo(self.window_, QPoint(0, self.height() + 2))
        width = max(self.width(), 560)
        x = min(corner.x(), self.window_.width() - width - 8)
        height = min(460, self.window_.height() - corner.y() - 40)
        self.results.setGeometry(max(x, 8), corner.y(), width, max(height, 120))

    def _chosen(self, hit: Any) -> None:
        self.sig_open.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
                self.results.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.search_now()
                    return True
                return self.results.isVisible() and self.results.choose_current()
            if key == Qt.Key.Key_Escape:
                if self.results.isVisible():
                    self.results.hide()
                else:
                    self.clear()
                    self.window_.setFocus()
                return True
        if watched is self and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self._hide_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus() and not self.results.underMouse():
            self.results.hide()

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip() and self.last_hits:
            self._place()
            self.results.show()
            self.results.raise_()
