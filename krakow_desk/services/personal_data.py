"""Personal data (GDPR): everything held about one person, and erasing it.

Erasing keeps the person's record as an anonymous link — a visit's delegation, a letter's
addressees and the gifts register must stay whole — but removes every personal field, the
person's name from participants, gifts and programmes, and the person's values from the change
history. History entries are redacted in place: their digests and the hash chain stay, and the
erasure's own entry lists them, so ``check`` can still verify the chain.
"""

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.i18n import _
from krakow_desk.services.collection import Changes, Collection
from krakow_desk.services.errors import DeskError
from krakow_desk.store import history, search_index

ERASED_NAME = history.REDACTED   # the family name an erased person keeps: "[erased]"
_PERSONAL_COLUMNS = ("given_name", "name_native", "honorific", "title", "function", "address",
                     "salutation", "salutation_pl", "precedence", "dietary_notes",
                     "accessibility_notes", "lawful_basis", "retention_note", "notes", "source")


def _full_names(person: s.PersonData) -> list[str]:
    names = [person.name_native, person.key]
    if person.given_name:
        names += [f"{person.given_name} {person.family_name}", f"{person.family_name} {person.given_name}"]
    else:
        names.append(person.family_name)
    return [n for n in names if n]


def _needles(person: s.PersonData) -> list[str]:
    """Text that identifies the person wherever it appears: names, key, addresses, numbers."""
    return sorted({*_full_names(person), *person.emails, *person.phones,
                   *([person.address] if person.address else [])}, key=len, reverse=True)


def _mentions(column: Any, needles: Iterable[str]) -> Any:
    return sa.or_(*(sa.func.lower(column).contains(n.lower(), autoescape=True) for n in needles))


