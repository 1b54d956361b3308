"""The annual summary's later sections: activity per partner (with charts and the map), the
records, agreements, membership fees (annual.py puts them together)."""

from typing import Optional

from babel.dates import get_month_names
from reportlab.platypus import Flowable, KeepTogether, Spacer

from krakow_desk.formatting import format_date, format_money, format_number
from krakow_desk.i18n import _, language, ngettext
from krakow_desk.labels import country_name, label
from krakow_desk.records_text import TITLES, figure_text
from krakow_desk.records_text import partner_name as holder_name
from krakow_desk.domain.records import RECORD_FIGURES
from krakow_desk.reports import blocks as b
from krakow_desk.reports.styles import FRAME_WIDTH
from krakow_desk.reports.text import capitalised, join
from krakow_desk.services.annual import AgreementRow, AnnualSummary
from krakow_desk.titles import agreement_title, partner_name

# The charts and the map come from modules of their own; a report without them still prints.
try:
    from krakow_desk.reports import charts as _charts
except ImportError:   # pragma: no cover - depends on what is installed in the tree
    _charts = None
try:
    from krakow_desk.reports import world_map as _world_map
except ImportError:   # pragma: no cover
    _world_map = None

CHART_HEIGHT = 150
TOP_PARTNERS = 15   # the charts show the first few; the tables list them all
TOP_DOMAINS = 10


def _bars(rows: list[tuple[str, float]], title: str) -> list[Flowable]:
    """A bar chart as tall as its rows need (nothing without the charts module or any value)."""
    if _charts is None or not rows or not any(value for _label, value in rows):
        return []
    sizing = getattr(_charts, "bar_chart_height", None)
    height = sizing(len(rows), title=True) if sizing else 14.0 * len(rows) + 20
    return [Spacer(1, 8), KeepTogether([_charts.bar_chart(rows, FRAME_WIDTH, height, title=title)]), Spacer(1, 4)]


def month_name(month: Optional[int]) -> str:
    if month is None:
        return _("month not known")
    return capitalised(get_month_names("wide", context="stand-alone", locale=language())[month])


def partners_section(summary: AnnualSummary) -> list[Flowable]:
    rows = [[partner_name(r.partner), country_name(r.partner.country), format_number(r.visits),
             format_number(r.letters), format_number(r.events), format_number(r.gifts), format_number(r.total)]
            for r in summary.partners]
    if not rows:
        return b.section(_("Activity by partner"), b.note(_("No activity with partners recorded for this year.")))
    table = b.data_table([_("Partner"), _("Country"), _("Visits"), _("Letters"), _("Events"), _("Gifts"), _("Total")],
                         rows, [2.3, 1.5, 0.95, 0.95, 1.2, 0.95, 0.95], right=(2, 3, 4, 5, 6), bold=(0,))
    top = [(partner_name(r.partner), r.total) for r in summary.partners[:TOP_PARTNERS]]
    title = _("Most active partners (visits, letters, events and gifts)")
    return b.section(_("Activity by partner"), table, *_bars(top, title))


def domains_section(summary: AnnualSummary) -> list[Flowable]:
    if not summary.domains:
        return b.section(_("Cooperation by domain"), b.note(_("No events or active partners with domains this year.")))
    rows = [[capitalised(label(r.domain)), format_number(r.events), format_number(r.partners)] for r in summary.domains]
    table = b.data_table([_("Domain"), _("Events of the year"), _("Active partners cooperating in it")],
                         rows, [3.0, 1.5, 2.2], right=(1, 2))
    # events say what the year was about; without any, the active partners' fields of cooperation
    if any(r.events for r in summary.domains):
        ranked = sorted((r for r in summary.domains if r.events), key=lambda r: -r.events)
        chart, title = [(capitalised(label(r.domain)), r.events) for r in ranked], _("Events of the year by domain")
    else:
        chart = [(capitalised(label(r.domain)), r.partners) for r in summary.domains]
        title = _("Active partners by domain of cooperation")
    return b.section(_("Cooperation by domain"), table, *_bars(chart[:TOP_DOMAINS], title))


