"""What the environment can do to the database — another instance, a network share, a damaged
file, a full disk, a read-only file — and that each is met with a clear message, never with
data lost or a damaged file overwritten."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from krakow_desk.cli import main
from krakow_desk.services import backups, opening
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.services.health import check
from krakow_desk.services.storage import DatabaseDamaged, StorageError, classify
from krakow_desk.store.lock import DatabaseLock, Locked, network_fs_type


@pytest.fixture(autouse=True)
def _english() -> None:
    # Messages are checked in English, whatever the state of the Polish catalog.
    from krakow_desk import i18n
    i18n.set_language("en")

# --- one writer per file -------------------------------------------------------------------

def test_a_second_writer_is_told_who_holds_the_file(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    first = DatabaseLock.acquire(db)
    with pytest.raises(Locked) as refused:
        DatabaseLock.acquire(db)
    holder = refused.value.holder
    assert holder.pid == os.getpid() and holder.host and holder.since.startswith("20")
    first.release()
    again = DatabaseLock.acquire(db)
    assert not again.last_session_crashed   # the last one closed cleanly
    again.release()


def test_a_killed_holder_leaves_no_stale_lock_but_is_known_to_have_crashed(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from pathlib import Path; from krakow_desk.store.lock import DatabaseLock;"
        f"lock = DatabaseLock.acquire(Path({str(db)!r})); print('held', flush=True); sys.stdin.read()")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(Locked):
            DatabaseLock.acquire(db)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    lock = DatabaseLock.acquire(db)
    assert lock.last_session_crashed and lock.previous.pid == child.pid
    lock.release()


def test_a_writing_command_refuses_a_database_open_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "k.sqlite3"
    assert main(["--db", str(db), "init", "--empty"]) == 0
    with DatabaseLock.acquire(db):
        assert main(["--db", str(db), "--lang", "en", "init"]) == 1
        err = capsys.readouterr().err
        assert "open in another Krakow Desk" in err and "Traceback" not in err
        assert main(["--db", str(db), "records", "--json"]) == 0   # reading goes on


MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/home /home nfs4 rw,relatime 0 0
/dev/sdb1 /home/anna/local ext4 rw 0 0
//nas/biuro /mnt/biuro\\040wspolne cifs rw 0 0
sshfs#me@host: /mnt/ssh fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize("folder, expected", [
    ("/home/anna/Dokumenty", "nfs4"),
    ("/home/anna/local/db", None),          # a local disk mounted inside the network home
    ("/mnt/biuro wspolne/krakow", "cifs"),
    ("/mnt/ssh", "fuse.sshfs"),
    ("/tmp", None),
    ("/var/lib", None),
    ("/homework", None),                    # not inside /home
])
def test_network_shares_are_recognised_from_the_mount_table(folder: str, expected: str) -> None:
    assert network_fs_type(Path(folder), MOUNTS) == expected


# --- environment errors --------------------------------------------------------------------

@pytest.mark.parametrize("text, problem", [
    ("attempt to write a readonly database", "read-only"),
    ("cannot execute INSERT in a read-only transaction", "read-only"),
    ("database or disk is full", "disk-full"),
    ("could not extend file \"base/1/2\": No space left on device", "disk-full"),
    ("database is locked", "locked"),
    ("file is not a database", "damaged"),
    ("database disk image is malformed", "damaged"),
    ("unable to open database file", "cannot-open"),
    ("UNIQUE constraint failed: partner.key", None),
    ("no such column: x", None),
])
def test_environment_errors_are_told_apart_from_bugs(text: str, problem: str) -> None:
    assert classify(Exception(text)) == problem


def test_a_full_disk_loses_nothing_already_saved(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    with Desk.open(str(db), create=True) as desk:
        desk.partners.create({"key": "first", "name": "First", "country": "PL"})
        pages = desk.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

        @sa.event.listens_for(desk.engine, "connect")
        def _small_disk(dbapi_connection, _record) -> None:  # noqa: ANN001
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        desk.engine.dispose()
        with pytest.raises(StorageError) as full:
            for n in range(500):
                desk.partners.create({"key": f"p{n}", "name": f"Partner {n}", "notes": "x" * 400, "country": "PL"})
        assert full.value.problem == "disk-full" and "disk is full" in full.value.message
        sa.event.remove(desk.engine, "connect", _small_disk)
        desk.engine.dispose()
        assert desk.partners.get("first").name == "First"
        saved = desk.partners.count()
    with Desk.open(str(db)) as reopened:
        assert reopened.partners.count() == saved and check(reopened).ok


def test_a_read_only_desk_reads_and_refuses_writes_clearly(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    with Desk.open(str(db), create=True) as desk:
        desk.partners.create({"key": "first", "name": "First", "country": "PL"})
    with Desk.open(str(db), read_only=True) as reader:
        assert reader.partners.get("first").name == "First"
        assert reader.document_store.root == db.with_name(db.name + "-documents")
        with pytest.raises(StorageError, match="read-only"):
            reader.partners.create({"key": "second", "name": "Second", "country": "PL"})


def test_a_read_only_desk_on_postgresql(desk: Desk) -> None:
    desk.partners.create({"key": "first", "name": "First", "country": "PL"})
    with Desk.open(desk.url if "sqlite" not in desk.url else desk.location, read_only=True) as reader:
        assert reader.partners.count() == 1
        with pytest.raises(StorageError, match="read-only"):
            reader.partners.create({"key": "second", "name": "Second", "country": "PL"})


# --- a damaged database --------------------------------------------------------------------

def _damaged_copy(source: Path, target: Path, how: str) -> None:
    data = bytearray(source.read_bytes())
    if how == "header":
        data[:16] = b"not a database!!"
    else:   # pages of the tables overwritten: the header is fine, the content is not
        data[4096 * 2:4096 * 6] = os.urandom(4096 * 4)
    target.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "pages"])
def test_a_damaged_file_is_set_aside_and_the_newest_good_backup_offered(
        how: str, tmp_path: Path, _krakow_template: Path) -> None:
    db = tmp_path / "k.sqlite3"
    shutil.copyfile(_krakow_template, db)
    with Desk.open(str(db)) as desk:
        good = backups.backup(desk)
    folder = good.parent
    (folder / "krakow-desk-20991231T000000Z-manual.sqlite3").write_bytes(b"garbage")   # newer, bad
    original = db.read_bytes()
    _damaged_copy(_krakow_template, db, how)
    damaged = db.read_bytes()
    Path(str(db) + "-wal").write_bytes(b"")
    with pytest.raises(DatabaseDamaged) as error:
        Desk.open(str(db), create=True)      # never "repaired" into a new, empty database
    moved = error.value.moved_to
    assert not db.exists() and moved.read_bytes() == damaged and moved.name.startswith("k.sqlite3.damaged-")
    assert Path(str(moved) + "-wal").exists() and not Path(str(db) + "-wal").exists()
    assert error.value.backup == good
    assert f'restore "{good}"' in error.value.message
    backups.restore_file(db, good)
    with Desk.open(str(db)) as restored:
        assert restored.partners.count() == 37
    assert original != damaged


def test_the_command_line_says_where_the_damaged_file_went(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "k.sqlite3"
    db.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    assert main(["--db", str(db), "--lang", "en", "records"]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and ".damaged-" in err and "Traceback" not in err
    assert "krakow-desk init" in err   # no backup to offer: a new database is the way on
    assert not db.exists()


def test_a_busy_or_unreadable_file_is_never_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.sqlite3"
    Desk.open(str(db), create=True).close()

    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(opening.files, "has_sqlite_header", refuse)
    with pytest.raises(StorageError) as error:
        Desk.open(str(db))
    assert not isinstance(error.value, DatabaseDamaged) and db.exists()
    monkeypatch.undo()
    locked = opening.files.connect_read_only  # a database locked by another writer stays put

    def busy(path: Path, timeout: float = 5):  # noqa: ANN202
        connection = locked(path, timeout)
        connection.execute("PRAGMA busy_timeout=0")
        return connection
    holder = __import__("sqlite3").connect(db, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setattr(opening.files, "connect_read_only", busy)
        with pytest.raises(DeskError):
            Desk.open(str(db), verify=True)
        assert db.exists()
    finally:
        holder.rollback()
        holder.close()


def test_quick_check_runs_on_opening_small_files(tmp_path: Path, _krakow_template: Path) -> None:
    db = tmp_path / "k.sqlite3"
    shutil.copyfile(_krakow_template, db)
    opening.last_quick_check_seconds = None
    Desk.open(str(db)).close()
    assert opening.last_quick_check_seconds is not None and opening.last_quick_check_seconds < 0.1
    opening.last_quick_check_seconds = None
    Desk.open(str(db), verify=False).close()
    assert opening.last_quick_check_seconds is None


# --- check ---------------------------------------------------------------------------------

def test_check_lists_broken_references_and_stray_files(tmp_path: Path, _krakow_template: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "k.sqlite3"
    shutil.copyfile(_krakow_template, db)
    assert main(["--db", str(db), "--lang", "en", "check"]) == 0
    assert "No problems" in capsys.readouterr().out
    stray = db.with_name(db.name + "-documents") / "ab" / "stray.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"%PDF-1.4 left here by hand")
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as connection:   # foreign keys off: what a crash or a bad tool could leave
        connection.exec_driver_sql("UPDATE agreement SET partner_id = 99999 WHERE id = "
                                   "(SELECT min(id) FROM agreement)")
    engine.dispose()
    assert main(["--db", str(db), "--lang", "en", "check"]) == 1
    out = capsys.readouterr().out
    assert "refers to a missing row of partner" in out and "stray.pdf" in out


def test_a_damaged_file_another_program_holds_is_left_where_it_is(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    child = subprocess.Popen([sys.executable, "-c", (
        "import sys; from pathlib import Path; from krakow_desk.store.lock import DatabaseLock;"
        f"lock = DatabaseLock.acquire(Path({str(db)!r})); print('held', flush=True); sys.stdin.read()")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(StorageError) as error:
            Desk.open(str(db))
        assert not isinstance(error.value, DatabaseDamaged) and db.exists()
    finally:
        child.communicate("")
    with DatabaseLock.acquire(db):     # this process's own lock does not stop it
        with pytest.raises(DatabaseDamaged):
            Desk.open(str(db))
    assert not db.exists()


def test_a_writing_command_warns_about_a_network_share(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("krakow_desk.store.lock.on_network_share", lambda path: "nfs4")
    assert main(["--db", str(tmp_path / "k.sqlite3"), "--lang", "en", "init", "--empty"]) == 0
    err = capsys.readouterr().err
    assert "network share (nfs4)" in err and "PostgreSQL" in err
