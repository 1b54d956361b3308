"""The main window on Krakow's data, headless: what a user sees and does."""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from krakow_desk import i18n  # noqa: E402
from krakow_desk.domain import enums as e  # noqa: E402
from krakow_desk.domain.continents import Continent  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.services.errors import DeskError  # noqa: E402
from krakow_desk.ui.main_window import MainWindow  # noqa: E402
from krakow_desk.ui.pages import SECTIONS  # noqa: E402
from krakow_desk.ui.pages.partners import COL_CATEGORY, COL_COUNTRY, COL_NAME, COL_NATIVE, COL_STATUS  # noqa: E402
from krakow_desk.ui.pages.partner_view import TAB_GIFTS  # noqa: E402
from krakow_desk.ui.table_model import BATCH, KEY_ROLE, Column, RecordTableModel  # noqa: E402
from window_helpers import open_page, reloaded, show_loaded, when_dialog_opens  # noqa: E402


def open_window(desk: Desk, qtbot: Any, section: str = "partners") -> MainWindow:
    return open_page(desk, qtbot, section)[0]


def names(page: Any) -> list[str]:
    return [page.model.index(row, COL_NAME).data() for row in range(page.model.rowCount())]


class Record:
    def __init__(self, key: str, name: str, size: int | None) -> None:
        self.key, self.name, self.size = key, name, size


def test_table_model_passes_the_model_tester_with_lazy_rows(qtmodeltester: Any) -> None:
    model: RecordTableModel[Record] = RecordTableModel(
        (Column("Name", lambda r: r.name), Column("Size", lambda r: "" if r.size is None else str(r.size),
                                                  sort=lambda r: r.size, align_right=True)),
        lambda r: r.key)
    model.set_records([Record(f"k{i}", f"Łódź {i}", i % 7 or None) for i in range(BATCH * 2 + 10)])
    assert model.rowCount() == BATCH          # the rest is handed over as the view scrolls
    assert model.canFetchMore()
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    sizes = [r.size for r in model.records and [model.record(i) for i in range(model.matching)]]
    assert sizes[0] == 6 and sizes[-1] is None                     # no value: last either way
    assert sizes.index(None) == len([x for x in sizes if x is not None])
    assert model.row_of("k500") > BATCH and model.rowCount() > BATCH
    model.set_filter(lambda r: r.size == 3)
    assert model.matching == len([i for i in range(BATCH * 2 + 10) if i % 7 == 3])


