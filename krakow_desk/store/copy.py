"""Copying a whole database's rows from one engine to another at the same schema revision.

This is how a PostgreSQL database is backed up (into a SQLite file), how a SQLite backup is
restored into PostgreSQL, and how an office moves its desk file to a shared server. Every table
of the domain's metadata is copied in foreign-key order; a column pointing at its own table
(an agreement's related one, a letter's reply-to) is written NULL first and set once every row
of the table is there. The search index is not copied but rebuilt from the copied rows, and on
PostgreSQL the id sequences are moved past the highest copied id.
"""

from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from krakow_desk.domain.tables import metadata
from krakow_desk.store import search_index

_BATCH = 1000
Progress = Callable[[int, int], None]


def _self_references(table: sa.Table) -> list[str]:
    return [column.name for column in table.columns
            for key in column.foreign_keys if key.column.table is table]


def copied_tables(target: Connection) -> list[sa.Table]:
    """The domain's tables, parents first, that the target has (search tables are rebuilt)."""
    present = set(sa.inspect(target).get_table_names())
    return [table for table in metadata.sorted_tables
            if table.name in present and not search_index.is_search_table(table.name)]


def clear(target: Connection) -> None:
    """Delete every row the copy would write (children first), and the search index."""
    target.execute(search_index.search_entry.delete())
    for table in reversed(copied_tables(target)):
        target.execute(table.delete())


def copy_rows(source: Connection, target: Connection, progress: Optional[Progress] = None) -> int:
    """Replace every row of ``target`` with those of ``source``; rebuild the index.

    Both must be at the same schema revision (rows a migration seeded in the target go too).
    Returns the number of rows copied."""
    tables = copied_tables(target)
    _user_triggers(target, tables, "DISABLE")
    clear(target)
    total = len(tables)
    copied = 0
    for done, table in enumerate(tables):
        deferred = _self_references(table)
        pk = list(table.primary_key.columns)
        later: list[dict] = []
        result = source.execution_options(stream_results=True).execute(sa.select(table).order_by(*pk))
        for rows in result.mappings().partitions(_BATCH):
            batch = [dict(row) for row in rows]
            if deferred:
                for row in batch:
                    links = {name: row[name] for name in deferred if row[name] is not None}
                    if links:
                        later.append({"_pk": row[pk[0].name], **links})
                        row.update({name: None for name in links})
            target.execute(table.insert(), batch)
            copied += len(batch)
        for name in deferred:
            values = [{"_pk": row["_pk"], "_value": row[name]} for row in later if name in row]
            if values:
                target.execute(table.update().where(pk[0] == sa.bindparam("_pk"))
                               .values({name: sa.bindparam("_value")}), values)
        if progress is not None:
            progress(done + 1, total)
    search_index.rebuild(target)
    _user_triggers(target, tables, "ENABLE")
    if target.dialect.name == "postgresql":
        reset_sequences(target)
    return copied


def _user_triggers(target: Connection, tables: list[sa.Table], action: str) -> None:
    """A restore replaces the whole change history, which its own triggers keep append-only
    against single writers; on PostgreSQL they step aside inside the restoring transaction (the
    ALTER is transactional: a failed restore leaves them on). Foreign keys stay enforced."""
    if target.dialect.name != "postgresql":
        return   # SQLite is restored through its backup API, and copies go into new files
    preparer = target.dialect.identifier_preparer
    for table in tables:
        target.exec_driver_sql(f"ALTER TABLE {preparer.format_table(table)} {action} TRIGGER USER")


def reset_sequences(target: Connection) -> None:
    """Let new rows take ids after the copied ones (PostgreSQL serial columns)."""
    for table in [*copied_tables(target), search_index.search_entry]:
        for column in table.primary_key.columns:
            if not isinstance(column.type, sa.Integer) or len(table.primary_key.columns) != 1:
                continue
            sequence = target.execute(sa.select(sa.func.pg_get_serial_sequence(table.name, column.name))).scalar()
            if sequence is None:
                continue
            highest = target.execute(sa.select(sa.func.max(column)).select_from(table)).scalar()
            target.execute(sa.select(sa.func.setval(sequence, highest or 1, highest is not None)))


def count_rows(connection: Connection) -> dict[str, int]:
    """Rows per copied table (to compare a copy with its source)."""
    return {table.name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0
            for table in copied_tables(connection)}
