"""``krakow-desk demo``: synthetic partners with their records, valid, searchable and repeatable."""

import json
import random
import re
import string
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from krakow_desk.cli import main
from krakow_desk.domain import schema as s
from krakow_desk.domain.text import _EXTRA, fold
from krakow_desk.services.dataset import export_dataset
from krakow_desk.services.demo import RECORDS_PER_PARTNER, add_demo
from krakow_desk.services.desk import Desk
from krakow_desk.store import search_index

pytest.importorskip("faker")

KINDS = ("people", "visits", "letters", "gifts", "agreements", "tasks")


def demo_records(dataset: s.Dataset) -> dict[str, list]:
    return {kind: [r for r in getattr(dataset, kind) if r.key.startswith("demo-")]
            for kind in ("partners", *KINDS)}


def test_demo_partners_come_with_their_records_and_pass_validation(krakow: Desk) -> None:
    before = export_dataset(krakow)
    report = add_demo(krakow, 3)
    assert (report.partners, report.first, report.records) == (3, 0, 3 * RECORDS_PER_PARTNER)
    dataset = export_dataset(krakow)
    # What was there is untouched; the new records come on top.
    assert len(dataset.partners) == len(before.partners) + 3
    demo = demo_records(dataset)
    assert [p.key for p in demo["partners"]] == ["demo-0", "demo-1", "demo-2"]
    assert {kind: len(demo[kind]) for kind in KINDS} == {
        "people": 30, "visits": 60, "letters": 150, "gifts": 30, "agreements": 15, "tasks": 15}
    # Every record passes the validated models, as an exported file would be read back.
    again = s.Dataset.model_validate(json.loads(dataset.model_dump_json()))
    assert len(again.letters) == len(dataset.letters)
    for visit in demo["visits"]:
        assert visit.partners and len(visit.programme) == 3 and len(visit.participants) == 3
        assert any(p.person for p in visit.participants)
    for person in demo["people"]:
        assert person.affiliations[0].partner.startswith("demo-") and person.emails
    # Letters are numbered in the office's pattern, never twice.
    references = [letter.reference for letter in dataset.letters if letter.reference]
    assert len(references) == len(set(references))
    assert all(re.fullmatch(r"IR/\d{4}/\d{4,}", letter.reference) for letter in demo["letters"])
    # The partners speak several languages: names come from more than one locale.
    assert len({p.country for p in demo["partners"]}) == 3


def test_a_second_run_adds_new_partners(desk: Desk) -> None:
    add_demo(desk, 2)
    report = add_demo(desk, 2)
    assert report.first == 2
    assert sorted(p.key for p in desk.partners.all()) == ["demo-0", "demo-1", "demo-2", "demo-3"]
    assert desk.people.count() == 40
    # A new record saved the ordinary way gets a fresh id and the next letter number.
    changes = desk.letters.create({"key": "after-demo", "direction": "incoming", "date": "2030-12-31",
                                   "subject": "Po danych demonstracyjnych"})
    assert changes
    assert desk.letters.find("after-demo").reference not in {
        letter.reference for letter in desk.letters.all() if letter.key != "after-demo"}


def test_demo_records_are_found_by_search(desk: Desk) -> None:
    add_demo(desk, 2)
    partner = desk.partners.find("demo-1")
    hits = desk.search(partner.name, limit=50)
    assert any(hit.kind == "partner" and hit.id == "demo-1" for hit in hits)
    person = desk.people.find("demo-0-person-4")
    hits = desk.search(f"{person.given_name} {person.family_name}", limit=50)
    assert any(hit.id == "demo-0-person-4" for hit in hits)
    kinds = Counter(hit.kind for hit in desk.search("delegacja z miasta", limit=500))
    assert kinds["visit"] > 0


def test_the_same_scale_gives_the_same_data(tmp_path: Path) -> None:
    exports = []
    for name in ("a", "b"):
        with Desk.open(str(tmp_path / f"{name}.sqlite3"), create=True) as desk:
            add_demo(desk, 2)
            exports.append(export_dataset(desk).model_dump(mode="json"))
    assert exports[0] == exports[1]


def test_demo_command_then_search_agenda_records_and_dossier(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["--db", db, "--lang", "en", "demo", "--scale", "10"]) == 0
    out, err = capsys.readouterr()
    assert "Added 10 partners and 1010 records" in out and "records/s" in out
    assert "10 of 10 partners" in err   # progress
    with Desk.open(db) as desk:
        assert desk.partners.find("kyiv") is not None   # a new database gets Krakow's data first
        name = desk.partners.find("demo-7").name
    assert main(["--db", db, "search", name, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {"kind": "partner", "id": "demo-7"}.items() <= hits[0].items() or any(
        hit["id"] == "demo-7" for hit in hits)
    assert main(["--db", db, "agenda", "--days", "3650", "--json"]) == 0
    agenda = json.loads(capsys.readouterr().out)
    assert agenda["overdue"] and agenda["upcoming_visits"]
    assert main(["--db", db, "records", "--json"]) == 0
    assert "farthest" in json.loads(capsys.readouterr().out)
    pdf = tmp_path / "demo-7.pdf"
    assert main(["--db", db, "--lang", "en", "report", "dossier", "demo-7", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def _fold_by_hand(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


def test_fast_folding_folds_as_the_character_walk_does() -> None:
    # The index's shortcuts for ASCII and Latin text must not change a single token.
    rng = random.Random(7)
    alphabet = string.printable + "ąćęłńóśźżĄĆĘŁŃÓŚŹŻäöüßøæœıİﬁ²Ⅻ\u0301\u034f éÉ한國Київ\u200b\u00a0"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(25)))
        assert fold(text) == _fold_by_hand(text), repr(text)
        words = "".join(ch if search_index._is_token_char(ch) else " " for ch in _fold_by_hand(text)).split()
        assert search_index.tokens(text) == [w[:search_index.MAX_TOKEN_LENGTH] for w in words]
