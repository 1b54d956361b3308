"""A private PostgreSQL server for one test session, started from the installed binaries.

`make test` runs the PostgreSQL copies of the tests wherever PostgreSQL is installed, with no
server to set up: the first test that needs one starts a throw-away cluster (temporary data
folder, free port, no fsync) and the end of the session stops and deletes it. A watchdog process
holding a pipe from this one also stops it when the test run is killed outright, so no server
outlives its tests. KRAKOW_DESK_TEST_PG_URL, when set, names a server to use instead.
"""

from __future__ import annotations

import atexit
import glob
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

URL_VARIABLE = "KRAKOW_DESK_TEST_PG_URL"
DATABASE = "krakow_test"
SERVER_OPTIONS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                  "-c listen_addresses=127.0.0.1")

# Runs in its own process with our end of a pipe as stdin: reading returns only when this
# process is gone (normal exit, Ctrl-C or SIGKILL alike), then the cluster is stopped and removed.
_WATCHDOG = r"""
import json, os, shutil, subprocess, sys
stop, data, root = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
sys.stdin.buffer.read()
if os.path.exists(os.path.join(data, "postmaster.pid")):
    subprocess.run(stop, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
shutil.rmtree(root, ignore_errors=True)
"""


class ServerUnavailable(Exception):
    """No server can be had here: the PostgreSQL tests are skipped, with this as the reason."""


