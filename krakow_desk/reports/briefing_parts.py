"""The briefing's larger sections: participants, interpreting, dietary and accessibility notes,
the programme, gifts and tasks (briefing.py puts them together)."""

from datetime import date
from typing import Callable, Optional, Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import Direction
from krakow_desk.formatting import format_money, format_short_date
from krakow_desk.i18n import _, language
from krakow_desk.labels import label, language_names
from krakow_desk.reports.text import capitalised
from krakow_desk.reports import blocks as b
from krakow_desk.reports import fonts
from krakow_desk.reports.styles import MUTED, WARNING_INK, styles
from krakow_desk.reports.text import join, markup, rich
from krakow_desk.services.visit_file import Participant, VisitFile

CLASH_MARK = "⚠"


def _hex(colour: Color) -> str:
    return "#" + colour.hexval()[2:]


def _muted(text: str) -> str:
    return f'<font color="{_hex(MUTED)}">{markup(text)}</font>'


def salutation(person: Optional[s.PersonData]) -> Optional[str]:
    """The form of address in the report's language, else the one recorded in the other."""
    if person is None:
        return None
    polish, english = person.salutation_pl, person.salutation
    return (polish or english) if language() == "pl" else (english or polish)


def _name_cell(p: Participant) -> Flowable:
    person = p.person
    lines = []
    if person is not None and person.honorific:
        lines.append(_muted(person.honorific))
    lines.append(f"<b>{markup(p.name, fonts.BOLD)}</b>")
    if person is not None and person.name_native:
        lines.append(markup(person.name_native))
    return rich("<br/>".join(lines), styles().cell)


def _function_cell(p: Participant) -> Flowable:
    lines = []
    function = p.person.function if p.person is not None else None
    if function:
        lines.append(markup(function))
    if p.role and p.role not in (function, p.name):   # a participant known only by role is named by it
        lines.append(_muted(p.role))
    return rich("<br/>".join(lines), styles().cell)


def _participants_table(people: Sequence[Participant]) -> Flowable:
    rows = []
    for number, p in enumerate(people, start=1):
        rows.append([f"{number}." if p.precedence is not None else "", _name_cell(p), _function_cell(p),
                     salutation(p.person), language_names(p.languages)])
    return b.data_table([_("No."), _("Person"), _("Function and role"), _("Form of address"), _("Languages")],
                        rows, [0.45, 2.3, 2.3, 2.1, 1.3])


def participants_section(vf: VisitFile) -> list[Flowable]:
    incoming = vf.visit.direction is Direction.INCOMING
    sides = [(_("Guests") if incoming else _("Krakow's delegation"), vf.guests),
             (_("Krakow's hosts") if incoming else _("Hosts"), vf.hosts)]
    content: list[Flowable] = []
    for title, people in sides:
        if people:
            content += [*b.heading(title, 2), _participants_table(people)]
    if not content:
        content = [b.note(_("No participants recorded yet."))]
    return b.section(_("Participants in order of precedence"), *content)


def interpreting_section(vf: VisitFile) -> list[Flowable]:
    if not vf.participants and not vf.visit.interpreters:
        return []   # nothing to derive from, nothing recorded: the participants section says so
    st = styles()
    content: list[Flowable] = []
    if vf.interpreting:
        rows = []
        for need in vf.interpreting:
            if need.needed:
                needed = markup(_("INTERPRETER NEEDED"), fonts.BOLD)
                cover = rich(f'<font color="{_hex(WARNING_INK)}"><b>{needed}</b></font>', st.cell)
            else:
                cover = _("covered by {names}").format(names=", ".join(need.covered_by))
            rows.append([language_names([need.language]), ", ".join(need.speakers), cover])
        content.append(b.data_table([_("Language"), _("Spoken by"), _("Interpreting")], rows, [1.3, 3.5, 3.2]))
    else:
        content.append(b.note(_("No interpreting need follows from the languages recorded.")))
    if vf.visit.interpreters:
        content += [Spacer(1, 5), b.labelled(_("Interpreters"), vf.visit.interpreters)]
    return b.section(_("Languages and interpreting"), *content)


