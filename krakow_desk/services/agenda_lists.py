"""The agenda's lists drawn from the registers: overdue follow-ups, replies due, upcoming visits
and dormant partners (the agreements' deadlines are computed in services.agenda)."""

from datetime import date
from itertools import groupby
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from krakow_desk.collation import sort_key
from krakow_desk.domain import tables as t
from krakow_desk.domain.enums import Direction, Precision, TaskStatus, VisitStatus
from krakow_desk.domain.terms import add_months
from krakow_desk.formatting import format_date
from krakow_desk.i18n import _, ngettext
from krakow_desk.services.activity import last_activity_in
from krakow_desk.services.agenda import AgendaItem
from krakow_desk.services.search import PartnerRef

OPEN_TASKS = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
AWAITING_OURS, AWAITING_THEIRS = "awaiting_our_reply", "awaiting_their_reply"


def _by_date(items: list[AgendaItem]) -> list[AgendaItem]:
    """By date, then partner and title in the reader's alphabet. Collation keys are worked out only
    where dates tie: thousands of unanswered letters would otherwise spend seconds on them."""
    def day(item: AgendaItem) -> date:
        return item.date or date.min
    ordered: list[AgendaItem] = []
    for _day, group in groupby(sorted(items, key=day), key=day):
        tied = list(group)
        if len(tied) > 1:
            tied.sort(key=lambda i: (sort_key(i.partner.name if i.partner else ""), sort_key(i.title)))
        ordered.extend(tied)
    return ordered


def _partner_of_task(session: Session) -> dict[int, int]:
    """Task id → partner id, through whatever the task is attached to."""
    visit_partner = (sa.select(t.VisitPartner.partner_id).where(t.VisitPartner.visit_id == t.Task.visit_id)
                     .order_by(t.VisitPartner.partner_id).limit(1).scalar_subquery())
    event_partner = (sa.select(t.EventPartner.partner_id).where(t.EventPartner.event_id == t.Task.event_id)
                     .order_by(t.EventPartner.partner_id).limit(1).scalar_subquery())
    agreement_partner = (sa.select(t.Agreement.partner_id).where(t.Agreement.id == t.Task.agreement_id)
                         .scalar_subquery())
    letter_partner = sa.select(t.Letter.partner_id).where(t.Letter.id == t.Task.letter_id).scalar_subquery()
    partner = sa.func.coalesce(t.Task.partner_id, agreement_partner, visit_partner, letter_partner, event_partner)
    return {tid: pid for tid, pid in session.execute(sa.select(t.Task.id, partner)) if pid is not None}


def _keys_of_partners(session: Session) -> dict[int, str]:
    return dict(session.execute(sa.select(t.Partner.id, t.Partner.key)).all())


def overdue(session: Session, partners: dict[str, PartnerRef], today: date) -> list[AgendaItem]:
    """Open follow-ups whose due date has passed, oldest first."""
    rows = session.execute(sa.select(t.Task.id, t.Task.key, t.Task.title, t.Task.due_on, t.Task.assignee)
                           .where(t.Task.status.in_(OPEN_TASKS), t.Task.due_on < today)).all()
    if not rows:
        return []
    partner_of, keys = _partner_of_task(session), _keys_of_partners(session)
    items = []
    for tid, key, title, due, assignee in rows:
        late = (today - due).days
        text = ngettext("{title} — {n} day late", "{title} — {n} days late", late).format(title=title, n=late)
        if assignee:
            text += f" ({assignee})"
        partner = partners.get(keys.get(partner_of.get(tid, -1), ""))
        items.append(AgendaItem(due, "task", text, partner, key, record_kind="task"))
    return _by_date(items)


