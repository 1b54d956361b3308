"""The follow-up tasks of a record, with a button to add one: on the visit, letter, agreement and
partner pages alike."""

from typing import Optional, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from krakow_desk.domain.schema import TaskData
from krakow_desk.i18n import N_, _
from krakow_desk.labels import label
from krakow_desk.ui.table_model import Column, date_column
from krakow_desk.ui.widgets import RelatedTable

TASK_COLUMNS = (
    date_column(N_("Due"), lambda t: t.due_on),
    Column(N_("Task"), lambda t: t.title),
    Column(N_("Assigned to"), lambda t: t.assignee or ""),
    Column(N_("Status"), lambda t: label(t.status)),
)


class FollowUpsPanel(QWidget):
    sig_edit = Signal(str)
    """The key of a task the user opened."""
    sig_add = Signal()
    """The user asked for a new follow-up task on the record shown."""

    def __init__(self, empty_text: str, parent: Optional[QWidget] = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.table = RelatedTable(TASK_COLUMNS, lambda t: t.key, _("No follow-up tasks"), empty_text, self,
                                  compact=compact)
        self.table.sig_open.connect(self.sig_edit.emit)
        self.add_button = QPushButton(_("Add follow-up task…"), self)
        self.add_button.clicked.connect(self.sig_add.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_tasks(self, tasks: Sequence[TaskData]) -> None:
        self.table.set_records(list(tasks))
