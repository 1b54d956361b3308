"""The gifts register's warnings and a visit's gift history."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import GiftDirection, ValueBand
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.gifts import GiftFacts, above_threshold, repeats, same_person, value_band
from krakow_desk.formatting import format_date, format_money
from krakow_desk.i18n import _
from krakow_desk.services import shapes
from krakow_desk.services.mapping import KeyCache
from krakow_desk.services.policy import OfficePolicy, policy

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

OVER_THRESHOLD, REPEAT, OTHER_CURRENCY = "over_threshold", "repeat", "other_currency"


@dataclass(frozen=True)
class GiftWarning:
    kind: str                        # OVER_THRESHOLD, REPEAT or OTHER_CURRENCY
    gift: s.GiftData                 # the gift warned about
    earlier: Optional[s.GiftData]    # REPEAT: the gift already given
    text: str                        # in the reader's language, ready to show


@dataclass(frozen=True)
class GiftHistory:
    visit_gifts: list[s.GiftData] = field(default_factory=list)
    partner_gifts: list[s.GiftData] = field(default_factory=list)       # newest first
    people_gifts: list[tuple[str, s.GiftData]] = field(default_factory=list)
    warnings: list[GiftWarning] = field(default_factory=list)


def band_of(gift: s.GiftData, rules: OfficePolicy) -> ValueBand:
    return value_band(gift.value, gift.currency, rules.gift_bands, rules.gift_currency)


def band_text(band: ValueBand, rules: OfficePolicy) -> str:
    """'100–500 PLN': the band with its limits, in the reader's language."""
    low, mid, high = (format_money(limit, rules.gift_currency) for limit in rules.gift_bands)
    texts = {
        ValueBand.TOKEN: _("under {limit}").format(limit=low),
        ValueBand.MODEST: _("{low} to {high}").format(low=low, high=mid),
        ValueBand.SUBSTANTIAL: _("{low} to {high}").format(low=mid, high=high),
        ValueBand.HIGH: _("{limit} or more").format(limit=high),
        ValueBand.UNKNOWN: _("value not known"),
        ValueBand.OTHER_CURRENCY: _("in another currency"),
    }
    return texts[band]


def _facts(gift: s.GiftData) -> GiftFacts:
    return GiftFacts(gift.key, gift.direction is GiftDirection.GIVEN, gift.description, gift.partner,
                     gift.recipient, gift.date)


def _when(gift: s.GiftData) -> str:
    return format_date(gift.date) if gift.date else _("date not recorded")


def warnings_for(gift: s.GiftData, given: Sequence[s.GiftData], rules: OfficePolicy) -> list[GiftWarning]:
    """``given``: the gifts already in the register that Krakow gave (the repeat candidates)."""
    found: list[GiftWarning] = []
    if gift.direction is GiftDirection.RECEIVED:
        if above_threshold(gift.value, gift.currency, rules.gift_threshold, rules.gift_currency):
            found.append(GiftWarning(OVER_THRESHOLD, gift, None, _(
                "A received gift worth {value}, above the threshold of {threshold}: record where it "
                "is kept and what becomes of it.").format(
                value=format_money(gift.value, gift.currency),
                threshold=format_money(rules.gift_threshold, rules.gift_currency))))
        elif gift.value is not None and band_of(gift, rules) is ValueBand.OTHER_CURRENCY:
            found.append(GiftWarning(OTHER_CURRENCY, gift, None, _(
                "The value is in {currency}: compare it with the threshold of {threshold} by hand.").format(
                currency=gift.currency or "?", threshold=format_money(rules.gift_threshold, rules.gift_currency))))
        return found
    by_key = {g.key: g for g in given}
    for earlier in repeats(_facts(gift), [_facts(g) for g in given]):
        other = by_key[earlier.key]
        to_whom = other.recipient or (_("this partner") if other.partner == gift.partner else "?")
        found.append(GiftWarning(REPEAT, gift, other, _(
            "Repeats a gift already given ({when}; recipient: {recipient}): {description}").format(
            when=_when(other), recipient=to_whom, description=other.description)))
    return found


