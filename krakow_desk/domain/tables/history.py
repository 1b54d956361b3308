"""The change history: an append-only log, each entry chained to the one before by a hash."""

from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class ChangeLog(SQLModel, table=True):
    """One change to one record: who, when, and each field from old to new.

    ``id`` is the entry's place in the chain (assigned by the writer, gapless). ``digest`` is the
    SHA-256 of the record's key and the changes as first written; ``hash`` chains ``prev_hash``,
    the entry's fixed fields and ``digest``. Erasing a person clears their values from
    ``record_key`` and ``changes`` (``redacted``) while the digest, and so the chain, stay.
    """
    __tablename__ = "change_log"
    __table_args__ = (sa.Index("ix_change_log_kind_record", "kind", "record_id"),)
    id: int = Field(sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False))
    at: str = Field(sa_column=sa.Column(sa.String(32), nullable=False))      # ISO 8601, UTC
    actor: str = Field(sa_column=sa.Column(sa.String(200), nullable=False))
    kind: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    record_key: str = Field(sa_column=sa.Column(sa.String(120), nullable=False))
    record_id: Optional[int] = Field(default=None, sa_column=sa.Column(sa.Integer, nullable=True))
    action: str = Field(sa_column=sa.Column(sa.String(20), nullable=False))
    changes: str = Field(sa_column=sa.Column(sa.Text, nullable=False))       # canonical JSON
    digest: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    prev_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
    redacted: bool = Field(default=False, sa_column=sa.Column(
        sa.Boolean, nullable=False, server_default=sa.false()))


class HistoryHead(SQLModel, table=True):
    """The chain's last entry: one row, locked by every writing transaction so that entries
    from two desks are appended one after the other, never side by side."""
    __tablename__ = "history_head"
    id: int = Field(sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False))
    last_id: int = Field(sa_column=sa.Column(sa.Integer, nullable=False))
    last_hash: str = Field(sa_column=sa.Column(sa.String(64), nullable=False))
