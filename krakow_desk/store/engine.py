"""Engines for a SQLite file or any SQLAlchemy URL, with the pragmas SQLite needs to be safe."""

from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL suits one local writer with concurrent readers; busy_timeout rides out a short lock
    # held by a second window or the command line instead of failing at once. synchronous=FULL
    # syncs the WAL at every commit: a save the user saw confirmed survives a power cut (NORMAL
    # may lose the last commits; the cost on an import is measured in tests/test_crash_safety.py).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # A read-only connection cannot change the journal mode; it reads whatever the file uses.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def sqlite_path(url: sa.URL | str) -> Path | None:
    """The file of a SQLite URL (a plain path or a ``file:`` URI), or None (a server, memory)."""
    parsed = make_url(url) if isinstance(url, str) else url
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        database = unquote(database[5:].split("?", 1)[0])
    return Path(database).expanduser().absolute()


def read_only_url(path: Path) -> str:
    """A URL opening the SQLite file read-only: writes fail with "attempt to write a readonly
    database"."""
    return f"sqlite:///file:{quote(str(path), safe='/:')}?mode=ro&uri=true"


def sqlite_file_missing(url: str) -> str | None:
    """The path of a SQLite database file that does not exist yet, else None."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else parsed.database


def create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url)
        read_only = parsed.query.get("mode") == "ro"
        sa.event.listen(engine, "connect", _sqlite_read_only_pragmas if read_only else _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)
