"""``krakow-desk check``: is the database sound, and are its documents all there?

``check(desk)`` runs every function in ``CHECKS``; each looks at one area and returns the
problems it found. Another area adds its own function to the list.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import sqlalchemy as sa

from krakow_desk.i18n import _
from krakow_desk.services.errors import DeskError
from krakow_desk.services.storage import classify

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk


@dataclass(frozen=True)
class Problem:
    area: str        # "database", "documents", "history", …: where to look
    message: str


@dataclass(frozen=True)
class HealthReport:
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def database_integrity(desk: "Desk") -> list[Problem]:
    """SQLite's own checks of its file: pages and indexes, and every foreign key's target."""
    if desk.engine.url.get_backend_name() != "sqlite":
        return []   # a server keeps its own files sound; the references are enforced as written
    area = _("database")
    try:
        with desk.engine.connect() as connection:
            rows = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else [Problem(area, _("integrity: {problem}").format(problem=row))
                                                  for row in rows]
            for table, rowid, parent, _index in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(Problem(area, _("row {rowid} of {table} refers to a missing row of {parent}").format(
                    rowid=rowid, table=table, parent=parent)))
    except sa.exc.DBAPIError as error:
        if classify(error) is None:
            raise
        return [Problem(area, str(error.orig))]
    return problems


def documents_intact(desk: "Desk") -> list[Problem]:
    """Every attached file there and unaltered; no file in the store that no row refers to."""
    from krakow_desk.services.documents import check_documents
    area = _("documents")
    try:
        found = check_documents(desk)
    except DeskError as error:
        return [Problem(area, error.message)]
    return [Problem(area, line) for line in found.problems()]


def history_chain(desk: "Desk") -> list[Problem]:
    """Every change-history entry as it was written: linked, hashed, and in sequence."""
    area = _("history")
    return [Problem(area, message) for message in desk.history.verify()]


CHECKS: list[Callable[["Desk"], list[Problem]]] = [database_integrity, documents_intact, history_chain]


def check(desk: "Desk") -> HealthReport:
    problems: list[Problem] = []
    for run in CHECKS:
        problems += run(desk)
    return HealthReport(problems)
