import datetime as dt
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import Channel, Direction, TaskStatus
from krakow_desk.domain.tables.base import Versioned, enum_field, fk, key_field, source_field, text_field


class Letter(Versioned, table=True):
    """A letter or e-mail exchanged with a partner."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    direction: Direction = enum_field(Direction, nullable=False)
    date: dt.date = Field(nullable=False, index=True)
    channel: Channel = enum_field(Channel, nullable=False, default=Channel.LETTER)
    reference: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(80), unique=True))
    subject: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    partner_id: Optional[int] = fk("partner.id", ondelete="RESTRICT")
    summary: Optional[str] = text_field()
    reply_due_on: Optional[dt.date] = None
    reply_to_id: Optional[int] = fk("letter.id", ondelete="SET NULL")
    source: Optional[str] = source_field()


class LetterPerson(SQLModel, table=True):
    __tablename__ = "letter_person"
    letter_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("letter.id", ondelete="CASCADE"), primary_key=True))
    person_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True))


class Task(Versioned, table=True):
    """A follow-up: something someone must do by a date, attached to the record it concerns."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    due_on: Optional[dt.date] = Field(default=None, index=True)
    assignee: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(200)))
    status: TaskStatus = enum_field(TaskStatus, nullable=False, default=TaskStatus.OPEN)
    done_on: Optional[dt.date] = None
    partner_id: Optional[int] = fk("partner.id", ondelete="CASCADE")
    agreement_id: Optional[int] = fk("agreement.id", ondelete="CASCADE")
    visit_id: Optional[int] = fk("visit.id", ondelete="CASCADE")
    letter_id: Optional[int] = fk("letter.id", ondelete="CASCADE")
    event_id: Optional[int] = fk("event.id", ondelete="CASCADE")
    notes: Optional[str] = text_field()


class Document(SQLModel, table=True):
    """A file kept in the managed document store, named there by its SHA-256."""
    __table_args__ = (sa.CheckConstraint("size_bytes >= 0", name="size_not_negative"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    sha256: str = Field(sa_column=sa.Column(sa.String(64), nullable=False, index=True))
    original_name: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    media_type: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(120)))
    size_bytes: int = Field(nullable=False)
    added_at: dt.datetime = Field(nullable=False)
    text: Optional[str] = text_field()
    agreement_id: Optional[int] = fk("agreement.id", ondelete="RESTRICT")
    visit_id: Optional[int] = fk("visit.id", ondelete="RESTRICT")
    letter_id: Optional[int] = fk("letter.id", ondelete="RESTRICT")
    event_id: Optional[int] = fk("event.id", ondelete="RESTRICT")
    gift_id: Optional[int] = fk("gift.id", ondelete="RESTRICT")


class ReferenceCounter(SQLModel, table=True):
    """The last reference number handed out in a year: letters are numbered per year, and the
    counter is raised in the same transaction that saves the letter, so two desks saving at once
    never get the same number."""
    __tablename__ = "reference_counter"
    __table_args__ = (sa.CheckConstraint("last >= 0", name="last_not_negative"),)
    year: int = Field(sa_column=sa.Column(sa.Integer, primary_key=True, autoincrement=False))
    last: int = Field(nullable=False)
