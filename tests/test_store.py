"""The schema: migrations on every backend, and the constraints the database itself enforces."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from krakow_desk.domain import tables as t
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.store import migrate, search_index
from krakow_desk.store.engine import create_engine


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True, "include_object": search_index.include_object})
            assert compare_metadata(context, t.metadata) == []
        migrate.upgrade(engine)  # a second run changes nothing and does not fail
        migrate.downgrade(engine, "base")
        assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine)
        assert set(t.metadata.tables) <= set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_a_missing_database_is_not_created_by_accident(tmp_path: Path) -> None:
    target = tmp_path / "typo.sqlite3"
    with pytest.raises(DeskError, match="init"):
        Desk.open(str(target))
    assert not target.exists()


def test_an_unmigrated_database_is_refused_without_create(tmp_path: Path) -> None:
    target = tmp_path / "plain.sqlite3"
    sa.create_engine(f"sqlite:///{target}").connect().close()
    with pytest.raises(DeskError, match="init"):
        Desk.open(str(target))


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path: Path) -> None:
    with Desk.open(str(tmp_path / "x.sqlite3"), create=True) as desk:
        with desk.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def _partner(**extra: object) -> t.Partner:
    return t.Partner(key="p", name="P", country="PL", **extra)


@pytest.mark.parametrize("row", [
    lambda: t.Gift(key="g", direction="given", description="x", quantity=-1),
    lambda: t.Gift(key="g", direction="given", description="x", value=-3),
    lambda: t.Membership(key="m", organisation_id=None, joined_year=2000),
    lambda: t.Agreement(key="a", partner_id=999, kind="memorandum"),
])
def test_the_database_refuses_what_the_models_refuse(desk: Desk, row) -> None:  # noqa: ANN001
    with Session(desk.engine) as session:
        session.add(row())
        with pytest.raises(IntegrityError):
            session.commit()


def test_the_database_checks_coordinates_and_term_order(desk: Desk) -> None:
    with Session(desk.engine) as session:
        session.add(_partner(latitude=120.0, longitude=0.0))
        with pytest.raises(IntegrityError):
            session.commit()
    from datetime import date
    with Session(desk.engine) as session:
        partner = _partner()
        session.add(partner)
        session.flush()
        session.add(t.Agreement(key="a", partner_id=partner.id, kind="memorandum",
                                term_start=date(2010, 1, 1), term_end=date(2009, 1, 1)))
        with pytest.raises(IntegrityError):
            session.commit()


def test_deleting_a_partner_removes_its_own_history(desk: Desk) -> None:
    desk.partners.create({"key": "p", "name": "P", "country": "PL", "aliases": ["Pe"],
                          "statuses": [{"status": "active"}], "domains": ["culture"]})
    desk.partners.delete("p")
    with Session(desk.engine) as session:
        for table in (t.PartnerStatus, t.PartnerAlias, t.PartnerDomain):
            assert session.scalar(sa.select(sa.func.count()).select_from(table)) == 0


def test_text_with_a_nul_character_is_refused_with_the_field_named(desk: Desk) -> None:
    from krakow_desk.services.errors import DeskError
    with pytest.raises(DeskError, match="name") as error:
        desk.partners.create({"key": "x", "name": "Kra\x00ków", "kind": "city", "country": "PL"})
    assert "NUL" in str(error.value)
    assert desk.partners.count() == 0
