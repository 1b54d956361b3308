"""The correspondence register, the letter form and the office's correspondence rules in the
settings, on Krakow's data with letters added, driven as a user would (headless)."""

from datetime import date, timedelta
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from krakow_desk.domain import enums as e  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.dialogs import SettingsDialog  # noqa: E402
from krakow_desk.ui.forms.letter import LetterForm, pattern_problem, reply_subject  # noqa: E402
from krakow_desk.ui.pages.correspondence import COL_REFERENCE, COL_REPLY  # noqa: E402
from krakow_desk.ui.pages.correspondence_detail import CURRENT_MARK, thread_of  # noqa: E402
from window_helpers import keys, open_page, save, show_loaded, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)

TODAY = date.today()
YEAR = TODAY.year
# The letters of the fixture are from 2025; those the tests write are dated today, numbered anew.
THEN = 2025


def waiting(since: str) -> int:
    return (TODAY - date.fromisoformat(since)).days


@pytest.fixture
def letters(krakow: Desk) -> Desk:
    """Krakow with a three-letter exchange with Strasbourg, a letter from Cusco unanswered long
    after its reply was due, and one to Kyiv whose answer is due in a month."""
    assert YEAR > THEN
    for data in (
        {"key": "strasbourg-invitation", "direction": "incoming", "date": "2025-10-01", "partner": "strasbourg",
         "subject": "Invitation to the Christmas market", "people": ["fabienne-keller"],
         "reply_due_on": "2025-10-20", "summary": "Their reference: SXB/2025/117"},
        {"key": "strasbourg-acceptance", "direction": "outgoing", "date": "2025-10-10", "partner": "strasbourg",
         "subject": "Re: Invitation to the Christmas market", "reply_to": "strasbourg-invitation",
         "reply_due_on": "2025-10-31"},
        {"key": "strasbourg-programme", "direction": "incoming", "date": "2025-10-15", "partner": "strasbourg",
         "channel": "email", "subject": "Programme of the stay", "reply_to": "strasbourg-acceptance"},
        {"key": "cusco-proposal", "direction": "incoming", "date": "2025-06-02", "partner": "cusco",
         "subject": "Proposal of a cultural exchange", "reply_due_on": "2025-07-01"},
        {"key": "kyiv-greetings", "direction": "outgoing", "date": "2025-11-20", "partner": "kyiv",
         "subject": "Greetings on the City Day", "reply_due_on": (TODAY + timedelta(days=30)).isoformat()},
    ):
        krakow.letters.create(data)
    return krakow


def cell(page: Any, key: str, column: int) -> str:
    return page.model.index(keys(page).index(key), column).data()


# --- the list --------------------------------------------------------------------------------

