"""Filling a database with synthetic partners and their records, for trials and benchmarks.

``add_demo(desk, scale)`` adds ``scale`` partners (keys ``demo-<n>``, numbered on from the demo
partners already there), each with people, visits with their programme, letters, gifts,
agreements and follow-ups (services.demo_data). Rows go in with SQLAlchemy Core bulk inserts,
one transaction per chunk of partners, and the search index is refreshed for the chunk's
records in the same transaction: tens of thousands of records a second, where the validated
import manages a few hundred. The rows keep every rule the validated models check (a test
exports a demo database and validates it).

Record tables may carry columns with server defaults (e.g. a version counter): the inserts name
only the columns they fill, so the database fills the others.
"""

import re
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from krakow_desk.domain import tables as t
from krakow_desk.domain.references import render
from krakow_desk.i18n import _
from krakow_desk.services import demo_data
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.store import history, search_index

# Records per partner: with the partner itself, 101 — so --scale 1000 gives about 100,000.
SIZES = {"people": 10, "visits": 20, "letters": 50, "gifts": 10, "agreements": 5, "tasks": 5}
RECORDS_PER_PARTNER = 1 + sum(SIZES.values())
CHUNK = 50   # partners per transaction: ~5,000 records, a few MB of rows in memory

# Insert order: a row's references are written before it.
TABLES = ("partner", "partner_alias", "partner_status", "partner_domain", "person", "affiliation",
          "agreement", "agreement_domain", "visit", "visit_partner", "visit_participant",
          "programme_item", "gift", "letter", "letter_person", "task")
# Kinds the search finds, with the table their new ids are in.
SEARCHED = {"partner": "partner", "person": "person", "agreement": "agreement", "visit": "visit",
            "gift": "gift", "letter": "letter"}
# Tables whose ids the demo assigns (the others' ids come from the database).
ASSIGNED = ("partner", "person", "agreement", "visit", "letter", "gift")
_DEMO_KEY = re.compile(r"^demo-(\d+)$")

Progress = Callable[[int, int, int], None]   # (partners done, partners asked, records written)


@dataclass
class DemoReport:
    """What a demo run added, and how fast."""
    partners: int = 0
    records: int = 0
    first: int = 0                    # number of the first partner added (demo-<first>)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)   # rows per table

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0


def add_demo(desk: Desk, scale: int, progress: Optional[Progress] = None) -> DemoReport:
    """Add ``scale`` synthetic partners with about a hundred records each; returns the report."""
    if scale < 1:
        raise DeskError(_("the scale must be at least 1"))
    if demo_data.faker_class() is None:
        raise DeskError(_("demo data needs the Faker package: pip install 'krakow-desk[demo]'"))
    started = time.perf_counter()
    demo_data.pools()   # Faker's pools, drawn once per process
    tables = {table.name: table for table in t.metadata.sorted_tables}
    pattern = desk.policy().reference_pattern
    report = DemoReport()
    with desk.engine.connect() as conn:
        report.first = _next_demo_number(conn)
    for chunk_start in range(0, scale, CHUNK):
        numbers = range(report.first + chunk_start, report.first + min(scale, chunk_start + CHUNK))
        with desk.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # The indexes of 100,000 records outgrow SQLite's 2 MB page cache: each insert
                # would read its index pages back from the file.
                conn.exec_driver_sql("PRAGMA cache_size=-131072")
            ids = _next_ids(conn, tables)
            rows: dict[str, list[dict]] = {}
            for n in numbers:
                for name, batch in demo_data.partner_rows(n, ids, SIZES).items():
                    rows.setdefault(name, []).extend(batch)
            _number_letters(conn, rows.get("letter", []), pattern)
            for name in TABLES:
                if rows.get(name):
                    conn.execute(sa.insert(tables[name]), rows[name])
                    report.counts[name] = report.counts.get(name, 0) + len(rows[name])
            if conn.dialect.name == "postgresql":
                _move_sequences(conn)
            for kind, name in SEARCHED.items():
                search_index.refresh(conn, kind, [row["id"] for row in rows.get(name, [])])
        report.partners += len(numbers)
        report.records += len(numbers) * RECORDS_PER_PARTNER
        if progress is not None:
            progress(report.partners, scale, report.records)
    # Synthetic records are bulk-inserted, not saved one by one: the history says so once.
    with desk.writing() as session:
        history.append(session, actor=desk.actor, kind="demo", record_key=f"demo-{report.first}",
                       record_id=None, action="generated",
                       changes={"partners": [None, report.partners], "records": [None, report.records],
                                "first": [None, f"demo-{report.first}"]})
    report.seconds = time.perf_counter() - started
    return report


def _next_demo_number(conn: Connection) -> int:
    """One past the highest demo-<n> partner, so a second run adds new partners."""
    partner = t.Partner.__table__
    keys = conn.scalars(sa.select(partner.c.key).where(partner.c.key.like("demo-%")))
    numbers = [int(m.group(1)) for key in keys if (m := _DEMO_KEY.match(key))]
    return max(numbers) + 1 if numbers else 0


def _next_ids(conn: Connection, tables: dict[str, sa.Table]) -> demo_data.Ids:
    # Read inside the chunk's transaction; the chunk's own rows take the ids from here on.
    return demo_data.Ids(**{name: (conn.scalar(sa.select(sa.func.max(tables[name].c.id))) or 0) + 1
                            for name in ASSIGNED})


def _number_letters(conn: Connection, letters: list[dict], pattern: str) -> None:
    """Give each letter the next reference of its year, as saving it in the window would, and
    raise the year counters past them (numbers typed by hand are skipped over)."""
    if not letters:
        return
    counter = t.ReferenceCounter.__table__
    letter = t.Letter.__table__
    years = sorted({row["date"].year for row in letters})
    last = dict(conn.execute(sa.select(counter.c.year, counter.c.last).where(counter.c.year.in_(years))).all())
    taken = set(conn.scalars(sa.select(letter.c.reference).where(letter.c.reference.is_not(None))))
    for row in sorted(letters, key=lambda r: (r["date"], r["id"])):
        year = row["date"].year
        while True:
            last[year] = last.get(year, 0) + 1
            reference = render(pattern, year, last[year])
            if reference not in taken:
                break
        row["reference"] = reference
        taken.add(reference)
    conn.execute(sa.delete(counter).where(counter.c.year.in_(years)))
    conn.execute(sa.insert(counter), [{"year": year, "last": value} for year, value in last.items()])


def _move_sequences(conn: Connection) -> None:
    """Explicit ids leave PostgreSQL's sequences behind: move them past the new rows."""
    for name in ASSIGNED:
        conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                             f"(SELECT max(id) FROM {name}))")
