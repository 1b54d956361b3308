"""The change history in the window: a record's History tab and the whole log with its check."""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from datetime import datetime, timezone  # noqa: E402

from krakow_desk.i18n import _, ngettext  # noqa: E402
from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.services.history import FieldChange, HistoryEntry  # noqa: E402
from krakow_desk.ui.history_text import change_text, field_label  # noqa: E402
from history_helpers import tamper  # noqa: E402
from window_helpers import open_page  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (autouse)


def history_tab(qtbot: Any, detail: Any, tabs: Any, panel: Any) -> str:
    """Bring the History tab forward and wait for the record's history to be read."""
    with qtbot.waitSignal(panel.sig_loaded, timeout=10000):
        tabs.setCurrentWidget(panel)
    return panel.text()


# --- a record's History tab ------------------------------------------------------------------

def test_the_partner_history_tab_shows_a_change_field_by_field(krakow: Desk, qtbot: Any) -> None:
    kyiv = krakow.partners.get("kyiv")
    krakow.actor = "Anna Nowak"
    krakow.partners.update("kyiv", kyiv.model_copy(update={"population": 2_950_000, "notes": "x" * 300}))
    window, page = open_page(krakow, qtbot, "partners")
    page.open_record("partner", "kyiv")
    view = page.detail
    text = history_tab(qtbot, view, view.tabs, view.history)
    first = text.splitlines()[0]
    assert "Anna Nowak" in first and _("changed") in first            # newest first: who and what
    population = field_label("partner", "population")
    assert population == "Ludność"                                    # the column header, in Polish
    assert f"{population}: {kyiv.population} → 2950000" in text      # old → new, named as people read it
    notes_line = next(line for line in text.splitlines() if line.strip().startswith(field_label("partner", "notes")))
    assert "…" in notes_line and len(notes_line) < 160                  # a long value is cut short
    top = view.history.tree.topLevelItem(0)
    notes_item = next(top.child(i) for i in range(top.childCount())
                      if top.child(i).text(3).startswith(field_label("partner", "notes")))
    assert "x" * 300 in notes_item.toolTip(3)                           # ... and whole in the tooltip
    # The page refreshes when the record changes (through another page, or the services' broadcast).
    with qtbot.waitSignal(view.history.sig_loaded, timeout=10000):
        saved = krakow.partners.update("kyiv", krakow.partners.get("kyiv").model_copy(update={"population": 3_000_000}))
        window.broadcast(saved.changes)
    assert "2950000 → 3000000" in view.history.text().splitlines()[0]


def test_the_person_page_has_a_history_tab(krakow: Desk, qtbot: Any) -> None:
    person = krakow.people.get("maria-przezdziecka")
    krakow.people.update(person.key, person.model_copy(update={"function": "Consul General"}))
    window, page = open_page(krakow, qtbot, "people")
    page.open_record("person", person.key)
    detail = page.detail
    text = history_tab(qtbot, detail, detail.tabs, detail.history)
    assert f"{field_label('person', 'function')}: {person.function[:40]}" in text and "→ Consul General" in text


def test_nested_rows_are_counted_and_values_read_as_people_say_them() -> None:
    old = [{"name": "A"}, {"name": "B"}, {"name": "C"}]
    text, tip = change_text("visit", "updated", "participants", old, old + [{"name": "Jan Kowalski", "role": "mayor"}])
    four = ngettext("{n} item", "{n} items", 4).format(n=4)
    assert text == f"{field_label('visit', 'participants')}: 3 → {four}"
    assert "Jan Kowalski" in tip
    text, _tip = change_text("partner", "updated", "is_capital", False, True)
    assert text.endswith(f"{_('no')} → {_('yes')}")
    text, _tip = change_text("partner", "updated", "category", None, "twin_city")
    assert text.endswith("— → " + _("twin city"))


