# No "from __future__ import annotations" in table modules: SQLModel reads the annotations.
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from krakow_desk.domain.enums import Precision

# Named constraints so that Alembic batch migrations can find and alter them on every backend.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata


def enum_type(enum: type[Enum]) -> sa.Enum:
    """A portable enum column: VARCHAR holding the value, no native PostgreSQL type to migrate."""
    return sa.Enum(enum, native_enum=False, create_constraint=False, length=32,
                   values_callable=lambda e: [m.value for m in e], validate_strings=True)


def enum_field(enum: type[Enum], *, nullable: bool = True, default: Any = None,
               index: bool = False) -> Any:
    return Field(default=default, sa_column=sa.Column(enum_type(enum), nullable=nullable,
                                                      index=index))


def precision_field() -> Any:
    return Field(default=Precision.DAY, sa_column=sa.Column(
        enum_type(Precision), nullable=False, server_default=Precision.DAY.value))


def key_field() -> Any:
    return Field(sa_column=sa.Column(sa.String(120), nullable=False, unique=True))


def source_field() -> Any:
    return Field(default=None, sa_column=sa.Column(
        sa.String(120), sa.ForeignKey("source.key", onupdate="CASCADE"), nullable=True))


def fk(target: str, *, ondelete: str, nullable: bool = True, index: bool = True) -> Any:
    return Field(default=None, sa_column=sa.Column(
        sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index))


def text_field(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=sa.Column(sa.Text, nullable=nullable))


def money_field() -> Any:
    return Field(default=None, sa_column=sa.Column(sa.Numeric(14, 2), nullable=True))


def json_list_field() -> Any:
    return Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False,
                                                           server_default="[]"))



class Versioned(SQLModel):
    """A record people edit: ``version`` rises with every save, so that a save made from an
    older copy is recognised (optimistic locking) instead of overwriting someone's work."""
    version: int = Field(default=1, nullable=False, sa_column_kwargs={"server_default": sa.text("1")})
