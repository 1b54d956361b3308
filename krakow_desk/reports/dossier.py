"""The partner dossier: what a manager reads before meeting a partner, and what the archive keeps.

A cover with the partner's names in every form recorded, a fact sheet, the relationship (category,
status history, domains, the office's assessment), the agreements as a timeline with their state
and coming deadlines, key people, visits (the latest in full, counts per year), gifts both ways,
correspondence and open follow-ups. Built from the service's dossier (services.dossier), in the
report's own language whatever the window's.
"""

from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Spacer, Table

from krakow_desk.domain.continents import continent_of
from krakow_desk.domain.records import status_on
from krakow_desk.domain.terms import TermEvent, TermEventKind
from krakow_desk.formatting import (
    HOME_TIMEZONE, format_area, format_coordinates, format_date, format_elevation, format_km,
    format_population, format_short_date, time_difference,
)
from krakow_desk.i18n import _, ngettext, using_language
from krakow_desk.labels import country_name, label
from krakow_desk.reports import blocks as b
from krakow_desk.reports import fonts
from krakow_desk.reports.document import ReportInfo, build_pdf, write_pdf
from krakow_desk.reports.dossier_parts import (
    correspondence_section, data_table, follow_ups_section, gifts_section, keep_headings_with_tables,
    people_section, visits_section,
)
from krakow_desk.reports.styles import FRAME_WIDTH, MUTED, styles
from krakow_desk.reports.text import capitalised, join, markup, para, rich
from krakow_desk.reports.world_map import MapPoint, world_map
from krakow_desk.services.dossier import AgreementEntry, Dossier, dossier
from krakow_desk.titles import agreement_title, partner_name, term_text

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

MAP_WIDTH, MAP_HEIGHT = 200.0, 128.0      # points: beside the fact sheet, as tall as its rows


def _muted(text: str) -> str:
    return f'<font color="#{MUTED.hexval()[2:]}">{markup(text)}</font>'


# -- the cover and the fact sheet --------------------------------------------------------------------

def _cover(d: Dossier) -> list[Flowable]:
    st, p = styles(), d.partner
    subtitle = join(capitalised(label(p.kind)), country_name(p.country),
                    capitalised(label(p.category)) if p.category else None, separator=" · ")
    story: list[Flowable] = [para(_("Partner dossier"), st.subtitle), para(partner_name(p), st.title)]
    if subtitle:
        story.append(para(subtitle, st.subtitle))
    names = b.facts([
        (_("Polish name"), p.name),
        (_("English name"), p.name_en),
        (_("Native name"), p.name_native),
        (_("Also known as"), ", ".join(p.aliases)),
    ])
    if names is not None:
        story.append(names)
    story += [Spacer(1, 4), b.note(_("As of {date}.").format(date=format_date(d.as_of)))]
    return story


def _time_difference(d: Dossier) -> str:
    """The difference on the dossier's day (at noon in Krakow), so the same day prints the same."""
    p = d.partner
    if not p.timezone:
        return ""
    home_zone = d.home.timezone if d.home and d.home.timezone else HOME_TIMEZONE
    moment = datetime.combine(d.as_of, time(12), ZoneInfo(home_zone))
    difference = time_difference(p.timezone, home_zone, moment)
    return _("{difference} from Krakow").format(difference=difference) if difference else ""


