"""Two people editing one record: the form that saves second is told who saved first and what,
and chooses; nothing is overwritten silently and the unsaved edit is never lost."""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QDialog  # noqa: E402

from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.conflict_dialog import ConflictDialog  # noqa: E402
from krakow_desk.ui.forms.person import PersonForm  # noqa: E402
from krakow_desk.ui.history_text import field_label  # noqa: E402
from window_helpers import save, when_dialog_opens  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (autouse)

KEY = "maria-przezdziecka"


def edited_form(krakow: Desk, qtbot: Any) -> PersonForm:
    """The person form with the function retyped, and, behind its back, another function and
    notes saved by Anna."""
    form = PersonForm(krakow, KEY)
    qtbot.addWidget(form)
    form.show()
    function = form.editors["function"]
    function.clear()
    qtbot.keyClicks(function, "Honorary Consul")
    other = krakow.people.get(KEY)
    krakow.actor = "Anna Nowak"
    krakow.people.update(KEY, other.model_copy(update={"function": "Consul General", "notes": "Met in May"}))
    return form


def resolve_with(button: str, seen: list[list[tuple[str, str, str]]], heading: list[str]) -> Any:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen.append(dialog.rows())
        heading.append(dialog.heading.text())
        getattr(dialog, button).click()
    return act


def test_keep_mine_saves_my_edit_and_keeps_their_other_change(krakow: Desk, qtbot: Any) -> None:
    form = edited_form(krakow, qtbot)
    seen: list = []
    heading: list = []
    when_dialog_opens(resolve_with("keep_button", seen, heading))
    with qtbot.waitSignal(form.sig_saved, timeout=10000):
        save(form)
    rows = {field: (theirs, mine) for field, theirs, mine in seen[0]}
    assert rows[field_label("person", "function")] == ("Consul General", "Honorary Consul")   # side by side
    assert rows[field_label("person", "notes")][0] == "Met in May"     # their other change is shown...
    assert "Anna Nowak" in heading[0]                                  # ... and who made it
    stored = krakow.people.get(KEY)
    assert stored.function == "Honorary Consul"                        # mine, as chosen
    assert stored.notes == "Met in May"                                # a field I did not touch stays theirs
    assert form.result() == QDialog.DialogCode.Accepted


def test_take_theirs_leaves_theirs_and_shows_it(krakow: Desk, qtbot: Any) -> None:
    form = edited_form(krakow, qtbot)
    seen: list = []
    when_dialog_opens(resolve_with("theirs_button", seen, []))
    save(form)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    stored = krakow.people.get(KEY)
    assert stored.function == "Consul General" and stored.notes == "Met in May"
    assert form.editors["function"].text() == "Consul General"         # the form now shows theirs
    assert not form.is_dirty() and form.isVisible()


def test_back_to_editing_keeps_my_values_marks_theirs_and_saves_over_them(krakow: Desk, qtbot: Any) -> None:
    form = edited_form(krakow, qtbot)
    seen: list = []
    when_dialog_opens(resolve_with("back_button", seen, []))
    save(form)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert krakow.people.get(KEY).function == "Consul General"         # nothing saved yet
    function = form.editors["function"]
    assert function.text() == "Honorary Consul"                        # my edit stays in the form
    assert "Consul General" in function.toolTip()                      # theirs beside it
    assert form.theirs_notes["function"].isVisibleTo(form)
    assert form.editors["notes"].value() == "Met in May"               # their untouched change is taken in
    with qtbot.waitSignal(form.sig_saved, timeout=10000):
        save(form)                                                     # now expected: their version
    stored = krakow.people.get(KEY)
    assert (stored.function, stored.notes) == ("Honorary Consul", "Met in May")


def test_a_form_saved_twice_without_conflict_needs_no_question(krakow: Desk, qtbot: Any) -> None:
    form = PersonForm(krakow, KEY)
    qtbot.addWidget(form)
    form.show()
    form.editors["function"].clear()
    qtbot.keyClicks(form.editors["function"], "Consul")
    assert form.save() is True
    again = PersonForm(krakow, KEY)
    qtbot.addWidget(again)
    again.editors["function"].end(False)
    qtbot.keyClicks(again.editors["function"], " General")
    assert again.save() is True and krakow.people.get(KEY).function == "Consul General"
