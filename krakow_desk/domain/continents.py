"""Which continent a country lies on, from CLDR's territory containment (UN M49 regions).

Babel ships no containment data, so CLDR's few lines are kept here as printed by
tools/cldr_containment.py (CLDR supplementalData.xml): regenerate them, never edit by hand.
"""

from functools import lru_cache

from krakow_desk.domain.enums import Continent

# M49 region -> what it contains (sub-regions or ISO 3166 codes); generated, see the docstring.
_CONTAINS = {
    "001": "019 002 150 142 009",
    "002": "015 011 017 014 018",
    "005": "AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE",
    "009": "053 054 057 061 QO",
    "011": "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG",
    "013": "BZ CR GT HN MX NI PA SV",
    "014": "BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW",
    "015": "DZ EG EH LY MA SD TN EA IC",
    "017": "AO CD CF CG CM GA GQ ST TD",
    "018": "BW LS NA SZ ZA",
    "019": "021 013 029 005",
    "021": "BM CA GL PM US",
    "029": "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI",
    "030": "CN HK JP KP KR MN MO TW",
    "034": "AF BD BT IN IR LK MV NP PK",
    "035": "BN ID KH LA MM MY PH SG TH TL VN",
    "039": "AD AL BA ES GI GR HR IT ME MK MT RS PT SI SM VA XK",
    "053": "AU CC CX HM NF NZ",
    "054": "FJ NC PG SB VU",
    "057": "FM GU KI MH MP NR PW UM",
    "061": "AS CK NU PF PN TK TO TV WF WS",
    "142": "145 143 030 034 035",
    "143": "TM TJ KG KZ UZ",
    "145": "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE",
    "150": "154 155 151 039",
    "151": "BG BY CZ HU MD PL RO RU SK UA",
    "154": "GG IM JE AX DK EE FI FO GB IE IS LT LV NO SE SJ CQ",
    "155": "AT BE CH DE FR LI LU MC NL",
    "QO": "AQ AC CP DG TA",
}

# The M49 regions that are continents as the office names them; North America is M49's
# Northern America, Central America and the Caribbean (CLDR's grouping 003).
_CONTINENT_REGIONS = {
    "150": Continent.EUROPE,
    "142": Continent.ASIA,
    "002": Continent.AFRICA,
    "021": Continent.NORTH_AMERICA,
    "013": Continent.NORTH_AMERICA,
    "029": Continent.NORTH_AMERICA,
    "005": Continent.SOUTH_AMERICA,
    "009": Continent.OCEANIA,
}
# CLDR files Antarctica under "Outlying Oceania"; the office would never call it Oceania.
_OVERRIDES = {"AQ": Continent.ANTARCTICA}


@lru_cache(maxsize=1)
def _table() -> dict[str, Continent]:
    table: dict[str, Continent] = {}

    def walk(region: str, continent: Continent) -> None:
        for member in _CONTAINS.get(region, "").split():
            if member in _CONTAINS:
                walk(member, continent)
            else:
                table[member] = continent

    for region, continent in _CONTINENT_REGIONS.items():
        walk(region, continent)
    table.update(_OVERRIDES)
    return table


def continent_of(country_code: str | None) -> Continent | None:
    """The continent of an ISO 3166-1 alpha-2 country code (any case), or None if unknown."""
    if not country_code:
        return None
    return _table().get(country_code.strip().upper())


def countries_in(continent: Continent) -> list[str]:
    """ISO codes of the countries on a continent, in code order."""
    return sorted(code for code, where in _table().items() if where is continent)