@dataclass(frozen=True)
class Binaries:
    initdb: Path
    pg_ctl: Path

    @property
    def version(self) -> str:
        """The installed server's version, read without starting it (`postgres --version`)."""
        postgres = self.pg_ctl.parent / "postgres"
        try:
            out = subprocess.run([str(postgres), "--version"], capture_output=True, text=True,
                                 timeout=30, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return "unknown version"
        found = re.search(r"\d+(\.\d+)+", out)   # "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        return found.group() if found else out.strip()


@dataclass
class Server:
    url: str            # the database the tests use, e.g. postgresql+psycopg://postgres@127.0.0.1:5/krakow_test
    version: str        # the server's own answer to SHOW server_version
    private: bool       # started by these tests (False: KRAKOW_DESK_TEST_PG_URL)
    started_in: float = 0.0   # seconds from initdb to a database ready for the first test


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", path)) or (0,)


def find_binaries() -> Optional[Binaries]:
    """initdb and pg_ctl: from PATH, else Debian's newest /usr/lib/postgresql/<version>/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        # Debian links its wrappers or the real programs into PATH; pg_ctl looks for `postgres`
        # next to the real file, so resolve the links.
        return Binaries(Path(os.path.realpath(initdb)), Path(os.path.realpath(pg_ctl)))
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True):
        candidate = Binaries(Path(folder) / "initdb", Path(folder) / "pg_ctl")
        if all(os.access(program, os.X_OK) for program in (candidate.initdb, candidate.pg_ctl)):
            return candidate
    return None


def _run_as() -> list[str]:
    """initdb refuses to run as root: as root, the server belongs to the `postgres` user."""
    if os.geteuid() != 0:
        return []
    import pwd
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ServerUnavailable("running as root and there is no 'postgres' user to run "
                                "PostgreSQL as (initdb refuses root)") from None
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--"]
    return ["su", "postgres", "-s", "/bin/sh", "-c"]


def _command(prefix: list[str], arguments: list[str]) -> list[str]:
    if prefix[:1] == ["su"]:
        return prefix + [shlex.join(arguments)]
    return prefix + arguments


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _temporary_root(as_other_user: bool) -> Path:
    base = tempfile.gettempdir()
    if as_other_user and not _traversable_by_all(Path(base)):
        base = "/tmp"
    return Path(tempfile.mkdtemp(prefix="krakow-desk-pg-", dir=base))


def _traversable_by_all(folder: Path) -> bool:
    return all(os.stat(part).st_mode & 0o001 for part in [folder, *folder.parents])


class PrivateCluster:
    """One initdb'd cluster in a temporary folder, stopped and removed by stop() or its watchdog."""

    def __init__(self, binaries: Binaries) -> None:
        self.binaries = binaries
        self.prefix = _run_as()
        self.root = _temporary_root(bool(self.prefix))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, json.dumps(_command(self.prefix, [
                str(binaries.pg_ctl), "-D", str(self.data), "-m", "immediate", "-w", "stop"])),
             str(self.data), str(self.root)],
            stdin=subprocess.PIPE, start_new_session=True, cwd=self.root)
        if self.prefix:
            import pwd
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)

    def _run(self, arguments: list[str], what: str) -> None:
        # A session of its own: Ctrl-C on the test run must not shut the server down under a test.
        done = subprocess.run(_command(self.prefix, arguments), cwd=self.root, capture_output=True,
                              text=True, timeout=120, start_new_session=True)
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    def start(self) -> str:
        self._initdb()
        for attempt in range(3):
            # Another program may take the port between our probe and the server's bind: retry.
            self.port = _free_port()
            try:
                self._run([str(self.binaries.pg_ctl), "-D", str(self.data), "-l", str(self.log),
                           "-w", "-t", "60", "-o", f"-p {self.port} -k {self.root} {SERVER_OPTIONS}",
                           "start"], "pg_ctl start")
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        base = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"
        import psycopg
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
        return f"{base}/{DATABASE}"

    def _initdb(self) -> None:
        common = [str(self.binaries.initdb), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync"]
        try:
            # C.UTF-8 sorts by code point yet upper/lower-cases every script, like a real server.
            self._run(common + ["--locale=C.UTF-8"], "initdb")
        except RuntimeError:
            shutil.rmtree(self.data, ignore_errors=True)   # a system without the C.UTF-8 locale
            self._run(common + ["--no-locale"], "initdb")

    def stop(self) -> None:
        """Stop the server and delete its folder; returns when both are done."""
        if self.watchdog.poll() is None:
            assert self.watchdog.stdin is not None
            self.watchdog.stdin.close()
            try:
                self.watchdog.wait(timeout=120)
            except subprocess.TimeoutExpired:
                pass


def server_version(url: str) -> str:
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return str(connection.exec_driver_sql("SHOW server_version").scalar())
    finally:
        engine.dispose()


class SessionServer:
    """The session's server, started on first use: get() gives a Server or raises ServerUnavailable."""

    def __init__(self) -> None:
        self.server: Optional[Server] = None
        self.failure: Optional[BaseException] = None
        self.cluster: Optional[PrivateCluster] = None

    def unavailable_reason(self) -> Optional[str]:
        if os.environ.get(URL_VARIABLE):
            return None
        if find_binaries() is None:
            return ("PostgreSQL not installed: no initdb/pg_ctl on PATH or in "
                    "/usr/lib/postgresql/*/bin (install the postgresql package, or set "
                    f"{URL_VARIABLE} to a server)")
        try:
            _run_as()
        except ServerUnavailable as error:
            return str(error)
        return None

    def describe(self) -> str:
        """One line for the test report's header, before any server runs."""
        if os.environ.get(URL_VARIABLE):
            return f"PostgreSQL: the server at {URL_VARIABLE}"
        reason = self.unavailable_reason()
        if reason:
            return f"PostgreSQL: tests skipped — {reason}"
        binaries = find_binaries()
        assert binaries is not None
        return (f"PostgreSQL: {binaries.version} from {binaries.pg_ctl.parent}, a private server "
                "started for the first test that needs it")

    def get(self) -> Server:
        if self.server:
            return self.server
        if self.failure:
            # Binaries there but no server: every PostgreSQL test errors, none silently skips.
            raise RuntimeError(f"the private PostgreSQL server did not start: {self.failure}")
        reason = self.unavailable_reason()
        if reason:
            raise ServerUnavailable(reason)
        url = os.environ.get(URL_VARIABLE)
        if url:
            self.server = Server(url, server_version(url), private=False)
            return self.server
        binaries = find_binaries()
        assert binaries is not None
        began = time.monotonic()
        try:
            self.cluster = PrivateCluster(binaries)
            atexit.register(self.stop)
            url = self.cluster.start()
            self.server = Server(url, server_version(url), True, time.monotonic() - began)
        except Exception as error:
            self.failure = error
            self.stop()
            raise RuntimeError(f"the private PostgreSQL server did not start: {error}") from error
        return self.server

    def stop(self) -> None:
        if self.cluster:
            self.cluster.stop()
            if not self.cluster.root.exists():
                self.cluster = None

    def summary(self) -> Optional[str]:
        """What ran, for the end of the report (None when no test needed PostgreSQL)."""
        if self.server and self.server.private:
            gone = "still running" if self.cluster else "stopped and deleted"
            return (f"PostgreSQL {self.server.version} ran the postgres tests: a private server "
                    f"started in {self.server.started_in:.1f} s, {gone}")
        if self.server:
            return f"PostgreSQL {self.server.version} ran the postgres tests ({URL_VARIABLE})"
        if self.failure:
            return f"PostgreSQL: the private server did not start: {self.failure}"
        return None


SESSION = SessionServer()
