"""The search index: one row per searchable record, holding its text folded and tokenised.

Every record that search finds has a row in ``search_entry``: its kind, id, key and title, the
partner it concerns (a foreign key, so that deleting a partner clears it), and its text:

- ``names``: the record's names as ``| name one | name two |`` — each name is its tokens
  joined by one space, so that an exact name, a name prefix and a word prefix can all be
  recognised with a plain LIKE;
- ``other``: the other searchable fields, `` token token … ``.

Text is folded in Python (``fold``: lower case, no accents, ł → l) and split into tokens of
letters, digits and combining marks; everything else separates tokens. Queries go through the
same two steps, so what a person types can never reach SQL as syntax.

A third column, ``starts``, holds one token per name (its words joined by MARK), so that "a name
begins with these words" is a token-prefix query for a full-text index. Asking the index is
``search_query``'s job; on SQLite an FTS5 table and on PostgreSQL generated tsvector columns
follow ``search_entry`` by themselves (migration 0002).

Documents attached to agreements, visits, events, gifts and letters (``document`` rows: the file's
name and the text read from it) add their words to their record's ``other`` text, so a word found
only in an attached PDF finds the record; services.documents re-indexes the record on attach and
remove.

The index is maintained from the collections (``changed``/``remove`` in the writer's
transaction; an import batches its records with ``deferred``) and rebuilt whole by migration 0002
(``rebuild``). This module may import the domain but never the services.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from krakow_desk.domain import tables as t
from krakow_desk.domain.text import fold

TABLE_PREFIX = "search_"
FTS_TABLE = "search_fts"
MAX_TOKENS = 32          # more words than any name has; the rest of a pasted essay is ignored
MAX_TOKEN_LENGTH = 64    # longer words are cut (still a prefix); keeps LIKE patterns small
KINDS = ("partner", "organisation", "institution", "person", "agreement", "visit", "event",
         "gift", "letter")   # also the order of kinds at equal score

metadata = sa.MetaData()   # apart from the domain's: autogenerate leaves search_* tables alone
search_entry = sa.Table(
    "search_entry", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("record_id", sa.Integer, nullable=False),
    sa.Column("key", sa.String(120), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("partner_id", sa.Integer, nullable=True, index=True),  # FK to partner.id in the migration
    sa.Column("names", sa.Text, nullable=False),
    sa.Column("other", sa.Text, nullable=False),
    sa.Column("starts", sa.Text, nullable=False),
    sa.UniqueConstraint("kind", "record_id", name="uq_search_entry_kind_record"),
)


def is_search_table(name: Optional[str]) -> bool:
    """Tables the index owns (including FTS5 shadow tables): not for autogenerate to compare."""
    return bool(name) and name.startswith(TABLE_PREFIX)  # type: ignore[union-attr]


def include_object(obj: Any, name: Optional[str], type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic's ``include_object`` hook: compare everything but the index's tables."""
    return not (type_ == "table" and is_search_table(name))


# --- text --------------------------------------------------------------------------------

# Joins the words of one name into a single token of the ``starts`` column, so that "a name
# begins with these words" is a token-prefix query. A private-use character: tokens() treats it
# as a separator, so no text, indexed or typed, can contain it.
MARK = "\ue000"
MAX_START_LENGTH = 200   # characters of a name kept in ``starts`` (PostgreSQL lexemes <= 2 kB)


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (category[0] in "LNM" or category == "Co") and ch != MARK


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: Optional[str]) -> list[str]:
    """The folded words of a text: 'Łódź-Kaliska 2' → ['lodz', 'kaliska', '2'].

    Words are cut at MAX_TOKEN_LENGTH, in the index and in queries alike.
    """
    if not text:
        return []
    folded = fold(text)
    if folded.isascii():
        # Folded ASCII: letters are a-z, digits 0-9, and every other character separates.
        words = _ASCII_WORD.findall(folded)
    else:
        words = "".join(ch if _is_token_char(ch) else " " for ch in folded).split()
    return [word[:MAX_TOKEN_LENGTH] for word in words]


