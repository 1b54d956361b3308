"""The visits register, the visit and task forms, on Krakow's data, driven as a user would (headless)."""

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from krakow_desk.domain import enums as e  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.forms.visit import VisitForm  # noqa: E402
from krakow_desk.ui.pages.visits import COL_DATES, COL_TITLE  # noqa: E402
from window_helpers import answer, keys, open_page, save, show_loaded, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)

Button = QMessageBox.StandardButton
LA_SERENA = "la-serena-2005-09-president"


def shown(qtbot: Any, page: Any, key: str) -> None:
    """Select a visit and wait until its file is in the detail pane."""
    if page.selected_key() == key and page.detail.file is not None:
        return
    with qtbot.waitSignal(page.detail.sig_file_loaded, timeout=10000):
        page.open_record("visit", key)


# --- the list --------------------------------------------------------------------------------

def test_the_page_lists_krakows_visits_newest_first(krakow: Desk, qtbot: Any, qtmodeltester: Any) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    visits = krakow.visits.all()
    assert page.model.total == len(visits) >= 14
    qtmodeltester.check(page.model)
    starts = [page.model.record(row).visit.start_on for row in range(page.model.rowCount())]
    dated = [start.start for start in starts if start is not None]
    assert dated == sorted(dated, reverse=True)                      # newest first
    assert starts.index(None) == len(dated)                          # undated visits last
    assert window.page_label.text() == f"{len(visits)} wizyt"
    titles = [page.model.index(r, COL_TITLE).data() for r in range(page.model.rowCount())]
    assert "Wizyta Prezydenta Krakowa w La Serenie" in titles
    assert page.model.index(keys(page).index("strasbourg-2004-09-21-training"), COL_DATES).data() == \
        "2004-09-21 – 2004-09-23"


