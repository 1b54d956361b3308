from datetime import date
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import InstitutionKind, LawfulBasis
from krakow_desk.domain.tables.base import (
    Versioned,
    enum_field, fk, json_list_field, key_field, source_field, text_field,
)


class Institution(Versioned, table=True):
    """A consulate, institute, chamber, university, NGO or Polonia organisation, here or abroad."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    name: str = Field(sa_column=sa.Column(sa.String(300), nullable=False, index=True))
    name_en: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(300)))
    kind: InstitutionKind = enum_field(InstitutionKind, nullable=False, default=InstitutionKind.OTHER)
    country: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(2)))
    city: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(200)))
    in_krakow: bool = Field(default=False, nullable=False)
    partner_id: Optional[int] = fk("partner.id", ondelete="SET NULL")
    address: Optional[str] = text_field()
    website: Optional[str] = text_field()
    email: Optional[str] = text_field()
    phone: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class Person(Versioned, table=True):
    """A contact: at a partner city, a consulate, an institute, or in Krakow."""
    __table_args__ = (sa.CheckConstraint("precedence IS NULL OR precedence >= 0",
                                         name="precedence_not_negative"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    given_name: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(200)))
    family_name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False, index=True))
    name_native: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(300)))
    honorific: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(80)))
    title: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(120)))
    function: Optional[str] = text_field()
    languages: list = json_list_field()
    emails: list = json_list_field()
    phones: list = json_list_field()
    address: Optional[str] = text_field()
    salutation: Optional[str] = text_field()
    salutation_pl: Optional[str] = text_field()
    precedence: Optional[int] = None
    dietary_notes: Optional[str] = text_field()
    accessibility_notes: Optional[str] = text_field()
    lawful_basis: Optional[LawfulBasis] = enum_field(LawfulBasis)
    retention_note: Optional[str] = text_field()
    erased_on: Optional[date] = None
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class Affiliation(SQLModel, table=True):
    """A person's role at an institution or partner city over a period."""
    __table_args__ = (
        sa.CheckConstraint("institution_id IS NOT NULL OR partner_id IS NOT NULL",
                           name="has_target"),
        sa.CheckConstraint("until IS NULL OR since IS NULL OR until >= since", name="period_order"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = fk("person.id", ondelete="CASCADE", nullable=False)
    institution_id: Optional[int] = fk("institution.id", ondelete="CASCADE")
    partner_id: Optional[int] = fk("partner.id", ondelete="CASCADE")
    role: Optional[str] = text_field()
    since: Optional[date] = None
    until: Optional[date] = None
