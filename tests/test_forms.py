"""The record forms and the delete question, driven as a user would (headless)."""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox  # noqa: E402

from krakow_desk.domain.enums import Domain, PartnerStatusKind, Precision  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.forms import FORMS, confirm_delete  # noqa: E402
from krakow_desk.ui.forms.partner import PartnerForm  # noqa: E402
from krakow_desk.ui.forms.person import PersonForm  # noqa: E402
from window_helpers import answer  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)

Button = QMessageBox.StandardButton


def open_form(qtbot: Any, form: QDialog) -> QDialog:
    qtbot.addWidget(form)
    form.show()
    return form


def click_save(qtbot: Any, form: QDialog) -> None:
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


# --- the services' counts behind the delete question ---------------------------------------

def test_collection_counts_what_a_delete_takes_along(krakow: Desk) -> None:
    assert krakow.partners.cascading("kyiv") == {
        "partner_alias": 1, "partner_domain": 6, "partner_status": 1}
    assert krakow.organisations.cascading("eurocities") == {"membership": 1}
    assert krakow.people.cascading("maria-przezdziecka") == {"affiliation": 1}
    assert krakow.partners.detaching("rochester") == {"institution": 3}


# --- creating ------------------------------------------------------------------------------

def test_a_partner_created_through_the_form_holds_what_was_typed(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PartnerForm(krakow))
    assert form.windowTitle() == "Nowy partner"
    e = form.editors
    qtbot.keyClicks(e["name"], "Lund")
    qtbot.keyClicks(e["name_en"], "Lund")
    e["name_native"].setText("Лунд 南京 თბილისი فاس")   # non-ASCII is set, not typed
    qtbot.keyClicks(e["aliases"], "Lunda")
    qtbot.keyClicks(e["country"].lineEdit(), "SE")
    qtbot.keyClicks(e["latitude"], "55,7047")         # a Polish decimal comma
    qtbot.keyClicks(e["longitude"], "13.191")
    qtbot.keyClicks(e["population"], "94 393")
    qtbot.keyClicks(e["population_year"], "2023")
    e["timezone"].set_value("Europe/Stockholm")
    e["domains"].boxes[Domain.CULTURE].setChecked(True)
    statuses = e["statuses"]
    qtbot.mouseClick(statuses.add_button, Qt.MouseButton.LeftButton)
    row = statuses.rows[0]
    row.cells["status"].setCurrentIndex(row.cells["status"].findData(PartnerStatusKind.ACTIVE))
    qtbot.keyClicks(row.cells["since"], "1995")
    assert form.key_field.text() == "lund"   # the key follows the name
    with qtbot.waitSignal(form.sig_saved) as saved:
        click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.saved_key == "lund" and saved.args[0].created == (("partner", "lund"),)
    lund = krakow.partners.get("lund")
    assert (lund.name, lund.country, lund.aliases) == ("Lund", "SE", ["Lunda"])
    assert lund.name_native == "Лунд 南京 თბილისი فاس"
    assert (lund.latitude, lund.longitude, lund.population, lund.population_year) == (55.7047, 13.191, 94393, 2023)
    assert lund.timezone == "Europe/Stockholm" and lund.domains == [Domain.CULTURE]
    assert lund.statuses[0].status is PartnerStatusKind.ACTIVE
    assert lund.statuses[0].since.precision is Precision.YEAR


def test_a_new_key_is_made_unique(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PartnerForm(krakow))
    qtbot.keyClicks(form.editors["name"], "Kyiv")
    qtbot.keyClicks(form.editors["country"].lineEdit(), "UA")
    click_save(qtbot, form)
    assert form.saved_key == "kyiv-2"
    assert krakow.partners.get("kyiv").name == "Kijów"   # the old one untouched