def needs_section(vf: VisitFile) -> list[Flowable]:
    if not vf.participants:
        return []
    st = styles()
    rows = []
    for p in vf.participants:
        person = p.person
        if person is None or not (person.dietary_notes or person.accessibility_notes):
            continue
        lines = [f"<b>{markup(title, fonts.BOLD)}:</b> {markup(text)}"
                 for title, text in ((_("Diet"), person.dietary_notes),
                                     (_("Accessibility"), person.accessibility_notes)) if text]
        rows.append([rich(f"<b>{markup(p.name, fonts.BOLD)}</b>", st.cell), rich("<br/>".join(lines), st.cell)])
    title = _("Dietary and accessibility notes")
    if not rows:
        return b.section(title, b.note(_("None recorded for these participants.")))
    return b.section(title, b.notice_box(_("Pass these on to the caterers, the venues and the drivers."),
                                         [b.grid(rows, [0.3, 0.7], b.BOX_INNER_WIDTH)]))


def _time(item: s.ProgrammeItemData) -> str:
    if item.start is None:
        return ""
    start = item.start.strftime("%H:%M")
    return f"{start}–{item.end.strftime('%H:%M')}" if item.end and item.end != item.start else start


def programme_section(vf: VisitFile, day_title: Callable[[date], str]) -> list[Flowable]:
    visit = vf.visit
    content: list[Flowable] = []
    if vf.clashes:
        content.append(b.warning_box(_("Programme clashes"), [c.text for c in vf.clashes]))
    clashing = {i for c in vf.clashes for i in c.items}
    position = {id(item): i for i, item in enumerate(visit.programme)}
    for day in vf.days:
        rows = []
        for item in day.items:
            time = _time(item)
            if position.get(id(item)) in clashing:
                time = f"{CLASH_MARK} {time}".strip()
            rows.append([time, item.activity, item.place, item.responsible, item.notes])
        content += b.heading(day_title(day.day) if day.day else _("Day not fixed yet"), 2)
        content.append(b.data_table([_("Time"), _("Activity"), _("Place"), _("Responsible"), _("Notes")],
                                    rows, [1.45, 2.85, 2.0, 1.55, 1.8]))
    if not vf.days:
        content.append(b.note(_("No programme recorded yet.")))
    return b.section(_("Programme"), *content)


def _gift_rows(gifts: Sequence[s.GiftData], person: Optional[dict[str, str]] = None) -> list[list]:
    rows = []
    for g in gifts:
        what = g.description + (f" × {g.quantity}" if g.quantity and g.quantity > 1 else "")
        what = join(what, label(g.category) if g.category else None, separator=" · ")
        # the arrow shows which side is named when only one is: "→ Witalij Kłyczko"
        parties = f"{g.giver or ''} → {g.recipient or ''}".strip() if g.giver or g.recipient else ""
        row = [format_short_date(g.date), capitalised(label(g.direction)), what, parties, format_money(g.value, g.currency)]
        if person is not None:
            row.insert(0, person.get(g.key, ""))
        rows.append(row)
    return rows


_GIFT_HEADINGS = (lambda: [_("Date"), _("Direction"), _("Gift"), _("From → to"), _("Value")])
_GIFT_WIDTHS = [1.3, 1.25, 2.9, 2.25, 1.2]   # the date column holds "2026-11-22" on one line


def gifts_section(vf: VisitFile) -> list[Flowable]:
    history = vf.gifts
    content: list[Flowable] = []
    if history.visit_gifts:
        content += [*b.heading(_("Gifts of this visit"), 2),
                    b.data_table(_GIFT_HEADINGS(), _gift_rows(history.visit_gifts), _GIFT_WIDTHS, right=(4,))]
    if history.warnings:
        content.append(b.warning_box(_("Check before giving"), [w.text for w in history.warnings]))
    if history.partner_gifts:
        content += [*b.heading(_("Earlier gifts with the partner"), 2),
                    b.data_table(_GIFT_HEADINGS(), _gift_rows(history.partner_gifts), _GIFT_WIDTHS, right=(4,))]
    if history.people_gifts:
        who = {g.key: name for name, g in history.people_gifts}
        content += [*b.heading(_("Earlier gifts with these people"), 2),
                    b.data_table([_("Person"), *_GIFT_HEADINGS()],
                                 _gift_rows([g for _name, g in history.people_gifts], who),
                                 [1.4, 1.3, 1.2, 2.6, 2.1, 1.1], right=(5,))]
    if not content:
        content.append(b.note(_("No gifts recorded for this visit, its partner or these people.")))
    return b.section(_("Gifts"), *content)


def tasks_table(tasks: Sequence[s.TaskData]) -> Optional[Flowable]:
    if not tasks:
        return None
    rows = [[join(t.title, t.notes, separator="\n"), format_short_date(t.due_on), t.assignee, capitalised(label(t.status))]
            for t in tasks]
    return b.data_table([_("Task"), _("Due"), _("Assignee"), _("Status")], rows, [4.2, 1.2, 2.0, 1.4])
