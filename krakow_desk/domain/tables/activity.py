import datetime as dt
from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import (
    Direction, Domain, EventKind, GiftCategory, GiftDirection, Precision, Side, VisitKind, VisitStatus,
)
from krakow_desk.domain.tables.base import (
    Versioned,
    enum_field, enum_type, fk, json_list_field, key_field, money_field, precision_field,
    source_field, text_field,
)


class Visit(Versioned, table=True):
    """A delegation visit, incoming to Krakow or outgoing from it."""
    __table_args__ = (sa.CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on",
                                         name="dates_order"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    direction: Direction = enum_field(Direction, nullable=False)
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    purpose: Optional[str] = text_field()
    kind: Optional[VisitKind] = enum_field(VisitKind)
    status: VisitStatus = enum_field(VisitStatus, nullable=False, default=VisitStatus.PLANNED)
    start_on: Optional[dt.date] = Field(default=None, index=True)
    start_on_precision: Precision = precision_field()
    end_on: Optional[dt.date] = None
    end_on_precision: Precision = precision_field()
    place: Optional[str] = text_field()
    accommodation: Optional[str] = text_field()
    transport: Optional[str] = text_field()
    interpreters: Optional[str] = text_field()
    outcomes: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class VisitPartner(SQLModel, table=True):
    __tablename__ = "visit_partner"
    visit_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True))
    partner_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("partner.id", ondelete="RESTRICT"), primary_key=True, index=True))


class VisitParticipant(SQLModel, table=True):
    """A member of a delegation or one of Krakow's hosts."""
    __tablename__ = "visit_participant"
    __table_args__ = (sa.CheckConstraint("person_id IS NOT NULL OR name IS NOT NULL OR role IS NOT NULL", name="named"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    visit_id: int = fk("visit.id", ondelete="CASCADE", nullable=False)
    person_id: Optional[int] = fk("person.id", ondelete="RESTRICT")
    name: Optional[str] = text_field()
    side: Side = enum_field(Side, nullable=False, default=Side.GUEST)
    role: Optional[str] = text_field()
    precedence: Optional[int] = None
    languages: list = json_list_field()
    position: int = Field(default=0, nullable=False)


class ProgrammeItem(SQLModel, table=True):
    """One line of a visit's programme."""
    __tablename__ = "programme_item"
    id: Optional[int] = Field(default=None, primary_key=True)
    visit_id: int = fk("visit.id", ondelete="CASCADE", nullable=False)
    day: Optional[dt.date] = None
    start: Optional[dt.time] = None
    end: Optional[dt.time] = None
    place: Optional[str] = text_field()
    activity: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    responsible: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    position: int = Field(default=0, nullable=False)


class Event(Versioned, table=True):
    """A presentation, fair, festival, jubilee or joint project."""
    __table_args__ = (
        sa.CheckConstraint("end_on IS NULL OR start_on IS NULL OR end_on >= start_on", name="dates_order"),
        sa.CheckConstraint("budget IS NULL OR budget >= 0", name="budget_not_negative"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    kind: EventKind = enum_field(EventKind, nullable=False, default=EventKind.OTHER)
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    start_on: Optional[dt.date] = Field(default=None, index=True)
    start_on_precision: Precision = precision_field()
    end_on: Optional[dt.date] = None
    end_on_precision: Precision = precision_field()
    place: Optional[str] = text_field()
    organisers: Optional[str] = text_field()
    programme_name: Optional[str] = text_field()
    budget: Optional[Decimal] = money_field()
    currency: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(3)))
    co_financing: Optional[str] = text_field()
    outcomes: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class EventPartner(SQLModel, table=True):
    __tablename__ = "event_partner"
    event_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("event.id", ondelete="CASCADE"), primary_key=True))
    partner_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("partner.id", ondelete="RESTRICT"), primary_key=True, index=True))


class EventDomain(SQLModel, table=True):
    __tablename__ = "event_domain"
    event_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("event.id", ondelete="CASCADE"), primary_key=True))
    domain: Domain = Field(sa_column=sa.Column(enum_type(Domain), primary_key=True))


class Gift(Versioned, table=True):
    """A gift or material aid, given by Krakow or received from a partner."""
    __table_args__ = (
        sa.CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity_positive"),
        sa.CheckConstraint("value IS NULL OR value >= 0", name="value_not_negative"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    direction: GiftDirection = enum_field(GiftDirection, nullable=False)
    date: Optional[dt.date] = Field(default=None, index=True)
    date_precision: Precision = precision_field()
    partner_id: Optional[int] = fk("partner.id", ondelete="RESTRICT")
    visit_id: Optional[int] = fk("visit.id", ondelete="SET NULL")
    giver: Optional[str] = text_field()
    recipient: Optional[str] = text_field()
    description: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    category: GiftCategory = enum_field(GiftCategory, nullable=False, default=GiftCategory.OTHER)
    quantity: Optional[int] = None
    value: Optional[Decimal] = money_field()
    currency: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(3)))
    location: Optional[str] = text_field()
    disposition: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()