def query_tokens(text: str) -> list[str]:
    """The words of a query in the order typed, at most MAX_TOKENS of them."""
    return tokens(text)[:MAX_TOKENS]


def start_token(words: Sequence[str]) -> str:
    return MARK.join(words)[:MAX_START_LENGTH]


def _names(names: Iterable[Optional[str]]) -> list[list[str]]:
    parts: dict[tuple[str, ...], None] = {}
    for name in names:
        words = tuple(tokens(name))
        if words:
            parts.setdefault(words, None)
    return [list(words) for words in parts]


def names_text(names: Iterable[Optional[str]]) -> str:
    """'| nowy jork | new york |': every word follows a space, every name a bar."""
    parts = [" ".join(words) for words in _names(names)]
    return "| " + " | ".join(parts) + " |" if parts else ""


def starts_text(names: Iterable[Optional[str]]) -> str:
    """One token per name, its words joined by MARK: 'nowy·jork new·york' (· for MARK)."""
    return " ".join(start_token(words) for words in _names(names))


def other_text(values: Iterable[Optional[str]]) -> str:
    words = [word for value in values for word in tokens(value)]
    return " " + " ".join(words) + " " if words else ""


# --- what each kind contributes ------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    kind: str
    record_id: int
    key: str
    title: str
    partner_id: Optional[int]
    names: list[Optional[str]]
    other: list[Optional[str]]

    def values(self) -> dict[str, Any]:
        return {"kind": self.kind, "record_id": self.record_id, "key": self.key, "title": self.title,
                "partner_id": self.partner_id, "names": names_text(self.names),
                "other": other_text(self.other), "starts": starts_text(self.names)}


def _rows(conn: Connection, table: Any, ids: Optional[Sequence[int]], *columns: str) -> list[Any]:
    tbl = table.__table__
    query = sa.select(*(tbl.c[name] for name in ("id", *columns)))
    if ids is not None:
        query = query.where(tbl.c.id.in_(ids))
    return list(conn.execute(query.order_by(tbl.c.id)))


def _grouped(conn: Connection, query: sa.Select) -> dict[int, list[Any]]:
    result: dict[int, list[Any]] = {}
    for parent, value in conn.execute(query):
        result.setdefault(parent, []).append(value)
    return result


def _first_partner(conn: Connection, link: Any, parent_column: str, ids: Sequence[int]) -> dict[int, int]:
    """For each visit or event, the partner recorded first (by id: renaming keys changes nothing)."""
    tbl = link.__table__
    parent = tbl.c[parent_column]
    query = sa.select(parent, tbl.c.partner_id).where(parent.in_(ids)).order_by(parent, tbl.c.partner_id)
    first: dict[int, int] = {}
    for parent_id, partner_id in conn.execute(query):
        first.setdefault(parent_id, partner_id)
    return first


def _partners(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Partner, ids, "key", "name", "name_en", "name_native")
    alias = t.PartnerAlias.__table__
    aliases = _grouped(conn, sa.select(alias.c.partner_id, alias.c.alias).where(
        alias.c.partner_id.in_([r.id for r in rows])).order_by(alias.c.alias))
    return [Entry("partner", r.id, r.key, r.name, r.id,
                  [r.name, r.name_en, r.name_native, *aliases.get(r.id, [])], [r.key]) for r in rows]


def _organisations(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Organisation, ids, "key", "name", "name_en", "acronym")
    return [Entry("organisation", r.id, r.key, r.name, None, [r.name, r.name_en, r.acronym], [r.key])
            for r in rows]


def _institutions(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Institution, ids, "key", "name", "name_en", "city", "partner_id")
    return [Entry("institution", r.id, r.key, r.name, r.partner_id, [r.name, r.name_en], [r.city, r.key])
            for r in rows]


