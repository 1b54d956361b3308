"""Create or upgrade a database schema with Alembic, on SQLite and PostgreSQL alike."""

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from krakow_desk.store.engine import is_sqlite

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic itself is imported only to migrate: opening a database that is up to date (every start
# of the window) needs just the head's name and the database's, and importing Alembic would add
# a fifth of a second to the start.
MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(None|'[^']*'|\"[^\"]*\")", re.MULTILINE)


def alembic_config() -> "Config":
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration: the one no other migration follows (read from the migration files
    as Alembic would; a test keeps the two in step)."""
    revisions, followed = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"].strip("'\""))
            if found.get("down_revision", "None") != "None":
                followed.add(found["down_revision"].strip("'\""))
    heads = revisions - followed
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {sorted(heads)}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, None for a database without Krakow Desk's tables."""
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(found) > 1:
        raise RuntimeError(f"the database has several schema revisions: {found}")
    return found[0] if found else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``. Safe to call on an up-to-date database."""
    if revision in ("head", head_revision()) and current_revision(engine) == head_revision():
        return   # up to date: nothing to migrate, nor to check after migrating
    from alembic import command
    config = alembic_config()
    with engine.connect() as connection:
        if is_sqlite(engine):
            # A batch migration rebuilds tables; with foreign keys on, the DROP would cascade
            # into child rows. The pragma only takes effect outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
        if is_sqlite(engine):
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"the migration left broken references: {problems[:5]}")


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command
    config = alembic_config()
    with engine.connect() as connection:
        if is_sqlite(engine):
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
        connection.commit()