def test_filters_narrow_the_list(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    visits = krakow.visits.all()
    page.direction_combo.select(e.Direction.OUTGOING)
    outgoing = {v.key for v in visits if v.direction is e.Direction.OUTGOING}
    assert set(keys(page)) == outgoing and LA_SERENA in outgoing
    assert window.page_label.text() == f"{len(outgoing)} wizyt z {len(visits)}" or \
        window.page_label.text().endswith(f"z {len(visits)}")
    page.partner_combo.select("vienna")
    assert set(keys(page)) == {v.key for v in visits if "vienna" in v.partners and v.key in outgoing}
    page.direction_combo.select(None)
    page.partner_combo.select(None)
    page.year_combo.select(2004)
    assert set(keys(page)) == {v.key for v in visits if v.start_on and v.start_on.start.year == 2004}
    page.year_combo.select(None)
    page.timing_combo.select("upcoming")    # nothing is dated ahead; planned trips without a date are
    assert set(keys(page)) == {v.key for v in visits if v.status is e.VisitStatus.PLANNED}
    assert "vienna-planned-firefighters-training" in keys(page)
    page.timing_combo.select("past")
    page.status_combo.select(e.VisitStatus.PLANNED)
    assert keys(page) == []
    assert page.partner_combo.count() == 1 + len({p for v in visits for p in v.partners})


def test_the_detail_shows_a_visit_and_the_partner_page_opens_it(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    shown(qtbot, page, LA_SERENA)
    text = page.detail.text()
    assert "wrzesień 2005" in text and "Prezydent Miasta Krakowa" in text and "popiersia" in text
    assert page.detail.clash_box.isHidden()
    partners = show_loaded(window, qtbot, "partners")
    partners.open_record("partner", "la-serena")
    activity = partners.detail.activity
    row = activity.model.row_of(LA_SERENA)
    activity.view.setCurrentIndex(activity.model.index(row, 0))
    activity.view.activated.emit(activity.model.index(row, 0))     # a double click
    assert window.current_section() == "visits" and page.selected_key() == LA_SERENA


# --- the form --------------------------------------------------------------------------------

def fill_visit(qtbot: Any, form: VisitForm, overlapping: bool = True) -> None:
    e_ = form.editors
    e_["direction"].set_value(e.Direction.INCOMING)
    qtbot.mouseClick(e_["partners"].add_button, Qt.MouseButton.LeftButton)
    e_["partners"].rows[0].cells["partner"].set_value("kyiv")
    e_["title"].setText("Wizyta mera Kijowa")
    qtbot.keyClicks(e_["start_on"], "2026-11-23")
    qtbot.keyClicks(e_["end_on"], "2026-11-25")
    e_["status"].set_value(e.VisitStatus.CONFIRMED)
    people = e_["participants"]
    for name, side, precedence, languages in (("Vitali Klitschko", e.Side.GUEST, "1", "uk"),
                                              ("Hans Muller", e.Side.GUEST, "2", "de"),
                                              ("Anna Nowak", e.Side.HOST, "1", "pl, en"),
                                              ("Olena Shevchuk", e.Side.HOST, "", "uk, pl")):
        qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
        row = people.rows[-1]
        qtbot.keyClicks(row.cells["person"].lineEdit(), name)
        row.cells["side"].set_value(side)
        qtbot.keyClicks(row.cells["precedence"], precedence)
        qtbot.keyClicks(row.cells["languages"], languages)
    people.rows[-1].cells["role"].setText("tłumaczka")
    programme = e_["programme"]
    items = [("2026-11-24", "9:30", "11:00", "Podpisanie programu współpracy"),
             ("2026-11-23", "12:00", "13:30", "Spotkanie z Prezydentem"),
             ("2026-11-23", "13:00" if overlapping else "14:00", "14:30", "Obiad roboczy")]
    for day, start, end, activity in items:
        qtbot.mouseClick(programme.add_button, Qt.MouseButton.LeftButton)
        row = programme.rows[-1]
        row.cells["day"].setText(day)
        qtbot.keyClicks(row.cells["start"], start)
        qtbot.keyClicks(row.cells["end"], end)
        row.cells["activity"].setText(activity)


def test_a_visit_created_through_the_form_is_listed_and_shown(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    seen: dict[str, Any] = {}

    def fill(form: Any) -> None:
        fill_visit(qtbot, form)
        form.update_clashes()                       # what the timer does after a pause in typing
        seen["clash"] = "" if form.clash_label.isHidden() else form.clash_label.text()
        seen["tinted"] = [bool(r.cells["activity"].property("clash")) for r in form.editors["programme"].rows]
        form.update_interpreting()
        seen["interpreting"] = form.interpreting_label.text()
        seen["key"] = form.key_field.text()
        save(form)
    when_dialog_opens(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.new_button.click()
    assert "nakładają się" in seen["clash"] and seen["tinted"] == [False, True, True]
    assert "niemiecki" in seen["interpreting"] and "ukraiński" in seen["interpreting"]
    assert seen["key"] == "kyiv-2026-11-23-wizyta-mera-kijowa"

    visit = krakow.visits.get("kyiv-2026-11-23-wizyta-mera-kijowa")
    assert [item.activity for item in visit.programme] == [      # put in order of day and time
        "Spotkanie z Prezydentem", "Obiad roboczy", "Podpisanie programu współpracy"]
    assert visit.participants[0].name == "Vitali Klitschko" and visit.participants[0].person is None
    assert visit.participants[0].languages == ["uk"] and visit.participants[1].precedence == 2
    assert page.model.total == len(krakow.visits.all()) and page.selected_key() == visit.key
    shown(qtbot, page, visit.key)
    detail = page.detail
    assert detail.clash_box.isVisibleTo(detail) and "nakładają się" in detail.clash_box.text()
    programme = detail.programme.toPlainText()
    assert programme.index("poniedziałek, 23 listopada 2026") < programme.index("12:00–13:30") < \
        programme.index("wtorek, 24 listopada 2026") < programme.index("Podpisanie")
    participants = detail.participants.toPlainText()
    assert participants.index("Vitali Klitschko") < participants.index("Hans Muller") < \
        participants.index("Anna Nowak")                      # guests by precedence, then hosts
    assert "niemiecki" in participants and "potrzebny jest tłumacz" in participants
    assert detail.tabs.tabText(1) == "Program (3)"


def test_a_person_from_the_register_is_linked_not_typed(krakow: Desk, qtbot: Any) -> None:
    form = VisitForm(krakow, LA_SERENA)
    qtbot.addWidget(form)
    people = form.editors["participants"]
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    people.rows[-1].cells["person"].set_value("fabienne-keller")
    assert people.value()[-1]["person"] == "fabienne-keller" and people.value()[-1]["name"] is None
    assert form.save()
    assert krakow.visits.get(LA_SERENA).participants[-1].person == "fabienne-keller"


def test_wrong_values_are_shown_at_their_field_and_nothing_is_saved(krakow: Desk, qtbot: Any) -> None:
    form = VisitForm(krakow, LA_SERENA)
    qtbot.addWidget(form)
    form.show()
    form.editors["start_on"].set_value("2005-09-20")
    form.editors["end_on"].set_value("2005-09-10")
    assert not form.save()
    assert form.boxes["end_on"].has_error and "2005-09-20" in form.boxes["end_on"].error.text()
    assert form.tabs.currentIndex() == 0

    form.editors["end_on"].set_value("2005-09-22")
    programme = form.editors["programme"]
    qtbot.mouseClick(programme.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(programme.rows[0].cells["day"], "2005-09-21")
    qtbot.keyClicks(programme.rows[0].cells["start"], "10:00")   # no activity
    assert not form.save()
    assert programme.rows[0].cells["activity"].property("invalid")
    assert programme.has_error and "Wiersz 1" in programme.error.text()
    assert form.tabs.currentIndex() == 2                       # the programme's tab is brought forward

    programme.rows[0].cells["activity"].setText("Spotkanie")
    qtbot.keyClicks(programme.rows[0].cells["end"], "9:00")      # ends before it starts
    assert not form.save()
    assert programme.rows[0].cells["end"].property("invalid")
    assert krakow.visits.get(LA_SERENA).programme == [] and krakow.visits.get(LA_SERENA).end_on is None


def test_a_bad_time_is_caught_before_saving(krakow: Desk, qtbot: Any) -> None:
    form = VisitForm(krakow, LA_SERENA)
    qtbot.addWidget(form)
    programme = form.editors["programme"]
    qtbot.mouseClick(programme.add_button, Qt.MouseButton.LeftButton)
    row = programme.rows[0]
    row.cells["activity"].setText("Spotkanie")
    qtbot.keyClicks(row.cells["start"], "25:70")
    assert not form.save()
    assert row.cells["start"].property("invalid") and "GG:MM" in programme.error.text()


# --- follow-ups, delete, briefing, calendar -------------------------------------------------

def test_a_follow_up_task_added_from_a_visit(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    shown(qtbot, page, LA_SERENA)
    seen: dict[str, Any] = {}

    def fill(form: Any) -> None:
        seen["fixed"] = (form.editors["visit"].isEnabled(), form.editors["partner"].isEnabled())
        qtbot.keyClicks(form.editors["title"], "Send the thank-you letter")
        qtbot.keyClicks(form.editors["due_on"], "2026-12-05")
        qtbot.keyClicks(form.editors["assignee"], "Anna Nowak")
        save(form)
    when_dialog_opens(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.detail.add_task_button.click()
    assert seen["fixed"] == (False, False)                   # the visit and partner come given
    task = krakow.tasks.get("send-the-thank-you-letter")
    assert (task.visit, task.partner, task.assignee, str(task.due_on)) == \
        (LA_SERENA, "la-serena", "Anna Nowak", "2026-12-05")
    qtbot.waitUntil(lambda: page.detail.tasks.model.rowCount() == 1, timeout=10000)
    assert page.detail.tasks.model.record(0).key == task.key
    assert page.detail.tabs.tabText(4) == "Zadania (1)"


def test_deleting_a_visit_asks_and_takes_its_programme_along(krakow: Desk, qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "visits")
    count = page.model.total
    page.open_record("visit", LA_SERENA)
    asked = answer(monkeypatch, "question", Button.Yes)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.delete_selected()
    assert "Wizyta Prezydenta Krakowa w La Serenie" in asked[0]
    assert krakow.visits.find(LA_SERENA) is None and LA_SERENA not in keys(page)
    assert page.model.total == count - 1


def test_the_briefing_button_writes_a_pdf(krakow: Desk, qtbot: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("krakow_desk.reports.briefing")
    from PySide6.QtWidgets import QFileDialog, QInputDialog
    target = tmp_path / "odprawa"
    asked: list[Any] = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda _parent, _title, _label, items, current, *a: asked.append((items, current)) or ("English", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    offered = answer(monkeypatch, "question", Button.Close)
    window, page = open_page(krakow, qtbot, "visits")
    shown(qtbot, page, LA_SERENA)
    page.detail.briefing_button.click()
    qtbot.waitUntil(lambda: bool(offered), timeout=30000)
    pdf = tmp_path / "odprawa.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert asked[0] == (["Polski", "English"], 0)              # the window's language comes first
    assert str(pdf) in offered[0] and page.detail.briefing_button.isEnabled()


def test_export_to_calendar_writes_an_ics_file(krakow: Desk, qtbot: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("krakow_desk.exchange.ical")
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "k"), "")))
    told = answer(monkeypatch, "information", Button.Ok)
    window, page = open_page(krakow, qtbot, "visits")
    page.ical_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert (tmp_path / "k.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert str(tmp_path / "k.ics") in told[0]
