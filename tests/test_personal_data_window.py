"""Personal data on the person page: the retention note, the export, and the erasure that leaves
an anonymous record behind."""

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog  # noqa: E402

from krakow_desk.i18n import _  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.forms.person import PersonForm  # noqa: E402
from krakow_desk.ui.personal_data import ErasureDialog  # noqa: E402
from window_helpers import open_page, save, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (autouse)

KEY = "maria-przezdziecka"


def person_page(krakow: Desk, qtbot: Any) -> Any:
    window, page = open_page(krakow, qtbot, "people")
    page.open_record("person", KEY)
    qtbot.waitUntil(lambda: page.selected_key() == KEY, timeout=10000)
    return window, page


def test_the_retention_note_is_edited_in_the_form_and_shown_on_the_page(krakow: Desk, qtbot: Any) -> None:
    form = PersonForm(krakow, KEY)
    qtbot.addWidget(form)
    form.editors["retention_note"].setPlainText("Kept while she chairs the committee; reviewed every 2 years")
    with qtbot.waitSignal(form.sig_saved, timeout=10000):
        save(form)
    assert krakow.people.get(KEY).retention_note.startswith("Kept while she chairs")
    _window, page = person_page(krakow, qtbot)
    assert "Kept while she chairs the committee" in page.detail.text()


def test_export_writes_everything_held_as_json(krakow: Desk, qtbot: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "maria.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    _window, page = person_page(krakow, qtbot)
    with qtbot.waitSignal(page.personal.sig_exported, timeout=10000):
        page.export_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["family_name"] == "Przeździecka"
    assert data["person"]["key"] == KEY


def test_erasing_asks_for_the_family_name_and_leaves_an_anonymous_record(krakow: Desk, qtbot: Any) -> None:
    window, page = person_page(krakow, qtbot)
    seen: dict[str, Any] = {}

    def confirm(dialog: Any) -> None:
        assert isinstance(dialog, ErasureDialog)
        seen["enabled before"] = dialog.erase_button.isEnabled()
        dialog.confirmation.setText("Przeździecki")                   # not the name: still refused
        seen["wrong name"] = dialog.erase_button.isEnabled()
        dialog.confirmation.setText("przezdziecka")                   # case and Polish letters aside
        seen["right name"] = dialog.erase_button.isEnabled()
        dialog.erase_button.click()

    when_dialog_opens(confirm)
    with qtbot.waitSignal(page.personal.sig_erased, timeout=10000):
        page.erase_button.click()
    assert seen == {"enabled before": False, "wrong name": False, "right name": True}
    qtbot.waitUntil(lambda: (page.selected_key() or "").startswith("erased-"), timeout=10000)
    erased = page.selected_key()
    text = page.detail.text()
    assert page.detail.title.text() == _("Erased person")
    assert "Przeździecka" not in text and "Maria" not in text
    assert not page.erase_button.isEnabled() and not page.export_button.isEnabled()
    names = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    assert _("Erased person") in names and "[erased]" not in names
    assert krakow.people.get(erased).erased_on is not None


def test_cancelling_the_erasure_changes_nothing(krakow: Desk, qtbot: Any) -> None:
    _window, page = person_page(krakow, qtbot)
    when_dialog_opens(lambda dialog: dialog.reject())
    page.erase_button.click()
    assert krakow.people.get(KEY).family_name == "Przeździecka"
