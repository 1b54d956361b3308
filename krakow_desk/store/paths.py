"""Where the office's files live: the user's data folder, unless the environment says otherwise."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "krakow-desk"
APP_AUTHOR = "Krakow"
HOME_ENV = "KRAKOW_DESK_HOME"   # a whole data folder: tests, portable installs
DB_ENV = "KRAKOW_DESK_DB"       # just the database: a path or a SQLAlchemy URL


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "krakow-desk.sqlite3"


def resolve_db(target: str | os.PathLike | None = None) -> str:
    """The database to open, as a SQLAlchemy URL: the argument, then $KRAKOW_DESK_DB, then the default file."""
    target = target if target not in (None, "") else os.environ.get(DB_ENV) or default_db_path()
    text = os.fspath(target)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().absolute())