def test_a_visit_and_a_letter_have_a_history_tab(krakow: Desk, qtbot: Any) -> None:
    visit = krakow.visits.all()[0]
    krakow.visits.update(visit.key, visit.model_copy(update={"place": "Sukiennice"}))
    window, page = open_page(krakow, qtbot, "visits")
    page.open_record("visit", visit.key)
    detail = page.detail
    assert "Sukiennice" in history_tab(qtbot, detail, detail.tabs, detail.history)
    letter = krakow.letters.create({"key": "kyiv-greetings", "direction": "outgoing", "date": "2025-11-20",
                                    "partner": "kyiv", "subject": "Greetings on the City Day"}).record
    krakow.letters.update(letter.key, letter.model_copy(update={"summary": "Odpowiedz w sprawie wizyty"}))
    page = window.show_section("correspondence")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.activate()
    page.open_record("letter", letter.key)
    detail = page.detail
    assert "Odpowiedz w sprawie wizyty" in history_tab(qtbot, detail, detail.tabs, detail.history)


# --- the whole log ---------------------------------------------------------------------------

def open_log(window: Any, qtbot: Any) -> Any:
    log = window.open_change_log()
    qtbot.waitUntil(lambda: log.tree.topLevelItemCount() > 0, timeout=10000)
    return log


def test_the_change_log_lists_pages_filters_and_opens_records(krakow: Desk, qtbot: Any) -> None:
    krakow.actor = "Anna Nowak"
    person = krakow.people.get("maria-przezdziecka")
    krakow.people.update(person.key, person.model_copy(update={"function": "Consul"}))
    window, _page = open_page(krakow, qtbot, "agenda")
    log = open_log(window, qtbot)
    total = krakow.history.count()
    assert log.tree.topLevelItemCount() == min(total, 200)
    newest = log.tree.entries()[0]
    assert (newest.kind, newest.key, newest.actor) == ("person", person.key, "Anna Nowak")
    if total > 200:
        with qtbot.waitSignal(log.sig_loaded, timeout=10000):
            log.more_button.click()
        assert log.tree.topLevelItemCount() == min(total, 400)
        ids = [e.id for e in log.tree.entries()]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    with qtbot.waitSignal(log.sig_loaded, timeout=10000):
        log.kind_combo.select("person")
    assert {e.kind for e in log.tree.entries()} == {"person"}
    qtbot.waitUntil(lambda: log.actor_combo.findData("Anna Nowak") >= 0, timeout=10000)
    with qtbot.waitSignal(log.sig_loaded, timeout=10000):
        log.actor_combo.select("Anna Nowak")
    assert [e.key for e in log.tree.entries()] == [person.key]
    # Double click (activation) opens the record in its section.
    log.tree.itemActivated.emit(log.tree.topLevelItem(0), 0)
    assert window.current_section() == "people"
    people = window.pages["people"]
    qtbot.waitUntil(lambda: people.selected_key() == person.key, timeout=10000)


def test_verify_says_intact_then_names_the_altered_entry(krakow: Desk, qtbot: Any) -> None:
    window, _page = open_page(krakow, qtbot, "agenda")
    log = open_log(window, qtbot)
    with qtbot.waitSignal(log.sig_verified, timeout=30000) as verified:
        log.verify_button.click()
    assert verified.args[0] == []
    count = krakow.history.count()
    assert log.verdict.text() == _("The history is intact: {n} entries checked.").format(n=count) or \
        str(count) in log.verdict.text()
    tamper(krakow, "UPDATE change_log SET actor = 'mallory' WHERE id = 3")
    with qtbot.waitSignal(log.sig_verified, timeout=30000) as verified:
        log.verify_button.click()
    problems = verified.args[0]
    assert problems and any("3" in p for p in problems)
    assert problems[0] in log.verdict.text()


def test_an_entry_shows_local_time_and_its_kind() -> None:
    from krakow_desk.ui.history_view import HistoryTree
    entry = HistoryEntry(1, datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc), "anna", "gift", "vase", "created",
                         (FieldChange("description", None, "Vase"),), False)
    tree = HistoryTree(with_record=True, expanded=False)
    tree.set_entries([entry])
    local = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc).astimezone()
    assert tree.topLevelItem(0).text(0) == f"2026-03-05 {local:%H:%M}"
    assert tree.topLevelItem(0).text(2) == _("gift")
    assert tree.topLevelItem(0).text(5) == f"{field_label('gift', 'description')}: Vase"
