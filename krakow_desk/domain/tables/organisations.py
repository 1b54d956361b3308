from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.tables.base import Versioned, fk, key_field, money_field, source_field, text_field


class Organisation(Versioned, table=True):
    """An international organisation of cities (EUROCITIES, League of Historical Cities…)."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    name: str = Field(sa_column=sa.Column(sa.String(300), nullable=False))
    name_en: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(300)))
    acronym: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(40)))
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class Membership(Versioned, table=True):
    """Krakow's membership in an organisation: since when, the fee, who coordinates it."""
    __table_args__ = (
        sa.CheckConstraint("fee IS NULL OR fee >= 0", name="fee_not_negative"),
        sa.CheckConstraint("left_year IS NULL OR joined_year IS NULL OR left_year >= joined_year",
                           name="years_order"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    organisation_id: int = fk("organisation.id", ondelete="CASCADE", nullable=False)
    joined_year: Optional[int] = None
    left_year: Optional[int] = None
    fee: Optional[Decimal] = money_field()
    fee_currency: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(3)))
    fee_note: Optional[str] = text_field()
    coordinating_department: Optional[str] = text_field()
    representative: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()
