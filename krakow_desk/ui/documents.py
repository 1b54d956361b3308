"""The documents attached to one record: a list, and Attach…, Open and Remove.

Attaching copies files into the document store on the thread pool, with a progress dialog that
can cancel (``run_progress_task``: ``ui.tasks.run_task`` with progress and cancellation). Opening
verifies the stored file's checksum first (also off the GUI thread), then hands it to the
system's viewer. Files can also be dropped on the panel.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QProgressDialog,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes
from krakow_desk.services.desk import Desk
from krakow_desk.services.documents import (
    CancelledByUser, DocumentError, DocumentInfo, attach, documents_of, format_size, open_path, remove,
)
from krakow_desk.services.errors import DeskError
from krakow_desk.ui.dialogs import show_error
from krakow_desk.ui.tasks import ProgressRelay, TaskContext, run_progress_task, run_task

INFO_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_STEPS = 1000
FILE_FILTER_PATTERNS = "*.pdf *.docx *.odt *.jpg *.jpeg *.png *.tif *.tiff *.txt"

Progress = Callable[[int, int], None]


@dataclass
class AttachOutcome:
    attached: list[DocumentInfo] = field(default_factory=list)
    refused: list[DeskError] = field(default_factory=list)
    cancelled: bool = False


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def attach_files(desk: Desk, kind: str, key: str, paths: Sequence[str], context: TaskContext) -> AttachOutcome:
    """Attach files one by one (on the pool); a refused file does not stop the others."""
    outcome = AttachOutcome()
    total = sum(_size(path) for path in paths) or 1
    before = 0
    for number, path in enumerate(paths, 1):
        name = Path(path).name
        label = (_("Copying '{name}' into the document store…").format(name=name) if len(paths) == 1 else
                 _("Copying '{name}' into the document store ({number} of {count})…").format(
                     name=name, number=number, count=len(paths)))
        context.report(before, total, label)
        progress: Progress = lambda done, _size_of_file, base=before: context.report(base + done, total, label)
        try:
            outcome.attached.append(attach(desk, kind, key, path, progress, context.cancelled))
        except CancelledByUser:
            outcome.cancelled = True
            break
        except DeskError as error:
            outcome.refused.append(error)
        before += _size(path)
    return outcome


# --- the panel --------------------------------------------------------------------------------

class DocumentsPanel(QWidget):
    """The documents of one record of ``kind``; ``show_record(key)`` chooses the record."""

    sig_changed = Signal(object)
    """Changes written here (a document attached or removed), for other views to refresh."""
    sig_loaded = Signal()
    """The list now shows the record's documents as stored."""

    COL_NAME, COL_TYPE, COL_SIZE, COL_ADDED = range(4)
    last_folder = ""   # shared by every panel: people attach several files from one folder

    def __init__(self, desk: Desk, kind: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk, self.kind = desk, kind
        self.key: Optional[str] = None
        self._generation = 0
        self._progress: Optional[QProgressDialog] = None
        self._relay: Optional[ProgressRelay] = None
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_("Name"), _("File type"), _("Size"), _("Added")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.COL_TYPE, self.COL_SIZE, self.COL_ADDED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.open_selected())
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.attach_button = QPushButton(_("&Attach…"), self)
        self.attach_button.setToolTip(_("Copy files into the document store and attach them to this record"))
        self.open_button = QPushButton(_("&Open"), self)
        self.open_button.setToolTip(_("Check the file and open it in the system's viewer"))
        self.remove_button = QPushButton(_("&Remove"), self)
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.show_record(None)

    # --- showing ---------------------------------------------------------------------------

    def show_record(self, key: Optional[str]) -> None:
        """Show the documents of the record with this key (None: no record)."""
        self.key = key
        self.refresh()

    def refresh(self, select: Optional[int] = None) -> None:
        """Reload the list (on the pool); ``select`` a document by id once it is there."""
        self._generation += 1
        generation, key = self._generation, self.key
        if key is None:
            self._fill([])
            self.sig_loaded.emit()
            return
        run_task(lambda: documents_of(self.desk, self.kind, key),
                 lambda documents: self._loaded(generation, documents, select),
                 lambda error: self._failed(generation, error), owner=self)

    def _loaded(self, generation: int, documents: list[DocumentInfo], select: Optional[int]) -> None:
        if generation == self._generation:   # an answer for a record no longer shown is dropped
            self._fill(documents, select)
            self.sig_loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._fill([])
            show_error(self, error)

    def _fill(self, documents: Sequence[DocumentInfo], select: Optional[int] = None) -> None:
        selected = self.selected()
        wanted = select if select is not None else (selected.id if selected else None)
        self.tree.clear()
        for info in documents:
            item = QTreeWidgetItem([info.original_name, info.type_name, format_size(info.size_bytes),
                                    info.added_at.astimezone().strftime("%Y-%m-%d %H:%M")])
            item.setData(self.COL_NAME, INFO_ROLE, info)
            item.setTextAlignment(self.COL_SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(self.COL_NAME, "\n".join([
                info.original_name, "SHA-256: " + info.sha256,
                _("Text read for search") if info.has_text else _("No text could be read for search")]))
            self.tree.addTopLevelItem(item)
            if info.id == wanted:
                self.tree.setCurrentItem(item)
        has_rows = bool(documents)
        self.tree.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.empty.setText(_("Choose a record to see its documents.") if self.key is None else
                           _("No documents attached. Attach scans, signed copies or related files "
                             "with Attach…, or drop them here."))
        self._update_buttons()

    def documents(self) -> list[DocumentInfo]:
        """The documents shown, in order."""
        return [self.tree.topLevelItem(row).data(self.COL_NAME, INFO_ROLE)
                for row in range(self.tree.topLevelItemCount())]

    def selected(self) -> Optional[DocumentInfo]:
        item = self.tree.currentItem()
        return item.data(self.COL_NAME, INFO_ROLE) if item is not None and item.isSelected() else None

    def _update_buttons(self) -> None:
        busy = self._progress is not None
        self.attach_button.setEnabled(self.key is not None and not busy)
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not busy)

    # --- attaching ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.key is None:
            return
        file_filter = ";;".join([_("Documents and images ({patterns})").format(patterns=FILE_FILTER_PATTERNS),
                                 _("All files (*)")])
        paths, _chosen = QFileDialog.getOpenFileNames(self, _("Attach documents"), DocumentsPanel.last_folder,
                                                      file_filter)
        if paths:
            DocumentsPanel.last_folder = str(Path(paths[0]).parent)
            self.attach_paths(paths)

    def attach_paths(self, paths: Sequence[str]) -> None:
        """Attach these files to the record shown, in the background with a progress dialog."""
        if self.key is None or self._progress is not None or not paths:
            return
        key, paths = self.key, list(paths)
        dialog = QProgressDialog(self)   # its Cancel button is Qt's own, translated by Qt
        dialog.setLabelText(_("Copying into the document store…"))
        dialog.setRange(0, PROGRESS_STEPS)
        dialog.setWindowTitle(_("Attach documents"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)   # small files finish before it would flash up
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        self._progress = dialog
        self._update_buttons()
        relay = run_progress_task(lambda context: attach_files(self.desk, self.kind, key, paths, context),
                                  self._on_progress, lambda outcome: self._attached(key, outcome),
                                  self._attach_failed, owner=self)
        dialog.canceled.connect(relay.cancel)
        self._relay = relay

    def cancel_attaching(self) -> None:
        """What the progress dialog's Cancel does: the file being copied leaves nothing behind."""
        if self._relay is not None:
            self._relay.cancel()

    @property
    def busy(self) -> bool:
        """Files are being attached."""
        return self._progress is not None

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._progress is not None:
            if label:
                self._progress.setLabelText(label)
            self._progress.setValue(min(PROGRESS_STEPS, int(done * PROGRESS_STEPS / max(total, 1))))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect()   # closing a progress dialog also "cancels"
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._relay = None
        self._update_buttons()

    def _attached(self, key: str, outcome: AttachOutcome) -> None:
        self._close_progress()
        if outcome.attached:
            self.sig_changed.emit(Changes(
                created=tuple(("document", str(info.id)) for info in outcome.attached),
                updated=((self.kind, key),)))
        if key == self.key:
            self.refresh(outcome.attached[-1].id if outcome.attached else None)
        if outcome.refused:
            show_error(self, DocumentError("\n\n".join(error.message for error in outcome.refused)))

    def _attach_failed(self, error: BaseException) -> None:
        self._close_progress()
        self.refresh()
        show_error(self, error)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 — Qt's name
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.key is not None and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 — Qt's name
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)

    # --- opening and removing ---------------------------------------------------------------

    def open_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.open_button.setEnabled(False)
        run_task(lambda: open_path(self.desk, info.id), lambda path: self._open(info, path),
                 self._action_failed, owner=self)

    def _open(self, info: DocumentInfo, path: Path) -> None:
        self._update_buttons()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            show_error(self, DocumentError(_("no program to open '{name}' was found on this computer").format(
                name=info.original_name)))

    def _action_failed(self, error: BaseException) -> None:
        self._update_buttons()
        show_error(self, error)

    def remove_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, _("Remove document"),
            _("Remove '{name}' from this record? The file is deleted from the document store unless "
              "another record uses the same file. The original you attached it from is not touched.").format(
                name=info.original_name),
            buttons.Yes | buttons.No, buttons.No)
        if answer != buttons.Yes:
            return
        self.remove_button.setEnabled(False)
        run_task(lambda: remove(self.desk, info.id), self._removed, self._action_failed, owner=self)

    def _removed(self, changes: Changes) -> None:
        self.sig_changed.emit(changes)
        self.refresh()
