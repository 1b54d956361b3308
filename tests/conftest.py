"""Every test gets a fresh database: SQLite always, and PostgreSQL (a throw-away schema per test)
on the server KRAKOW_DESK_TEST_PG_URL names, else on a private server these tests start wherever
PostgreSQL's binaries are installed (tests/pg_server.py)."""

import shutil
import uuid
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from krakow_desk.services.desk import Desk
from pg_server import SESSION as PG_SERVER
from pg_server import ServerUnavailable

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_report_header(config: pytest.Config) -> str:
    return PG_SERVER.describe()


@pytest.hookimpl(trylast=True)   # after an interrupted run has torn down the tests' schemas
def pytest_sessionfinish(session: pytest.Session) -> None:
    PG_SERVER.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    line = PG_SERVER.summary()
    if line:
        terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing a test does may touch the user's real data folder or database.
    monkeypatch.setenv("KRAKOW_DESK_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("KRAKOW_DESK_DB", raising=False)
    monkeypatch.setenv("KRAKOW_DESK_LANG", "pl")


@pytest.fixture(autouse=True)
def _polish_default() -> Iterator[None]:
    from krakow_desk import i18n
    i18n.set_language("pl")
    yield
    i18n.set_language("pl")


def _wait_for_background_work() -> None:
    """Window tests start database reads on Qt's thread pool; let them finish before cleanup."""
    import sys
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool
        QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'desk.sqlite3'}"
        return
    try:
        pg_url = PG_SERVER.get().url
    except ServerUnavailable as reason:
        pytest.skip(str(reason))
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in pg_url else "?"
    yield f"{pg_url}{separator}options=-csearch_path%3D{schema}"
    _wait_for_background_work()
    with admin.begin() as connection:
        # A connection a test left open would make DROP wait for ever; fail loudly instead.
        connection.exec_driver_sql("SET LOCAL lock_timeout = '60s'")
        connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    admin.dispose()


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    """An empty, migrated database."""
    with Desk.open(db_url, create=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def _krakow_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from krakow_desk.services.setup import open_ready
    path = tmp_path_factory.mktemp("template") / "krakow.sqlite3"
    desk, report = open_ready(f"sqlite:///{path}")
    desk.close()
    assert report is not None and report.total_changed > 0
    return path


@pytest.fixture
def krakow(db_url: str, _krakow_template: Path, tmp_path: Path) -> Iterator[Desk]:
    """A database holding Krakow's data."""
    if db_url.startswith("sqlite"):
        # Loading once and copying the file keeps the suite fast; the copy is a closed database.
        target = tmp_path / "krakow.sqlite3"
        shutil.copyfile(_krakow_template, target)
        with Desk.open(f"sqlite:///{target}") as opened:
            yield opened
        return
    from krakow_desk.services.setup import open_ready
    opened, _ = open_ready(db_url)
    with opened:
        yield opened
