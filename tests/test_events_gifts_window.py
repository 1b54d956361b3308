"""The events and gifts registers, their forms and the gift rules in the settings, on Krakow's data,
driven as a user would (headless)."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from krakow_desk.domain import enums as e  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.dialogs import SettingsDialog  # noqa: E402
from krakow_desk.ui.forms import FORMS  # noqa: E402
from window_helpers import answer, open_page, reloaded, save, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)

FRANKFURT_WEEK = "frankfurt-2006-frankfurt-nad-wisla"
BUST = "la-serena-2005-09-domeyko-bust"
Button = QMessageBox.StandardButton


def column(page: Any, header: str) -> list[str]:
    model = page.model
    number = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(header)
    return [model.index(row, number).data() for row in range(model.rowCount())]


# --- the events register -------------------------------------------------------------------

def test_events_page_lists_krakows_events_newest_first(krakow: Desk, qtbot: Any, qtmodeltester: Any) -> None:
    window, page = open_page(krakow, qtbot, "events")
    total = len(krakow.events.all())
    assert page.model.rowCount() == total and total >= 40
    assert window.page_label.text() == f"{total} wydarzeń"
    qtmodeltester.check(page.model)
    titles = column(page, "Tytuł")
    week = titles.index(next(t for t in titles if t.startswith("Tydzień Kultury Frankfurtu")))
    assert column(page, "Daty")[week] == "2006-03-31 – 2006-04-08"
    assert column(page, "Rodzaj")[week] == "prezentacja partnera"
    assert column(page, "Partnerzy")[week] == "Frankfurt nad Menem"
    dates = [d for d in column(page, "Daty") if d]
    assert dates[0] >= dates[-1]                            # newest first


def test_event_detail_shows_dates_partners_and_documents(krakow: Desk, qtbot: Any) -> None:
    _window, page = open_page(krakow, qtbot, "events")
    page.open_record("event", FRANKFURT_WEEK)
    text = page.detail.facts.text()
    assert "31 marca – 8 kwietnia 2006" in text            # the range, said as people say it
    assert "Frankfurt nad Menem" in text and "Kraków" in text
    assert page.detail.documents.key == FRANKFURT_WEEK


def test_events_filters_by_kind_partner_country_domain_and_year(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "events")
    events = krakow.events.all()
    page.kind_combo.select(e.EventKind.PROJECT)
    assert page.model.rowCount() == sum(ev.kind is e.EventKind.PROJECT for ev in events) > 0
    assert set(column(page, "Rodzaj")) == {"projekt"}
    page.kind_combo.select(None)
    page.partner_combo.select("partner:frankfurt")
    assert page.model.rowCount() == sum("frankfurt" in ev.partners for ev in events) > 0
    assert window.page_label.text().endswith(f"z {len(events)}")
    page.partner_combo.select("country:DE")                # Frankfurt, Leipzig and Nuremberg
    german = {"frankfurt", "leipzig", "nuremberg"}
    assert page.model.rowCount() == sum(bool(german & set(ev.partners)) for ev in events)
    assert page.model.rowCount() > sum("frankfurt" in ev.partners for ev in events)
    assert page.partner_combo.itemText(page.partner_combo.findData("country:DE")) == "Niemcy"
    page.partner_combo.select(None)
    page.domain_combo.select(e.Domain.EU_FUNDS)
    assert page.model.rowCount() == sum(e.Domain.EU_FUNDS in ev.domains for ev in events) > 0
    page.domain_combo.select(None)
    page.year_combo.select(2005)
    assert page.model.rowCount() > 0
    assert all("2005" in d for d in column(page, "Daty"))
    assert 2030 not in [page.year_combo.itemData(i) for i in range(page.year_combo.count())]


def test_add_edit_and_delete_an_event_through_the_window(krakow: Desk, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "events")

    def fill(form: Any) -> None:
        assert form.windowTitle() == "Nowe wydarzenie"
        form.editors["kind"].set_value(e.EventKind.CITY_PRESENTATION)
        form.editors["title"].setText("Dni Krakowa w Lipsku")      # non-ASCII is set, not typed
        qtbot.keyClicks(form.editors["start_on"], "2026-06-12")
        qtbot.keyClicks(form.editors["end_on"], "2026-06-14")
        picker = form.editors["partners"]
        qtbot.keyClicks(picker.filter, "lips")                     # finds Lipsk
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)           # ticks the only one left
        assert picker.value() == ["leipzig"] and "Lipsk" in picker.chosen.text()
        qtbot.keyClicks(picker.filter, "niemcy")                   # a country finds its partners
        assert {picker.list.item(i).text() for i in range(picker.list.count())
                if not picker.list.item(i).isHidden()} == {"Frankfurt nad Menem", "Lipsk", "Norymberga"}
        picker.filter.clear()
        form.editors["domains"].boxes[e.Domain.CULTURE].setChecked(True)
        qtbot.keyClicks(form.editors["budget"], "12500,50")
        qtbot.keyClicks(form.editors["currency"].lineEdit(), "EUR")
        assert form.key_field.text() == "leipzig-2026-06-12-dni-krakowa-w-lipsku"
        save(form)
    when_dialog_opens(fill)
    reloaded(qtbot, page, page.new_button.click)
    key = "leipzig-2026-06-12-dni-krakowa-w-lipsku"
    saved = krakow.events.get(key)
    assert (saved.partners, saved.domains, saved.budget, saved.currency) == (
        ["leipzig"], [e.Domain.CULTURE], Decimal("12500.50"), "EUR")
    assert page.selected_key() == key and "12 500,50" in page.detail.facts.text()
    assert window.page_label.text() == f"{len(krakow.events.all())} wydarzeń"

    def edit(form: Any) -> None:
        assert form.windowTitle() == "Wydarzenie — Dni Krakowa w Lipsku"
        form.editors["place"].setText("Lipsk, Neues Rathaus")
        form.editors["partners"].set_value(["leipzig", "nuremberg"])
        save(form)
    when_dialog_opens(edit)
    reloaded(qtbot, page, page.edit_button.click)
    assert krakow.events.get(key).partners == ["leipzig", "nuremberg"]
    assert "Lipsk, Norymberga" in page.detail.facts.text()

    asked = answer(monkeypatch, "question", Button.Yes)
    reloaded(qtbot, page, page.delete_button.click)
    assert "Dni Krakowa w Lipsku" in asked[0] and "wydarzenie" in asked[0]
    assert "Usunięte razem" not in asked[0]       # its partners and domains are its own fields
    assert krakow.events.find(key) is None and key not in [r.key for r in page.model.records]


def test_an_event_ending_before_it_starts_is_shown_at_the_field(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["event"](krakow, None)
    qtbot.addWidget(form)
    form.show()
    form.editors["title"].setText("Jarmark")
    qtbot.keyClicks(form.editors["start_on"], "2026-06-12")
    qtbot.keyClicks(form.editors["end_on"], "2026-06-10")
    assert not form.save()
    assert form.boxes["end_on"].has_error or form.boxes["start_on"].has_error
    assert form.isVisible() and krakow.events.find(form.key_field.text()) is None


def test_every_event_opens_unchanged(krakow: Desk, qtbot: Any) -> None:
    for event in krakow.events.all():
        form = FORMS["event"](krakow, event.key)
        qtbot.addWidget(form)
        assert not form.is_dirty(), event.key
    form = FORMS["event"](krakow, FRANKFURT_WEEK)
    qtbot.addWidget(form)
    assert form.save() and not form.changes


# --- the gifts register --------------------------------------------------------------------

def test_gifts_page_lists_krakows_gifts(krakow: Desk, qtbot: Any, qtmodeltester: Any) -> None:
    window, page = open_page(krakow, qtbot, "gifts")
    gifts = krakow.gifts.all()
    assert page.model.rowCount() == len(gifts) >= 20
    assert window.page_label.text() == f"{len(gifts)} darów"
    qtmodeltester.check(page.model)
    row = column(page, "Dar").index("Popiersie Ignacego Domeyki")
    assert column(page, "Kierunek")[row] == "przekazany" and column(page, "Partner")[row] == "La Serena"
    assert column(page, "Przedział wartości")[row] == "wartość nieznana"
    values = [v for v in column(page, "Wartość") if v]
    assert any("EUR" in v or "€" in v for v in values)


def test_gifts_filters(krakow: Desk, qtbot: Any) -> None:
    _window, page = open_page(krakow, qtbot, "gifts")
    gifts = krakow.gifts.all()
    page.direction_combo.select(e.GiftDirection.GIVEN)
    assert page.model.rowCount() == sum(g.direction is e.GiftDirection.GIVEN for g in gifts) > 0
    assert set(column(page, "Kierunek")) == {"przekazany"}
    page.direction_combo.select(None)
    page.partner_combo.select("partner:nuremberg")
    assert set(column(page, "Partner")) == {"Norymberga"}
    page.partner_combo.select(None)
    page.category_combo.select(e.GiftCategory.VEHICLE)
    assert page.model.rowCount() == sum(g.category is e.GiftCategory.VEHICLE for g in gifts) > 0
    page.category_combo.select(None)
    page.year_combo.select(2003)
    assert column(page, "Data") and all(d.startswith("2003") for d in column(page, "Data"))
    page.year_combo.select(None)
    page.band_combo.select(e.ValueBand.OTHER_CURRENCY)      # the gifts valued in EUR and CHF
    assert page.model.rowCount() == sum(g.value is not None and g.currency != "PLN" for g in gifts) > 0


def test_gift_detail_opens_its_visit(krakow: Desk, qtbot: Any) -> None:
    _window, page = open_page(krakow, qtbot, "gifts")
    page.open_record("gift", BUST)
    detail = page.detail
    assert "Popiersie Ignacego Domeyki" == detail.facts.title.text()
    assert detail.visit_button.isVisible()
    with qtbot.waitSignal(page.sig_open) as opened:
        detail.visit_button.click()
    assert opened.args == ["visit", "la-serena-2005-09-president"]
    page.open_record("gift", "innsbruck-snow-groomer")
    assert not detail.visit_button.isVisible()               # no visit recorded


def test_an_attached_photo_is_shown_as_a_thumbnail(krakow: Desk, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    photo = tmp_path / "popiersie.png"
    assert image.save(str(photo))
    krakow.documents.attach("gift", BUST, photo)
    _window, page = open_page(krakow, qtbot, "gifts")
    page.open_record("gift", BUST)
    qtbot.waitUntil(lambda: page.detail.photo.isVisible(), timeout=10000)
    shown = page.detail.photo.pixmap()
    assert max(shown.width(), shown.height()) <= 140 and shown.width() > shown.height()
    page.open_record("gift", "innsbruck-snow-groomer")        # nothing attached: no photo
    qtbot.waitUntil(lambda: not page.detail.photo.isVisible(), timeout=10000)


def test_add_edit_and_delete_a_gift_through_the_window(krakow: Desk, qtbot: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "gifts")

    def fill(form: Any) -> None:
        assert form.windowTitle() == "Nowy dar"
        form.editors["direction"].set_value(e.GiftDirection.GIVEN)
        qtbot.keyClicks(form.editors["date"], "2026-05")
        qtbot.keyClicks(form.editors["partner"].lineEdit(), "Wilno")
        form.editors["description"].setText("Album „Kraków”")
        form.editors["category"].set_value(e.GiftCategory.BOOK)
        qtbot.keyClicks(form.editors["quantity"], "2")
        qtbot.keyClicks(form.editors["value"], "180")
        assert form.editors["currency"].value() == "PLN"         # the policy's currency, by default
        save(form)
    when_dialog_opens(fill)
    reloaded(qtbot, page, page.new_button.click)
    key = "vilnius-2026-05-album-krakow"
    saved = krakow.gifts.get(key)
    assert (saved.partner, saved.quantity, saved.value, saved.currency) == ("vilnius", 2, Decimal("180"), "PLN")
    assert page.selected_key() == key
    assert plain(column(page, "Przedział wartości")[column(page, "Dar").index("Album „Kraków”")]) == \
        "od 100,00 zł do 500,00 zł"

    def edit(form: Any) -> None:
        form.editors["location"].setText("Gabinet Prezydenta")
        save(form)
    when_dialog_opens(edit)
    reloaded(qtbot, page, page.edit_button.click)
    assert krakow.gifts.get(key).location == "Gabinet Prezydenta"
    assert "Gabinet Prezydenta" in page.detail.facts.text()

    asked = answer(monkeypatch, "question", Button.Yes)
    reloaded(qtbot, page, page.delete_button.click)
    assert "Album „Kraków”" in asked[0]
    assert krakow.gifts.find(key) is None
    assert window.page_label.text() == f"{len(krakow.gifts.all())} darów"


def test_the_visit_list_follows_the_partner(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["gift"](krakow, None)
    qtbot.addWidget(form)
    visits = form.editors["visit"]
    everything = visits.count()
    form.editors["partner"].set_value("la-serena")
    offered = [visits.itemData(i) for i in range(1, visits.count())]
    assert offered and len(offered) < everything - 1
    assert all("la-serena" in krakow.visits.get(v).partners for v in offered)


def test_field_errors_are_shown_at_their_fields(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["gift"](krakow, None)
    qtbot.addWidget(form)
    form.show()
    form.editors["description"].setText("Kryształowy wazon")
    qtbot.keyClicks(form.editors["quantity"], "-3")
    assert not form.save()
    assert form.boxes["quantity"].has_error and "0" in form.boxes["quantity"].error.text()
    form.editors["quantity"].clear()
    qtbot.keyClicks(form.editors["value"], "250")
    form.editors["currency"].set_value(None)                 # the user cleared the currency
    assert not form.save()
    assert form.boxes["currency"].has_error and not form.boxes["quantity"].has_error
    assert form.isVisible() and not krakow.gifts.all() == []


def plain(text: str) -> str:
    """Money as people read it: the no-break spaces of "2 500,00 zł" as plain ones."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def wait_for_warning(qtbot: Any, form: Any, words: str) -> None:
    qtbot.waitUntil(lambda: form.warning_label.isVisible() and words in plain(form.warning_label.text()),
                    timeout=5000)