def test_the_page_lists_letters_newest_first_with_their_replies(letters: Desk, qtbot: Any,
                                                                 qtmodeltester: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    qtmodeltester.check(page.model)
    assert keys(page) == ["kyiv-greetings", "strasbourg-programme", "strasbourg-acceptance",
                          "strasbourg-invitation", "cusco-proposal"]
    assert window.page_label.text() == "5 pism"
    assert cell(page, "cusco-proposal", COL_REFERENCE) == "IR/2025/0004"
    assert cell(page, "strasbourg-invitation", COL_REPLY) == "✓ 2025-10-10"
    assert cell(page, "cusco-proposal", COL_REPLY) == f"czeka {waiting('2025-06-02')} dni, po terminie"
    assert cell(page, "kyiv-greetings", COL_REPLY) == f"czeka {waiting('2025-11-20')} dni"
    assert cell(page, "strasbourg-programme", COL_REPLY) == ""        # no reply expected
    page.table.sortByColumn(COL_REPLY, Qt.SortOrder.DescendingOrder)  # the longest waiting first
    assert keys(page)[:2] == ["cusco-proposal", "kyiv-greetings"] and keys(page)[-1] == "strasbourg-programme"
    page.open_record("letter", "strasbourg-invitation")
    text = page.detail.text()
    assert "Strasbourg" in text and "Fabienne Keller" in text and "SXB/2025/117" in text
    assert "1 października 2025" in text and "IR/2025/0002" in text        # the reply, by its number
    assert page.detail.reply_button.isVisible()


def test_filters_direction_partner_year_and_awaiting_reply(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    page.direction_combo.select(e.Direction.OUTGOING)
    assert set(keys(page)) == {"kyiv-greetings", "strasbourg-acceptance"}
    page.direction_combo.select(None)
    page.partner_combo.select("strasbourg")
    assert len(keys(page)) == 3
    assert window.page_label.text() == "3 pisma z 5"
    page.partner_combo.select(None)
    page.reply_combo.select("awaiting")       # a reply due and none recorded, as the agenda counts it
    assert set(keys(page)) == {"kyiv-greetings", "cusco-proposal"}
    page.reply_combo.select("overdue")
    assert keys(page) == ["cusco-proposal"]
    page.reply_combo.select("replied")
    assert set(keys(page)) == {"strasbourg-invitation", "strasbourg-acceptance"}
    page.reply_combo.select(None)
    page.year_combo.select(THEN)
    assert len(keys(page)) == 5
    assert page.partner_combo.count() == 1 + 3 and page.year_combo.count() == 1 + 1


# --- the form --------------------------------------------------------------------------------

def test_a_new_letter_gets_its_reference_when_saved_and_the_page_says_it(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    seen: dict[str, Any] = {}

    def fill(form: Any) -> None:
        seen["placeholder"] = form.editors["reference"].placeholderText()
        seen["date"] = form.editors["date"].text()
        form.editors["direction"].set_value(e.Direction.OUTGOING)
        form.editors["partner"].set_value("vienna")
        qtbot.keyClicks(form.editors["subject"], "Thanks for the concert")
        seen["key"] = form.key_field.text()
        save(form)
    when_dialog_opens(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.new_button.click()
    assert seen["placeholder"] == "nadawany przy zapisie" and seen["date"] == TODAY.isoformat()
    assert seen["key"] == f"{TODAY.isoformat()}-thanks-for-the-concert"
    letter = letters.letters.get(seen["key"])
    assert letter.reference == f"IR/{YEAR}/0001" and letter.partner == "vienna"
    assert page.selected_key() == letter.key and keys(page)[0] == letter.key
    assert cell(page, letter.key, COL_REFERENCE) == f"IR/{YEAR}/0001"
    assert f"IR/{YEAR}/0001" in window.page_label.text()                 # the status bar names it
    assert page.detail.notice.isVisibleTo(page.detail) and f"IR/{YEAR}/0001" in page.detail.notice.text()
    page.open_record("letter", "cusco-proposal")                          # said once
    assert page.detail.notice.isHidden() and "IR/" not in window.page_label.text()


def test_field_errors_are_shown_at_their_field_and_nothing_is_saved(letters: Desk, qtbot: Any) -> None:
    form = LetterForm(letters, None)
    qtbot.addWidget(form)
    form.show()
    count = len(letters.letters.all())
    assert form.editors["channel"].value() == e.Channel.LETTER
    assert not form.save()                                    # no direction chosen, no subject: both said
    assert form.boxes["direction"].error.text() == form.boxes["subject"].error.text() == "Pole wymagane"
    form.editors["direction"].set_value(e.Direction.INCOMING)
    assert not form.save()
    assert form.boxes["subject"].has_error and not form.boxes["direction"].has_error
    form.editors["subject"].setText("Zaproszenie")
    form.editors["date"].set_value("2026-03-10")
    form.editors["reply_due_on"].set_value("2026-03-01")
    assert not form.save()
    box = form.boxes["reply_due_on"]
    assert box.has_error and "2026-03-10" in box.error.text() and form.tabs.currentIndex() == 0
    form.editors["reply_due_on"].set_value("2026-03-20")
    form.editors["reference"].setText("IR/2025/0004")        # Cusco's
    assert not form.save()
    assert form.boxes["reference"].has_error and "Proposal of a cultural exchange" in \
        form.boxes["reference"].error.text()
    assert len(letters.letters.all()) == count
    form.editors["reference"].setText("WSP-I.0012.7.2026")          # typed by hand: kept
    assert form.save()
    assert letters.letters.get(form.saved_key).reference == "WSP-I.0012.7.2026"


def test_choosing_the_letter_answered_suggests_direction_partner_and_subject(letters: Desk, qtbot: Any) -> None:
    form = LetterForm(letters, None)
    qtbot.addWidget(form)
    reply_to = form.editors["reply_to"]
    reply_to.set_value("cusco-proposal")
    assert form.editors["direction"].value() == e.Direction.OUTGOING
    assert form.editors["partner"].value() == "cusco"
    assert form.editors["subject"].text() == "Re: Proposal of a cultural exchange"
    assert reply_to.itemData(1) == "cusco-proposal"          # the partner's letters come first
    form.editors["partner"].set_value("strasbourg")
    form._partner_changed()
    assert reply_to.itemData(1) == "strasbourg-programme" and reply_to.value() == "cusco-proposal"
    people = form.picker
    assert people.list.item(0).data(256) == "fabienne-keller"    # Strasbourg's mayor first
    assert reply_subject("RE: Odp: re: Zaproszenie") == "Re: Zaproszenie"


def test_enter_in_the_people_filter_ticks_the_one_found_and_does_not_save(letters: Desk, qtbot: Any) -> None:
    form = LetterForm(letters, None)
    qtbot.addWidget(form)
    form.show()
    pressed: list[bool] = []
    form.buttons.accepted.connect(lambda: pressed.append(True))
    people = form.picker
    qtbot.keyClicks(people.filter, "fabienne kel")
    qtbot.keyClick(people.filter, Qt.Key.Key_Return)
    assert people.value() == ["fabienne-keller"] and people.filter.text() == ""
    assert not pressed and form.isVisible()                      # Enter did not press Save


def test_a_letter_cannot_answer_itself_or_its_own_replies(letters: Desk, qtbot: Any) -> None:
    form = LetterForm(letters, "strasbourg-acceptance")
    qtbot.addWidget(form)
    offered = {form.editors["reply_to"].itemData(i) for i in range(form.editors["reply_to"].count())}
    assert "strasbourg-invitation" in offered
    assert not offered & {"strasbourg-acceptance", "strasbourg-programme"}
    assert form.windowTitle() == "Pismo — Re: Invitation to the Christmas market"
    assert not form.is_dirty()


# --- replies and the thread ------------------------------------------------------------------

def test_the_thread_shows_the_chain_both_ways_and_moves_between_letters(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    page.open_record("letter", "strasbourg-acceptance")
    thread = page.detail.thread
    rows = [thread.model.record(r) for r in range(thread.model.rowCount())]
    assert [r.key for r in rows] == ["strasbourg-invitation", "strasbourg-acceptance", "strasbourg-programme"]
    assert thread.model.index(1, 0).data() == f"{CURRENT_MARK} 2"
    assert page.detail.thread_caption.text() == "Wątek: 3 pisma"
    thread.view.activated.emit(thread.model.index(2, 0))            # a double click
    assert page.selected_key() == "strasbourg-programme"
    page.open_record("letter", "kyiv-greetings")
    assert thread.model.rowCount() == 0 and thread.currentWidget() is thread.empty


def test_thread_of_survives_a_cycle() -> None:
    from krakow_desk.domain.schema import LetterData
    a = LetterData(key="a", direction="incoming", date=date(2026, 1, 1), subject="A", reply_to="b")
    b = LetterData(key="b", direction="outgoing", date=date(2026, 1, 2), subject="B", reply_to="a")
    assert [m.key for m in thread_of("a", {"a": a, "b": b})] == ["a", "b"]


def test_reply_prefills_a_new_letter_and_the_thread_holds_both(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    page.open_record("letter", "cusco-proposal")
    seen: dict[str, Any] = {}

    def fill(form: Any) -> None:
        e_ = form.editors
        seen["given"] = (e_["direction"].value(), e_["partner"].value(), e_["subject"].text(),
                         e_["reply_to"].value(), e_["date"].text())
        save(form)
    when_dialog_opens(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.detail.reply_button.click()
    assert seen["given"] == (e.Direction.OUTGOING, "cusco", "Re: Proposal of a cultural exchange",
                             "cusco-proposal", TODAY.isoformat())
    reply = letters.letters.get(page.selected_key())
    assert reply.reply_to == "cusco-proposal" and reply.reference == f"IR/{YEAR}/0001"
    thread = page.detail.thread
    assert [thread.model.record(r).key for r in range(thread.model.rowCount())] == ["cusco-proposal", reply.key]
    assert cell(page, "cusco-proposal", COL_REPLY) == f"✓ {TODAY.isoformat()}"
    page.reply_combo.select("awaiting")
    assert "cusco-proposal" not in keys(page)


# --- follow-ups, the partner page, the settings --------------------------------------------

def test_a_follow_up_task_added_from_a_letter(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    page.open_record("letter", "cusco-proposal")
    seen: dict[str, Any] = {}

    def fill(form: Any) -> None:
        seen["fixed"] = (form.editors["letter"].isEnabled(), form.editors["partner"].isEnabled())
        qtbot.keyClicks(form.editors["title"], "Ask the culture department")
        save(form)
    when_dialog_opens(fill)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.detail.add_task_button.click()
    assert seen["fixed"] == (False, False)
    task = letters.tasks.get("ask-the-culture-department")
    assert (task.letter, task.partner) == ("cusco-proposal", "cusco")
    assert page.selected_key() == "cusco-proposal"
    assert page.detail.tasks.model.rowCount() == 1 and page.detail.tabs.tabText(1).endswith("(1)")


def test_the_partner_page_opens_a_letter_in_the_register(letters: Desk, qtbot: Any) -> None:
    window, page = open_page(letters, qtbot, "correspondence")
    partners = show_loaded(window, qtbot, "partners")
    partners.open_record("partner", "strasbourg")
    table = partners.detail.letters
    qtbot.waitUntil(lambda: table.model.row_of("strasbourg-programme") >= 0, timeout=10000)
    row = table.model.row_of("strasbourg-programme")
    table.view.activated.emit(table.model.index(row, 0))             # a double click
    assert window.current_section() == "correspondence" and page.selected_key() == "strasbourg-programme"


def test_the_pattern_set_in_the_settings_numbers_the_next_letter(letters: Desk, qtbot: Any) -> None:
    dialog = SettingsDialog("pl", None, letters)
    qtbot.addWidget(dialog)
    box = dialog.correspondence
    box.pattern.setText("KD/{year}")                       # no number: the error at the field, live
    assert box.boxes["reference_pattern"].has_error and "{number}" in box.boxes["reference_pattern"].error.text()
    dialog.accept()
    assert dialog.result() == 0 and letters.policy().reference_pattern == "IR/{year}/{number:04}"
    box.pattern.setText("KD-{number:03}/{year}")
    assert not box.boxes["reference_pattern"].has_error
    assert f"KD-001/{YEAR}, KD-002/{YEAR}" in box.example.text()
    box.dormant.setText("0")
    dialog.accept()
    assert box.boxes["dormant_months"].has_error and dialog.result() == 0
    box.dormant.setText("18")
    dialog.accept()
    assert dialog.result() == 1 and dialog.changes()
    policy = letters.policy()
    assert (policy.reference_pattern, policy.dormant_months) == ("KD-{number:03}/{year}", 18)
    form = LetterForm(letters, None)                      # the next letter, through the form
    qtbot.addWidget(form)
    assert f"KD-001/{YEAR}" in form.boxes["reference"].hint.text()
    form.editors["direction"].set_value(e.Direction.OUTGOING)
    form.editors["subject"].setText("Pierwsze w nowym wzorze")
    assert form.save() and form.saved_reference == f"KD-001/{YEAR}"
    late = letters.letters.create({"key": "late", "direction": "outgoing", "date": "2025-12-30",
                                   "subject": "Entered late"}).record
    # The year's counter goes on: the pattern changes how the number is written, not which it is.
    assert late.reference == "KD-006/2025"
    again = SettingsDialog("pl", None, letters)             # and OK with nothing changed keeps it all
    qtbot.addWidget(again)
    again.accept()
    assert letters.policy().reference_pattern == "KD-{number:03}/{year}" and letters.policy().dormant_months == 18


def test_pattern_problems_are_said_in_polish() -> None:
    assert pattern_problem("IR/{year}/{number:04}") is None
    for bad, said in (("IR/{year}", "musi zawierać {number} dokładnie raz"),
                      ("{number}/{year}/{year}", "{year} może wystąpić tylko raz"),
                      ("{numer}/{number}", "w nawiasach klamrowych mogą stać tylko"),
                      ("{number}" + "x" * 90, "najwyżej 80 znaków")):
        assert said in (pattern_problem(bad) or ""), bad
