"""The dossier's record sections: key people, visits (the latest in full, counts per year),
gifts both ways, correspondence and open follow-ups (dossier.py puts them together)."""

from datetime import date
from typing import Optional, Sequence

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from krakow_desk.domain import schema as s
from krakow_desk.formatting import format_money, format_number, format_short_date
from krakow_desk.i18n import _, ngettext
from krakow_desk.labels import label
from krakow_desk.reports import blocks as b
from krakow_desk.reports import fonts
from krakow_desk.reports.briefing import visit_dates
from krakow_desk.reports.briefing_parts import tasks_table
from krakow_desk.reports.styles import FRAME_WIDTH, MUTED, PAGE_SIZE, styles
from krakow_desk.reports.text import capitalised, join, markup, rich
from krakow_desk.services.dossier import Correspondence, Dossier
from krakow_desk.services.partner_file import Contact
from krakow_desk.services.visit_file import Participant, VisitFile
from krakow_desk.titles import person_name

GIFT_WIDTHS = [1.25, 3.4, 2.6, 1.3]    # the date column holds "2026-11-22" on one line


def data_table(headings: Sequence[str], rows: Sequence[Sequence[b.Cell]], widths: Sequence[float],
               right: Sequence[int] = (), bold: Sequence[int] = ()) -> Flowable:
    """blocks.data_table with its rows kept whole at a page break: the dossier's rows are a few
    lines each, and a person or a gift cut in two across pages reads badly."""
    table = b.data_table(headings, rows, widths, right=right, bold=bold)
    table.splitInRow = 0
    # how much of the page the heading row and the first row need (keep_headings_with_tables)
    table.first_row_height = b.data_table(headings, rows[:1], widths, right=right, bold=bold).wrap(
        FRAME_WIDTH, PAGE_SIZE[1])[1]
    return table


def keep_headings_with_tables(story: list[Flowable]) -> list[Flowable]:
    """A heading (or a section's and a part's headings together) never ends a page without the
    first row of the table under it: before the headings, a page break unless there is room for
    them and that row. (blocks.heading keeps room for a few lines; a person or a gift is taller.)"""
    result = list(story)
    for index in range(len(result) - 1, -1, -1):
        needed = getattr(result[index], "first_row_height", None)
        if needed is None:
            continue
        start = index
        while start >= 2 and isinstance(result[start - 1], Paragraph) and isinstance(result[start - 2], CondPageBreak):
            style = result[start - 1].style
            needed += style.spaceBefore + style.leading + style.spaceAfter
            start -= 2
        if start < index:
            result.insert(start, CondPageBreak(needed + 2))
    return result


def _muted(text: str) -> str:
    return f'<font color="#{MUTED.hexval()[2:]}">{markup(text)}</font>'


def _lines(*parts: tuple[Optional[str], bool]) -> Flowable:
    """A cell of several lines, each (text, muted); empty ones left out."""
    return rich("<br/>".join(_muted(text) if quiet else markup(text) for text, quiet in parts if text),
                styles().cell)


# -- people ---------------------------------------------------------------------------------------

def _person_cell(person: s.PersonData) -> Flowable:
    lines = [_muted(person.honorific)] if person.honorific else []
    lines.append(f"<b>{markup(person_name(person), fonts.BOLD)}</b>")
    if person.name_native:
        lines.append(markup(person.name_native))
    return rich("<br/>".join(lines), styles().cell)


def _contact_row(contact: Contact) -> list:
    person = contact.person
    function = contact.role or person.function
    position = _lines((function, False), (person.function if person.function != function else None, False),
                      (contact.institution, True),
                      (None if contact.current else _("former"), True))
    details = _lines(*[(email, False) for email in person.emails], *[(phone, False) for phone in person.phones],
                     (person.address, True))
    return [_person_cell(person), position, details]


