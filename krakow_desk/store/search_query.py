"""Asking the search index: one ranking, three ways of finding the candidates.

A hit's score says how well the query matches: its words are a whole name (EXACT), the beginning
of a name (NAME_PREFIX), each the beginning of some word of the names (WORD_PREFIX), or found
only in the other fields (OTHER_FIELD). Ties go partners first, then by name and key. The score
is the same SQL (LIKE over the folded columns) on every database.

What differs is how the candidates are found:

- ``LikeIndex`` (any database): LIKE per word over the folded text, escaped; a full scan.
- ``FtsIndex`` (SQLite, migration 0002): the FTS5 table over ``search_entry``.
- ``TsvectorIndex`` (PostgreSQL 12+, migration 0002): GIN indexes over tsvector columns that the
  database generates from our own tokens (``array_to_tsvector``: no parser, no dictionary, no
  extension), queried with literal tsquery prefixes.

The indexed two search in stages, because a short prefix ("a") matches half the database while
the best hits are few: first only entries with a name beginning with the query, then entries
with every word in the names, then everything — stopping as soon as a stage fills the limit
with hits of its own rank, which no later stage could beat.
"""

import weakref
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine

from krakow_desk.domain import tables as t
from krakow_desk.store.search_index import FTS_TABLE, KINDS, search_entry, start_token

# Scores: higher is better.
EXACT, NAME_PREFIX, WORD_PREFIX, OTHER_FIELD = 4.0, 3.0, 2.0, 1.0


@dataclass(frozen=True)
class Found:
    """One index entry that matched, with its score and the partner it concerns (if any)."""
    kind: str
    record_id: int
    key: str
    title: str
    score: float
    partner_key: Optional[str]
    partner_name: Optional[str]
    partner_name_en: Optional[str]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(column: Any, pattern: str) -> Any:
    return column.like(pattern, escape="\\")


def _word(word: str) -> str:
    return "% " + _escape(word) + "%"


def _distinct(words: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(words))


# A stage: the least score its own hits have, and the WHERE clause choosing its candidates.
Stage = tuple[float, Any]


class SearchIndex:
    """Finds the entries holding every word of a query as a word prefix, best first."""

    def stages(self, words: list[str]) -> list[Stage]:
        raise NotImplementedError

    def search(self, conn: Connection, words: list[str], limit: int) -> list[Found]:
        if not words or limit < 1:
            return []
        found: list[Found] = []
        for least, candidates in self.stages(words):
            found = self._ranked(conn, words, candidates, limit)
            if sum(1 for hit in found if hit.score >= least) >= limit:
                break
        return found

    @staticmethod
    def _ranked(conn: Connection, words: list[str], candidates: Any, limit: int) -> list[Found]:
        e, p = search_entry.c, t.Partner.__table__
        phrase = _escape(" ".join(words))
        score = sa.case(
            (_like(e.names, "%| " + phrase + " |%"), EXACT),
            (_like(e.names, "%| " + phrase + "%"), NAME_PREFIX),
            (sa.and_(*(_like(e.names, _word(w)) for w in _distinct(words))), WORD_PREFIX),
            else_=OTHER_FIELD,
        ).label("score")
        kind_order = sa.case({kind: rank for rank, kind in enumerate(KINDS)}, value=e.kind)
        names = e.names
        if conn.dialect.name == "postgresql":
            names = sa.collate(names, "C")   # code-point order, as SQLite sorts
        query = (
            sa.select(e.kind, e.record_id, e.key, e.title, score, p.c.key, p.c.name, p.c.name_en)
            .select_from(search_entry.outerjoin(p, p.c.id == e.partner_id))
            .where(candidates)
            .order_by(sa.desc("score"), kind_order, names, e.key)
            .limit(limit)
        )
        return [Found(*row) for row in conn.execute(query)]


class LikeIndex(SearchIndex):
    """Any database: LIKE over the folded columns (no extension needed; wildcards escaped)."""

    def stages(self, words: list[str]) -> list[Stage]:
        e = search_entry.c
        return [(OTHER_FIELD, sa.and_(*(sa.or_(_like(e.names, _word(w)), _like(e.other, _word(w)))
                                        for w in _distinct(words))))]


def _fts_phrase(token: str) -> str:
    return '"' + token.replace('"', '""') + '"*'   # quoted: never FTS5 syntax


class FtsIndex(SearchIndex):
    """SQLite with FTS5: every word a quoted prefix query."""

    def stages(self, words: list[str]) -> list[Stage]:
        every = " ".join(_fts_phrase(w) for w in _distinct(words))
        return [(NAME_PREFIX, self._match("{starts} : " + _fts_phrase(start_token(words)))),
                (WORD_PREFIX, self._match("{names} : (" + every + ")")),
                (OTHER_FIELD, self._match(every))]

    @staticmethod
    def _match(expression: str) -> Any:
        fts = sa.table(FTS_TABLE, sa.column("rowid"))
        matching = sa.select(fts.c.rowid).where(sa.literal_column(FTS_TABLE).op("MATCH")(expression))
        return search_entry.c.id.in_(matching)


def _lexeme_prefix(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "':*"


class TsvectorIndex(SearchIndex):
    """PostgreSQL: GIN over tsvectors of our own tokens; literal tsquery prefixes."""

    def stages(self, words: list[str]) -> list[Stage]:
        every = " & ".join(_lexeme_prefix(w) for w in _distinct(words))
        return [(NAME_PREFIX, self._match("start_words", _lexeme_prefix(start_token(words)))),
                (WORD_PREFIX, self._match("name_words", every)),
                (OTHER_FIELD, self._match("words", every))]

    @staticmethod
    def _match(column: str, query: str) -> Any:
        vector = sa.literal_column(f"search_entry.{column}", postgresql.TSVECTOR)
        return vector.op("@@")(sa.cast(sa.literal(query), postgresql.TSQUERY))


def _has_fts(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (FTS_TABLE,)).first() is not None


def _has_tsvectors(conn: Connection) -> bool:
    return conn.execute(sa.text(
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'search_entry' AND column_name = 'start_words'")).first() is not None


_CHOICE: "weakref.WeakKeyDictionary[Engine, SearchIndex]" = weakref.WeakKeyDictionary()
_DETECT: dict[str, tuple[Callable[[Connection], bool], type[SearchIndex]]] = {
    "sqlite": (_has_fts, FtsIndex), "postgresql": (_has_tsvectors, TsvectorIndex),
}


def index_for(conn: Connection) -> SearchIndex:
    """The best way this database offers (what migration 0002 could create), LIKE otherwise."""
    engine = conn.engine
    if engine not in _CHOICE:
        detect, indexed = _DETECT.get(conn.dialect.name, (lambda _: False, LikeIndex))
        _CHOICE[engine] = indexed() if detect(conn) else LikeIndex()
    return _CHOICE[engine]
