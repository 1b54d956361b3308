"""Rules of the gifts register: value bands, the threshold for received gifts, repeated gifts.

Pure functions over plain values; the services feed them the records and the office's policy.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from decimal import Decimal
from typing import Optional, Sequence

from rapidfuzz import fuzz

from krakow_desk.domain.enums import ValueBand
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.text import fold

BANDS = (ValueBand.TOKEN, ValueBand.MODEST, ValueBand.SUBSTANTIAL, ValueBand.HIGH)
# Descriptions this alike (folded, punctuation dropped, word order ignored, one's words found
# in the other's) name the same gift: "Album o Krakowie" and "album „Kraków”"; "Popiersie
# Domeyki" and "Popiersie Ignacego Domeyki". "Kryształowy wazon" and "Kryształowa patera" do not.
SIMILAR = 80.0
_PUNCTUATION = re.compile(r"[^\w\s]+")


def value_band(value: Optional[Decimal], currency: Optional[str], limits: Sequence[Decimal],
               policy_currency: str) -> ValueBand:
    """The band of a value, given the ascending upper limits of the first three bands.

    A value in another currency is not converted: exchange rates change, and a band that moved
    with them would mislead more than it helps.
    """
    if value is None:
        return ValueBand.UNKNOWN
    if (currency or "").upper() != policy_currency.upper():
        return ValueBand.OTHER_CURRENCY
    for band, limit in zip(BANDS, limits):
        if value < limit:
            return band
    return BANDS[len(limits)] if len(limits) < len(BANDS) else BANDS[-1]


def above_threshold(value: Optional[Decimal], currency: Optional[str], threshold: Decimal,
                    policy_currency: str) -> bool:
    return (value is not None and (currency or "").upper() == policy_currency.upper()
            and value > threshold)


@lru_cache(maxsize=8192)   # the same givers and recipients recur across the whole register
def _words(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


def similar_descriptions(a: str, b: str) -> bool:
    """Whether two descriptions name the same gift, ignoring case, diacritics, punctuation and
    word order. A warning built on this asks a person to look; it decides nothing."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return wa == wb or fuzz.token_set_ratio(wa, wb) >= SIMILAR


def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two names written by hand name the same recipient ('Prezydent Miasta Lipska' and
    'prezydent miasta Lipska'), after folding; one name inside the other counts when it has at
    least two words, so that 'Jan Nowak' matches 'dr Jan Nowak, burmistrz'."""
    fa, fb = _words(a or ""), _words(b or "")
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    shorter, longer = sorted((fa, fb), key=len)
    return len(shorter.split()) >= 2 and f" {shorter} " in f" {longer} "


@dataclass(frozen=True)
class GiftFacts:
    """What the repeat rule needs of a gift."""
    key: str
    given: bool
    description: str
    partner: Optional[str]
    recipient: Optional[str]
    date: Optional[FuzzyDate]


def could_be_earlier(earlier: Optional[FuzzyDate], later: Optional[FuzzyDate]) -> bool:
    """Whether a gift dated ``earlier`` may have come before one dated ``later``; an unknown date
    may be either (a planned gift has none yet)."""
    if earlier is None or later is None:
        return True
    return earlier.start <= later.end


def repeats(gift: GiftFacts, others: Sequence[GiftFacts]) -> list[GiftFacts]:
    """Gifts already given to the same partner or the same recipient that ``gift`` repeats."""
    if not gift.given:
        return []
    found = []
    for other in others:
        if other.key == gift.key or not other.given:
            continue
        same_partner = gift.partner is not None and other.partner == gift.partner
        if not (same_partner or same_person(gift.recipient, other.recipient)):
            continue
        if could_be_earlier(other.date, gift.date) and similar_descriptions(gift.description, other.description):
            found.append(other)
    found.sort(key=lambda g: (g.date.start if g.date else date.min, g.key), reverse=True)
    return found
