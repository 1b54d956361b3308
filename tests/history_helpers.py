"""What the history tests share: editing the history as someone with the database file could.

A plain module beside conftest.py, imported as ``from history_helpers import tamper``.
"""

from krakow_desk.services.desk import Desk


def tamper(desk: Desk, statement: str) -> None:
    """Lift the database's append-only guard and run ``statement`` on the history."""
    with desk.engine.begin() as connection:
        if desk.engine.dialect.name == "postgresql":
            connection.exec_driver_sql("ALTER TABLE change_log DISABLE TRIGGER change_log_append_only")
        else:
            connection.exec_driver_sql("DROP TRIGGER change_log_no_update")
            connection.exec_driver_sql("DROP TRIGGER change_log_no_delete")
        connection.exec_driver_sql(statement)
