"""What the window says at start about the database file itself: it is damaged (and was set
aside), it is open in another Krakow Desk, it lies on a network share."""

import datetime as dt
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QStyle, QVBoxLayout, QWidget,
)

from krakow_desk.formatting import format_date
from krakow_desk.i18n import _
from krakow_desk.services.storage import DatabaseDamaged
from krakow_desk.store.backups import parse_name
from krakow_desk.store.lock import Holder


def when_text(moment: dt.datetime) -> str:
    """A backup's time as people read it: the date in the interface's language, local time."""
    local = moment.astimezone()
    return f"{format_date(local.date())}, {local.strftime('%H:%M')}"


def holder_since(holder: Holder) -> str:
    try:
        return when_text(dt.datetime.fromisoformat(holder.since))
    except ValueError:
        return holder.since or "?"


class DamagedDialog(QDialog):
    """The database file is damaged: say where it went, offer the newest good backup, a new
    database, or quitting. ``choice`` is "restore", "new" or "quit" once it closes."""

    def __init__(self, error: DatabaseDamaged, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.choice = "quit"
        self.setWindowTitle(_("Krakow Desk — the database is damaged"))
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(_("The database file cannot be used: it is damaged."), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        parts = [_("SQLite reported: {reason}.").format(reason=error.reason),
                 _("Nothing was overwritten. The damaged file was moved aside to:"),
                 str(error.moved_to)]
        when = parse_name(error.backup) if error.backup is not None else None
        if when is not None:
            parts.append(_("The newest good backup is from {when}. Restoring it brings back the data as "
                           "it was then; what was saved after that is not in it.").format(when=when_text(when[0])))
        else:
            parts.append(_("There is no backup of this database."))
        body = QLabel("\n\n".join(parts), self)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(body)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(8)
        top.addLayout(text, 1)

        self.restore_button: Optional[QPushButton] = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        if when is not None:
            self.restore_button = QPushButton(_("Restore the backup of {when}").format(when=when_text(when[0])), self)
            self.restore_button.clicked.connect(lambda: self._choose("restore"))
            buttons.addWidget(self.restore_button)
        self.new_button = QPushButton(_("Start with a new database"), self)
        self.new_button.clicked.connect(lambda: self._choose("new"))
        self.quit_button = QPushButton(_("Quit"), self)
        self.quit_button.clicked.connect(lambda: self._choose("quit"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.quit_button)
        (self.restore_button or self.quit_button).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        self.setMinimumWidth(600)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != "quit" else self.reject()


def ask_read_only(parent: Optional[QWidget], database: str, holder: Holder) -> bool:
    """The file is open for writing elsewhere: open it read-only, or not at all?"""
    text = _("The database {path} is already open in Krakow Desk — user {user} on computer {host}, "
             "since {since}.\n\nOnly one program may change it at a time. You can open it read-only "
             "to look things up; to change records, close it there first.").format(
        path=database, user=holder.user or "?", host=holder.host or "?", since=holder_since(holder))
    box = QMessageBox(QMessageBox.Icon.Information, _("Krakow Desk"), text, QMessageBox.StandardButton.NoButton,
                      parent)
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def warn_network_share(parent: Optional[QWidget], database: str, kind: str) -> None:
    QMessageBox.warning(parent, _("Krakow Desk"), _(
        "The database {path} is on a network share ({kind}). SQLite's locking cannot be relied on "
        "there, and two computers writing to it at once can damage it.\n\nFor a database the office "
        "shares, use a PostgreSQL server (see the README: “Backups and safety”).").format(
        path=database, kind=kind))
