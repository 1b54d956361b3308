"""Alembic environment. Runs on the connection that krakow_desk.store.migrate hands over."""

from alembic import context

import krakow_desk.domain.tables  # noqa: F401  (registers every table on the metadata)
from krakow_desk.domain.tables import metadata

config = context.config


def _include(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    # Full-text shadow tables are managed by the search index, not by autogenerate.
    return not (type_ == "table" and name is not None and name.startswith("search_"))


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