def _people(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Person, ids, "key", "given_name", "family_name", "name_native", "honorific",
                 "title", "function", "emails")
    aff = t.Affiliation.__table__
    partner_of: dict[int, int] = {}
    query = (sa.select(aff.c.person_id, aff.c.partner_id)
             .where(aff.c.person_id.in_([r.id for r in rows]), aff.c.partner_id.is_not(None))
             .order_by(aff.c.person_id, sa.desc(aff.c.until.is_(None)), aff.c.id))
    for person_id, partner_id in conn.execute(query):
        partner_of.setdefault(person_id, partner_id)   # a current affiliation first
    entries = []
    for r in rows:
        full = " ".join(part for part in (r.given_name, r.family_name) if part)
        entries.append(Entry(
            "person", r.id, r.key, full, partner_of.get(r.id),
            [full, r.family_name, r.name_native],
            [r.honorific, r.title, r.function, *(r.emails or []), r.key]))
    return entries


# Words an attached document adds to its record's entry: each distinct word once, at most this many
# characters per record (PostgreSQL's tsvector holds 1 MB; a scanned book should not fill it).
DOCUMENT_WORDS = 200_000


def _document_words(conn: Connection, column: str, ids: Sequence[int]) -> dict[int, str]:
    """For each record, the words of its documents' names and extracted text (store.documents)."""
    doc = t.Document.__table__
    query = (sa.select(doc.c[column], doc.c.original_name, doc.c.text)
             .where(doc.c[column].in_(list(ids))).order_by(doc.c[column], doc.c.id))
    words: dict[int, dict[str, None]] = {}
    sizes: dict[int, int] = {}
    for owner, name, text in conn.execute(query):
        seen = words.setdefault(owner, {})
        for word in tokens(name) + tokens(text):
            if word not in seen and sizes.get(owner, 0) + len(word) < DOCUMENT_WORDS:
                seen[word] = None
                sizes[owner] = sizes.get(owner, 0) + len(word) + 1
    return {owner: " ".join(seen) for owner, seen in words.items()}


def _agreements(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Agreement, ids, "key", "title", "partner_id", "party_krakow", "party_partner",
                 "signatory_krakow", "signatory_partner")
    documents = _document_words(conn, "agreement_id", [r.id for r in rows])
    # An untitled agreement is shown as its kind and date, in the reader's language (services).
    return [Entry("agreement", r.id, r.key, r.title or "", r.partner_id, [r.title],
                  [r.party_krakow, r.party_partner, r.signatory_krakow, r.signatory_partner, r.key,
                   documents.get(r.id)])
            for r in rows]


def _visits(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Visit, ids, "key", "title", "place", "purpose")
    partner_of = _first_partner(conn, t.VisitPartner, "visit_id", [r.id for r in rows])
    documents = _document_words(conn, "visit_id", [r.id for r in rows])
    return [Entry("visit", r.id, r.key, r.title, partner_of.get(r.id), [r.title],
                  [r.place, r.purpose, r.key, documents.get(r.id)])
            for r in rows]


def _events(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Event, ids, "key", "title", "place", "organisers", "programme_name")
    partner_of = _first_partner(conn, t.EventPartner, "event_id", [r.id for r in rows])
    documents = _document_words(conn, "event_id", [r.id for r in rows])
    return [Entry("event", r.id, r.key, r.title, partner_of.get(r.id), [r.title],
                  [r.place, r.organisers, r.programme_name, r.key, documents.get(r.id)]) for r in rows]


def _gifts(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Gift, ids, "key", "description", "partner_id", "giver", "recipient", "location")
    documents = _document_words(conn, "gift_id", [r.id for r in rows])
    return [Entry("gift", r.id, r.key, r.description, r.partner_id, [r.description],
                  [r.giver, r.recipient, r.location, r.key, documents.get(r.id)]) for r in rows]


def _letters(conn: Connection, ids: Optional[Sequence[int]]) -> list[Entry]:
    rows = _rows(conn, t.Letter, ids, "key", "subject", "partner_id", "reference", "summary")
    documents = _document_words(conn, "letter_id", [r.id for r in rows])
    return [Entry("letter", r.id, r.key, r.subject, r.partner_id, [r.subject],
                  [r.reference, r.summary, r.key, documents.get(r.id)]) for r in rows]