def _fact_sheet(d: Dossier) -> list[Flowable]:
    p = d.partner
    country = country_name(p.country)
    continent = continent_of(p.country)
    if continent:
        country = f"{country} ({label(continent)})"
    facts = b.facts([
        (_("Country"), country),
        (_("Capital"), _("yes") if p.is_capital else None),
        (_("Population"), format_population(p.population, p.population_year) if p.population else None),
        (_("Area"), format_area(p.area_km2) if p.area_km2 else None),
        (_("Elevation"), format_elevation(p.elevation_m) if p.elevation_m is not None else None),
        (_("Coordinates"), format_coordinates(p.latitude, p.longitude)),
        (_("Distance from Krakow"), format_km(d.distance_km) if d.distance_km is not None else None),
        (_("Time difference"), _time_difference(d)),
    ], width=FRAME_WIDTH - MAP_WIDTH - 8)
    drawing = _map(d)
    if drawing is None:
        return b.section(_("Fact sheet"), facts)   # the country is always there
    # the facts on the left, Krakow and the partner on a small map beside them
    row = Table([[facts, drawing]], colWidths=[FRAME_WIDTH - MAP_WIDTH, MAP_WIDTH], hAlign="LEFT")
    row.setStyle(b.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return b.section(_("Fact sheet"), row)


def _map(d: Dossier) -> Optional[Flowable]:
    """Krakow and the partner, the view zoomed to the two; None without both coordinates."""
    p, home = d.partner, d.home
    if home is None or p.latitude is None or p.longitude is None:
        return None
    points = [MapPoint(home.latitude, home.longitude, partner_name(home), home=True),
              MapPoint(p.latitude, p.longitude, partner_name(p))]
    return world_map(points, MAP_WIDTH, MAP_HEIGHT, region="points")


# -- the relationship ------------------------------------------------------------------------------

def _relationship(d: Dossier) -> list[Flowable]:
    p = d.partner
    today = status_on(p.statuses, d.as_of)
    facts = b.facts([
        (_("Category"), capitalised(label(p.category)) if p.category else None),
        (_("Status today"), capitalised(label(today)) if today else None),
        (_("Domains"), ", ".join(label(domain) for domain in p.domains)),
        (_("Assessment"), capitalised(label(p.assessment)) if p.assessment else None),
        (_("Assessment note"), p.assessment_note),
        (_("Notes"), p.notes),
    ])
    content: list[Flowable] = [facts] if facts is not None else []
    if p.statuses:
        rows = [[capitalised(label(st.status)), format_short_date(st.since), format_short_date(st.until), st.note]
                for st in p.statuses]
        content += [*b.heading(_("Status history"), 2),
                    data_table([_("Status"), _("Since"), _("Until"), _("Note")], rows, [1.6, 1.3, 1.3, 3.8])]
    return b.section(_("Relationship"), *(content or [b.note(_("No relationship recorded yet."))]))


# -- agreements ---------------------------------------------------------------------------------------

def _deadline_text(event: TermEvent) -> str:
    if event.kind is TermEventKind.NOTICE_DEADLINE:
        return _("notice by {date}").format(date=format_short_date(event.date))
    return _("term ends {date}").format(date=format_short_date(event.date))


def _state_cell(entry: AgreementEntry) -> Flowable:
    state = entry.state
    text = capitalised(label(state.status))
    lines = [f"<b>{markup(text, fonts.BOLD)}</b>" if entry.in_force or entry.unknown else markup(text)]
    if state.gap is not None and entry.unknown:
        lines.append(_muted(label(state.gap)))
    if state.ended_on is not None:
        lines.append(_muted(_("since {date}").format(date=format_short_date(state.ended_on))))
    return rich("<br/>".join(lines), styles().cell)


def _document_cell(entry: AgreementEntry) -> Flowable:
    a = entry.agreement
    title, kind = agreement_title(a), capitalised(label(a.kind))
    lines = [f"<b>{markup(title, fonts.BOLD)}</b>"]
    if kind.casefold() != title.casefold():   # the kind again only where the title does not say it
        lines.append(_muted(kind))
    signatories = join(a.signatory_krakow, a.signatory_partner, separator=" / ")
    if signatories:
        lines.append(_muted(signatories))
    return rich("<br/>".join(lines), styles().cell)


def _agreements(d: Dossier) -> list[Flowable]:
    if not d.agreements:
        return b.section(_("Agreements"), b.note(_("No agreement recorded; cooperation without a signed document.")))
    rows = []
    for entry in d.agreements:
        deadlines = "\n".join(_deadline_text(event) for event in entry.deadlines)
        rows.append([format_short_date(entry.agreement.signed_on), _document_cell(entry), _state_cell(entry),
                     term_text(entry.agreement, notice=True), deadlines or "–"])
    in_force = [agreement_title(e.agreement) for e in d.agreements if e.in_force]
    unknown = sum(1 for e in d.agreements if e.unknown)
    content: list[Flowable] = [b.labelled(_("In force"), "; ".join(in_force) or _("none known"))]
    if unknown:
        content.append(b.note(ngettext(
            "{n} document does not say for how long it runs, or its dates are too vague: it is marked as of "
            "unknown standing.",
            "{n} documents do not say for how long they run, or their dates are too vague: they are marked as of "
            "unknown standing.", unknown).format(n=unknown)))
    content.append(data_table([_("Signed"), _("Document"), _("State"), _("Term"), _("Coming deadlines")], rows,
                                [1.15, 2.65, 1.6, 1.75, 1.85]))
    return b.section(_("Agreements"), *content)


# -- the whole ---------------------------------------------------------------------------------------

def dossier_story(d: Dossier) -> list[Flowable]:
    """The dossier's content, in the current language."""
    story = _cover(d)
    story += _fact_sheet(d)
    story += _relationship(d)
    story += _agreements(d)
    story += people_section(d)
    story += visits_section(d)
    story += gifts_section(d)
    story += correspondence_section(d.correspondence, d.as_of)
    story += follow_ups_section(d.open_tasks)
    return keep_headings_with_tables(story)


def dossier_pdf(dossier_: Dossier, language: str, printed: Optional[date] = None) -> bytes:
    """The dossier as PDF bytes, in ``language`` ("pl" or "en"), whatever the window's language."""
    with using_language(language):
        info = ReportInfo(_("Partner dossier"), partner_name(dossier_.partner), language, printed or date.today())
        return build_pdf(dossier_story(dossier_), info)


def render_dossier(desk: "Desk", partner_key: str, language: str, printed: Optional[date] = None) -> bytes:
    """Read the partner and lay out its dossier, both in ``language`` (for a worker thread)."""
    with using_language(language):
        return dossier_pdf(dossier(desk, partner_key, printed), language, printed)


def write_dossier(desk: "Desk", partner_key: str, path: Path, language: str) -> None:
    """Write the partner's dossier to ``path`` whole or not at all. An unknown partner raises
    NotFound; a file that cannot be written, a DeskError naming it."""
    write_pdf(render_dossier(desk, partner_key, language), Path(path))
