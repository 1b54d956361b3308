"""Writing and verifying the change history's hash chain.

Every writing transaction first locks the chain's head (``begin``): on PostgreSQL a row lock
held to commit, on SQLite the database's write lock, taken before any read so a second desk waits
instead of failing on a stale snapshot. Entries then get consecutive ids and each one's hash
covers the hash before it, so an entry edited, removed or inserted afterwards breaks the chain
that ``verify`` walks. The head is written back once, just before commit.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from decimal import Decimal
from enum import Enum
from typing import Any, Iterable, Iterator, Optional

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from krakow_desk.domain.tables import ChangeLog, HistoryHead

GENESIS = "0" * 64
STATE = "krakow_desk.history"   # key in Session.info
REDACTED = "[erased]"


@dataclass
class _Chain:
    last_id: int
    last_hash: str
    dirty: bool = False


def json_value(value: Any) -> Any:
    """A value as the history keeps it: JSON types only, dates as ISO text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral_value() else str(value)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_value(v) for v in value]
    return value


def canonical(value: Any) -> str:
    return json.dumps(json_value(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest_of(record_key: str, changes_text: str) -> str:
    return hashlib.sha256(f"{record_key}\n{changes_text}".encode("utf-8")).hexdigest()


def hash_of(prev_hash: str, entry_id: int, at: str, actor: str, kind: str,
            record_id: Optional[int], action: str, digest: str) -> str:
    text = "\n".join([prev_hash, str(entry_id), at, actor, kind,
                      "" if record_id is None else str(record_id), action, digest])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def begin(session: Session) -> None:
    """Lock the chain's head for this transaction. Call first thing in every writing transaction."""
    if STATE in session.info:
        return
    if session.get_bind().dialect.name == "sqlite":
        # A write first: the transaction holds the write lock before it reads anything.
        session.execute(sa.update(HistoryHead).where(HistoryHead.id == 1).values(id=1))
        row = session.execute(sa.select(HistoryHead.last_id, HistoryHead.last_hash)
                              .where(HistoryHead.id == 1)).one()
    else:
        row = session.execute(sa.select(HistoryHead.last_id, HistoryHead.last_hash)
                              .where(HistoryHead.id == 1).with_for_update()).one()
    session.info[STATE] = _Chain(row.last_id, row.last_hash)


def append(session: Session, *, actor: str, kind: str, record_key: str, record_id: Optional[int],
           action: str, changes: dict[str, Any], at: Optional[str] = None) -> int:
    """Add one entry at the end of the chain, in the caller's transaction; returns its id."""
    begin(session)
    chain: _Chain = session.info[STATE]
    entry_id, at = chain.last_id + 1, at or now_utc()
    changes_text = canonical(changes)
    digest = digest_of(record_key, changes_text)
    entry_hash = hash_of(chain.last_hash, entry_id, at, actor, kind, record_id, action, digest)
    session.add(ChangeLog(id=entry_id, at=at, actor=actor, kind=kind, record_key=record_key,
                          record_id=record_id, action=action, changes=changes_text, digest=digest,
                          prev_hash=chain.last_hash, hash=entry_hash))
    chain.last_id, chain.last_hash, chain.dirty = entry_id, entry_hash, True
    return entry_id


@event.listens_for(Session, "before_commit")
def _write_head(session: Session) -> None:
    chain: Optional[_Chain] = session.info.get(STATE)
    if chain is not None and chain.dirty:
        session.flush()
        session.execute(sa.update(HistoryHead).where(HistoryHead.id == 1)
                        .values(last_id=chain.last_id, last_hash=chain.last_hash))
        chain.dirty = False


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(STATE, None)


def diff(old: Optional[dict[str, Any]], new: Optional[dict[str, Any]]) -> dict[str, list[Any]]:
    """Field by field, ``[old, new]`` for what differs; a creation or deletion lists what was set."""
    old_values = {k: json_value(v) for k, v in (old or {}).items()}
    new_values = {k: json_value(v) for k, v in (new or {}).items()}
    changes: dict[str, list[Any]] = {}
    for name in list(old_values) + [n for n in new_values if n not in old_values]:
        before, after = old_values.get(name), new_values.get(name)
        if before in (None, [], "") and after in (None, [], ""):
            continue
        if before != after:
            changes[name] = [before, after]
    return changes


@dataclass(frozen=True)
class LastChange:
    actor: str
    at: str


def last_change(session: Session, kind: str, record_id: int) -> Optional[LastChange]:
    """Who changed a record last and when (UTC ISO), if the history knows."""
    row = session.execute(sa.select(ChangeLog.actor, ChangeLog.at)
                          .where(ChangeLog.kind == kind, ChangeLog.record_id == record_id)
                          .order_by(ChangeLog.id.desc()).limit(1)).one_or_none()
    return LastChange(row.actor, row.at) if row else None


# --- verification ------------------------------------------------------------------------

@dataclass(frozen=True)
class ChainProblem:
    entry_id: Optional[int]
    what: str       # "hash", "link", "content", "gap", "head", "redaction"


def verify(session: Session, batch: int = 5000) -> list[ChainProblem]:
    """Walk the whole chain; every entry must link to the one before, hash to what it says, and
    (unless an erasure redacted it, as an erasure entry records) hold the content its digest says."""
    problems: list[ChainProblem] = []
    prev_hash, expected_id = GENESIS, 1
    redacted_ids: set[int] = set()
    listed: set[int] = set()
    for entry in _entries(session, batch):
        if entry.id != expected_id:
            problems.append(ChainProblem(entry.id, "gap"))
        if entry.prev_hash != prev_hash:
            problems.append(ChainProblem(entry.id, "link"))
        if entry.hash != hash_of(entry.prev_hash, entry.id, entry.at, entry.actor, entry.kind,
                                 entry.record_id, entry.action, entry.digest):
            problems.append(ChainProblem(entry.id, "hash"))
        if entry.redacted:
            redacted_ids.add(entry.id)
        elif digest_of(entry.record_key, entry.changes) != entry.digest:
            problems.append(ChainProblem(entry.id, "content"))
        if entry.action == "erased" and not entry.redacted:
            try:
                listed.update(int(i) for i in json.loads(entry.changes).get("redacted_entries", [[], []])[1])
            except (ValueError, TypeError, AttributeError):
                problems.append(ChainProblem(entry.id, "content"))
        prev_hash, expected_id = entry.hash, entry.id + 1
    head = session.execute(sa.select(HistoryHead.last_id, HistoryHead.last_hash)
                           .where(HistoryHead.id == 1)).one_or_none()
    if head is None or head.last_id != expected_id - 1 or head.last_hash != prev_hash:
        problems.append(ChainProblem(None, "head"))
    for entry_id in sorted(redacted_ids - listed):
        problems.append(ChainProblem(entry_id, "redaction"))
    return problems


def _entries(session: Session, batch: int) -> Iterator[Any]:
    after = 0
    while True:
        rows = session.execute(sa.select(ChangeLog.__table__).where(ChangeLog.id > after)
                               .order_by(ChangeLog.id).limit(batch)).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].id


def redact_values(value: Any, needles: Iterable[str]) -> Any:
    """``value`` with every string that holds one of ``needles`` replaced by the erased mark."""
    lowered = [n.casefold() for n in needles if n]
    if isinstance(value, str):
        return REDACTED if any(n in value.casefold() for n in lowered) else value
    if isinstance(value, list):
        return [redact_values(v, lowered) for v in value]
    if isinstance(value, dict):
        return {k: redact_values(v, lowered) for k, v in value.items()}
    return value
