from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import FigureMetric
from krakow_desk.domain.tables.base import Versioned, enum_field, key_field, source_field, text_field


class Source(Versioned, table=True):
    """A document or page that records cite."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = key_field()
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    url: Optional[str] = text_field()
    note: Optional[str] = text_field()


class Setting(SQLModel, table=True):
    """Office-wide settings and the home city, as JSON values."""
    key: str = Field(sa_column=sa.Column(sa.String(80), primary_key=True))
    value: Optional[dict] = Field(default=None, sa_column=sa.Column(sa.JSON, nullable=True))


class YearlyFigure(SQLModel, table=True):
    """A yearly total the office reported by hand, for years before individual records were kept."""
    __tablename__ = "yearly_figure"
    __table_args__ = (sa.UniqueConstraint("year", "metric", name="uq_yearly_figure_year_metric"),
                      sa.CheckConstraint("value >= 0", name="value_not_negative"))
    id: Optional[int] = Field(default=None, primary_key=True)
    year: int = Field(nullable=False)
    metric: FigureMetric = enum_field(FigureMetric, nullable=False)
    value: int = Field(nullable=False)
    approximate: bool = Field(default=False, nullable=False)
    note: Optional[str] = text_field()
    source: Optional[str] = source_field()
