"""The PostgreSQL copies of the tests really reach a PostgreSQL server wherever one can be had:
a server that failed to start, or a fixture quietly skipping, would otherwise pass unnoticed."""

import os

import pytest
import sqlalchemy as sa

import pg_server
from pg_server import SESSION as PG_SERVER

pytestmark = pytest.mark.postgres

REASON = PG_SERVER.unavailable_reason()
needs_postgres = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@needs_postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_the_postgres_copies_of_the_tests_run_on_postgresql(desk) -> None:
    # Not skipped here: where binaries or a URL exist, the fixture must have reached a server.
    assert desk.engine.dialect.name == "postgresql"
    with desk.engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version()").scalar()
    assert "PostgreSQL" in version
    assert PG_SERVER.server is not None and PG_SERVER.server.version.split()[0] in version


@needs_postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_each_test_gets_an_empty_database_of_its_own(desk) -> None:
    assert desk.is_empty()
    desk.partners.create({"key": "lviv", "name": "Lwów", "country": "UA", "kind": "city"})
    assert desk.partners.count() == 1


@pytest.mark.skipif(bool(os.environ.get(pg_server.URL_VARIABLE)), reason="a server is named")
@pytest.mark.skipif(pg_server.find_binaries() is None, reason="PostgreSQL not installed")
def test_the_private_server_lives_in_a_temporary_folder_until_the_session_ends() -> None:
    server = PG_SERVER.get()
    assert server.private and server.url.endswith("/krakow_test")
    assert PG_SERVER.cluster is not None and (PG_SERVER.cluster.data / "postmaster.pid").exists()
    engine = sa.create_engine(server.url)
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SHOW fsync").scalar() == "off"
    finally:
        engine.dispose()


def test_without_binaries_or_a_url_the_reason_says_what_to_install(monkeypatch) -> None:
    monkeypatch.delenv(pg_server.URL_VARIABLE, raising=False)
    monkeypatch.setattr(pg_server, "find_binaries", lambda: None)
    reason = pg_server.SessionServer().unavailable_reason()
    assert reason is not None and "postgresql package" in reason
    with pytest.raises(pg_server.ServerUnavailable):
        pg_server.SessionServer().get()
