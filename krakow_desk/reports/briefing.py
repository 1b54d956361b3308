"""The protocol briefing: the one document an officer carries through a visit.

Title block, the partner in brief, participants in order of precedence with forms of address,
languages and interpreting, dietary and accessibility notes, accommodation and transport, the
programme by day (clashes in a warning box), gifts, follow-up tasks. Built from the service's
visit file (desk.visit_file), in the report's own language whatever the window's.
"""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from babel.dates import format_date as babel_date
from reportlab.platypus import Flowable

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.formatting import format_date, format_date_range
from krakow_desk.i18n import _, language, ngettext, using_language
from krakow_desk.labels import country_name, label
from krakow_desk.reports import blocks as b
from krakow_desk.reports.briefing_parts import (
    gifts_section, interpreting_section, needs_section, participants_section, programme_section,
    tasks_table,
)
from krakow_desk.reports.document import ReportInfo, build_pdf, write_pdf
from krakow_desk.reports.styles import styles
from krakow_desk.reports.text import capitalised, join, para
from krakow_desk.services.visit_file import PartnerBrief, VisitFile
from krakow_desk.titles import agreement_standing, partner_name

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk



def visit_dates(start: Optional[FuzzyDate], end: Optional[FuzzyDate]) -> str:
    """"22–24 listopada 2026"; a month or a year where only that is known."""
    if start is None and end is None:
        return ""
    if start is not None and end is not None and start.precision is end.precision is Precision.DAY:
        return format_date_range(start.start, end.start)
    if start is None or end is None or start == end:
        return format_date(start or end)
    return f"{format_date(start)} – {format_date(end)}"


def full_day(day: date) -> str:
    """"Wtorek, 22 listopada 2026" / "Tuesday, 22 November 2026" — a programme day's heading."""
    return capitalised(f"{babel_date(day, 'EEEE', locale=language())}, {format_date(day)}")


def _title_block(vf: VisitFile) -> list[Flowable]:
    st, visit = styles(), vf.visit
    partners = ", ".join(partner_name(p.partner) for p in vf.partners)
    subtitle = join(partners, visit_dates(visit.start_on, visit.end_on), separator=" · ")
    story: list[Flowable] = [para(visit.title, st.title)]
    if subtitle:
        story.append(para(subtitle, st.subtitle))
    facts = b.facts([
        (_("Direction"), capitalised(label(visit.direction))),
        (_("Kind of visit"), capitalised(label(visit.kind)) if visit.kind else None),
        (_("Status"), capitalised(label(visit.status))),
        (_("Dates"), visit_dates(visit.start_on, visit.end_on) or _("not fixed yet")),
        (_("Place"), visit.place),
        (_("Purpose"), visit.purpose),
        (_("Notes"), visit.notes),
        (_("Outcomes"), visit.outcomes),
    ])
    if facts is not None:
        story.append(facts)
    return story


def _dated(title: str, when: Optional[FuzzyDate]) -> str:
    return f"{title} ({format_date(when)})" if when else title


def _partner(brief: PartnerBrief, several: bool) -> list[Flowable]:
    partner = brief.partner
    names = join(partner.name, partner.name_en if partner.name_en != partner.name else None,
                 partner.name_native, separator=" · ")
    agreements = [agreement_standing(a.agreement, a.state.status) for a in brief.standing_agreements]
    visits = [_dated(v.title, v.start_on) for v in brief.last_visits]
    tasks = [join(t.title, _("due {date}").format(date=format_date(t.due_on)) if t.due_on else None,
                  t.assignee, separator=" — ") for t in brief.open_tasks]
    facts = b.facts([
        (_("Names"), names),
        (_("Country"), country_name(partner.country)),
        (_("Relationship"), capitalised(label(partner.category)) if partner.category else None),
        (_("Agreements"), "\n".join(agreements) or _("none in force")),
        (_("Last visits"), "\n".join(visits) or _("none recorded")),
        (_("Open follow-ups"), "\n".join(tasks) or _("none")),
    ])
    story: list[Flowable] = b.heading(partner_name(partner), 2) if several else []
    return story + ([facts] if facts is not None else [])


def _partners_section(vf: VisitFile) -> list[Flowable]:
    if not vf.partners:
        return []
    title = ngettext("The partner in brief", "The partners in brief", len(vf.partners))
    content = [flowable for brief in vf.partners for flowable in _partner(brief, len(vf.partners) > 1)]
    return b.section(title, *content)


def _logistics(visit: s.VisitData) -> list[Flowable]:
    facts = b.facts([(_("Accommodation"), visit.accommodation), (_("Transport"), visit.transport)])
    return b.section(_("Accommodation and transport"), facts if facts is not None else b.note(_("Not recorded.")))


def briefing_story(vf: VisitFile) -> list[Flowable]:
    """The briefing's content, in the current language."""
    story = _title_block(vf)
    story += _partners_section(vf)
    story += participants_section(vf)
    story += interpreting_section(vf)
    story += needs_section(vf)
    story += _logistics(vf.visit)
    story += programme_section(vf, full_day)
    story += gifts_section(vf)
    story += b.section(_("Follow-up tasks"), tasks_table(vf.tasks) or b.note(_("None recorded.")))
    return story


def briefing_pdf(visit_file: VisitFile, language: str, printed: Optional[date] = None) -> bytes:
    """The briefing as PDF bytes, in ``language`` ("pl" or "en"), whatever the window's language.

    The sentences the services wrote into the visit file (clashes, gift warnings) are in the
    language it was read in: read it inside ``using_language(language)`` — or call
    ``render_briefing``, which does both."""
    with using_language(language):
        info = ReportInfo(_("Protocol briefing"), visit_file.visit.title, language,
                          printed or date.today())
        return build_pdf(briefing_story(visit_file), info)


def render_briefing(desk: "Desk", visit_key: str, language: str, printed: Optional[date] = None) -> bytes:
    """Read the visit and lay out its briefing, both in ``language`` (for a worker thread)."""
    with using_language(language):
        return briefing_pdf(desk.visit_file(visit_key), language, printed)


def write_briefing(desk: "Desk", visit_key: str, path: Path, language: str) -> None:
    """Write the visit's briefing to ``path`` whole or not at all. An unknown visit raises
    NotFound; a file that cannot be written, a DeskError naming it."""
    write_pdf(render_briefing(desk, visit_key, language), Path(path))
