"""The change history (who, when, which record, each field) and its hash chain; edit conflicts."""

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import Conflict, DeskError
from history_helpers import tamper

PARTNER = {"key": "lwow", "name": "Lwów", "name_en": "Lviv", "country": "UA"}


def test_every_write_is_logged_with_who_and_each_field(desk: Desk) -> None:
    desk.actor = "Anna Kowalska"
    desk.partners.create(PARTNER)
    desk.partners.update("lwow", {**PARTNER, "population": 717_000, "notes": 'a <b> & "c" =1+1'})
    desk.partners.update("lwow", {**PARTNER, "population": 717_000, "notes": 'a <b> & "c" =1+1'})  # no change
    desk.partners.delete("lwow")
    entries = desk.history.of("partner", "lwow")
    assert [e.action for e in entries] == ["deleted", "updated", "created"]
    assert {e.actor for e in entries} == {"Anna Kowalska"}
    update = {c.field: (c.old, c.new) for c in entries[1].changes}
    assert update == {"population": (None, 717_000), "notes": (None, 'a <b> & "c" =1+1')}
    created = {c.field: c.new for c in entries[2].changes}
    assert created["name"] == "Lwów" and created["country"] == "UA"
    deleted = {c.field: c.old for c in entries[0].changes}
    assert deleted["population"] == 717_000     # what was deleted can still be read
    assert entries[0].at >= entries[2].at
    assert desk.history.verify() == []


def test_an_import_logs_each_record_and_a_dry_run_nothing(krakow: Desk) -> None:
    from krakow_desk.services.dataset import export_dataset, import_dataset
    before = krakow.history.count()
    assert before > 300     # Krakow's data, loaded through the services, is in the history
    dataset = export_dataset(krakow)
    partner = dataset.partners[0].model_copy(update={"notes": "changed by the import"})
    dataset = dataset.model_copy(update={"partners": [partner, *dataset.partners[1:]]})
    import_dataset(krakow, dataset, dry_run=True)
    assert krakow.history.count() == before
    import_dataset(krakow, dataset)
    assert krakow.history.count() == before + 1
    (entry,) = krakow.history.log(limit=1)
    assert (entry.kind, entry.key, entry.action) == ("partner", partner.key, "updated")
    assert [c.field for c in entry.changes] == ["notes"]
    assert krakow.history.verify() == []


def test_settings_and_documents_are_logged(desk: Desk, tmp_path: Path) -> None:
    desk.set_policy({**desk.policy().model_dump(), "gift_threshold": 500})
    (entry,) = desk.history.log(limit=1)
    assert (entry.kind, entry.action) == ("setting", "created")
    assert str({c.field: c.new for c in entry.changes}["gift_threshold"]) == "500"
    desk.partners.create(PARTNER)
    desk.agreements.create({"key": "a1", "partner": "lwow", "kind": "partnership_agreement", "title": "Umowa"})
    note = tmp_path / "umowa.png"
    note.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    try:
        info = desk.documents.attach("agreement", "a1", note)
    except DeskError:
        pytest.skip("the document store refuses this stand-in file")
    desk.documents.remove(info.id)
    actions = [e.action for e in desk.history.of("agreement", "a1")]
    assert actions[:2] == ["detached", "attached"]


@pytest.mark.parametrize("statement, problem", [
    ("UPDATE change_log SET changes = '{}' WHERE id = 2", "other changes"),
    ("UPDATE change_log SET actor = 'nobody' WHERE id = 2", "does not match its hash"),
    ("DELETE FROM change_log WHERE id = 2", "does not follow"),
    ("DELETE FROM change_log WHERE id = 3", "removed or replaced"),
    ("UPDATE change_log SET redacted = TRUE, changes = '{}' WHERE id = 2", "no erasure names it"),
])
def test_the_chain_check_catches_an_edited_history(desk: Desk, statement: str, problem: str) -> None:
    from krakow_desk import i18n
    i18n.set_language("en")
    desk.partners.create(PARTNER)
    desk.partners.update("lwow", {**PARTNER, "population": 1})
    desk.partners.update("lwow", {**PARTNER, "population": 2})
    assert desk.history.verify() == []
    tamper(desk, statement)
    problems = desk.history.verify()
    assert problems and any(problem in text for text in problems), problems


