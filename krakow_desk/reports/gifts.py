"""The gifts register extract: every gift given and received (or one year's), grouped by year,
newest first, with each year's count and values summed per currency, and the office's threshold
for received gifts noted (gifts above it are marked)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

from reportlab.platypus import Flowable, Spacer

from krakow_desk.collation import sort_key
from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import GiftDirection, ValueBand
from krakow_desk.domain.gifts import above_threshold
from krakow_desk.formatting import format_money, format_short_date
from krakow_desk.i18n import _, ngettext, using_language
from krakow_desk.labels import label
from krakow_desk.reports import blocks as b
from krakow_desk.reports import fonts
from krakow_desk.reports.document import ReportInfo, build_pdf, write_pdf
from krakow_desk.reports.styles import WARNING_INK, styles
from krakow_desk.reports.text import capitalised, join, markup, para, rich
from krakow_desk.services.gifts import band_of, band_text
from krakow_desk.services.policy import OfficePolicy
from krakow_desk.titles import partner_name

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

OVER_MARK = "⚠"


def _year(gift: s.GiftData) -> Optional[int]:
    return gift.date.start.year if gift.date else None


def _over(gift: s.GiftData, rules: OfficePolicy) -> bool:
    return gift.direction is GiftDirection.RECEIVED and above_threshold(
        gift.value, gift.currency, rules.gift_threshold, rules.gift_currency)


def _value_cell(gift: s.GiftData, rules: OfficePolicy) -> Flowable:
    st = styles()
    lines = []
    if gift.value is not None:
        lines.append(markup(format_money(gift.value, gift.currency)))
    lines.append(f'<font size="7">{markup(band_text(band_of(gift, rules), rules))}</font>')
    if _over(gift, rules):
        warning = markup(f"{OVER_MARK} " + _("above the threshold"), fonts.BOLD)
        lines.append(f'<font color="#{WARNING_INK.hexval()[2:]}"><b>{warning}</b></font>')
    return rich("<br/>".join(lines), st.cell_right)


def _gift_cell(gift: s.GiftData) -> Flowable:
    st = styles()
    what = markup(gift.description, fonts.BOLD)
    details = join(capitalised(label(gift.category)),
                   _("quantity: {n}").format(n=gift.quantity) if gift.quantity else None, separator=" · ")
    lines = [f"<b>{what}</b>", markup(details)]
    if gift.notes:
        lines.append(f'<font size="7">{markup(gift.notes)}</font>')
    return rich("<br/>".join(lines), st.cell)


def _rows(gifts: Sequence[s.GiftData], partners: dict[str, s.PartnerData], rules: OfficePolicy) -> list[list]:
    rows = []
    for g in gifts:
        partner = partner_name(partners[g.partner]) if g.partner in partners else (g.partner or "")
        side = join(capitalised(label(g.direction)), partner, separator="\n")
        parties = f"{g.giver or '?'} → {g.recipient or '?'}" if g.giver or g.recipient else ""
        kept = join(g.location, g.disposition, separator="\n")
        rows.append([format_short_date(g.date) if g.date else "—", side, _gift_cell(g), _value_cell(g, rules),
                     parties, kept])
    return rows


def _sums(gifts: Sequence[s.GiftData], direction: GiftDirection) -> str:
    chosen = [g for g in gifts if g.direction is direction]
    sums: dict[str, Decimal] = defaultdict(Decimal)
    without = 0
    for g in chosen:
        if g.value is None or not g.currency:
            without += 1
        else:
            sums[g.currency] += g.value
    text = ngettext("{n} gift", "{n} gifts", len(chosen)).format(n=len(chosen))
    parts = [format_money(sums[c], c) for c in sorted(sums)]
    if without and chosen:
        parts.append(ngettext("{n} without a recorded value", "{n} without a recorded value", without).format(n=without))
    return f"{text} ({'; '.join(parts)})" if parts else text


def _group(title: str, gifts: Sequence[s.GiftData], partners: dict[str, s.PartnerData],
           rules: OfficePolicy) -> list[Flowable]:
    headings = [_("Date"), _("Direction and partner"), _("Gift"), _("Value and band"), _("Giver → recipient"),
                _("Where kept; what became of it")]
    table = b.data_table(headings, _rows(gifts, partners, rules), [1.3, 1.35, 2.6, 1.5, 1.85, 1.45], right=(3,))
    # a gift's row is a few lines: split between rows only (a row split inside made ReportLab
    # repeat the heading row in the middle of a page)
    table.splitInRow = 0
    totals = b.facts([(_("Given"), _sums(gifts, GiftDirection.GIVEN)),
                      (_("Received"), _sums(gifts, GiftDirection.RECEIVED))])
    # the year's totals first: after a long table they were left alone at the top of a page
    return [*b.heading(title), *([totals, Spacer(1, 4)] if totals is not None else []), table]


def _newest_first(gifts: Sequence[s.GiftData]) -> list[s.GiftData]:
    return sorted(gifts, key=lambda g: (g.date.start if g.date else date.min, sort_key(g.description), g.key),
                  reverse=True)


def gifts_story(gifts: Sequence[s.GiftData], partners: dict[str, s.PartnerData], rules: OfficePolicy,
                year: Optional[int]) -> list[Flowable]:
    st = styles()
    title = _("Gifts register: {year}").format(year=year) if year else _("Gifts register")
    story: list[Flowable] = [para(title, st.title)]
    threshold = format_money(rules.gift_threshold, rules.gift_currency)
    story.append(b.body(_("A received gift worth more than {threshold} is reviewed by the office; such gifts are "
                          "marked {mark} below. Bands of value: {bands}.").format(
        threshold=threshold, mark=OVER_MARK, bands=", ".join(
            band_text(band, rules) for band in _BANDS))))
    by_year: dict[Optional[int], list[s.GiftData]] = defaultdict(list)
    for g in gifts:
        by_year[_year(g)].append(g)
    if not gifts:
        story.append(b.note(_("No gifts recorded for {year}.").format(year=year) if year
                            else _("No gifts recorded.")))
    for y in sorted((k for k in by_year if k is not None), reverse=True):
        story += _group(str(y), _newest_first(by_year[y]), partners, rules)
    if None in by_year:
        story += _group(_("Date not recorded"), _newest_first(by_year[None]), partners, rules)
    return story



_BANDS = (ValueBand.TOKEN, ValueBand.MODEST, ValueBand.SUBSTANTIAL, ValueBand.HIGH)


def gifts_pdf(gifts: Sequence[s.GiftData], partners: dict[str, s.PartnerData], rules: OfficePolicy,
              year: Optional[int], language: str, printed: Optional[date] = None) -> bytes:
    with using_language(language):
        subject = str(year) if year else _("all years")
        info = ReportInfo(_("Gifts register extract"), subject, language, printed or date.today())
        return build_pdf(gifts_story(gifts, partners, rules, year), info)


def render_gifts_extract(desk: "Desk", year: Optional[int], language: str, printed: Optional[date] = None) -> bytes:
    gifts = [g for g in desk.gifts.all() if year is None or _year(g) == year]
    partners = {p.key: p for p in desk.partners.all()}
    return gifts_pdf(gifts, partners, desk.policy(), year, language, printed)


def write_gifts_extract(desk: "Desk", year: Optional[int], path: Path, language: str) -> None:
    """Write the register extract (one year's, or all with ``year`` None) to ``path`` whole or not at all."""
    write_pdf(render_gifts_extract(desk, year, language), Path(path))