def replies_due(session: Session, partners: dict[str, PartnerRef], today: date,
                last: date) -> list[AgendaItem]:
    """Letters with a reply due by ``last`` that no letter answers yet: incoming ones await ours,
    outgoing ones await theirs. Overdue ones stay on the list until answered."""
    reply = aliased(t.Letter)
    answered = sa.exists().where(reply.reply_to_id == t.Letter.id)
    rows = session.execute(
        sa.select(t.Letter.key, t.Letter.direction, t.Letter.subject, t.Letter.date, t.Letter.reply_due_on,
                  t.Letter.reference, t.Partner.key)
        .outerjoin(t.Partner, t.Partner.id == t.Letter.partner_id)
        .where(t.Letter.reply_due_on.is_not(None), t.Letter.reply_due_on <= last, ~answered)).all()
    items = []
    for key, direction, subject, sent, due, reference, partner_key in rows:
        waiting = max((today - sent).days, 0)
        if direction is Direction.INCOMING:
            kind = AWAITING_OURS
            text = ngettext("Our reply to “{subject}” — waiting {n} day", "Our reply to “{subject}” — waiting {n} days",
                            waiting)
        else:
            kind = AWAITING_THEIRS
            text = ngettext("Their reply to “{subject}” — waiting {n} day",
                            "Their reply to “{subject}” — waiting {n} days", waiting)
        title = text.format(subject=subject, n=waiting)
        if reference:
            title += f" [{reference}]"
        items.append(AgendaItem(due, kind, title, partners.get(partner_key or ""), key, record_kind="letter"))
    return _by_date(items)


def upcoming_visits(session: Session, partners: dict[str, PartnerRef], today: date,
                    last: date) -> list[AgendaItem]:
    """Visits not cancelled that start by ``last`` and have not ended before ``today``."""
    ends = sa.func.coalesce(t.Visit.end_on, t.Visit.start_on)
    rows = session.execute(
        sa.select(t.Visit.id, t.Visit.key, t.Visit.title, t.Visit.start_on, t.Visit.start_on_precision,
                  t.Visit.end_on, t.Visit.direction)
        .where(t.Visit.status != VisitStatus.CANCELLED, t.Visit.start_on <= last, ends >= today)).all()
    if not rows:
        return []
    ids = [r[0] for r in rows]
    links = session.execute(sa.select(t.VisitPartner.visit_id, t.Partner.key)
                            .join(t.Partner, t.Partner.id == t.VisitPartner.partner_id)
                            .where(t.VisitPartner.visit_id.in_(ids))).all()
    first_partner: dict[int, str] = {}
    for vid, pkey in sorted(links, key=lambda link: (link[0], link[1])):
        first_partner.setdefault(vid, pkey)
    items = []
    for vid, key, title, start, precision, end, direction in rows:
        kind = "incoming_visit" if direction is Direction.INCOMING else "outgoing_visit"
        items.append(AgendaItem(start, kind, title, partners.get(first_partner.get(vid, "")), key,
                                record_kind="visit", precision=Precision(precision)))
    return _by_date(items)


def dormancy_start(today: date, months: int) -> date:
    """The first day that still counts as recent: activity on it or later keeps a partner awake."""
    return add_months(today, -months)


def dormant_partners(session: Session, partners: dict[str, PartnerRef], current: set[str], today: date,
                     months: int) -> list[AgendaItem]:
    """Current partners with no dated visit, letter, event or gift since ``months`` ago, longest
    quiet first (never active at all, first of all)."""
    since = dormancy_start(today, months)
    latest = last_activity_in(session)
    items = []
    for key in current:
        fuzzy = latest.get(key)
        if fuzzy is not None and fuzzy.end >= since:
            continue
        if fuzzy is None:
            title, when, precision = _("No activity recorded"), None, Precision.DAY
        else:
            title = _("Last activity: {date}").format(date=format_date(fuzzy.start, fuzzy.precision))
            when, precision = fuzzy.start, fuzzy.precision
        items.append(AgendaItem(when, "dormant", title, partners.get(key), key, record_kind="partner",
                                precision=precision))
    return _by_date(items)


def count_overdue(session: Session, today: date) -> int:
    """How many open follow-ups are past due: the window opens on the agenda when any are."""
    return session.scalar(sa.select(sa.func.count()).select_from(t.Task)
                          .where(t.Task.status.in_(OPEN_TASKS), t.Task.due_on < today)) or 0
