from datetime import date
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import AgreementKind, AgreementRelation, Domain, Precision
from krakow_desk.domain.tables.base import (
    Versioned,
    enum_field, enum_type, fk, key_field, precision_field, source_field, text_field,
)


class Agreement(Versioned, table=True):
    """A signed document behind a partnership: agreement, title, protocol, programme, letter…"""
    __table_args__ = (
        sa.CheckConstraint("term_end IS NULL OR term_start IS NULL OR term_end >= term_start",
                           name="term_order"),
        sa.CheckConstraint("term_months IS NULL OR term_months > 0", name="term_positive"),
        sa.CheckConstraint("renewal_months IS NULL OR renewal_months > 0", name="renewal_positive"),
        sa.CheckConstraint("notice_months IS NULL OR notice_months >= 0", name="notice_not_negative"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    partner_id: int = fk("partner.id", ondelete="RESTRICT", nullable=False)
    kind: AgreementKind = enum_field(AgreementKind, nullable=False, index=True)
    title: Optional[str] = text_field()
    signed_on: Optional[date] = Field(default=None, index=True)
    signed_on_precision: Precision = precision_field()
    party_krakow: Optional[str] = text_field()
    party_partner: Optional[str] = text_field()
    signatory_krakow: Optional[str] = text_field()
    signatory_partner: Optional[str] = text_field()
    term_start: Optional[date] = None
    term_end: Optional[date] = None
    indefinite: bool = Field(default=False, nullable=False)
    term_months: Optional[int] = None
    auto_renews: bool = Field(default=False, nullable=False)
    renewal_months: Optional[int] = None
    notice_months: Optional[int] = None
    terminated_on: Optional[date] = None
    relation: Optional[AgreementRelation] = enum_field(AgreementRelation)
    related_id: Optional[int] = fk("agreement.id", ondelete="SET NULL")
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class AgreementDomain(SQLModel, table=True):
    __tablename__ = "agreement_domain"
    agreement_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("agreement.id", ondelete="CASCADE"), primary_key=True))
    domain: Domain = Field(sa_column=sa.Column(enum_type(Domain), primary_key=True))