def _given_candidates(session: Session, gift: s.GiftData) -> list[s.GiftData]:
    """Gifts Krakow gave to this gift's partner, or to anyone when the recipient is named (names
    are compared in Python, after folding)."""
    if gift.direction is not GiftDirection.GIVEN:
        return []
    keys = KeyCache(session)
    where = [t.Gift.direction == GiftDirection.GIVEN]
    partner_id = keys.id_of(t.Partner, gift.partner) if gift.partner else None
    if gift.recipient:
        condition = t.Gift.recipient.is_not(None)
        if partner_id is not None:
            condition = sa.or_(condition, t.Gift.partner_id == partner_id)
        where.append(condition)
    elif partner_id is not None:
        where.append(t.Gift.partner_id == partner_id)
    else:
        return []
    rows = list(session.scalars(sa.select(t.Gift).where(*where)))
    if gift.recipient:
        rows = [r for r in rows if r.partner_id == partner_id or same_person(r.recipient, gift.recipient)]
    return shapes.GIFT.shape.models_of(session, rows, keys)


def gift_warnings(desk: "Desk", gift: s.GiftData | dict[str, Any]) -> list[GiftWarning]:
    """What to tell the person entering ``gift`` (saved or not): a received gift above the
    threshold; a given gift repeating one already given to the same partner or recipient."""
    from krakow_desk.services.collection import validate
    data = gift if isinstance(gift, s.GiftData) else validate(shapes.GIFT, gift)
    rules = policy(desk)
    with desk.session() as session:
        given = _given_candidates(session, data)  # type: ignore[arg-type]
    return warnings_for(data, given, rules)  # type: ignore[arg-type]


def _newest_first(gifts: list[s.GiftData]) -> list[s.GiftData]:
    return sorted(gifts, key=lambda g: ((g.date or FuzzyDate.parse("0001")).start, g.key), reverse=True)


def gift_history(session: Session, keys: KeyCache, visit: s.VisitData, names: Sequence[str],
                 rules: OfficePolicy) -> GiftHistory:
    """The visit's own gifts with their warnings, and what its partners and these people gave and
    received before."""
    visit_id = keys.id_of(t.Visit, visit.key)
    partner_ids = [pid for pid in (keys.id_of(t.Partner, k) for k in visit.partners) if pid is not None]
    own_rows = list(session.scalars(sa.select(t.Gift).where(t.Gift.visit_id == visit_id)))
    own = _newest_first(shapes.GIFT.shape.models_of(session, own_rows, keys))
    other_rows = session.execute(sa.select(t.Gift.id, t.Gift.partner_id, t.Gift.direction, t.Gift.giver,
                                           t.Gift.recipient).where(
        sa.or_(t.Gift.visit_id.is_(None), t.Gift.visit_id != visit_id),
        sa.or_(t.Gift.partner_id.in_(partner_ids), t.Gift.giver.is_not(None), t.Gift.recipient.is_not(None)))).all()
    # Read in full only the gifts that can show: the partners' and these people's, and the gifts
    # Krakow gave when the visit's own gifts are checked for repeats (the register may hold
    # thousands of others).
    partner_set = set(partner_ids)
    needed = [row.id for row in other_rows
              if row.partner_id in partner_set or (own and row.direction is GiftDirection.GIVEN)
              or any(same_person(name, row.giver) or same_person(name, row.recipient) for name in names)]
    needed_rows = [row for start in range(0, len(needed), 500) for row in session.scalars(
        sa.select(t.Gift).where(t.Gift.id.in_(needed[start:start + 500])).order_by(t.Gift.id))]
    others = shapes.GIFT.shape.models_of(session, needed_rows, keys)
    partners = set(visit.partners)
    partner_gifts = _newest_first([g for g in others if g.partner in partners])
    people_gifts = []
    for g in _newest_first([g for g in others if g.partner not in partners]):
        for name in names:
            if same_person(name, g.giver) or same_person(name, g.recipient):
                people_gifts.append((name, g))
                break
    given = [g for g in others + own if g.direction is GiftDirection.GIVEN]
    warnings = [w for g in own for w in warnings_for(g, given, rules)]
    return GiftHistory(own, partner_gifts, people_gifts, warnings)