def people_section(d: Dossier) -> list[Flowable]:
    content: list[Flowable] = []
    if d.contacts:
        content.append(data_table([_("Person"), _("Function"), _("Contact details")],
                                    [_contact_row(c) for c in d.contacts], [2.4, 2.8, 2.8]))
    if d.institutions:
        rows = [[_lines((i.name, False), (i.name_en if i.name_en != i.name else None, True)),
                 capitalised(label(i.kind)), _lines((i.address, False), (i.email, False), (i.phone, False),
                                                    (i.website, False))] for i in d.institutions]
        content += [*b.heading(_("Institutions"), 2),
                    data_table([_("Institution"), _("Kind"), _("Contact details")], rows, [3.0, 1.6, 3.4])]
    return b.section(_("Key people"), *(content or [b.note(_("None recorded."))]))


# -- visits ----------------------------------------------------------------------------------------

def _participant_rows(people: Sequence[Participant]) -> list[list]:
    rows = []
    for p in people:
        function = p.person.function if p.person is not None else None
        rows.append([capitalised(label(p.side)), _lines((p.name, False)),
                     _lines((function, False), (p.role if p.role not in (function, p.name) else None, True))])
    return rows


def _latest_visit(vf: VisitFile) -> list[Flowable]:
    visit = vf.visit
    content: list[Flowable] = [*b.heading(_("Latest visit: {title}").format(title=visit.title), 2)]
    facts = b.facts([
        (_("Dates"), visit_dates(visit.start_on, visit.end_on) or _("not fixed yet")),
        (_("Direction"), capitalised(label(visit.direction))),
        (_("Kind of visit"), capitalised(label(visit.kind)) if visit.kind else None),
        (_("Status"), capitalised(label(visit.status))),
        (_("Place"), visit.place),
        (_("Purpose"), visit.purpose),
        (_("Outcomes"), visit.outcomes),
    ])
    if facts is not None:
        content.append(facts)
    people = [*vf.guests, *vf.hosts]
    if people:
        content += [Spacer(1, 6), data_table([_("Side"), _("Participant"), _("Function and role")],
                                               _participant_rows(people), [1.2, 3.2, 3.6])]
    if visit.programme:
        rows = []
        for day in vf.days:
            for item in day.items:
                time = item.start.strftime("%H:%M") if item.start else ""
                rows.append([format_short_date(day.day) if day.day else "", time, item.activity, item.place])
        content += [Spacer(1, 8), data_table([_("Day"), _("Time"), _("Activity"), _("Place")], rows,
                                               [1.3, 0.8, 3.8, 2.3])]
    return content


def _visit_rows(visits: Sequence[s.VisitData]) -> list[list]:
    return [[visit_dates(v.start_on, v.end_on) or "–", capitalised(label(v.direction)), v.title,
             capitalised(label(v.status))] for v in visits]


def _activity_table(d: Dossier) -> Flowable:
    rows = [[str(y.year), *(format_number(n) if n else "–" for n in (y.visits, y.letters, y.events, y.gifts)),
             format_number(y.total)] for y in reversed(d.activity)]
    return data_table([_("Year"), _("Visits"), _("Letters"), _("Events"), _("Gifts"), _("Total")], rows,
                        [1.2, 1, 1, 1, 1, 1], right=(1, 2, 3, 4, 5), bold=(0,))


def visits_section(d: Dossier) -> list[Flowable]:
    content: list[Flowable] = []
    if d.visit_count:
        content.append(b.body(ngettext("{n} visit recorded.", "{n} visits recorded.", d.visit_count)
                              .format(n=format_number(d.visit_count))))
    if d.latest_visit is not None:
        content += _latest_visit(d.latest_visit)
    if d.recent_visits:
        content += [*b.heading(_("Earlier visits"), 2),
                    data_table([_("Dates"), _("Direction"), _("Visit"), _("Status")], _visit_rows(d.recent_visits),
                                 [1.9, 1.3, 3.8, 1.2])]
        more = d.visit_count - 1 - len(d.recent_visits)
        if more > 0:
            content.append(b.note(ngettext("… and {n} earlier visit.", "… and {n} earlier visits.", more)
                                  .format(n=format_number(more))))
    if d.events:
        rows = [[visit_dates(e.start_on, e.end_on) or "–", capitalised(label(e.kind)), e.title, e.place]
                for e in d.events]
        content += [*b.heading(_("Events and presentations"), 2),
                    data_table([_("Dates"), _("Kind"), _("Event"), _("Place")], rows, [1.9, 1.6, 3.2, 1.5])]
        more = d.event_count - len(d.events)
        if more > 0:
            content.append(b.note(ngettext("… and {n} earlier event.", "… and {n} earlier events.", more)
                                  .format(n=format_number(more))))
    if d.activity:
        content += [*b.heading(_("Activity per year"), 2), _activity_table(d),
                    b.note(_("Dated records only; a record known only by its year counts in that year."))]
    if not content:
        content.append(b.note(_("No visits or events recorded.")))
    return b.section(_("Visits and activity"), *content)


