"""The window's side of storage safety: Settings → Backups, the name in the change history, the
damaged-database dialog, a second instance, and a form whose save meets a full disk."""

import shutil
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

import sqlalchemy as sa  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox  # noqa: E402

from krakow_desk.services import backups  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.services.storage import DatabaseDamaged  # noqa: E402
from krakow_desk.store.lock import DatabaseLock  # noqa: E402
from krakow_desk.ui import app as app_module  # noqa: E402
from krakow_desk.ui import settings as opt  # noqa: E402
from krakow_desk.ui.dialogs import SettingsDialog  # noqa: E402
from krakow_desk.ui.forms.partner import PartnerForm  # noqa: E402
from krakow_desk.ui.main_window import MainWindow  # noqa: E402
from krakow_desk.ui.storage_dialogs import DamagedDialog  # noqa: E402
from window_helpers import answer, keys, show_loaded, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def _english() -> None:
    # The texts are checked in English: these tests do not depend on the Polish catalog's state.
    from krakow_desk import i18n
    i18n.set_language("en")


def _sqlite_krakow(tmp_path: Path, template: Path) -> Path:
    db = tmp_path / "k.sqlite3"
    shutil.copyfile(template, db)
    return db


def test_settings_back_up_now_then_restore_reloads_the_window(
        krakow: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(krakow)
    qtbot.addWidget(window)
    window.show()
    dialog = SettingsDialog("en", window, krakow)
    qtbot.addWidget(dialog)
    dialog.sig_restored.connect(lambda _path: window.reload_all())
    box = dialog.backups
    assert box is not None and box.list.topLevelItemCount() == 0
    with qtbot.waitSignal(box.sig_done, timeout=30000):
        qtbot.mouseClick(box.backup_button, Qt.MouseButton.LeftButton)
    assert box.list.topLevelItemCount() == 1
    assert box.list.topLevelItem(0).text(1) == "by hand"
    krakow.partners.create({"key": "lund", "name": "Lund", "country": "SE"})
    partners = show_loaded(window, qtbot, "partners")
    assert "lund" in keys(partners)
    asked = answer(monkeypatch, "question", Button.Yes)
    box.list.setCurrentItem(box.list.topLevelItem(0))
    with qtbot.waitSignal(dialog.sig_restored, timeout=30000):
        qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    assert asked and krakow.partners.find("lund") is None
    partners = show_loaded(window, qtbot, "partners")    # a new page, loaded from the restored data
    assert "lund" not in keys(partners) and "kyiv" in keys(partners)
    assert {box.list.topLevelItem(n).text(1) for n in range(box.list.topLevelItemCount())} == {
        "by hand", "before a restore"}


def test_restore_asks_first_and_cancel_changes_nothing(krakow: Desk, qtbot: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    backups.backup(krakow)
    krakow.partners.create({"key": "lund", "name": "Lund", "country": "SE"})
    dialog = SettingsDialog("en", None, krakow)
    qtbot.addWidget(dialog)
    answer(monkeypatch, "question", Button.Cancel)
    dialog.backups.list.setCurrentItem(dialog.backups.list.topLevelItem(0))
    qtbot.mouseClick(dialog.backups.restore_button, Qt.MouseButton.LeftButton)
    assert krakow.partners.find("lund") is not None and len(backups.list_backups(krakow)) == 1


def test_the_name_in_the_change_history_is_kept_and_used(krakow: Desk, qtbot: Any) -> None:
    window = MainWindow(krakow)
    qtbot.addWidget(window)

    def fill(dialog: Any) -> None:
        dialog.history_name.setText("  Anna   Kowalska ")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    when_dialog_opens(fill)
    window.open_settings()
    assert window.settings.get(opt.HISTORY_NAME) == "Anna Kowalska"
    assert krakow.actor == "Anna Kowalska"


# --- a form meeting a full disk ------------------------------------------------------------

def test_a_form_whose_save_meets_a_full_disk_stays_open_with_what_was_typed(
        tmp_path: Path, _krakow_template: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _sqlite_krakow(tmp_path, _krakow_template)
    with sa.create_engine(f"sqlite:///{db}").connect() as connection:
        connection.exec_driver_sql("VACUUM")   # no free pages left: the next record needs new ones
    with Desk.open(str(db)) as desk:
        before = desk.partners.count()
        with desk.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

        def small_disk(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        sa.event.listen(desk.engine, "connect", small_disk)
        desk.engine.dispose()
        shown = answer(monkeypatch, "warning", Button.Ok)
        form = PartnerForm(desk)
        qtbot.addWidget(form)
        form.show()
        qtbot.keyClicks(form.editors["name"], "Lund")
        qtbot.keyClicks(form.editors["country"].lineEdit(), "SE")
        qtbot.keyClicks(form.editors["population"], "94393")
        form.editors["notes"].setPlainText("Długa notatka o współpracy. " * 800)
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert shown and "disk is full" in shown[-1]
        assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
        assert form.editors["name"].text() == "Lund" and form.editors["population"].text() == "94393"
        sa.event.remove(desk.engine, "connect", small_disk)
        desk.engine.dispose()
        assert desk.partners.count() == before and desk.partners.get("kyiv").name == "Kijów"
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()   # space again: it saves
        assert desk.partners.get("lund").population == 94393


# --- at start ------------------------------------------------------------------------------

def test_the_damaged_database_dialog_offers_the_backup(tmp_path: Path, _krakow_template: Path,
                                                       qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _sqlite_krakow(tmp_path, _krakow_template)
    with Desk.open(str(db)) as desk:
        good = backups.backup(desk)
    db.write_bytes(b"garbage" * 1000)
    seen: list[DamagedDialog] = []

    def choose_restore(dialog: DamagedDialog) -> int:
        seen.append(dialog)
        assert dialog.restore_button is not None and "Restore the backup of" in dialog.restore_button.text()
        dialog.restore_button.click()
        return dialog.result()
    monkeypatch.setattr(DamagedDialog, "exec", choose_restore)
    desk = app_module.open_window_desk(str(db), read_only=False, verify=None)
    assert desk is not None and seen
    with desk:
        assert desk.partners.count() == 37
    assert list(tmp_path.glob("k.sqlite3.damaged-*")) and good.exists()


def test_the_damaged_dialog_without_a_backup_offers_a_new_database_or_quitting(qtbot: Any, tmp_path: Path) -> None:
    error = DatabaseDamaged(tmp_path / "k.sqlite3", tmp_path / "k.sqlite3.damaged-20261204T170000Z",
                            "file is not a database", None)
    dialog = DamagedDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    dialog.new_button.click()
    assert dialog.choice == "new"


def test_a_second_window_may_open_the_database_read_only(tmp_path: Path, _krakow_template: Path, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = _sqlite_krakow(tmp_path, _krakow_template)
    offered: list[str] = []
    monkeypatch.setattr("krakow_desk.ui.storage_dialogs.ask_read_only",
                        lambda parent, path, holder: offered.append(holder.host) or False)
    with DatabaseLock.acquire(db):
        assert app_module.run(str(db), "en") == 1
    assert offered and offered[0]
    with Desk.open(str(db), read_only=True) as reader:
        window = MainWindow(reader)
        qtbot.addWidget(window)
        assert "read-only" in window.database_label.text()
