"""File → Import… and File → Export…: a file's import plan shown row by row before anything is
written, and the database (or one kind of its records) written to a file.

Reading, planning, importing and exporting all query the database, so they run off the GUI
thread; the dialogs only show what comes back.
"""

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from krakow_desk.exchange.columns import TABLE_KINDS, field_header, sheet_name
from krakow_desk.exchange.files import SUFFIX_OF, export_file, read_file
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.plan_text import duplicate_text
from krakow_desk.services.collection import Changes
from krakow_desk.services.import_plan import KIND_BY_NAME, ImportPlan, apply_import, plan_import
from krakow_desk.services.incoming import place
from krakow_desk.ui.dialogs import show_error
from krakow_desk.ui.tasks import run_task

REJECTED = QColor(255, 214, 214)    # light red: the row cannot be imported
DUPLICATE = QColor(255, 231, 179)   # amber: the person decides
INK = QColor(30, 30, 30)            # dark text on the light tints, whatever the palette
DECISIONS = (("skip", N_("Skip")), ("merge", N_("Merge into the existing record")), ("add", N_("Add as new")))
FORMATS = (("json", N_("JSON dataset")), ("csv", N_("CSV")), ("xlsx", N_("Excel workbook (XLSX)")),
           ("vcard", N_("address book (vCard)")), ("ical", N_("calendar (iCalendar)")))
FILTERS = {"json": N_("JSON dataset (*.json)"), "csv": N_("CSV file (*.csv)"),
           "xlsx": N_("Excel workbook (*.xlsx)"), "vcard": N_("address book (*.vcf)"),
           "ical": N_("calendar (*.ics)")}


def kind_plural(kind: str) -> str:
    return sheet_name(kind) if kind in TABLE_KINDS else _(KIND_BY_NAME[kind].plural).replace("_", " ")


def changes_of(plan: Optional[ImportPlan]) -> Changes:
    """Which kinds an import touched, for the pages to reload (keys are not needed to refresh)."""
    if plan is None:
        return Changes()
    return Changes(updated=tuple((record.kind, record.key) for record in plan.records)
                   + tuple((d.incoming.kind, d.incoming.key) for d in plan.duplicates))