class People(Collection[s.PersonData]):
    """People, with what data protection asks of them: a full export and an erasure."""

    def personal_data(self, key: str) -> dict[str, Any]:
        """Everything the office holds about one person, as JSON-ready values."""
        person = self.get(key)
        needles = _full_names(person)
        with self.desk.session() as session:
            person_id = self._row(session, key).id
            visits = session.execute(
                sa.select(t.Visit.key, t.Visit.title, t.Visit.start_on, t.VisitParticipant.name,
                          t.VisitParticipant.role, t.VisitParticipant.side)
                .join(t.VisitParticipant, t.VisitParticipant.visit_id == t.Visit.id)
                .where(t.VisitParticipant.person_id == person_id).order_by(t.Visit.start_on)).all()
            letters = session.execute(
                sa.select(t.Letter.key, t.Letter.reference, t.Letter.date, t.Letter.direction, t.Letter.subject)
                .join(t.LetterPerson, t.LetterPerson.letter_id == t.Letter.id)
                .where(t.LetterPerson.person_id == person_id).order_by(t.Letter.date)).all()
            gifts = session.execute(
                sa.select(t.Gift.key, t.Gift.date, t.Gift.direction, t.Gift.description, t.Gift.giver,
                          t.Gift.recipient)
                .where(sa.or_(_mentions(t.Gift.giver, needles), _mentions(t.Gift.recipient, needles)))
                .order_by(t.Gift.date)).all()
            programme = session.execute(
                sa.select(t.Visit.key, t.ProgrammeItem.day, t.ProgrammeItem.activity, t.ProgrammeItem.responsible)
                .join(t.Visit, t.Visit.id == t.ProgrammeItem.visit_id)
                .where(_mentions(t.ProgrammeItem.responsible, needles))).all()
        entries = self.desk.history.of("person", key)
        return history.json_value({
            "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "person": person.model_dump(mode="json"),
            "visits": [dict(row._mapping) for row in visits],
            "letters": [dict(row._mapping) for row in letters],
            "gifts": [dict(row._mapping) for row in gifts],
            "programme_items": [dict(row._mapping) for row in programme],
            "history": [entry.as_json() for entry in entries],
        })

    def export_personal_data(self, key: str, path: str | Path) -> Path:
        """Write ``personal_data`` as a JSON file (atomically: a half-written file never stays)."""
        target = Path(path)
        data = self.personal_data(key)
        temporary = target.with_name(target.name + ".part")
        try:
            temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            temporary.replace(target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise DeskError(_("cannot write {path}: {reason}").format(path=target, reason=error.strerror)) from None
        return target

    def erase(self, key: str, today: dt.date | None = None) -> Changes:
        """Remove the person's personal data everywhere; the record stays as an anonymous link."""
        person = self.get(key)
        if person.erased_on is not None:
            raise DeskError(_("the personal data of '{key}' was already erased").format(key=key))
        needles = _needles(person)
        with self.desk.writing() as session:
            row = self._row(session, key)
            new_key = f"erased-{row.id}"
            for column in _PERSONAL_COLUMNS:
                setattr(row, column, None)
            row.key, row.family_name, row.erased_on = new_key, ERASED_NAME, today or dt.date.today()
            row.languages, row.emails, row.phones = [], [], []
            row.version += 1
            session.execute(sa.delete(t.Affiliation).where(t.Affiliation.person_id == row.id))
            visits, gifts = self._erase_mentions(session, row.id, _full_names(person))
            redacted = self._redact_history(session, row.id, needles, new_key)
            session.flush()
            search_index.changed(session, "person", row.id)
            for visit_id in visits:
                search_index.changed(session, "visit", visit_id)
            history.append(session, actor=self.desk.actor, kind="person", record_key=new_key,
                           record_id=row.id, action="erased",
                           changes={"redacted_entries": [None, sorted(redacted)]})
            touched = [("visit", k) for k in session.scalars(sa.select(t.Visit.key).where(t.Visit.id.in_(visits)))]
            touched += [("gift", k) for k in session.scalars(sa.select(t.Gift.key).where(t.Gift.id.in_(gifts)))]
        return Changes(updated=(("person", new_key), *touched), deleted=(("person", key),))

    @staticmethod
    def _erase_mentions(session: Session, person_id: int, names: list[str]) -> tuple[set[int], set[int]]:
        """The person's name out of participants, programmes and the gifts register; returns the
        ids of the visits and gifts touched."""
        touched = set(session.scalars(sa.select(t.VisitParticipant.visit_id)
                                      .where(t.VisitParticipant.person_id == person_id)))
        session.execute(sa.update(t.VisitParticipant).where(t.VisitParticipant.person_id == person_id)
                        .values(name=None))
        gifts: set[int] = set()
        for column in (t.Gift.giver, t.Gift.recipient):
            gift_rows = session.execute(sa.select(t.Gift.id).where(_mentions(column, names))).scalars().all()
            if gift_rows:
                session.execute(sa.update(t.Gift).where(t.Gift.id.in_(gift_rows))
                                .values({column.key: ERASED_NAME, "version": t.Gift.version + 1}))
                for gift_id in gift_rows:
                    search_index.changed(session, "gift", gift_id)
                gifts.update(gift_rows)
        items = session.execute(sa.select(t.ProgrammeItem.id, t.ProgrammeItem.visit_id)
                                .where(_mentions(t.ProgrammeItem.responsible, names))).all()
        if items:
            session.execute(sa.update(t.ProgrammeItem).where(t.ProgrammeItem.id.in_([i.id for i in items]))
                            .values(responsible=ERASED_NAME))
            touched.update(i.visit_id for i in items)
        return touched, gifts

    @staticmethod
    def _redact_history(session: Session, person_id: int, needles: list[str], new_key: str) -> set[int]:
        log = t.ChangeLog
        rows = session.execute(sa.select(log.id, log.kind, log.record_id, log.record_key, log.changes).where(sa.or_(
            sa.and_(log.kind == "person", log.record_id == person_id),
            _mentions(log.changes, needles), _mentions(log.record_key, needles)))).all()
        for row in rows:
            changes = history.redact_values(json.loads(row.changes), needles)
            own = row.kind == "person" and row.record_id == person_id
            if own:   # every value the person's own record ever had is theirs
                changes = {name: [None if v is None else history.REDACTED for v in pair]
                           for name, pair in changes.items()}
            record_key = new_key if own else history.redact_values(row.record_key, needles)
            session.execute(sa.update(log).where(log.id == row.id).values(
                changes=history.canonical(changes), record_key=record_key, redacted=True))
        return {row.id for row in rows}
