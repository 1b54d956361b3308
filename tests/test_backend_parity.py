"""PostgreSQL answers as SQLite does: the same search hits, records, agenda and export."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from krakow_desk.services.dataset import export_dataset
from krakow_desk.services.desk import Desk

QUERIES = ["kijow", "Kijów", "KIJOW", "lodz", "Łódź", "krak", "krakow", "Київ", "南京", "თბილისი", "فاس",
           "wien", "wiedeń", "wiedn", "nuremberg", "norymberga", "zolkiew", "bordeaux", "univ",
           "sister", "umowa", "miasta partnerskie", "dni krakowa", "delegacja", "prezydent",
           "tramwaj", "wóz strażacki", "goteborg", "göteborg", "sao paulo", "quito", "edynburg",
           "a\"b", "NEAR(", "x-y", "o'reilly", "%", "_", "   ", "ł", "z"]


@pytest.fixture
def both(krakow: Desk, _krakow_template: Path, tmp_path: Path, db_url: str):  # noqa: ANN201
    if not db_url.startswith("postgresql"):
        pytest.skip("compares PostgreSQL with SQLite")
    copy = tmp_path / "sqlite.sqlite3"
    shutil.copyfile(_krakow_template, copy)
    with Desk.open(f"sqlite:///{copy}") as lite:
        yield lite, krakow


def test_search_finds_the_same_in_the_same_order(both) -> None:  # noqa: ANN001
    lite, server = both
    found = 0
    for text in QUERIES:
        hits = [(h.kind, h.id) for h in lite.search(text, limit=50)]
        assert [(h.kind, h.id) for h in server.search(text, limit=50)] == hits, text
        found += bool(hits)
    assert found >= 25   # the comparison is about real hits, not two empty lists


def test_records_agenda_and_the_dataset_agree(both) -> None:  # noqa: ANN001
    lite, server = both
    assert server.records(date(2026, 1, 1)) == lite.records(date(2026, 1, 1))
    assert server.agenda(90, date(2006, 1, 1)).as_json() == lite.agenda(90, date(2006, 1, 1)).as_json()
    assert export_dataset(server) == export_dataset(lite)
