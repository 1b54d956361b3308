"""File → Import… and File → Export… on Krakow's data: the plan shown row by row, decisions on
likely duplicates, rejected rows held back until the person agrees, and an export read back."""

import csv
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

import openpyxl  # noqa: E402
from PySide6.QtWidgets import QCheckBox, QFileDialog  # noqa: E402

from krakow_desk.exchange.columns import sheet_name  # noqa: E402
from krakow_desk.exchange.files import export_file  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.exchange_dialogs import ExportDialog, ImportDialog  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)


def planned(qtbot: Any, desk: Desk, path: Path) -> ImportDialog:
    dialog = ImportDialog(desk, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30000)
    return dialog


def imported(qtbot: Any, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.sig_imported, timeout=30000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def cells(dialog: ImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.table
    return [tuple(table.item(row, column).text() for column in range(3)) for row in range(table.rowCount())]


def test_an_xlsx_with_one_partner_renamed_updates_that_partner(krakow: Desk, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "krakow.xlsx"
    export_file(krakow, "xlsx", path)
    book = openpyxl.load_workbook(path)
    sheet = book[sheet_name("partner")]
    key_column, name_column = 1, 2               # the key, then the Polish name
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, key_column).value == "bordeaux")
    assert sheet.cell(row, name_column).value == krakow.partners.get("bordeaux").name == "Bordeaux"
    sheet.cell(row, name_column).value = "Bordeaux-sur-Garonne"
    book.save(path)

    dialog = planned(qtbot, krakow, path)
    assert dialog.plan is not None and len(dialog.plan.of("update")) == 1
    assert not dialog.plan.duplicates and not dialog.plan.rejected
    assert dialog.table.rowCount() == 1                       # unchanged rows are only counted
    where, label, action = cells(dialog)[0]
    assert str(row) in where and "Bordeaux" in label and "Nazwa polska" in action
    assert dialog.summary.text().count("\n") >= 1              # a line per kind in the workbook
    assert dialog.import_button.isEnabled() and "1" in dialog.import_button.text()
    assert not dialog.skip_rejected.isVisible()
    dialog.grab().save(str(tmp_path / "xlsx_dialog.png"))
    imported(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.report.updated == {"partners": 1}
    assert krakow.partners.get("bordeaux").name == "Bordeaux-sur-Garonne"
    assert dialog.changes().kinds >= {"partner"}


def write_csv(path: Path) -> None:
    path.write_text("Nazwa polska;Nazwa angielska;Rodzaj;Kraj\n"
                    "Kiev;Kiev;miasto;UA\n"               # Kijów's other name: a likely duplicate
                    "Nowogród;Novgorod;planeta;RU\n"      # not a kind of partner: rejected
                    "Zielona Góra;Zielona Gora;miasto;PL\n", encoding="utf-8")


def test_a_csv_with_a_rejected_row_and_a_duplicate_waits_for_decisions(
        krakow: Desk, qtbot: Any, tmp_path: Path) -> None:
    assert "Kiev" in krakow.partners.get("kyiv").aliases
    before = len(krakow.partners.all())
    path = tmp_path / "partners.csv"
    write_csv(path)
    dialog = planned(qtbot, krakow, path)
    plan = dialog.plan
    assert plan is not None and len(plan.rejected) == 1 and len(plan.duplicates) == 1
    assert len(plan.of("add")) == 1
    rows = cells(dialog)
    assert len(rows) == 3
    rejected = next(r for r in rows if r[0] == plan.rejected[0].where())
    assert "3" in rejected[0] and "planeta" in rejected[2]
    duplicate = next(r for r in rows if r[1] == "Kiev")
    assert "2" in duplicate[0] and "Kijów" in duplicate[2]
    added = next(r for r in rows if r[1] == "Zielona Góra")
    assert "4" in added[0]
    assert dialog.table.item(rows.index(rejected), 0).background().color() != \
        dialog.table.item(rows.index(added), 0).background().color()

    combo = dialog.decision_combos[0]
    assert dialog.table.cellWidget(rows.index(duplicate), 3) is combo
    assert combo.currentData() == "skip"
    assert combo.model().item(1).isEnabled()                  # Kiev can be merged into Kijów
    assert dialog.skip_rejected.isVisible() and not dialog.skip_rejected.isChecked()
    assert not dialog.import_button.isEnabled()               # held back by the rejected row
    dialog.skip_rejected.setChecked(True)
    assert dialog.import_button.isEnabled() and "1" in dialog.import_button.text()
    combo.setCurrentIndex(combo.findData("add"))
    assert "2" in dialog.import_button.text()

    imported(qtbot, dialog)
    assert dialog.report.created == {"partners": 2}
    names = [partner.name for partner in krakow.partners.all()]
    assert len(names) == before + 2
    assert "Zielona Góra" in names and "Kiev" in names and "Nowogród" not in names


def test_cancel_writes_nothing_and_skip_is_the_default(krakow: Desk, qtbot: Any, tmp_path: Path) -> None:
    before = len(krakow.partners.all())
    path = tmp_path / "partners.csv"
    write_csv(path)
    dialog = planned(qtbot, krakow, path)
    assert dialog.findChildren(QCheckBox) == [dialog.skip_rejected]
    dialog.reject()
    assert dialog.report is None and len(krakow.partners.all()) == before


def test_the_import_dialog_with_a_plan_looks_right(krakow: Desk, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "partners.csv"
    write_csv(path)
    dialog = planned(qtbot, krakow, path)
    dialog.grab().save("/tmp/import_dialog.png")
    assert dialog.table.columnWidth(3) >= dialog.decision_combos[0].sizeHint().width()


def test_an_unreadable_file_is_reported_and_nothing_can_be_imported(
        krakow: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from window_helpers import Button, answer
    asked = answer(monkeypatch, "warning", Button.Ok)
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = ImportDialog(krakow, path=path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert dialog.plan is None and not dialog.import_button.isEnabled()


def test_the_export_dialog_writes_a_csv_of_partners(
        krakow: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportDialog(krakow)
    qtbot.addWidget(dialog)
    dialog.set_format("csv", "partner")
    assert dialog.kind_combo.isEnabled() and dialog.kind_combo.currentData() == "partner"
    target = tmp_path / "partners"

    def fake_save(parent: Any, title: str, name: str, filter_: str) -> tuple[str, str]:
        assert name.endswith(".csv")
        return str(target), filter_
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    with qtbot.waitSignal(dialog.sig_exported, timeout=30000):
        dialog.save_button.click()
    saved = tmp_path / "partners.csv"
    assert dialog.path == saved
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == 1 + len(krakow.partners.all())
    assert str(saved) in dialog.result.text()
    dialog.set_format("json")
    assert not dialog.kind_combo.isEnabled()
    dialog.set_format("xlsx")
    assert dialog.kind_combo.isEnabled() and dialog.kind_combo.currentData() is None


def test_file_import_in_the_main_window_refreshes_the_partners(
        krakow: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from window_helpers import keys, open_page, when_dialog_opens
    window, page = open_page(krakow, qtbot, "partners")
    before = len(keys(page))
    path = tmp_path / "partners.csv"
    path.write_text("Nazwa polska;Nazwa angielska;Rodzaj;Kraj\nZielona Góra;Zielona Gora;miasto;PL\n",
                    encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))

    def act(dialog: Any) -> None:
        if dialog.plan is None or not dialog.import_button.isEnabled():
            QTimer.singleShot(20, lambda: act(dialog))
            return
        dialog.import_button.click()
    when_dialog_opens(act)
    window.open_import()
    qtbot.waitUntil(lambda: len(keys(page)) == before + 1, timeout=30000)
    assert "1" in window.statusBar().currentMessage()
    assert "Zielona Góra" in [partner.name for partner in krakow.partners.all()]