def test_ctrl_s_saves(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, FORMS["organisation"](krakow))
    with qtbot.waitActive(form):   # shortcuts work in the active window only
        form.activateWindow()
    qtbot.keyClicks(form.editors["name"], "Union of Baltic Cities")
    qtbot.keyClicks(form.editors["acronym"], "UBC")
    with qtbot.waitSignal(form.sig_saved):
        qtbot.keyClick(form.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert krakow.organisations.get("ubc").name == "Union of Baltic Cities"


# --- validation at the field ---------------------------------------------------------------

def test_a_wrong_latitude_is_shown_at_the_field_and_nothing_is_saved(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PartnerForm(krakow, "tbilisi"))
    latitude = form.editors["latitude"]
    latitude.setText("123")
    form.tabs.setCurrentIndex(0)
    click_save(qtbot, form)
    box = form.boxes["latitude"]
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert box.has_error and "90" in box.error.text() and box.error.text().startswith("Może")
    assert latitude.property("invalid") is True and latitude.text() == "123"   # kept as typed
    assert form.tabs.currentIndex() == 1          # the Geography tab is brought forward
    assert krakow.partners.get("tbilisi").latitude == pytest.approx(41.69411, abs=0.01)
    latitude.setText("41,7")
    click_save(qtbot, form)                      # corrected: saved, the error gone
    assert form.result() == QDialog.DialogCode.Accepted
    assert krakow.partners.get("tbilisi").latitude == 41.7


def test_letters_in_a_number_are_caught_as_the_field_is_left(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PartnerForm(krakow, "tbilisi"))
    qtbot.keyClicks(form.editors["population"], "abc")
    form.editors["population"].editingFinished.emit()
    assert form.boxes["population"].error.text() == "To nie jest liczba całkowita"
    form.editors["population"].setText("1330217")
    form.editors["population"].editingFinished.emit()
    assert not form.boxes["population"].has_error


def test_a_malformed_date_in_a_status_row_marks_the_cell(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PartnerForm(krakow, "kyiv"))
    statuses = form.editors["statuses"]
    statuses.rows[0].cells["until"].setText("2004-13")
    click_save(qtbot, form)
    assert form.isVisible()
    assert statuses.rows[0].cells["until"].property("invalid") is True
    assert statuses.error.text() == "Wiersz 1, Do: to nie jest data (RRRR-MM-DD, RRRR-MM lub RRRR)"
    assert form.tabs.currentIndex() == 2
    assert krakow.partners.get("kyiv").statuses[0].until is None


def test_a_service_error_in_an_affiliation_marks_its_row(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PersonForm(krakow, None, initial={"affiliations": [{"partner": "kyiv"}]}))
    qtbot.keyClicks(form.editors["family_name"], "Nowak")
    affiliations = form.editors["affiliations"]
    affiliations.add_row()                          # left blank: ignored
    row = affiliations.add_row({"institution": "akademia-muzyczna"})
    row.cells["since"].setText("2001-01-01")
    row.cells["until"].setText("1999-12-31")
    click_save(qtbot, form)
    assert form.isVisible() and row.cells["until"].property("invalid") is True
    assert affiliations.error.text() == "Wiersz 3, Do: nie może być wcześniej niż 2001-01-01"
    assert krakow.people.find("nowak") is None


def test_a_required_field_left_empty(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PersonForm(krakow, "maria-przezdziecka"))
    form.editors["family_name"].clear()
    click_save(qtbot, form)
    assert form.boxes["family_name"].error.text() == "Pole wymagane"
    assert krakow.people.get("maria-przezdziecka").family_name == "Przeździecka"


# --- editing -------------------------------------------------------------------------------

def test_editing_keeps_the_fields_the_form_does_not_show(krakow: Desk, qtbot: Any) -> None:
    before = krakow.partners.get("kyiv")
    form = open_form(qtbot, PartnerForm(krakow, "kyiv"))
    assert form.windowTitle() == "Partner — Kijów"
    assert form.editors["name_native"].text() == "Київ"
    assert form.key_field.isReadOnly()
    form.editors["notes"].setPlainText("Nowa notatka.")
    click_save(qtbot, form)
    after = krakow.partners.get("kyiv")
    assert after.notes == "Nowa notatka." and form.changes.updated == (("partner", "kyiv"),)
    assert after.model_dump(exclude={"notes"}) == before.model_dump(exclude={"notes"})
    assert after.statuses[0].source == "programme-2006" and after.population_source == "wiki-en-kyiv"


def test_every_stored_record_opens_unchanged(krakow: Desk, qtbot: Any) -> None:
    """Loading and collecting round-trips every value: opening and closing never asks to save."""
    cases = [("partner", p.key) for p in krakow.partners.all()]
    cases += [("person", p.key) for p in krakow.people.all()]
    cases += [("institution", i.key) for i in krakow.institutions.all()[:5]]
    cases += [("organisation", o.key) for o in krakow.organisations.all()]
    cases += [("membership", m.key) for m in krakow.memberships.all()]
    for kind, key in cases:
        form = FORMS[kind](krakow, key)
        qtbot.addWidget(form)
        assert not form.is_dirty(), (kind, key)
        stored = form.records.get(key).model_dump()
        assert form.records.kind.shape.model.model_validate(form.collect()).model_dump() == stored, (kind, key)
    form = FORMS["partner"](krakow, "nanjing")
    qtbot.addWidget(form)
    assert form.save() and not form.changes   # saved unchanged: nothing written


def test_a_person_with_two_affiliations_over_time(krakow: Desk, qtbot: Any) -> None:
    form = open_form(qtbot, PersonForm(krakow, None, initial={"affiliations": [{"partner": "kyiv"}]}))
    qtbot.keyClicks(form.editors["given_name"], "Anna")
    qtbot.keyClicks(form.editors["family_name"], "Nowak")
    qtbot.keyClicks(form.editors["languages"], "pl, uk")
    assert form.boxes["languages"].hint.text() == "polski, ukraiński"
    qtbot.keyClicks(form.editors["emails"], "anna@example.org")
    affiliations = form.editors["affiliations"]
    first = affiliations.rows[0]
    assert first.cells["partner"].currentText() == "Kijów"
    qtbot.keyClicks(first.cells["role"], "consul")
    qtbot.keyClicks(first.cells["since"], "2010-01-01")
    qtbot.keyClicks(first.cells["until"], "2015-06-30")
    qtbot.mouseClick(affiliations.add_button, Qt.MouseButton.LeftButton)
    second = affiliations.rows[1]
    second.cells["institution"].set_value("akademia-muzyczna")
    qtbot.keyClicks(second.cells["role"], "lecturer")
    qtbot.keyClicks(second.cells["since"], "2015-07-01")
    click_save(qtbot, form)
    assert form.saved_key == "anna-nowak"
    anna = krakow.people.get("anna-nowak")
    assert anna.languages == ["pl", "uk"] and anna.emails == ["anna@example.org"]
    assert [(a.partner, a.institution, a.role, str(a.since), a.until and str(a.until))
            for a in anna.affiliations] == [
        ("kyiv", None, "consul", "2010-01-01", "2015-06-30"),
        (None, "akademia-muzyczna", "lecturer", "2015-07-01", None)]

    again = open_form(qtbot, PersonForm(krakow, "anna-nowak"))
    rows = again.editors["affiliations"].rows
    assert [row.cells["role"].text() for row in rows] == ["consul", "lecturer"]
    assert rows[1].cells["institution"].currentText() == "Akademia Muzyczna (Kraków)"
    assert rows[0].cells["until"].text() == "2015-06-30"
    assert not again.is_dirty()
    qtbot.mouseClick(rows[0].remove, Qt.MouseButton.LeftButton)   # the first one removed
    click_save(qtbot, again)
    assert [a.role for a in krakow.people.get("anna-nowak").affiliations] == ["lecturer"]


# --- leaving with unsaved changes ----------------------------------------------------------

def test_an_unchanged_form_closes_without_asking(krakow: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.Cancel)
    form = open_form(qtbot, PartnerForm(krakow, "kyiv"))
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and asked == []


def test_discarding_changes(krakow: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.Discard)
    form = open_form(qtbot, PartnerForm(krakow, "kyiv"))
    qtbot.keyClicks(form.editors["name_en"], "X")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == ["Zapisać zmiany?"]
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    assert krakow.partners.get("kyiv").name_en == "Kyiv"


def test_cancel_keeps_the_form_open_with_what_was_typed(krakow: Desk, qtbot: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.Cancel)
    form = open_form(qtbot, PartnerForm(krakow))
    qtbot.keyClicks(form.editors["name"], "Lund")
    form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert asked == ["Zapisać zmiany?"] and form.isVisible()
    assert form.editors["name"].text() == "Lund"
    form.close()                                   # the window's close button asks too
    assert len(asked) == 2 and form.isVisible()


def test_answering_save_saves(krakow: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, "question", Button.Save)
    form = open_form(qtbot, FORMS["institution"](krakow, "akademia-muzyczna"))
    qtbot.keyClicks(form.editors["website"], "https://amuz.krakow.pl")
    form.reject()
    assert form.result() == QDialog.DialogCode.Accepted
    assert krakow.institutions.get("akademia-muzyczna").website == "https://amuz.krakow.pl"


# --- deleting ------------------------------------------------------------------------------

def test_delete_is_refused_while_records_depend_on_it(krakow: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    told = answer(monkeypatch, "warning", Button.Ok)
    asked = answer(monkeypatch, "question", Button.Yes)
    assert confirm_delete(krakow, "partner", "kyiv", None) is None
    assert asked == [] and len(told) == 1
    # Kyiv's events: the "Most" project, the two cities' presentations and the fairs.
    assert "„Kijów”" in told[0] and "2 umowy, 4 wydarzenia" in told[0]
    assert krakow.partners.find("kyiv") is not None


def test_delete_refusal_in_english(krakow: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    from krakow_desk import i18n
    i18n.set_language("en")
    told = answer(monkeypatch, "warning", Button.Ok)
    confirm_delete(krakow, "partner", "kyiv", None)
    # The English window lists the partner as Kyiv, so the question names it so too.
    assert "“Kyiv” cannot be deleted" in told[0] and "2 agreements, 4 events" in told[0]


def test_delete_asks_and_says_what_goes_with_it(krakow: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.No)
    assert confirm_delete(krakow, "partner", "rome", None) is None
    assert krakow.partners.find("rome") is not None            # "No" deletes nothing
    assert asked[0].startswith("Usunąć partnera „Rzym”?")
    assert "Zostaną też usunięte: 1 inna nazwa, 1 okres statusu." in asked[0]
    answer(monkeypatch, "question", Button.Yes)
    changes = confirm_delete(krakow, "partner", "rome", None)
    assert changes is not None and changes.deleted == (("partner", "rome"),)
    assert krakow.partners.find("rome") is None


def test_deleting_a_person_says_their_affiliations_go(krakow: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.Yes)
    changes = confirm_delete(krakow, "person", "maria-przezdziecka", None)
    assert asked[0].startswith("Usunąć osobę „Maria Przeździecka”?")
    assert "1 powiązanie" in asked[0]
    assert changes is not None and krakow.people.find("maria-przezdziecka") is None


def test_deleting_an_organisation_takes_its_membership(krakow: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answer(monkeypatch, "question", Button.Yes)
    confirm_delete(krakow, "organisation", "eurocities", None)
    assert "1 członkostwo" in asked[0]
    assert krakow.memberships.find("krakow-eurocities") is None


def test_the_forms_the_window_opens(krakow: Desk, qtbot: Any) -> None:
    assert set(FORMS) == {"partner", "person", "institution", "organisation", "membership", "agreement",
                          "visit", "task", "event", "gift", "letter"}
    form = FORMS["membership"](krakow)
    qtbot.addWidget(form)
    form.editors["organisation"].set_value("eurocities")
    form.editors["fee"].setText("1500,50")
    qtbot.keyClicks(form.editors["fee_currency"].lineEdit(), "EUR")
    assert form.save()
    saved = krakow.memberships.get(form.saved_key)
    assert form.saved_key == "krakow-eurocities-2" and str(saved.fee) == "1500.50"
    assert saved.fee_currency == "EUR"