def test_partners_listed_in_polish_order_with_native_names(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    listed = names(page)
    assert len(listed) == 37
    assert (listed[0], listed[-1]) == ("Bordeaux", "Zagrzeb")
    assert listed.index("Ołomuniec") < listed.index("Orlean")          # Polish collation: ł after l
    row = listed.index("Kijów")
    cell = lambda column: page.model.index(row, column).data()  # noqa: E731
    assert (cell(COL_NATIVE), cell(COL_CATEGORY), cell(COL_STATUS), cell(COL_COUNTRY)) == \
        ("Київ", "miasto bliźniacze", "aktywna", "Ukraina")
    assert page.model.index(listed.index("Nankin"), COL_NATIVE).data() == "南京"
    assert page.model.index(row, COL_NAME).data(KEY_ROLE) == "kyiv"
    assert page.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Nazwa"
    assert window.page_label.text() == "37 partnerów"


def test_filters_narrow_the_list_and_the_status_bar_says_so(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.continent_combo.select(Continent.SOUTH_AMERICA)
    assert sorted(names(page)) == ["Cusco", "Kurytyba", "La Serena", "Quito"]
    assert window.page_label.text() == "4 partnerów z 37"
    page.continent_combo.select(None)
    page.category_combo.select(e.Category.HONORARY_TWIN_CITY)
    assert sorted(names(page)) == ["Kurytyba", "La Serena"]
    page.category_combo.select(None)
    page.country_combo.select("DE")
    assert sorted(names(page)) == ["Frankfurt nad Menem", "Lipsk", "Norymberga"]
    page.country_combo.select(None)
    page.domain_combo.select(e.Domain.HEALTH)
    assert "Rochester" in names(page) and "Nankin" not in names(page)
    page.domain_combo.select(None)
    qtbot.keyClicks(page.filter_edit, "lwow")      # no diacritics: finds Lwów
    qtbot.waitUntil(lambda: names(page) == ["Lwów"])
    page.filter_edit.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 37)


def test_status_filter_uses_todays_status(krakow: Desk, qtbot: Any) -> None:
    moscow = krakow.partners.get("moscow")
    ended = {"status": "ended", "since": "2022-03"}
    krakow.partners.update("moscow", moscow.model_dump() | {"statuses": [*moscow.model_dump()["statuses"], ended]})
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.status_combo.select(e.PartnerStatusKind.ENDED)
    assert names(page) == ["Moskwa"]
    page.status_combo.select(e.PartnerStatusKind.ACTIVE)
    assert "Kijów" in names(page) and "Moskwa" not in names(page)


def test_partner_page_shows_overview_and_related_tabs(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.open_record("partner", "rochester")
    view = page.detail
    assert view.title.text() == "Rochester"
    text = view.overview.toPlainText()
    for expected in ("Stany Zjednoczone (Ameryka Północna)", "6 961 km", "18 lipca 1973", "96,3 km²",
                     "od Krakowa"):
        assert expected in text, expected
    assert view.gifts.model.rowCount() == 3
    assert view.contacts.model.rowCount() == 2
    assert view.tabs.tabText(TAB_GIFTS) == "Dary (3)"


def test_search_box_finds_without_diacritics_and_opens_the_record(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus() or window.search is window.focusWidget() or True
    qtbot.keyClicks(window.search, "lwow")
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=5000)
    groups = [window.search.results.tree.topLevelItem(i).text(0)
              for i in range(window.search.results.tree.topLevelItemCount())]
    assert groups[0].startswith("Partnerzy")
    window.search.results.choose_current()
    page = window.pages["partners"]
    assert window.current_section() == "partners"
    assert page.selected_key() == "lviv"
    assert page.detail.title.text() == "Lwów"


def test_search_opens_a_person_in_the_people_section(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    window.search.setText("przezdziecka")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=5000)
    window.search.results.choose_current()
    people = window.pages["people"]
    qtbot.waitUntil(lambda: people.selected_key() == "maria-przezdziecka", timeout=5000)
    assert window.current_section() == "people"
    assert "Przeździecka" in people.detail.text()


def test_hostile_search_text_shows_nothing_found_not_an_error(krakow: Desk, qtbot: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args))
    window = open_window(krakow, qtbot)
    window.search.setText('a"b NEAR( x-y * ) OR')
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=5000)
    assert shown == []


def test_switching_the_language_rebuilds_the_window_in_english(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    window.pages["partners"].open_record("partner", "kyiv")
    window.switch_language("en")
    page = window.pages["partners"]
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        pass
    assert [window.sidebar.item(i).text() for i in range(3)] == ["Agenda", "Partners", "People"]
    assert page.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert names(page)[0] == "Bordeaux"
    assert "Kyiv" in names(page) and "Kijów" not in names(page)       # English names in English
    assert window.page_label.text() == "37 partners"
    assert page.selected_key() == "kyiv"                  # the user's place is kept
    assert page.detail.tabs.tabText(0) == "Overview"
    assert window.menuBar().actions()[0].text() == "&File"


def test_settings_survive_a_restart(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    window.show_section("institutions")
    window.resize(window.minimumSizeHint().width(), 520)
    window.close()
    again = MainWindow(krakow)
    qtbot.addWidget(again)
    assert again.current_section() == "institutions"
    assert again.size().height() == 520      # (the offscreen screen is too narrow to compare widths)


def test_a_failing_load_shows_a_message_and_the_window_stays(krakow: Desk, qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    window = open_window(krakow, qtbot)

    def broken() -> list:
        raise DeskError("baza danych jest zablokowana")
    monkeypatch.setattr(krakow.institutions, "all", broken)
    window.show_section("institutions")
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["baza danych jest zablokowana"]
    assert window.isVisible()


def test_every_section_has_a_keyboard_route(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    shortcuts = {action.shortcut().toString() for action in window.actions()}
    assert {"Ctrl+N", "Del", "Ctrl+F", "Ctrl+K", "Ctrl+Q"} <= shortcuts
    assert len(SECTIONS) == window.sidebar.count() == 11


# --- a whole working session: add, find, edit, delete, through the window -----------------


def test_add_find_edit_and_delete_a_partner_through_the_window(krakow: Desk, qtbot: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]

    def fill_new(form: Any) -> None:
        form.editors["name"].setText("Łódź")                    # non-ASCII is set, not typed
        qtbot.keyClicks(form.editors["name_en"], "Lodz")
        qtbot.keyClicks(form.editors["country"].lineEdit(), "PL")
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    when_dialog_opens(fill_new)
    reloaded(qtbot, page, lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier))
    assert "Łódź" in names(page) and window.page_label.text() == "38 partnerów"
    assert page.selected_key() == "lodz" and page.detail.title.text() == "Łódź"

    page.select_key("bordeaux")
    window.search.setText("lodz")                              # without diacritics
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=5000)
    assert window.search.last_hits[0].id == "lodz"
    window.search.results.choose_current()
    assert page.selected_key() == "lodz"

    def rename(form: Any) -> None:
        form.editors["name_en"].setText("Lodz (Łódź)")
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    when_dialog_opens(rename)
    reloaded(qtbot, page, page.edit_button.click)
    assert krakow.partners.get("lodz").name_en == "Lodz (Łódź)"
    assert "Lodz (Łódź)" in page.detail.subtitle.text()

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes))
    from PySide6.QtWidgets import QApplication
    window.activateWindow()              # as the user's click back into the list does
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.table.setFocus()
    reloaded(qtbot, page, lambda: qtbot.keyClick(page.table, Qt.Key.Key_Delete))
    assert "Łódź" in asked[0]
    assert "Łódź" not in names(page) and window.page_label.text() == "37 partnerów"
    assert krakow.partners.find("lodz") is None


