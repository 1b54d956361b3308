"""The Desk: the one API the window, the command line and the reports use."""

import getpass
from contextlib import contextmanager
from functools import cached_property
from datetime import date
from typing import TYPE_CHECKING, Iterator, Optional

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from krakow_desk.domain import schema as s
from krakow_desk.domain import tables as t
from krakow_desk.domain.text import fold
from krakow_desk.services import shapes
from krakow_desk.services.collection import Changes, Collection
from krakow_desk.domain.records import Records
from krakow_desk.services.errors import DeskError, NotFound, from_validation
from krakow_desk.services.letters import Letters
from krakow_desk.services.personal_data import People
from krakow_desk.services.records import compute_records
from krakow_desk.store import history, migrate
from krakow_desk.i18n import _
from krakow_desk.store.engine import sqlite_file_missing
from krakow_desk.store.paths import resolve_db

if TYPE_CHECKING:
    from krakow_desk.domain.protocol import Clash
    from krakow_desk.services.gifts import GiftHistory, GiftWarning
    from krakow_desk.services.policy import OfficePolicy
    from krakow_desk.services.visit_file import VisitFile
    from krakow_desk.services.agenda import Agenda
    from krakow_desk.services.documents import Documents
    from krakow_desk.services.history import History
    from krakow_desk.services.search import SearchHit
    from krakow_desk.store.documents import DocumentStore

HOME_SETTING = "home"


def append_setting(session: Session, actor: str, name: str, before: dict, after: dict) -> None:
    """Log a change to an office-wide setting (the home city, the policy), if anything changed."""
    changes = history.diff(before, after)
    if changes:
        history.append(session, actor=actor, kind="setting", record_key=name, record_id=None,
                       action="updated" if before else "created", changes=changes)


def default_actor() -> str:
    try:
        return getpass.getuser() or "?"
    except (KeyError, OSError):   # no user name in the environment or the password database
        return "?"


def _no_database(where: str) -> DeskError:
    return DeskError(_("no Krakow Desk database at {path} — create it with 'krakow-desk init'").format(
        path=where))