# -- gifts -----------------------------------------------------------------------------------------

def _gift_rows(gifts: Sequence[s.GiftData]) -> list[list]:
    rows = []
    for g in gifts:
        what = g.description + (f" × {g.quantity}" if g.quantity and g.quantity > 1 else "")
        parties = f"{g.giver or ''} → {g.recipient or ''}".strip() if g.giver or g.recipient else ""
        rows.append([format_short_date(g.date), _lines((what, False), (label(g.category), True)), parties,
                     format_money(g.value, g.currency)])
    return rows


def gifts_section(d: Dossier) -> list[Flowable]:
    content: list[Flowable] = []
    headings = [_("Date"), _("Gift"), _("From → to"), _("Value")]
    for title, gifts in ((_("Given by Krakow"), d.gifts_given), (_("Received by Krakow"), d.gifts_received)):
        content += b.heading(title, 2)
        if gifts:
            content.append(data_table(headings, _gift_rows(gifts), GIFT_WIDTHS, right=(3,)))
        else:
            content.append(b.note(_("None recorded.")))
    if not d.gifts_given and not d.gifts_received:
        content = [b.note(_("No gifts recorded either way."))]
    return b.section(_("Gifts"), *content)


# -- correspondence and follow-ups -------------------------------------------------------------------

def _waiting_rows(letters: Sequence[s.LetterData]) -> list[list]:
    return [[format_short_date(letter.date), letter.reference, letter.subject, format_short_date(letter.reply_due_on)]
            for letter in letters]


def correspondence_section(c: Correspondence, today: date) -> list[Flowable]:
    if not c.total:
        return b.section(_("Correspondence"), b.note(_("No letters recorded.")))
    latest = c.latest
    facts = b.facts([
        (_("Letters from the partner"), format_number(c.incoming)),
        (_("Letters to the partner"), format_number(c.outgoing)),
        (_("Latest letter"), join(format_short_date(latest.date), label(latest.direction), latest.subject,
                                  separator=" · ") if latest else None),
    ])
    content: list[Flowable] = [facts] if facts is not None else []
    headings = [_("Date"), _("Reference"), _("Subject"), _("Reply due")]
    for title, letters, count in ((_("Awaiting our reply"), c.awaiting_ours, c.awaiting_ours_count),
                                  (_("Awaiting their reply"), c.awaiting_theirs, c.awaiting_theirs_count)):
        if letters:
            rows = _waiting_rows(letters)
            for row, letter in zip(rows, letters):
                if letter.reply_due_on is not None and letter.reply_due_on < today:
                    late = _("{date}, overdue").format(date=row[3])
                    row[3] = rich(f"<b>{markup(late, fonts.BOLD)}</b>", styles().cell)
            content += [*b.heading(title, 2), data_table(headings, rows, [1.25, 1.4, 3.6, 1.85])]
            if count > len(letters):
                more = count - len(letters)
                content.append(b.note(ngettext("… and {n} more letter awaiting a reply (the register lists them).",
                                               "… and {n} more letters awaiting a reply (the register lists them).",
                                               more).format(n=format_number(more))))
    if not c.awaiting_ours and not c.awaiting_theirs:
        content.append(b.note(_("No letter is awaiting a reply.")))
    return b.section(_("Correspondence"), *content)


def follow_ups_section(tasks: Sequence[s.TaskData]) -> list[Flowable]:
    return b.section(_("Open follow-ups"), tasks_table(tasks) or b.note(_("None open.")))
