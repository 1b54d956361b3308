"""Names of the vocabularies' values for people, in the current language."""

from enum import Enum

from babel import Locale

from krakow_desk.domain import enums as e
from krakow_desk.i18n import N_, _, language

_LABELS: dict[Enum, str] = {
    e.Category.TWIN_CITY: N_("twin city"),
    e.Category.PARTNER_CITY: N_("partner city"),
    e.Category.HONORARY_TWIN_CITY: N_("honorary twin city"),
    e.Category.NO_AGREEMENT: N_("cooperation without a formal agreement"),
    e.PartnerStatusKind.ACTIVE: N_("active"),
    e.PartnerStatusKind.DORMANT: N_("dormant"),
    e.PartnerStatusKind.SUSPENDED: N_("suspended"),
    e.PartnerStatusKind.ENDED: N_("ended"),
}


NOT_STATED = N_("not stated")


def label(value: Enum | None) -> str:
    if value is None:
        return _(NOT_STATED)
    text = _LABELS.get(value)
    return _(text) if text else str(value.value).replace("_", " ")


def country_name(code: str | None) -> str:
    """The country's name in the current language (Babel's CLDR names), or the code if unknown."""
    if not code:
        return ""
    return Locale.parse(language()).territories.get(code.upper(), code)


def choices(enum_cls: type[Enum]) -> list[tuple[Enum, str]]:
    """Every value of a vocabulary with its label in the current language, in label order."""
    return sorted(((member, label(member)) for member in enum_cls), key=lambda pair: pair[1].casefold())


def countries() -> list[tuple[str, str]]:
    """(ISO code, name in the current language) for every country, in name order."""
    names = Locale.parse(language()).territories
    return sorted(((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()),
                  key=lambda pair: pair[1].casefold())
