"""The agreement form, driven as a user would."""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from krakow_desk.domain.enums import AgreementKind, AgreementRelation  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.forms import FORMS  # noqa: E402

ROCHESTER = "rochester-1973-07-18-cooperation-agreement"


def test_opening_and_saving_rochesters_agreement_changes_nothing(krakow: Desk, qtbot: Any) -> None:
    before = krakow.agreements.get(ROCHESTER)
    form = FORMS["agreement"](krakow, ROCHESTER)
    qtbot.addWidget(form)
    assert not form.is_dirty()
    assert form.editors["term_months"].text() == "60" and form.editors["notice_months"].text() == "6"
    assert form.save()
    assert krakow.agreements.get(ROCHESTER) == before and not form.changes


def test_a_new_agreement_with_a_term_and_its_key(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["agreement"](krakow, None, initial={"partner": "kyiv"})
    qtbot.addWidget(form)
    form.editors["kind"].set_value(AgreementKind.COOPERATION_PROGRAMME)
    qtbot.keyClicks(form.editors["signed_on"], "2026-05-12")
    qtbot.keyClicks(form.editors["term_start"], "2026-06-01")
    qtbot.keyClicks(form.editors["term_months"], "24")
    form.editors["relation"].set_value(AgreementRelation.SUPPLEMENTS)
    form.editors["related"].set_value("kyiv-1993-02-19-twin-city-agreement")
    assert form.key_field.text() == "kyiv-2026-05-12-cooperation-programme"
    assert form.save()
    saved = krakow.agreements.get("kyiv-2026-05-12-cooperation-programme")
    assert (saved.partner, saved.term_months, str(saved.signed_on)) == ("kyiv", 24, "2026-05-12")
    assert saved.related == "kyiv-1993-02-19-twin-city-agreement"


def test_a_term_end_before_its_start_is_shown_at_the_field(krakow: Desk, qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox
    # Closing the form at the end of the test asks about the unsaved input: discard it.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    form = FORMS["agreement"](krakow, None, initial={"partner": "kyiv"})
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.editors["term_start"], "2026-06-01")
    qtbot.keyClicks(form.editors["term_end"], "2025-06-01")
    assert not form.save()
    assert form.boxes["term_end"].error.isVisible() or form.boxes["term_start"].error.isVisible()
    assert krakow.agreements.find("kyiv-cooperation-agreement") is None
