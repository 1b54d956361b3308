"""Letters: numbered per year in the office's pattern as they are saved."""

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.references import render
from krakow_desk.domain.schema import Record
from krakow_desk.services.collection import Collection
from krakow_desk.services.policy import policy


def next_number(session: Session, year: int) -> int:
    """Raise the year's counter and return the new number, in the caller's transaction.

    One atomic upsert: it is the transaction's first write, so on SQLite it takes the write lock
    (a second desk waits for it), and on PostgreSQL it locks the counter's row until commit.
    """
    table = t.ReferenceCounter.__table__
    insert = (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(table)
    statement = insert.values(year=year, last=1).on_conflict_do_update(
        index_elements=[table.c.year], set_={"last": table.c.last + 1}).returning(table.c.last)
    return int(session.execute(statement).scalar_one())


def assign_reference(session: Session, pattern: str, year: int) -> str:
    """The next free reference of ``year``; numbers someone typed by hand are skipped over."""
    while True:
        reference = render(pattern, year, next_number(session, year))
        if session.scalar(sa.select(t.Letter.id).where(t.Letter.reference == reference)) is None:
            return reference


class Letters(Collection[s.LetterData]):
    """Letters and e-mails; a new one without a reference gets the next number of its year."""

    def completing(self, session: Session, record: Record) -> Record:
        letter: s.LetterData = record  # type: ignore[assignment]
        if letter.reference:
            return letter
        pattern = policy(self.desk).reference_pattern
        return letter.model_copy(update={"reference": assign_reference(session, pattern, letter.date.year)})