def months_section(summary: AnnualSummary) -> list[Flowable]:
    # months across, kinds down: thirteen narrow columns instead of a page-long list
    short = get_month_names("abbreviated", context="stand-alone", locale=language())
    months = summary.months
    headings = [""] + [capitalised(short[r.month]) if r.month else "?" for r in months]
    rows = [[title, *(format_number(getattr(r, kind)) for r in months)]
            for title, kind in ((_("Visits"), "visits"), (_("Letters"), "letters"), (_("Events"), "events"))]
    table = b.data_table(headings, rows, [2.2] + [1.0] * len(months), right=tuple(range(1, len(months) + 1)))
    content: list[Flowable] = [table]
    known = [r for r in months if r.month is not None]
    if _charts is not None and any(r.visits + r.letters + r.events for r in known):
        series = [[r.visits for r in known], [r.letters for r in known], [r.events for r in known]]
        chart = _charts.month_chart(series, [capitalised(short[m]) for m in range(1, 13)], FRAME_WIDTH,
                                    CHART_HEIGHT, series_names=[_("Visits"), _("Letters"), _("Events")],
                                    title=_("Visits, letters and events by month"))
        content.insert(0, KeepTogether([chart, Spacer(1, 8)]))
    if any(r.month is None for r in months):
        content.append(b.note(_("“?”: the month is not known (records dated only to the year).")))
    return b.section(_("Activity by month"), *content)


def map_section(summary: AnnualSummary) -> list[Flowable]:
    """Every partner with known coordinates and Krakow; the year's active partners are named."""
    if _world_map is None or not hasattr(_world_map, "world_map"):
        return []
    active = {r.partner.key for r in summary.partners}
    points = [_world_map.MapPoint(p.latitude, p.longitude, partner_name(p) if p.key in active else "", False)
              for p in summary.all_partners if p.latitude is not None and p.longitude is not None]
    if not points:
        return []
    home = summary.home
    if home is not None:
        name = home.name if language() == "pl" else (home.name_en or home.name)
        points.append(_world_map.MapPoint(home.latitude, home.longitude, name, True))
    drawing = _world_map.world_map(points, FRAME_WIDTH, FRAME_WIDTH * 0.5)
    return [KeepTogether([*b.section(_("The partners on the map"), drawing),
                          b.note(_("All partners with known coordinates; those active in the year are named."))])]


def records_section(summary: AnnualSummary) -> list[Flowable]:
    records = summary.records
    rows = []
    for name, figure in RECORD_FIGURES:
        holder = getattr(records, name)
        if holder is not None:
            rows.append([_(TITLES[name]), holder_name(holder), figure_text(figure, holder.value)])
    intro = b.note(ngettext("As of {date}, over {n} partner with cooperation current on that day.",
                            "As of {date}, over {n} partners with cooperation current on that day.",
                            records.considered).format(date=format_date(records.as_of), n=records.considered))
    if not rows:
        return b.section(_("Partnership records"), intro, b.note(_("Not enough data to compute the records.")))
    table = b.data_table([_("Record"), _("Partner"), _("Figure")], rows, [2.2, 3.0, 2.4])
    capitals = ", ".join(holder_name(h) for h in records.capitals) or _("none")
    return b.section(_("Partnership records"), intro, table, Spacer(1, 4),
                     b.labelled(_("Capitals"), capitals))


def _agreement_rows(rows: list[AgreementRow], ended: bool) -> list[list]:
    result = []
    for r in rows:
        when = format_date(r.ended_on) if ended else format_date(r.agreement.signed_on)
        partner = partner_name(r.partner) if r.partner else r.agreement.partner
        result.append([when, partner, agreement_title(r.agreement), capitalised(label(r.state))])
    return result


def agreements_section(summary: AnnualSummary) -> list[Flowable]:
    content: list[Flowable] = []
    headings = [_("Date"), _("Partner"), _("Agreement"), _("Standing on 31 December")]
    widths = [1.5, 1.8, 3.4, 1.5]
    content += b.heading(_("Signed in {year}").format(year=summary.year), 2)
    content.append(b.data_table(headings, _agreement_rows(summary.signed, False), widths)
                   if summary.signed else b.note(_("None recorded.")))
    content += b.heading(_("Expired or ended in {year}").format(year=summary.year), 2)
    content.append(b.data_table(headings, _agreement_rows(summary.ended, True), widths)
                   if summary.ended else b.note(_("None recorded.")))
    return b.section(_("Agreements"), *content)


def fees_section(summary: AnnualSummary) -> list[Flowable]:
    if not summary.fees:
        return b.section(_("Membership fees"), b.note(_("No memberships recorded for this year.")))
    rows = []
    for r in summary.fees:
        m, o = r.membership, r.organisation
        name = join(o.acronym, o.name if o.name != o.acronym else None, separator=" — ")
        fee = format_money(m.fee, m.fee_currency) if m.fee is not None else _("not recorded")
        rows.append([name, str(m.joined_year) if m.joined_year else "", fee, m.fee_note, m.coordinating_department])
    table = b.data_table([_("Organisation"), _("Member since"), _("Fee"), _("Note on the fee"),
                          _("Coordinating department")], rows, [2.4, 0.9, 1.1, 2.5, 2.0], right=(1, 2))
    return b.section(_("Membership fees"), table)
