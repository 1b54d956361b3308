"""The annual cooperation summary for the City Council: the year's totals (beside the totals the
office reported by hand, marked as such), activity by partner, domain and month, the partners'
map, the partnership records as of 31 December, agreements signed and ended, membership fees,
and the comparison with the year before. Built from services.annual.AnnualSummary.
"""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from reportlab.platypus import Flowable, KeepTogether, Spacer

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import FigureMetric
from krakow_desk.formatting import format_money, format_number
from krakow_desk.i18n import N_, _, ngettext, using_language
from krakow_desk.reports import blocks as b
from krakow_desk.reports.annual_parts import (
    agreements_section, domains_section, fees_section, map_section, months_section, partners_section,
    records_section,
)
from krakow_desk.reports.document import ReportInfo, build_pdf, write_pdf
from krakow_desk.reports.styles import styles
from krakow_desk.reports.text import capitalised, para
from krakow_desk.services.annual import AnnualSummary, GiftTotals, Totals, annual_summary

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

# (what, the Totals attribute or a FigureMetric it is compared with)
_COUNTED = (
    (N_("Delegations received"), FigureMetric.DELEGATIONS_RECEIVED),
    (N_("of which from partner cities"), FigureMetric.DELEGATIONS_FROM_PARTNERS),
    (N_("Trips abroad (delegations sent)"), FigureMetric.TRIPS_ABROAD),
    (N_("Events"), "events"),
    (N_("of which presentations and fairs"), FigureMetric.PRESENTATIONS_AND_FAIRS),
    (N_("Letters received"), "letters_in"),
    (N_("Letters sent"), "letters_out"),
)


SUB = "\u00a0" * 4   # "of which" rows stand indented under their total


def _what(text: str) -> str:
    return SUB + _(text) if text.startswith("of which") else _(text)


def _count(totals: Totals, what: "FigureMetric | str") -> int:
    return totals.count(what) if isinstance(what, FigureMetric) else getattr(totals, what)


def reported_text(figure: Optional[s.YearlyFigureData]) -> str:
    """"about 100" / "21"; empty without a figure."""
    if figure is None:
        return ""
    value = format_number(figure.value)
    return _("about {n}").format(n=value) if figure.approximate else value


def gift_values(gifts: GiftTotals) -> str:
    """"1 200,00 zł; 300,00 €", with how many gifts have no value recorded."""
    parts = [format_money(amount, currency) for currency, amount in gifts.values.items()]
    if gifts.without_value:
        parts.append(ngettext("{n} gift without a recorded value", "{n} gifts without a recorded value",
                              gifts.without_value).format(n=gifts.without_value))
    return "; ".join(parts) if gifts.count else "—"


def _gift_rows(totals: Totals) -> list[tuple[str, str]]:
    return [(_("Gifts given"), format_number(totals.gifts_given.count)),
            (SUB + _("value of gifts given"), gift_values(totals.gifts_given)),
            (_("Gifts received"), format_number(totals.gifts_received.count)),
            (SUB + _("value of gifts received"), gift_values(totals.gifts_received))]


def _title_block(summary: AnnualSummary) -> list[Flowable]:
    st = styles()
    return [para(_("Annual cooperation summary {year}").format(year=summary.year), st.title),
            para(_("The international cooperation of the City of Krakow in {year}").format(year=summary.year),
                 st.subtitle)]