class Desk:
    """An open database. ``Desk.open(url)``; close it (or use ``with``) to release the engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.read_only = False   # Desk.open(read_only=True): every write fails with a StorageError
        # Who the change history names for this desk's writes: the OS user, unless the window's
        # settings give a name.
        self.actor: str = default_actor()
        self.sources: Collection[s.SourceData] = Collection(self, shapes.SOURCE)
        self.partners: Collection[s.PartnerData] = Collection(self, shapes.PARTNER)
        self.agreements: Collection[s.AgreementData] = Collection(self, shapes.AGREEMENT)
        self.organisations: Collection[s.OrganisationData] = Collection(self, shapes.ORGANISATION)
        self.memberships: Collection[s.MembershipData] = Collection(self, shapes.MEMBERSHIP)
        self.institutions: Collection[s.InstitutionData] = Collection(self, shapes.INSTITUTION)
        self.people: People = People(self, shapes.PERSON)
        self.visits: Collection[s.VisitData] = Collection(self, shapes.VISIT)
        self.events: Collection[s.EventData] = Collection(self, shapes.EVENT)
        self.gifts: Collection[s.GiftData] = Collection(self, shapes.GIFT)
        self.letters: Letters = Letters(self, shapes.LETTER)
        self.tasks: Collection[s.TaskData] = Collection(self, shapes.TASK)

    # --- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, target: Optional[str] = None, *, create: bool = False, read_only: bool = False,
             verify: Optional[bool] = None) -> "Desk":
        """Open the database at a path or URL (default: $KRAKOW_DESK_DB, then the data folder).

        With ``create`` a missing or older schema is created or migrated (an older one is backed
        up first); without it, a database that is not there or not up to date is an error, so a
        mistyped path creates nothing. ``read_only`` opens it for reading only: every write is a
        StorageError. A damaged SQLite file is moved aside and DatabaseDamaged raised;
        ``verify`` runs SQLite's quick_check (None: for files small enough that it costs nothing).
        See services.opening.
        """
        from krakow_desk.services.opening import open_engine
        url = resolve_db(target)
        if not create:
            missing = sqlite_file_missing(url)
            if missing:
                raise _no_database(missing)
        desk = cls(open_engine(url, create=create, read_only=read_only, verify=verify))
        desk.read_only = read_only
        return desk

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed if the block ends normally, rolled back otherwise."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException as error:
                session.rollback()
                # A full disk, a read-only or damaged file: the environment, said as such.
                from krakow_desk.services.opening import storage_failure
                mapped = storage_failure(error, self.read_only)
                if mapped is error:
                    raise
                raise mapped from error

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that writes: the change history's head is locked first, so writers on
        a shared database take turns and every change lands in one unbroken chain."""
        with self.session() as session:
            history.begin(session)
            yield session

    @property
    def history(self) -> "History":
        """The change history: of one record, the whole log, and its hash-chain check."""
        from krakow_desk.services.history import History
        return History(self)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def location(self) -> str:
        """Where the data is, for people: the file's path, or the server's URL without password."""
        if self.engine.url.get_backend_name() == "sqlite" and self.engine.url.database:
            return self.engine.url.database
        return self.url

    @property
    def documents(self) -> "Documents":
        """Files attached to records: attach, of, open_path, remove, check (services.documents)."""
        from krakow_desk.services.documents import Documents
        return Documents(self)

    @cached_property
    def document_store(self) -> "DocumentStore":
        """The folder this database's documents are kept in (store.documents.store_root)."""
        from krakow_desk.store.documents import DocumentStore, store_root
        return DocumentStore(store_root(self.engine.url))

    def is_empty(self) -> bool:
        return self.partners.count() == 0 and self.sources.count() == 0

    # --- the home city and yearly figures ------------------------------------------------

    def home(self) -> Optional[s.HomeData]:
        with self.session() as session:
            row = session.get(t.Setting, HOME_SETTING)
            return s.HomeData.model_validate(row.value) if row and row.value else None

    def set_home(self, home: s.HomeData | dict) -> Changes:
        try:
            data = s.HomeData.model_validate(home.model_dump() if isinstance(home, s.HomeData) else home)
        except ValidationError as error:
            raise from_validation("home", error) from None
        with self.writing() as session:
            self.write_home(session, data, self.actor)
        return Changes(updated=(("home", HOME_SETTING),))

    @staticmethod
    def write_home(session: Session, data: s.HomeData, actor: str) -> None:
        row = session.get(t.Setting, HOME_SETTING) or t.Setting(key=HOME_SETTING)
        before = dict(row.value or {})
        row.value = data.model_dump(mode="json")
        session.add(row)
        append_setting(session, actor, HOME_SETTING, before, row.value)

    def yearly_figures(self) -> list[s.YearlyFigureData]:
        with self.session() as session:
            return self.yearly_figures_in(session)

    @staticmethod
    def yearly_figures_in(session: Session) -> list[s.YearlyFigureData]:
        rows = session.scalars(sa.select(t.YearlyFigure).order_by(t.YearlyFigure.year, t.YearlyFigure.metric))
        return [s.YearlyFigureData.model_validate(row, from_attributes=True) for row in rows]

    # --- look-ups ------------------------------------------------------------------------

    def find_partner(self, text: str) -> s.PartnerData:
        """The partner a person means: by key, or by Polish, English, native name or alias,
        ignoring case and diacritics."""
        wanted = fold(text)
        if not wanted:
            raise DeskError(_("which partner? The name is empty"))
        matches: dict[str, s.PartnerData] = {}
        for partner in self.partners.all():
            names = [partner.key, partner.name, partner.name_en, partner.name_native, *partner.aliases]
            if any(name and fold(name) == wanted for name in names):
                matches[partner.key] = partner
        if not matches:
            raise NotFound("partner", text)
        if len(matches) > 1:
            raise DeskError(_("'{text}' could mean {keys} — use the key").format(
                text=text, keys=", ".join(sorted(matches))))
        return next(iter(matches.values()))

    def search(self, text: str, limit: int = 20) -> "list[SearchHit]":
        """Records of every kind matching ``text`` (folded, word prefixes), best first."""
        from krakow_desk.services.search import search
        return search(self, text, limit)

    def policy(self) -> "OfficePolicy":
        """The office's rules shared by every desk: the gift threshold and value bands."""
        from krakow_desk.services.policy import policy
        return policy(self)

    def set_policy(self, value: "OfficePolicy | dict") -> Changes:
        from krakow_desk.services.policy import set_policy
        return set_policy(self, value)

    def gift_warnings(self, gift: "s.GiftData | dict") -> "list[GiftWarning]":
        """Warnings for a gift being entered or saved: above the threshold, or a repeat."""
        from krakow_desk.services.gifts import gift_warnings
        return gift_warnings(self, gift)

    def gift_history(self, visit_key: str) -> "GiftHistory":
        """The visit's gifts and what its partners and participants gave and received before."""
        return self.visit_file(visit_key).gifts

    def visit_file(self, key: str, today: Optional[date] = None) -> "VisitFile":
        """Everything about one visit for its page and its briefing (services.visit_file)."""
        from krakow_desk.services.visit_file import visit_file
        return visit_file(self, key, today)

    def visit_clashes(self, visit: "s.VisitData | dict") -> "list[Clash]":
        """Programme clashes of a visit as entered, saved or not."""
        from krakow_desk.services.collection import validate
        from krakow_desk.services.visit_file import visit_clashes
        data = visit if isinstance(visit, s.VisitData) else validate(shapes.VISIT, visit)
        return visit_clashes(self, data)  # type: ignore[arg-type]

    def agenda(self, days: int = 60, today: Optional[date] = None) -> "Agenda":
        """What falls due in the next ``days`` days from ``today`` (default: the real today)."""
        from krakow_desk.services.agenda import agenda
        return agenda(self, today or date.today(), days)

    def tasks_of(self, kind: str, key: str) -> list[s.TaskData]:
        """Follow-ups of a partner (with its records'), agreement, visit, letter or event."""
        from krakow_desk.services.follow_ups import tasks_of
        return tasks_of(self, kind, key)

    def overdue_count(self, today: Optional[date] = None) -> int:
        """Open follow-ups past their due date (a count, cheap enough for start-up)."""
        from krakow_desk.services.agenda_lists import count_overdue
        with self.session() as session:
            return count_overdue(session, today or date.today())

    def records(self, as_of: Optional[date] = None) -> Records:
        """The partnership records over the partners with current cooperation on ``as_of``."""
        return compute_records(self, as_of or date.today())
