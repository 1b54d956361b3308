"""Settings → Backups: the backups kept (date, reason, size), "Back up now" and "Restore…".

The work runs on the thread pool (ui.tasks); while it runs, the buttons wait. After a restore
``sig_restored`` tells the window to reload every page.
"""

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from krakow_desk.i18n import _
from krakow_desk.services import backups
from krakow_desk.services.backups import reason_text
from krakow_desk.services.documents import format_size
from krakow_desk.ui.storage_dialogs import when_text
from krakow_desk.ui.tasks import run_task


class BackupsBox(QGroupBox):
    sig_restored = Signal(object)
    """A backup was restored (its path): every page must reload."""
    sig_done = Signal()
    """A backup or restore finished (for tests and the status line)."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.desk = desk
        self.folder = backups.backups_folder(desk)
        intro = QLabel(_("A backup is made every day at start, and before every upgrade, import and "
                         "restore. Kept: one a day for a week, one a week for a month, one a month for "
                         "a year, and always the last five. Folder: {path}").format(path=self.folder), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([_("Date"), _("Reason"), _("Size")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Backups"))
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMinimumHeight(150)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.backup_button = QPushButton(_("Back up now"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(_("Restore…"), self)
        self.restore_button.setToolTip(_("Replace the data with the selected backup's (or a backup file "
                                         "chosen when none is selected)"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.busy = False
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for backup in backups.list_backups(self.desk):
            item = QTreeWidgetItem([when_text(backup.when), reason_text(backup.reason), format_size(backup.size)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(0, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        if not self.list.topLevelItemCount():
            self.status.setText(_("No backups yet."))
        self._update_buttons()

    def selected(self) -> Optional[Path]:
        items = self.list.selectedItems()
        return Path(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _update_buttons(self) -> None:
        read_only = getattr(self.desk, "read_only", False)
        self.backup_button.setEnabled(not self.busy)
        self.restore_button.setEnabled(not self.busy and not read_only)

    def _working(self, text: str) -> None:
        self.busy = True
        self.status.setText(text)
        self._update_buttons()

    def _finished(self, text: str) -> None:
        self.busy = False
        self.status.setText(text)
        self.reload()
        self.status.setText(text)
        self.sig_done.emit()

    def _failed(self, error: BaseException) -> None:
        self._finished(_("Nothing was changed."))
        from krakow_desk.ui.dialogs import show_error
        show_error(self, error)

    def back_up_now(self) -> None:
        self._working(_("Backing up…"))
        run_task(lambda: backups.backup(self.desk), lambda path: self._finished(
            _("Backup written: {name}").format(name=Path(path).name)), self._failed, owner=self)

    def restore_selected(self) -> None:
        path = self.selected()
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, _("Restore a backup"), str(self.folder),
                                                          _("Krakow Desk backups (*.sqlite3);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        item = self.list.selectedItems()
        label = item[0].text(0) if item else path.name
        answer = QMessageBox.question(
            self, _("Restore a backup"),
            _("Replace all the data in the database with the backup of {when}?\n\nWhat was saved after "
              "it will no longer be shown; it is kept first in a 'before a restore' backup.").format(when=label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._working(_("Restoring…"))
        run_task(lambda: backups.restore(self.desk, path), lambda _kept: self._restored(path, label),
                 self._failed, owner=self)

    def _restored(self, path: Path, label: str) -> None:
        self._finished(_("Restored the backup of {when}.").format(when=label))
        self.sig_restored.emit(path)
