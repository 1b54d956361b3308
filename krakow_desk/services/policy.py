"""The office's policy: rules every desk on a shared database applies alike, kept in the database
(unlike window settings, which belong to one person's computer): the gift threshold and value
bands, the pattern of letters' reference numbers, and when a partner counts as dormant."""

from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import Field, ValidationError, field_validator

from krakow_desk.domain import tables as t
from krakow_desk.domain.references import check_pattern
from krakow_desk.domain.schema import Currency, Record, Required
from krakow_desk.services.errors import from_validation

if TYPE_CHECKING:
    from krakow_desk.services.collection import Changes
    from krakow_desk.services.desk import Desk

POLICY_SETTING = "policy"


class OfficePolicy(Record):
    # A received gift worth more than this is flagged for the register's review.
    gift_threshold: Decimal = Field(default=Decimal("300"), ge=0, max_digits=14, decimal_places=2)
    gift_currency: Currency = "PLN"
    # Upper limits of the token, modest and substantial bands; above the last, a gift is "high".
    gift_bands: list[Decimal] = Field(default_factory=lambda: [Decimal("100"), Decimal("500"), Decimal("2000")])

    # Letters are numbered per year in this pattern when saved without a reference.
    reference_pattern: Required = "IR/{year}/{number:04}"   # text a reference can hold
    # A partner with no visit, letter, event or gift for this many months is listed as dormant.
    dormant_months: int = Field(default=24, ge=1, le=600)

    @field_validator("reference_pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        return check_pattern(value.strip())

    @field_validator("gift_bands")
    @classmethod
    def _bands(cls, values: list[Decimal]) -> list[Decimal]:
        if len(values) != 3:
            raise ValueError("three limits are needed: token, modest and substantial")
        if any(v <= 0 for v in values) or values != sorted(set(values)):
            raise ValueError("the limits must be positive and rising")
        return values

    @field_validator("gift_currency")
    @classmethod
    def _currency(cls, value: str | None) -> str:
        if not value:
            raise ValueError("the currency is required")
        return value


def policy(desk: "Desk") -> OfficePolicy:
    with desk.session() as session:
        row = session.get(t.Setting, POLICY_SETTING)
        return OfficePolicy.model_validate(row.value) if row and row.value else OfficePolicy()


def set_policy(desk: "Desk", value: "OfficePolicy | dict") -> "Changes":
    from krakow_desk.services.collection import Changes
    from krakow_desk.services.desk import append_setting
    try:
        data = OfficePolicy.model_validate(value.model_dump() if isinstance(value, OfficePolicy) else value)
    except ValidationError as error:
        raise from_validation("policy", error) from None
    with desk.writing() as session:
        row = session.get(t.Setting, POLICY_SETTING) or t.Setting(key=POLICY_SETTING)
        before = dict(row.value or {})
        row.value = data.model_dump(mode="json")
        session.add(row)
        append_setting(session, desk.actor, POLICY_SETTING, before, row.value)
    return Changes(updated=(("policy", POLICY_SETTING),))
