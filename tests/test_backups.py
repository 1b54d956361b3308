"""Backups: written checked and whole, kept by the retention rule, made before what rewrites much,
and restored — also from a SQLite backup into PostgreSQL and back without losing anything."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from krakow_desk.cli import main
from krakow_desk.services import backups
from krakow_desk.services.dataset import export_dataset
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.store import migrate
from krakow_desk.store.backups import backup_name, list_backups, parse_name, to_keep
from krakow_desk.store.engine import create_engine

UTC = dt.timezone.utc



@pytest.fixture(autouse=True)
def _english() -> None:
    # Messages are checked in English, whatever the state of the Polish catalog.
    from krakow_desk import i18n
    i18n.set_language("en")

# --- the retention rule --------------------------------------------------------------------

def test_retention_keeps_days_weeks_months_and_the_newest_five() -> None:
    now = dt.datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
    # Two backups a day for 400 days.
    times = [now - dt.timedelta(hours=12 * n + 1) for n in range(800)]
    keep = to_keep(times, now)
    days = {when.date() for when in keep}
    # The newest of each of the last 7 days (the current one included)…
    for n in range(7):
        day = (now - dt.timedelta(days=n)).date()
        assert max(w for w in times if w.date() == day) in keep
    # …of each of the last 4 ISO weeks and 12 months, and nothing older than a year.
    for n in range(4):
        week = (now - dt.timedelta(weeks=n)).date().isocalendar()[:2]
        assert max(w for w in times if w.date().isocalendar()[:2] == week) in keep
    assert dt.date(2026, 1, 31) in days and dt.date(2025, 12, 31) not in days
    assert all(when > now - dt.timedelta(days=366) for when in keep)
    assert len(keep) <= 5 + 7 + 4 + 12
    assert set(sorted(times, reverse=True)[:5]) <= keep


def test_retention_always_keeps_the_five_newest_however_old() -> None:
    now = dt.datetime(2026, 12, 4, tzinfo=UTC)
    old = [dt.datetime(2020, 1, d, tzinfo=UTC) for d in range(1, 9)]
    assert to_keep(old, now) == set(sorted(old)[-5:])


def test_backup_names_carry_time_and_reason() -> None:
    when = dt.datetime(2026, 12, 4, 17, 30, tzinfo=UTC)
    name = backup_name(when, "daily")
    assert name == "krakow-desk-20261204T173000000000Z-daily.sqlite3"
    assert parse_name(Path(name)) == (when, "daily")
    assert parse_name(Path("krakow-desk-20261204T173000Z-manual.sqlite3")) == (when, "manual")
    assert parse_name(Path("notes.txt")) is None


# --- writing backups -----------------------------------------------------------------------

def test_a_backup_is_a_whole_checked_copy_beside_the_database(krakow: Desk) -> None:
    path = backups.backup(krakow)
    folder = backups.backups_folder(krakow)
    if krakow.engine.url.get_backend_name() == "sqlite":
        assert folder == Path(krakow.location).with_name(Path(krakow.location).name + "-backups")
    assert path.parent == folder and [b.path for b in backups.list_backups(krakow)] == [path]
    assert [f.name for f in folder.iterdir()] == [path.name]   # no temporary file left behind
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"   # one file
    finally:
        connection.close()
    with Desk.open(str(path)) as copy:
        assert export_dataset(copy) == export_dataset(krakow)
        assert [hit.id for hit in copy.search("kijow")][:1] == ["kyiv"]   # the index rebuilt


def test_backups_go_where_the_environment_says(krakow: Desk, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRAKOW_DESK_BACKUPS", str(tmp_path / "elsewhere"))
    assert backups.backup(krakow).parent == tmp_path / "elsewhere"


def test_the_daily_backup_is_made_once_a_day_and_old_ones_pruned(desk: Desk) -> None:
    start = dt.datetime(2026, 1, 1, 9, tzinfo=UTC)
    made = [backups.backup_if_due(desk, start + dt.timedelta(hours=6 * n)) for n in range(4 * 16)]
    assert sum(path is not None for path in made) == 16          # one a day for 16 days
    kept = list_backups(backups.backups_folder(desk))
    assert {b.reason for b in kept} == {"daily"}
    # The last 7 days, and the newest of the older weeks: not all 16.
    assert 7 <= len(kept) < 16


def test_a_migration_is_preceded_by_a_backup_a_new_database_is_not(tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite3"
    Desk.open(str(new), create=True).close()
    assert not list_backups(new.with_name(new.name + "-backups"))
    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    migrate.upgrade(engine, "0003")
    engine.dispose()
    Desk.open(str(old), create=True).close()
    found = list_backups(old.with_name(old.name + "-backups"))
    assert [b.reason for b in found] == ["before-migration"]
    assert backups.check_backup(found[0].path) == "0003"   # the data as it was before


def test_an_import_that_writes_is_preceded_by_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "k.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    people = tmp_path / "people.csv"
    people.write_text("key;given_name;family_name\nnowak-jan;Jan;Nowak\n", encoding="utf-8")
    folder = db.with_name(db.name + "-backups")
    assert main(["--db", str(db), "import", str(people), "--kind", "people", "--dry-run"]) == 0
    assert not list_backups(folder)
    assert main(["--db", str(db), "import", str(people), "--kind", "people"]) == 0
    assert [b.reason for b in list_backups(folder)] == ["before-import"]
    with Desk.open(str(list_backups(folder)[0].path)) as before:
        assert before.people.find("nowak-jan") is None


# --- restoring -----------------------------------------------------------------------------

def test_restore_brings_back_the_data_and_keeps_what_it_replaced(krakow: Desk) -> None:
    saved = backups.backup(krakow)
    before = export_dataset(krakow)
    gift = krakow.gifts.all()[0].key
    krakow.gifts.delete(gift)
    krakow.partners.create({"key": "lund", "name": "Lund", "country": "SE"})
    kept = backups.restore(krakow, saved)
    assert export_dataset(krakow) == before
    (restored,) = krakow.history.log(limit=1)   # the backup's history goes on with the restore
    assert (restored.kind, restored.action) == ("database", "restored")
    assert {c.field: c.new for c in restored.changes}["backup"] == saved.name
    assert not krakow.history.of("partner", "lund") and krakow.history.verify() == []
    assert krakow.partners.create({"key": "lund", "name": "Lund", "country": "SE"}).record.key == "lund"
    assert kept is not None and parse_name(kept)[1] == "before-restore"
    with Desk.open(str(kept)) as replaced:
        assert replaced.gifts.find(gift) is None and replaced.partners.find("lund") is not None


def test_sqlite_to_postgresql_and_back_gives_the_same_dataset(desk: Desk, _krakow_template: Path,
                                                               tmp_path: Path) -> None:
    """How an office moves its desk file to the shared server: restore the file there."""
    with Desk.open(str(_krakow_template)) as original:
        expected = export_dataset(original)
    backups.restore(desk, _krakow_template)
    assert export_dataset(desk) == expected
    assert [hit.id for hit in desk.search("kijow")][:1] == ["kyiv"]
    desk.partners.create({"key": "lund", "name": "Lund", "country": "SE"})   # ids go on after the copy
    desk.partners.delete("lund")
    back = backups.backup(desk, tmp_path / "back.sqlite3")
    with Desk.open(str(back)) as copy:
        assert export_dataset(copy) == expected


def test_restore_refuses_what_is_not_a_sound_backup(desk: Desk, krakow: Desk, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(DeskError, match="SQLite"):
        backups.restore(desk, text)
    newer = backups.backup(krakow, tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DeskError, match="newer version"):
        backups.restore(desk, newer)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(DeskError, match="schema version"):
        backups.restore(desk, foreign)
    broken = backups.backup(krakow, tmp_path / "broken.sqlite3")
    data = bytearray(broken.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8192] = b"\xff" * 8192
    broken.write_bytes(bytes(data))
    with pytest.raises(DeskError, match="damaged"):
        backups.restore(desk, broken)
    assert not backups.list_backups(desk)   # refused before anything was touched


def test_an_older_backup_is_migrated_on_a_copy(tmp_path: Path, _krakow_template: Path) -> None:
    old = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{old}")
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO setting (key, value) VALUES ('marker', :v)"),
                           {"v": '"from 0003"'})
    engine.dispose()
    target = tmp_path / "k.sqlite3"
    target.write_bytes(_krakow_template.read_bytes())
    with Desk.open(str(target)) as desk:
        backups.restore(desk, old)
        assert desk.partners.count() == 0
        with desk.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT value FROM setting WHERE key = 'marker'")).scalar() \
                in ("from 0003", '"from 0003"')
    assert backups.check_backup(old) == "0003"   # the backup itself is left as it was


# --- the commands --------------------------------------------------------------------------

def test_backup_list_restore_through_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "k.sqlite3")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "--lang", "en", "backup", "-o", str(tmp_path / "mine.sqlite3")]) == 0
    assert main(["--db", db, "--lang", "en", "backup"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "backup", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "by hand" in listing and "-manual.sqlite3" in listing and "UTC" in listing
    with Desk.open(db) as desk:
        desk.partners.create({"key": "lund", "name": "Lund", "country": "SE"})
    assert main(["--db", db, "--lang", "en", "restore", str(tmp_path / "mine.sqlite3")]) == 0
    assert "before-restore" in capsys.readouterr().out
    with Desk.open(db) as desk:
        assert desk.partners.find("lund") is None
    assert main(["--db", db, "--lang", "en", "restore", str(tmp_path / "nothing.sqlite3")]) == 1
    assert "no backup file" in capsys.readouterr().err


def test_a_desk_file_moves_to_an_empty_database_through_the_command_line(
        db_url: str, _krakow_template: Path, capsys: pytest.CaptureFixture) -> None:
    """`krakow-desk --db postgresql+psycopg://… restore krakow-desk.sqlite3` fills a new server."""
    assert main(["--db", db_url, "--lang", "en", "restore", str(_krakow_template)]) == 0
    assert "Restored" in capsys.readouterr().out
    with Desk.open(db_url) as desk, Desk.open(str(_krakow_template)) as original:
        assert export_dataset(desk) == export_dataset(original)
        assert not backups.list_backups(desk)   # nothing to keep of an empty database
