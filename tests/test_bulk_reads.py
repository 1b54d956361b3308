"""Bulk reads (every list, the export) build records without re-validating them: they must give
exactly the records a validated read gives; and opening an up-to-date database needs no Alembic."""

import gc
import subprocess
import sys

import sqlalchemy as sa

from krakow_desk.services.desk import Desk
from krakow_desk.services.mapping import KeyCache, gc_paused
from krakow_desk.services.shapes import KINDS, PERSON, VISIT
from krakow_desk.store import migrate


def _validated(desk: Desk, kind) -> list:  # noqa: ANN001
    with desk.session() as session:
        rows = list(session.scalars(sa.select(kind.shape.table).order_by(kind.shape.table.key)))
        return kind.shape.models_of(session, rows, KeyCache(session))


def test_every_record_read_in_bulk_is_the_validated_record(krakow: Desk) -> None:
    for kind in KINDS:
        fast, slow = getattr(krakow, kind.plural).all(), _validated(krakow, kind)
        assert len(fast) == len(slow)
        for a, b in zip(fast, slow):
            # repr tells an enum from its value and a list from a tuple; JSON is what exports write
            assert a == b and repr(a) == repr(b), kind.name
            assert a.model_dump_json() == b.model_dump_json()
            assert a.model_fields_set == b.model_fields_set


def test_text_stored_untrimmed_reads_as_validation_would_give_it(krakow: Desk) -> None:
    # The demo's bulk insert writes around validation; a trailing space must not reach the lists.
    person = krakow.people.all()[0]
    with krakow.session() as session, session.begin():
        session.execute(sa.update(PERSON.shape.table).where(PERSON.shape.table.key == person.key)
                        .values(address="Rynek Główny 1  ", notes="   "))
    read = next(p for p in krakow.people.all() if p.key == person.key)
    assert read.address == "Rynek Główny 1" and read.notes is None
    assert read == krakow.people.get(person.key)


def test_a_list_may_leave_out_the_collections_it_does_not_show(krakow: Desk) -> None:
    visit = krakow.visits.all()[0]
    krakow.visits.update(visit.key, {**visit.model_dump(), "programme": [
        {"activity": "Powitanie w Sukiennicach", "place": "Sukiennice ", "start": "10:00"}]})
    whole = {v.key: v for v in krakow.visits.all()}
    assert whole[visit.key].programme[0].place == "Sukiennice"
    assert any(v.programme for v in whole.values()) and any(v.participants for v in whole.values())
    for visit in krakow.visits.all(without=("programme",)):
        assert visit.programme == []
        assert visit.participants == whole[visit.key].participants
        assert visit.title == whole[visit.key].title and visit.partners == whole[visit.key].partners
    assert {c.field for c in VISIT.shape.children} >= {"programme", "participants", "partners"}


def test_the_collector_is_back_on_after_bulk_reads_even_nested_or_failing() -> None:
    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with gc_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_the_head_revision_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory
    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_opening_an_up_to_date_database_imports_no_alembic(krakow: Desk) -> None:
    if krakow.engine.dialect.name != "sqlite":
        return
    url = krakow.engine.url.render_as_string(hide_password=False)
    code = ("import sys\nfrom krakow_desk.services.setup import open_ready\n"
            f"desk, _ = open_ready({url!r})\ndesk.close()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_partner_page_reads_the_records_a_validated_read_gives(krakow: Desk) -> None:
    from krakow_desk.services.partner_file import partner_file
    for partner in krakow.partners.all():
        file = partner_file(krakow, partner.key)
        assert repr(file.partner) == repr(krakow.partners.get(partner.key))
        for collection, records in (("agreements", file.agreements), ("visits", file.visits),
                                    ("gifts", file.gifts), ("letters", file.letters), ("events", file.events)):
            for record in records:
                assert repr(record) == repr(getattr(krakow, collection).get(record.key))
        for contact in file.contacts:
            assert repr(contact.person) == repr(krakow.people.get(contact.person.key))


def test_briefs_hold_the_records_fields(krakow: Desk) -> None:
    visits = {v.key: v for v in krakow.visits.all()}
    briefs = krakow.visits.briefs("start_on", "title", "place")
    assert [b.key for b in briefs] == sorted(visits)
    for brief in briefs:
        whole = visits[brief.key]
        assert (brief.start_on, brief.title, brief.place) == (whole.start_on, whole.title, whole.place)
    people = {p.key: p for p in krakow.people.all()}
    for brief in krakow.people.briefs("title", "given_name", "family_name", "erased_on"):
        whole = people[brief.key]
        assert (brief.title, brief.given_name, brief.family_name, brief.erased_on) == (
            whole.title, whole.given_name, whole.family_name, whole.erased_on)