def test_deleting_a_partner_with_agreements_is_refused_and_says_why(krakow: Desk, qtbot: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _parent, _title, text, *a: refused.append(text)))
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.open_record("partner", "kyiv")
    window.delete_action.trigger()
    assert refused and "Kijów" in refused[0] and "umow" in refused[0]
    assert krakow.partners.find("kyiv") is not None and "Kijów" in names(page)


def test_standard_dialog_buttons_follow_the_language(krakow: Desk, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    window = open_window(krakow, qtbot)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Anuluj"
    window.switch_language("en")
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_every_list_model_on_krakows_data_passes_the_model_tester(krakow: Desk, qtbot: Any,
                                                                 qtmodeltester: Any) -> None:
    window = open_window(krakow, qtbot)
    for section in ("partners", "people", "institutions", "organisations"):
        page = show_loaded(window, qtbot, section)
        assert page.model.rowCount() > 0, section
        qtmodeltester.check(page.model)
    partners = window.show_section("partners")
    partners.open_record("partner", "rochester")
    for table in (partners.detail.agreements, partners.detail.contacts, partners.detail.gifts,
                  partners.detail.activity):
        assert table.model.rowCount() > 0
        qtmodeltester.check(table.model)


def test_agreements_page_shows_states_deadlines_and_the_partners_timeline(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot, "agreements")
    page = window.pages["agreements"]
    assert page.model.total == len(krakow.agreements.all())
    page.open_record("agreement", "rochester-1973-07-18-cooperation-agreement")
    text = page.detail.facts.text()
    assert "obowiązuje" in text                       # in force today
    assert "17 stycznia 2028" in text                 # the notice deadline of the running term
    assert "18 lipca 2028" in text                    # the next renewal
    timeline = page.detail.timeline.model
    assert [timeline.record(r).agreement.partner for r in range(timeline.rowCount())] == \
        ["rochester"] * timeline.rowCount()
    page.open_record("agreement", "frankfurt-1997-07-09-cooperation-protocol")
    assert "po upływie terminu" in page.detail.facts.text()


def test_agenda_page_lists_rochesters_notice_deadline(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot, "agenda")
    page = window.pages["agenda"]
    qtbot.waitUntil(lambda: page.agenda is not None, timeout=10000)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.days.setValue(3650)
    deadlines = page.tables["deadlines"].model
    dates = [deadlines.record(r).date.isoformat() for r in range(deadlines.rowCount())]
    assert "2028-01-17" in dates
    page.tables["deadlines"].sig_open.emit(deadlines.record(0).key)
    assert window.current_section() == "agreements"
    assert window.pages["agreements"].selected_key() == "rochester-1973-07-18-cooperation-agreement" or \
        window.pages["agreements"]._wanted_key == "rochester-1973-07-18-cooperation-agreement"


def test_an_agreement_added_from_the_partner_page(krakow: Desk, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.open_record("partner", "kyiv")

    def fill(form: Any) -> None:
        assert form.editors["partner"].value() == "kyiv"
        qtbot.keyClicks(form.editors["signed_on"], "2026-11-20")
        qtbot.keyClicks(form.editors["term_months"], "36")
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    when_dialog_opens(fill)
    reloaded(qtbot, page, page.detail.add_agreement_button.click)
    table = page.detail.agreements.model
    added = [table.record(r) for r in range(table.rowCount()) if str(table.record(r).agreement.signed_on) == "2026-11-20"]
    assert len(added) == 1 and added[0].agreement.term_months == 36
    assert added[0].state.in_force                    # signed two days ago, for three years


def test_partner_page_shows_activity_per_year(krakow: Desk, qtbot: Any) -> None:
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.open_record("partner", "innsbruck")
    qtbot.waitUntil(lambda: page.detail.file is not None and page.detail.file.partner.key == "innsbruck",
                    timeout=10000)
    years = page.detail.years.model
    rows = [[years.index(r, c).data() for c in range(years.columnCount())] for r in range(years.rowCount())]
    # newest first; empty cells for none, the total always
    assert rows[:2] == [["2003", "", "", "2", "1", "3"], ["2002", "", "", "2", "", "2"]]


def test_the_window_opens_on_the_agenda_when_follow_ups_are_overdue(krakow: Desk, qtbot: Any) -> None:
    from krakow_desk.ui import settings as opt
    from krakow_desk.ui.settings import Settings
    Settings().set(opt.LAST_SECTION, "people")
    krakow.tasks.create({"key": "late", "title": "Podziękować za wizytę", "due_on": "2020-01-10",
                         "partner": "kyiv"})
    window = MainWindow(krakow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.current_section() == "agenda", timeout=10000)
    agenda_item = window.sidebar.item(0)
    assert agenda_item.text().endswith("(1)") and agenda_item.font().bold()
    page = window.pages["agenda"]
    qtbot.waitUntil(lambda: page.agenda is not None, timeout=10000)
    assert [i.key for i in page.agenda.overdue] == ["late"]
    assert window.page_label.text().startswith("1 sprawa zaległa")
    # once done, the count goes
    krakow.tasks.update("late", {**krakow.tasks.get("late").model_dump(), "status": "done", "done_on": "2020-01-11"})
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.refresh()
    assert not window.sidebar.item(0).text().endswith(")") and not window.sidebar.item(0).font().bold()


def test_without_anything_overdue_the_window_opens_where_it_was_left(krakow: Desk, qtbot: Any) -> None:
    from krakow_desk.ui import settings as opt
    from krakow_desk.ui.settings import Settings
    Settings().set(opt.LAST_SECTION, "people")
    window = open_window(krakow, qtbot, "people")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication
    QThreadPool.globalInstance().waitForDone(10000)   # the overdue count has answered…
    QApplication.processEvents()                      # …and its answer has been handled
    assert window.current_section() == "people"
    assert window.sidebar.item(0).text() == "Terminarz"


def test_follow_ups_on_the_partner_and_agreement_pages(krakow: Desk, qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox
    krakow.tasks.create({"key": "renew", "title": "Sprawdzić, czy umowa obowiązuje", "due_on": "2027-01-15",
                         "agreement": "rochester-1973-07-18-cooperation-agreement"})
    window = open_window(krakow, qtbot)
    page = window.pages["partners"]
    page.open_record("partner", "rochester")
    qtbot.waitUntil(lambda: page.detail.file is not None and page.detail.file.partner.key == "rochester",
                    timeout=10000)
    table = page.detail.follow_ups.table.model
    assert [table.record(r).key for r in range(table.rowCount())] == ["renew"]
    assert page.detail.tabs.tabText(6).endswith("(1)")

    def fill(form: Any) -> None:
        assert form.editors["partner"].value() == "rochester"
        form.editors["title"].setText("Zaprosić burmistrza")
        form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    when_dialog_opens(fill)
    reloaded(qtbot, page, page.detail.follow_ups.add_button.click)
    assert {t.title for t in page.detail.file.tasks} == {"Sprawdzić, czy umowa obowiązuje", "Zaprosić burmistrza"}

    # the task opened from anywhere shows with its agreement
    assert window.open_record("task", "renew")
    agreements = window.pages["agreements"]
    assert window.current_section() == "agreements"
    qtbot.waitUntil(lambda: agreements.selected_key() == "rochester-1973-07-18-cooperation-agreement",
                    timeout=10000)
    follow_ups = agreements.detail.follow_ups.table.model
    assert [follow_ups.record(r).key for r in range(follow_ups.rowCount())] == ["renew"]