def totals_section(summary: AnnualSummary) -> list[Flowable]:
    totals, reported = summary.totals, summary.reported
    rows = []
    for what, key in _COUNTED:
        figure = reported.get(key) if isinstance(key, FigureMetric) else None
        rows.append([_what(what), format_number(_count(totals, key)), reported_text(figure)])
    rows += [[what, value, ""] for what, value in _gift_rows(totals)]
    headings = [_("In {year}").format(year=summary.year), _("Records kept"), _("Reported by the office")]
    content: list[Flowable] = [b.data_table(headings, rows, [3.2, 2.2, 2.0], right=(1, 2))]
    notes = [_("Counted from the individual records kept in Krakow Desk: a visit or event counts in the year "
               "it began, cancelled visits do not count, and records without a date cannot be counted.")]
    if reported:
        notes.append(_("Where the office reported a total for the year by hand, it stands beside the count of "
                       "records kept; the records kept are then only part of the year's activity."))
    content += [Spacer(1, 3), *(b.note(n) for n in notes)]
    figures = [(what, reported[key]) for what, key in _COUNTED if isinstance(key, FigureMetric) and key in reported]
    if figures:
        lines = []
        for what, figure in figures:
            lines.append(_("{what} — records kept: {kept}; reported by the office: {reported}.").format(
                what=capitalised(_(what)), kept=format_number(_count(totals, figure.metric)), reported=reported_text(figure)))
            if figure.note:
                lines[-1] += " " + _("Source: {source}").format(source=figure.note)
        content.append(b.notice_box(_("Figures reported by the office"), [b.body(line) for line in lines]))
    if summary.totals.empty:
        content.append(b.note(_("No visits, events, letters or gifts are recorded for {year}.").format(year=summary.year)))
    return b.section(_("The year in figures"), *content)


def _change(now: int, before: int) -> str:
    difference = now - before
    return f"+{format_number(difference)}" if difference > 0 else format_number(difference) if difference else "0"


def comparison_section(summary: AnnualSummary) -> list[Flowable]:
    now, before = summary.totals, summary.previous
    rows = []
    for what, key in _COUNTED:
        cells = []
        for totals, reported in ((before, summary.reported_previous), (now, summary.reported)):
            cell = format_number(_count(totals, key))
            figure = reported.get(key) if isinstance(key, FigureMetric) else None
            if figure is not None:
                cell = _("{kept} (reported: {reported})").format(kept=cell, reported=reported_text(figure))
            cells.append(cell)
        rows.append([_what(what), *cells, _change(_count(now, key), _count(before, key))])
    for what, attribute in ((_("Gifts given"), "gifts_given"), (_("Gifts received"), "gifts_received")):
        a, c = getattr(before, attribute).count, getattr(now, attribute).count
        rows.append([what, format_number(a), format_number(c), _change(c, a)])
    headings = ["", str(before.year), str(now.year), _("Change in records kept")]
    # the heading goes with the table: the section is short and reads badly split
    return [KeepTogether([*b.section(_("Compared with {year}").format(year=before.year),
                                     b.data_table(headings, rows, [3.2, 1.8, 1.8, 1.4], right=(1, 2, 3))),
                          b.note(_("The change compares the records kept; reported figures are shown for "
                                   "reference."))])]


def annual_story(summary: AnnualSummary) -> list[Flowable]:
    """The summary's content, in the current language."""
    story = _title_block(summary)
    story += totals_section(summary)
    story += partners_section(summary)
    story += domains_section(summary)
    story += months_section(summary)
    story += map_section(summary)
    story += records_section(summary)
    story += agreements_section(summary)
    story += fees_section(summary)
    story += comparison_section(summary)
    return story


def annual_pdf(summary: AnnualSummary, language: str, printed: Optional[date] = None) -> bytes:
    """The summary as PDF bytes in ``language`` ("pl" or "en"), whatever the window's language."""
    with using_language(language):
        info = ReportInfo(_("Annual cooperation summary"), str(summary.year), language, printed or date.today())
        return build_pdf(annual_story(summary), info)


def render_annual(desk: "Desk", year: int, language: str, printed: Optional[date] = None) -> bytes:
    """Read the year and lay out its summary, both in ``language`` (for a worker thread; the
    partners are ordered by their names in that language)."""
    with using_language(language):
        return annual_pdf(annual_summary(desk, year), language, printed)


def write_annual(desk: "Desk", year: int, path: Path, language: str) -> None:
    """Write the year's summary to ``path`` whole or not at all (a DeskError names a file that
    cannot be written)."""
    write_pdf(render_annual(desk, year, language), Path(path))