def test_the_database_refuses_to_edit_or_delete_history(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    for statement in ("UPDATE change_log SET actor = 'x'", "DELETE FROM change_log"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            with desk.engine.begin() as connection:
                connection.exec_driver_sql(statement)
    assert desk.history.count() == 1 and desk.history.verify() == []


def test_two_desks_writing_at_once_keep_one_unbroken_chain(db_url: str) -> None:
    with Desk.open(db_url, create=True) as first, Desk.open(db_url) as second:
        errors: list[BaseException] = []

        def write(desk: Desk, prefix: str) -> None:
            try:
                for n in range(15):
                    desk.partners.create({"key": f"{prefix}-{n}", "name": f"{prefix} {n}", "country": "PL"})
            except BaseException as error:  # noqa: BLE001 — reported below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(d, p)) for d, p in ((first, "a"), (second, "b"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert first.history.count() == 30
        assert first.history.verify() == []


def test_a_save_from_an_older_copy_is_a_conflict_showing_both(desk: Desk) -> None:
    desk.partners.create(PARTNER)
    mine = desk.partners.get_versioned("lwow")
    desk.actor = "Piotr"
    theirs = desk.partners.update("lwow", {**PARTNER, "notes": "theirs"}, expected_version=mine.version)
    assert theirs.version == mine.version + 1
    desk.actor = "Anna"
    with pytest.raises(Conflict) as caught:
        desk.partners.update("lwow", {**PARTNER, "notes": "mine"}, expected_version=mine.version)
    conflict = caught.value
    assert conflict.theirs.notes == "theirs" and conflict.mine.notes == "mine"
    assert conflict.by.actor == "Piotr" and "Piotr" in conflict.message
    assert desk.partners.get("lwow").notes == "theirs"   # nothing overwritten
    # Having seen both, the person may keep theirs or save again against the newer version.
    kept = desk.partners.update("lwow", {**PARTNER, "notes": "mine"}, expected_version=conflict.version)
    assert kept.record.notes == "mine"


def test_two_people_saving_the_same_version_at_once_one_wins(db_url: str) -> None:
    with Desk.open(db_url, create=True) as first, Desk.open(db_url) as second:
        first.partners.create(PARTNER)
        version = first.partners.get_versioned("lwow").version
        outcomes: list[str] = []
        barrier = threading.Barrier(2)

        def save(desk: Desk, notes: str) -> None:
            barrier.wait()
            try:
                desk.partners.update("lwow", {**PARTNER, "notes": notes}, expected_version=version)
                outcomes.append("saved")
            except Conflict:
                outcomes.append("conflict")

        threads = [threading.Thread(target=save, args=(d, n)) for d, n in ((first, "one"), (second, "two"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["conflict", "saved"]
        assert first.history.verify() == []


def test_check_reports_an_edited_history(desk: Desk) -> None:
    from krakow_desk.services.health import check
    desk.partners.create(PARTNER)
    desk.partners.update("lwow", {**PARTNER, "population": 1})
    assert check(desk).ok
    tamper(desk, "UPDATE change_log SET changes = '{\"population\": [null, 2]}' WHERE id = 2")
    report = check(desk)
    from krakow_desk.i18n import _
    assert [problem.area for problem in report.problems] == [_("history")]
    assert "2" in report.problems[0].message


def test_an_older_database_upgrades_with_its_data_and_starts_its_history(krakow: Desk) -> None:
    from krakow_desk.store import migrate
    from krakow_desk.services.dataset import export_dataset
    before = export_dataset(krakow)
    migrate.downgrade(krakow.engine, "0003")
    migrate.upgrade(krakow.engine)
    assert export_dataset(krakow) == before
    assert krakow.history.count() == 0 and krakow.history.verify() == []
    record = krakow.partners.get_versioned("kyiv")
    assert record.version == 1
    krakow.partners.update("kyiv", {**record.record.model_dump(), "notes": "x"}, expected_version=1)
    assert [e.action for e in krakow.history.of("partner", "kyiv")] == ["updated"]