_BUILDERS = {
    "partner": _partners, "organisation": _organisations, "institution": _institutions,
    "person": _people, "agreement": _agreements, "visit": _visits, "event": _events,
    "gift": _gifts, "letter": _letters,
}
_BATCH = 500


# --- keeping it up to date -----------------------------------------------------------------

_PENDING = "search_index.pending"


def changed(session: Session, kind: str, record_id: int) -> None:
    """A record was written in this session: index it now, or at the end of ``deferred``."""
    pending = session.info.get(_PENDING)
    if pending is not None:
        pending.setdefault(kind, set()).add(record_id)
        return
    session.flush()   # the index reads the rows back through the session's connection
    refresh(session.connection(), kind, [record_id])


@contextmanager
def deferred(session: Session) -> Iterator[None]:
    """Index the records written in the block all at once at its end, in the same transaction.

    For bulk writes (an import): a few queries per 500 records instead of a few per record.
    If the block fails nothing is indexed — the caller rolls the writes back anyway.
    """
    pending: dict[str, set[int]] = {}
    session.info[_PENDING] = pending
    try:
        yield
    finally:
        session.info.pop(_PENDING, None)
    session.flush()
    for kind, ids in pending.items():
        refresh(session.connection(), kind, sorted(ids))


def refresh(conn: Connection, kind: str, ids: Sequence[int]) -> None:
    """Re-index these records of one kind (a kind search does not cover is ignored)."""
    builder = _BUILDERS.get(kind)
    if builder is None or not ids:
        return
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start:start + _BATCH])
        remove(conn, kind, chunk)
        entries = builder(conn, chunk)
        if entries:
            conn.execute(search_entry.insert(), [entry.values() for entry in entries])


def remove(conn: Connection, kind: str, ids: Sequence[int]) -> None:
    if kind in _BUILDERS and ids:
        conn.execute(search_entry.delete().where(search_entry.c.kind == kind,
                                                 search_entry.c.record_id.in_(list(ids))))


def _affiliated(conn: Connection, column: str, record_id: int) -> dict[str, list[int]]:
    aff = t.Affiliation.__table__
    people = conn.execute(sa.select(aff.c.person_id).where(aff.c[column] == record_id).distinct())
    return {"person": sorted(person_id for (person_id,) in people)}


# Entries of other records that take something from a record of this kind, through rows the
# database deletes with it (a person's partner comes from affiliations, which cascade).
_DERIVED = {
    "partner": lambda conn, id_: _affiliated(conn, "partner_id", id_),
    "institution": lambda conn, id_: _affiliated(conn, "institution_id", id_),
}


@contextmanager
def deleting(session: Session, kind: str, record_id: int) -> Iterator[None]:
    """Wrap the deletion of one record: its entry goes, and entries built from it are redone."""
    conn = session.connection()
    derived = _DERIVED[kind](conn, record_id) if kind in _DERIVED else {}
    remove(conn, kind, [record_id])
    yield
    session.flush()
    for other_kind, ids in derived.items():
        refresh(session.connection(), other_kind, ids)


def rebuild(conn: Connection) -> int:
    """Empty the index and fill it from every record; returns the number of entries."""
    conn.execute(search_entry.delete())
    count = 0
    for kind, builder in _BUILDERS.items():
        table = _TABLES[kind].__table__
        ids = [row[0] for row in conn.execute(sa.select(table.c.id).order_by(table.c.id))]
        for start in range(0, len(ids), _BATCH):
            entries = builder(conn, ids[start:start + _BATCH])
            if entries:
                conn.execute(search_entry.insert(), [entry.values() for entry in entries])
                count += len(entries)
    return count


_TABLES = {
    "partner": t.Partner, "organisation": t.Organisation, "institution": t.Institution,
    "person": t.Person, "agreement": t.Agreement, "visit": t.Visit, "event": t.Event,
    "gift": t.Gift, "letter": t.Letter,
}

