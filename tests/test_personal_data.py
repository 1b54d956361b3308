"""Personal data: everything held about a person as JSON, and erasing it (history included)."""

import json
from pathlib import Path

import pytest

from krakow_desk.cli import main
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError

PERSON = {"key": "olena-kovalenko", "given_name": "Olena", "family_name": "Kovalenko",
          "name_native": "Олена Коваленко", "emails": ["olena@kyivcity.gov.ua"], "phones": ["+380 44 123"],
          "dietary_notes": "vegetarian", "retention_note": "until the end of her term (2027)"}


@pytest.fixture
def olena(krakow: Desk) -> Desk:
    krakow.people.create(PERSON)
    visit = krakow.visits.all()[0]
    data = visit.model_dump()
    data["participants"] = [*data["participants"],
                            {"person": PERSON["key"], "name": "Olena Kovalenko", "side": "guest"}]
    krakow.visits.update(visit.key, data)
    krakow.gifts.create({"key": "vase-2026", "direction": "received", "description": "Vase",
                         "giver": "Olena Kovalenko, deputy mayor", "partner": "kyiv"})
    krakow.people.update(PERSON["key"], {**PERSON, "notes": "prefers tea"})
    return krakow


def test_everything_held_about_a_person_exports_as_json(olena: Desk, tmp_path: Path) -> None:
    path = olena.people.export_personal_data(PERSON["key"], tmp_path / "olena.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["person"]["name_native"] == "Олена Коваленко"
    assert data["person"]["retention_note"] == "until the end of her term (2027)"
    assert [v["name"] for v in data["visits"]] == ["Olena Kovalenko"]
    assert [g["key"] for g in data["gifts"]] == ["vase-2026"]
    assert [h["action"] for h in data["history"]] == ["updated", "created"]


def test_erasing_a_person_keeps_anonymous_links_and_clears_the_history(olena: Desk) -> None:
    changes = olena.people.erase(PERSON["key"])
    (new_key,) = [key for kind, key in changes.updated if kind == "person"]
    with pytest.raises(DeskError):
        olena.people.get(PERSON["key"])
    erased = olena.people.get(new_key)
    assert erased.erased_on is not None and erased.family_name == "[erased]"
    assert erased.given_name is None and erased.emails == [] and erased.dietary_notes is None
    # The delegation still counts a participant and the gifts register keeps its entry.
    visit = olena.visits.get([key for kind, key in changes.updated if kind == "visit"][0])
    (link,) = [p for p in visit.participants if p.person == new_key]
    assert link.name is None
    assert olena.gifts.get("vase-2026").giver == "[erased]"
    assert olena.search("kovalenko") == [] and olena.search("Коваленко") == []
    # No history entry keeps her values, and the chain still verifies.
    dump = json.dumps([e.as_json() for e in olena.history.log(limit=5000)], ensure_ascii=False)
    for value in ("Kovalenko", "Коваленко", "olena@kyivcity", "vegetarian", "prefers tea", "+380"):
        assert value not in dump
    assert olena.history.verify() == []
    (entry,) = olena.history.log(limit=1)
    assert (entry.action, entry.key) == ("erased", new_key)
    with pytest.raises(DeskError, match="już usunięte"):
        olena.people.erase(new_key)


def test_the_command_line_exports_and_erases(olena: Desk, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = olena.url
    out = tmp_path / "p.json"
    assert main(["--db", db, "person", "export", PERSON["key"], "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["key"] == PERSON["key"]
    assert main(["--db", db, "person", "erase", PERSON["key"]]) == 1     # asks for --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", db, "person", "erase", PERSON["key"], "--yes"]) == 0
    assert main(["--db", db, "person", "export", PERSON["key"], "-o", str(out)]) == 1
