from datetime import date
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import Assessment, Category, Domain, PartnerKind, PartnerStatusKind, Precision
from krakow_desk.domain.tables.base import (
    Versioned,
    enum_field, enum_type, fk, key_field, precision_field, source_field, text_field,
)


class Partner(Versioned, table=True):
    """A partner city (or region) and the office's relationship with it."""
    __table_args__ = (
        sa.CheckConstraint("latitude IS NULL OR (latitude >= -90 AND latitude <= 90)", name="latitude_range"),
        sa.CheckConstraint("longitude IS NULL OR (longitude >= -180 AND longitude <= 180)", name="longitude_range"),
        sa.CheckConstraint("population IS NULL OR population >= 0", name="population_not_negative"),
        sa.CheckConstraint("area_km2 IS NULL OR area_km2 > 0", name="area_positive"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False, index=True))
    name_en: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(200)))
    name_native: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(200)))
    kind: PartnerKind = enum_field(PartnerKind, nullable=False, default=PartnerKind.CITY)
    country: str = Field(sa_column=sa.Column(sa.String(2), nullable=False, index=True))
    is_capital: bool = Field(default=False, nullable=False)
    timezone: Optional[str] = Field(default=None, sa_column=sa.Column(sa.String(64)))
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    coordinates_source: Optional[str] = source_field()
    population: Optional[int] = None
    population_year: Optional[int] = None
    population_source: Optional[str] = source_field()
    area_km2: Optional[float] = None
    area_source: Optional[str] = source_field()
    elevation_m: Optional[float] = None
    elevation_source: Optional[str] = source_field()
    category: Optional[Category] = enum_field(Category, index=True)
    assessment: Optional[Assessment] = enum_field(Assessment)
    assessment_note: Optional[str] = text_field()
    notes: Optional[str] = text_field()
    source: Optional[str] = source_field()


class PartnerAlias(SQLModel, table=True):
    """Another name the partner goes by (Kiev for Kyiv), for look-ups."""
    __tablename__ = "partner_alias"
    __table_args__ = (sa.UniqueConstraint("partner_id", "alias", name="uq_partner_alias_partner_alias"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    partner_id: int = fk("partner.id", ondelete="CASCADE", nullable=False)
    alias: str = Field(sa_column=sa.Column(sa.String(200), nullable=False))


class PartnerStatus(SQLModel, table=True):
    """One period of the relationship's status: active, dormant, suspended or ended."""
    __tablename__ = "partner_status"
    id: Optional[int] = Field(default=None, primary_key=True)
    partner_id: int = fk("partner.id", ondelete="CASCADE", nullable=False)
    status: PartnerStatusKind = enum_field(PartnerStatusKind, nullable=False)
    since: Optional[date] = None
    since_precision: Precision = precision_field()
    until: Optional[date] = None
    until_precision: Precision = precision_field()
    note: Optional[str] = text_field()
    source: Optional[str] = source_field()


class PartnerDomain(SQLModel, table=True):
    __tablename__ = "partner_domain"
    partner_id: int = Field(sa_column=sa.Column(
        sa.Integer, sa.ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True))
    domain: Domain = Field(sa_column=sa.Column(enum_type(Domain), primary_key=True))