class ImportDialog(QDialog):
    sig_imported = Signal(object)
    """The ImportReport of an import that was written, just before the dialog closes."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None, path: Optional[Path] = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.path = path
        self.plan: Optional[ImportPlan] = None
        self.report: Any = None
        self.decision_combos: dict[int, QComboBox] = {}
        self.setWindowTitle(_("Import"))
        self.file_label = QLabel(self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setWordWrap(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(_("recognise by the columns"), None)
        for kind in TABLE_KINDS:
            self.kind_combo.addItem(sheet_name(kind), kind)
        self.kind_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.replan())
        form = QFormLayout()
        form.addRow(_("File:"), self.file_label)
        form.addRow(_("Records in a CSV file:"), self.kind_combo)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Where"), _("Record"), _("Action"), _("Decision")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.skip_rejected = QCheckBox(_("Import the other rows without the rejected ones"), self)
        self.skip_rejected.toggled.connect(lambda _on: self._update_button())
        self.skip_rejected.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton(_("Import"), self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_rejected)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        if self.path is None:
            self.path = self.ask_path()
        if self.path is not None:
            self.replan()

    def ask_path(self) -> Optional[Path]:
        filters = [_("All supported (*.json *.csv *.xlsx *.vcf *.ics)")] + [_(f) for f in FILTERS.values()]
        name, _filter = QFileDialog.getOpenFileName(self, _("Import a file"), "", ";;".join(filters))
        return Path(name) if name else None

    # --- planning ---------------------------------------------------------------------------

    def replan(self) -> None:
        if self.path is None:
            return
        self.file_label.setText(str(self.path))
        self.kind_combo.setEnabled(self._is_csv())
        self.plan = None
        self.summary.setText(_("Reading the file…"))
        self.table.setRowCount(0)
        self._update_button()
        path, kind, desk = self.path, self.kind_combo.currentData(), self.desk
        run_task(lambda: plan_import(desk, read_file(path, kind)), self._planned, self._plan_failed, owner=self)

    def _is_csv(self) -> bool:
        return self.path is not None and self.path.suffix.lower() in (".csv", ".tsv", ".txt")

    def _plan_failed(self, error: BaseException) -> None:
        self.summary.setText(_("The file cannot be imported."))
        show_error(self, error)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        lines = [_("{kind}: {add} to add, {update} to update, {unchanged} unchanged").format(
            kind=kind_plural(kind), add=bucket["add"], update=bucket["update"], unchanged=bucket["unchanged"])
            for kind, bucket in plan.counts().items()]
        if plan.rejected:
            lines.append(ngettext("{n} row rejected", "{n} rows rejected", len(plan.rejected)).format(
                n=len(plan.rejected)))
        if plan.duplicates:
            lines.append(ngettext("{n} row looks like a record already there: decide below",
                                  "{n} rows look like records already there: decide below",
                                  len(plan.duplicates)).format(n=len(plan.duplicates)))
        self.summary.setText("\n".join(lines) or _("nothing to import"))
        self._fill(plan)
        self.skip_rejected.setChecked(False)
        self.skip_rejected.setVisible(bool(plan.rejected))
        self._update_button()

    def _fill(self, plan: ImportPlan) -> None:
        self.decision_combos = {}
        rows: list[tuple[Any, str, str, str, Optional[QColor], Optional[int]]] = []

        def add(sheet: Optional[str], line: int, label: str, action: str,
                tint: Optional[QColor] = None, position: Optional[int] = None) -> None:
            rows.append(((sheet or "", line), place(line, sheet), label, action, tint, position))
        for problem in plan.rejected:
            add(problem.sheet, problem.line, problem.label, _("rejected: {reason}").format(reason=problem.message), REJECTED)
        for problem in plan.warnings:
            add(problem.sheet, problem.line, "", _("left out: {warning}").format(warning=problem.message))
        for position, duplicate in enumerate(plan.duplicates):
            incoming = duplicate.incoming
            add(incoming.sheet, incoming.line, incoming.label,
                _("likely duplicate of {match}").format(match=duplicate.match_label), DUPLICATE, position)
        for record in plan.records:
            if record.action == "add":
                add(record.sheet, record.line, record.label, _("add"))
            elif record.action == "update":
                add(record.sheet, record.line, record.label,
                    _("update: {fields}").format(fields=", ".join(
                        field_header(record.kind, name) for name in record.changed)))
            # unchanged rows are counted in the summary, not listed
        rows.sort(key=lambda entry: entry[0])    # in the file's order, as the person finds the rows
        self.table.setRowCount(len(rows))
        for row, (_order, where, label, action, tint, position) in enumerate(rows):
            for column, text in enumerate((where, label, action)):
                item = QTableWidgetItem(text)
                if column == 2 and position is not None:
                    item.setToolTip(duplicate_text(plan.duplicates[position]))
                elif column == 2:
                    item.setToolTip(text)
                if tint is not None:
                    item.setBackground(QBrush(tint))
                    item.setForeground(QBrush(INK))
                self.table.setItem(row, column, item)
            if position is not None:
                self.table.setCellWidget(row, 3, self._decision_combo(position))
        self.table.resizeColumnToContents(1)
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 260))

    def _decision_combo(self, position: int) -> QComboBox:
        combo = QComboBox(self.table)
        for value, text in DECISIONS:
            combo.addItem(_(text), value)
        if self.plan is not None and self.plan.duplicates[position].merged is None:
            combo.model().item(1).setEnabled(False)     # type: ignore[attr-defined]
        combo.currentIndexChanged.connect(lambda _index: self._update_button())
        self.decision_combos[position] = combo
        return combo

    # --- importing --------------------------------------------------------------------------

    def decisions(self) -> dict[int, str]:
        return {position: combo.currentData() for position, combo in self.decision_combos.items()}

    def to_write(self) -> int:
        """How many records the import would add or change, with the decisions as they stand."""
        if self.plan is None:
            return 0
        count = len(self.plan.of("add")) + len(self.plan.of("update"))
        return count + sum(1 for decision in self.decisions().values() if decision != "skip")

    def _update_button(self) -> None:
        count = self.to_write()
        self.import_button.setText(ngettext("Import {n} record", "Import {n} records", count).format(n=count)
                                   if count else _("Import"))
        self.layout().activate()    # the longer text needs a wider button at once, not one event later
        blocked = self.plan is not None and bool(self.plan.rejected) and not self.skip_rejected.isChecked()
        self.import_button.setEnabled(self.plan is not None and count > 0 and not blocked)

    def start_import(self) -> None:
        if self.plan is None or not self.import_button.isEnabled():
            return
        self.import_button.setEnabled(False)
        self.kind_combo.setEnabled(False)
        self.summary.setText(self.summary.text() + "\n" + _("Importing…"))
        desk, plan, decisions, skip = self.desk, self.plan, self.decisions(), self.skip_rejected.isChecked()
        run_task(lambda: apply_import(desk, plan, decisions, skip_rejected=skip),   # type: ignore[arg-type]
                 self._imported, self._import_failed, owner=self)

    def _imported(self, report: Any) -> None:
        self.report = report
        self.sig_imported.emit(report)
        self.accept()

    def _import_failed(self, error: BaseException) -> None:
        show_error(self, error)   # one transaction: nothing was written; the decisions stay as they were
        self.summary.setText(self.summary.text().rsplit("\n", 1)[0])
        self._update_button()
        self.kind_combo.setEnabled(self._is_csv())

    def changes(self) -> Changes:
        return changes_of(self.plan) if self.report is not None else Changes()


class ExportDialog(QDialog):
    sig_exported = Signal(object)
    """The Exported summary of a file that was written."""

    def __init__(self, desk: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.path: Optional[Path] = None
        self.exported: Any = None
        self.setWindowTitle(_("Export"))
        self.format_combo = QComboBox(self)
        for value, text in FORMATS:
            self.format_combo.addItem(_(text), value)
        self.kind_combo = QComboBox(self)
        self.format_combo.currentIndexChanged.connect(lambda _index: self._format_changed())
        form = QFormLayout()
        form.addRow(_("&Format:"), self.format_combo)
        form.addRow(_("&Records:"), self.kind_combo)
        self.result = QLabel(self)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(_("Save as…"), self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self._format_changed()

    def set_format(self, fmt: str, kind: Optional[str] = None) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def _format_changed(self) -> None:
        fmt = self.format_combo.currentData()
        self.kind_combo.clear()
        if fmt == "xlsx":
            self.kind_combo.addItem(_("all kinds, a sheet each"), None)
        for kind in TABLE_KINDS:
            self.kind_combo.addItem(sheet_name(kind), kind)
        self.kind_combo.setEnabled(fmt in ("csv", "xlsx"))

    def save_as(self) -> None:
        fmt = self.format_combo.currentData()
        kind = self.kind_combo.currentData() if self.kind_combo.isEnabled() else None
        name = f"krakow-desk-{kind}s" if kind else "krakow-desk"
        path, _filter = QFileDialog.getSaveFileName(self, _("Export to a file"), name + SUFFIX_OF[fmt],
                                                    _(FILTERS[fmt]))
        if not path:
            return
        if not path.lower().endswith(SUFFIX_OF[fmt]):
            path += SUFFIX_OF[fmt]
        self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the chosen format to ``path`` in the background; the summary shows when done."""
        self.path = path
        fmt = self.format_combo.currentData()
        kind = self.kind_combo.currentData() if self.kind_combo.isEnabled() else None
        self.save_button.setEnabled(False)
        self.result.setText(_("Exporting…"))
        desk = self.desk
        run_task(lambda: export_file(desk, fmt, path, kind), self._exported, self._failed, owner=self)

    def _exported(self, exported: Any) -> None:
        self.exported = exported
        self.save_button.setEnabled(True)
        self.result.setText("\n".join(exported.summary()))
        self.sig_exported.emit(exported)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.result.setText("")
        show_error(self, error)
