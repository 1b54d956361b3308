"""Alembic environment. Runs on the connection that krakow_desk.store.migrate hands over."""

from alembic import context

import krakow_desk.domain.tables  # noqa: F401  (registers every table on the metadata)
from krakow_desk.domain.tables import metadata
from krakow_desk.store.search_index import include_object as _include

config = context.config

# The search index's tables (search_entry, the FTS5 table and its shadow tables) are written by
# hand in their migrations, not by autogenerate: _include leaves every search_* table out.


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through krakow_desk.store.migrate, which passes a connection")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        include_object=_include,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