def test_a_received_gift_above_the_threshold_is_warned_about_and_still_saved(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["gift"](krakow, None, initial={"partner": "kyiv"})
    qtbot.addWidget(form)
    form.show()
    form.editors["direction"].set_value(e.GiftDirection.RECEIVED)
    form.editors["description"].setText("Obraz z widokiem Ławry")
    qtbot.keyClicks(form.editors["value"], "250")
    qtbot.wait(600)
    assert not form.warning_label.isVisible()                 # under 300 PLN: nothing to say
    qtbot.keyClicks(form.editors["value"], "0")              # 2500
    wait_for_warning(qtbot, form, "2 500,00 zł")
    assert "300,00 zł" in plain(form.warning_label.text())
    assert form.save()                                        # a warning, not an error
    assert krakow.gifts.get(form.saved_key).value == Decimal("2500")


def test_a_repeated_gift_is_warned_about_in_the_form_and_on_the_page(krakow: Desk, qtbot: Any) -> None:
    form = FORMS["gift"](krakow, None)
    qtbot.addWidget(form)
    form.show()
    form.editors["direction"].set_value(e.GiftDirection.GIVEN)
    form.editors["partner"].set_value("la-serena")
    form.editors["description"].setText("popiersie Domeyki")
    wait_for_warning(qtbot, form, "Popiersie Ignacego Domeyki")
    assert form.save()
    key = form.saved_key
    _window, page = open_page(krakow, qtbot, "gifts")
    page.open_record("gift", key)
    assert page.detail.warnings.isVisible()
    assert "Popiersie Ignacego Domeyki" in page.detail.warnings.text()
    page.open_record("gift", "innsbruck-snow-groomer")
    assert not page.detail.warnings.isVisible()


def test_the_settings_change_the_threshold_and_the_bands(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "gifts")
    dialog = SettingsDialog("pl", window, krakow)
    qtbot.addWidget(dialog)
    box = dialog.gifts
    assert "całego biura" in box.title().lower() or "biur" in box.title()
    assert box.threshold.text() == "300" and box.currency.value() == "PLN"
    box.limits[1].setText("50")                                # below the first limit
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert box.boxes["gift_bands"].has_error and krakow.policy().gift_bands[1] == Decimal("500")
    box.limits[1].setText("500")
    box.threshold.setText("100")
    dialog.accept()
    assert dialog.result() == 1 and krakow.policy().gift_threshold == Decimal("100")
    reloaded(qtbot, page, lambda: window.broadcast(dialog.changes()))

    form = FORMS["gift"](krakow, None)
    qtbot.addWidget(form)
    form.show()
    form.editors["direction"].set_value(e.GiftDirection.RECEIVED)
    form.editors["description"].setText("Wazon")
    qtbot.keyClicks(form.editors["value"], "150")           # above the new threshold of 100
    wait_for_warning(qtbot, form, "100,00 zł")


def test_saving_the_gift_rules_keeps_the_other_office_rules(krakow: Desk, qtbot: Any) -> None:
    from krakow_desk.ui.forms.gift import GiftPolicyBox
    krakow.set_policy({"reference_pattern": "KD/{number}/{year}", "dormant_months": 12})
    box = GiftPolicyBox(krakow)
    qtbot.addWidget(box)
    box.threshold.setText("450")
    assert box.save()
    policy = krakow.policy()
    assert policy.gift_threshold == Decimal("450")
    assert (policy.reference_pattern, policy.dormant_months) == ("KD/{number}/{year}", 12)


def test_the_pages_in_english(krakow: Desk, qtbot: Any) -> None:
    from krakow_desk import i18n
    i18n.set_language("en")
    window, page = open_page(krakow, qtbot, "gifts")
    assert window.page_label.text() == f"{len(krakow.gifts.all())} gifts"
    assert "Value band" in [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    page.open_record("gift", BUST)
    assert "work of art" in page.detail.facts.text()
    events = window.show_section("events")
    with qtbot.waitSignal(events.sig_loaded, timeout=10000):
        pass
    events.open_record("event", FRANKFURT_WEEK)
    assert "31 March – 8 April 2006" in events.detail.facts.text()


def test_many_warnings_are_counted_not_listed() -> None:
    from types import SimpleNamespace

    from krakow_desk.ui.forms.gift import warnings_text
    text = warnings_text([SimpleNamespace(text=f"Powtarza dar nr {n}") for n in range(5)])
    assert text.splitlines() == ["⚠ Powtarza dar nr 0", "⚠ Powtarza dar nr 1", "⚠ Powtarza dar nr 2",
                                 "… i jeszcze 2 ostrzeżenia"]
