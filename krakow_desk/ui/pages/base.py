"""What every section page offers the main window, and the honest page of a section not built yet."""

from typing import Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk


class Page(QWidget):
    """A section of the window. Subclasses override what they support."""

    sig_status = Signal(str)
    """A short text for the status bar (counts, what is shown)."""
    sig_error = Signal(object)
    """An exception the window should show to the user as a message."""
    sig_changed = Signal(object)
    """Changes this page wrote, so the other pages can refresh."""
    sig_open = Signal(str, str)
    """(kind, key) of a record the user wants to see, wherever it is shown."""

    kinds: frozenset[str] = frozenset()   # record kinds this page shows, to decide on refreshes

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk = desk

    def activate(self) -> None:
        """The page became visible; load what it shows if not loaded yet."""

    def refresh(self) -> None:
        """Reload from the database."""

    def on_changes(self, changes: Changes) -> None:
        if changes.kinds & self.kinds:
            self.refresh()

    def open_record(self, kind: str, key: str) -> bool:
        """Show one record; False if this page cannot."""
        return False

    def new_record(self) -> None:
        """Ctrl+N on this page."""

    def delete_selected(self) -> None:
        """Delete on this page."""

    def focus_filter(self) -> None:
        """Ctrl+F on this page."""

    def status_text(self) -> str:
        return ""

    def save_state(self) -> dict:
        return {}

    def restore_state(self, state: dict) -> None:
        pass


class EmptyState(QWidget):
    """A centred title and explanation in place of content that does not exist (yet)."""

    def __init__(self, title: str, text: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text, self)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        body.setMaximumWidth(560)
        body.setObjectName("emptyStateText")
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        # Stretches either side, not an alignment flag: an aligned label gets its one-line size
        # hint, and a wrapped sentence is then cut after the first line.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(body, 4)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.heading, self.body = heading, body
