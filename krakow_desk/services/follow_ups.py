"""Follow-up tasks of a record: what is to be done about a partner, an agreement, a visit, a
letter or an event."""

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.services import shapes
from krakow_desk.services.errors import DeskError, NotFound
from krakow_desk.services.mapping import KeyCache

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

OWNERS = {"partner": (t.Partner, t.Task.partner_id), "agreement": (t.Agreement, t.Task.agreement_id),
          "visit": (t.Visit, t.Task.visit_id), "letter": (t.Letter, t.Task.letter_id),
          "event": (t.Event, t.Task.event_id)}


def tasks_of(desk: "Desk", kind: str, key: str) -> list[s.TaskData]:
    """The record's follow-ups, open ones first by due date. A partner's include those attached to
    its agreements, visits, letters and events: everything to be done about the partner."""
    if kind not in OWNERS:
        raise DeskError(f"follow-up tasks cannot belong to a {kind}")
    table = OWNERS[kind][0]
    with desk.session() as session:
        owner = session.scalar(sa.select(table.id).where(table.key == key))
        if owner is None:
            raise NotFound(kind, key)
        return tasks_in(session, kind, owner)


def tasks_in(session: Session, kind: str, owner: int) -> list[s.TaskData]:
    """``tasks_of`` inside the caller's session, for the record with id ``owner``."""
    condition = OWNERS[kind][1] == owner
    if kind == "partner":
        condition = sa.or_(
            condition,
            t.Task.agreement_id.in_(sa.select(t.Agreement.id).where(t.Agreement.partner_id == owner)),
            t.Task.visit_id.in_(sa.select(t.VisitPartner.visit_id).where(t.VisitPartner.partner_id == owner)),
            t.Task.letter_id.in_(sa.select(t.Letter.id).where(t.Letter.partner_id == owner)),
            t.Task.event_id.in_(sa.select(t.EventPartner.event_id).where(t.EventPartner.partner_id == owner)))
    rows = list(session.scalars(sa.select(t.Task).where(condition)))
    tasks = shapes.TASK.shape.models_of(session, rows, KeyCache(session))
    return sorted(tasks, key=task_order)


def task_order(task: s.TaskData) -> tuple:
    """Open ones first, by due date (undated last), then those done or dropped."""
    return (task.status.value in ("done", "cancelled"), task.due_on is None, task.due_on or date.min, task.key)
