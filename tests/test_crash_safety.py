"""kill -9 at random moments while records are saved one by one: every save the user was told
about survives, and the database opens sound every time.

A forked child process opens the database as the window does (lock file, Desk), creates partners
and letters through the services, and writes each key to a pipe only after the call returned —
the moment the user sees "saved". The parent kills it with SIGKILL after a random delay, then reopens the
file. 25 kills by default; ``KRAKOW_DESK_KILLS=200`` runs more.
"""

import os
import random
import signal
import sys
import threading
from pathlib import Path

import pytest

from krakow_desk.services.desk import Desk
from krakow_desk.services.health import check
from krakow_desk.store.lock import DatabaseLock

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL are POSIX")

KILLS = int(os.environ.get("KRAKOW_DESK_KILLS", "25"))



def _child(db: Path, start: int, out: int) -> None:
    """The forked child: save records one by one, saying each key once the save returned."""
    lock = DatabaseLock.acquire(db)
    desk = Desk.open(str(db), verify=lock.last_session_crashed or None)
    os.write(out, b"ready\n")
    n = start
    while True:
        key = f"p{n}"
        desk.partners.create({"key": key, "name": f"Partner {n}", "country": "PL"})
        os.write(out, f"{key}\n".encode())
        if n % 3 == 0:
            letter = desk.letters.create({"key": f"l{n}", "direction": "outgoing", "date": "2026-12-04",
                                          "subject": f"Letter {n}", "partner": key})
            os.write(out, f"{letter.record.key}\n".encode())
        n += 1


def _start(db: Path, start: int) -> tuple[int, int]:
    """Fork a child (the parent has imported everything already: no start-up cost per kill)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:   # the child never returns into pytest
        try:
            os.close(read_end)
            _child(db, start, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


def _read_line(fd: int) -> str:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return data.decode()


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def _confirmed(output: str) -> list[str]:
    """Keys the child wrote in full (a line cut by the kill was never confirmed)."""
    lines = output.split("\n")
    return [line for line in lines[:-1] if line and line != "ready"]


def test_kill_9_never_loses_a_confirmed_save(tmp_path: Path, record_property) -> None:  # noqa: ANN001
    db = tmp_path / "k.sqlite3"
    Desk.open(str(db), create=True).close()
    rnd = random.Random(os.environ.get("KRAKOW_DESK_KILL_SEED", "9"))
    confirmed: list[str] = []
    next_number = 0
    survived = 0
    for _ in range(KILLS):
        pid, out = _start(db, next_number)
        assert _read_line(out) == "ready\n", "the child could not open the database"
        threading.Event().wait(rnd.uniform(0.0, 0.5))   # the random moment of the kill
        assert os.waitpid(pid, os.WNOHANG) == (0, 0), "the child stopped by itself"
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        output = _read_all(out)
        keys = _confirmed(output)
        confirmed += keys
        next_number += len(keys) + 1000   # an unconfirmed save may have landed: never reuse its key
        lock = DatabaseLock.acquire(db)     # released by the kill, and known to have crashed
        assert lock.last_session_crashed
        with Desk.open(str(db), verify=True) as desk:
            report = check(desk)
            assert report.ok, report.problems
            stored = {p.key for p in desk.partners.all()} | {letter.key for letter in desk.letters.all()}
            lost = [key for key in confirmed if key not in stored]
            assert not lost, f"confirmed but lost after kill {survived + 1}: {lost[:10]}"
        lock.release()
        survived += 1
    record_property("kills_survived", survived)
    print(f"\n{survived} kills survived, {len(confirmed)} confirmed saves all kept")
    assert survived == KILLS and len(confirmed) > KILLS
