"""Search across all records: folding, prefixes, ranking, an index that follows every change,
any text at all as a query, and the command line — on SQLite and PostgreSQL alike."""

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krakow_desk.cli import main
from krakow_desk.i18n import set_language
from krakow_desk.services.dataset import import_dataset, parse_dataset
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError
from krakow_desk.store import migrate, search_index, search_query
from krakow_desk.store.engine import create_engine


def found(desk: Desk, text: str, limit: int = 20) -> list[tuple[str, str]]:
    return [(hit.kind, hit.id) for hit in desk.search(text, limit)]


def _partner(key: str, name: str, **extra: object) -> dict:
    return {"key": key, "name": name, "country": "PL", **extra}


# --- folding, prefixes, ranking ----------------------------------------------------------------

def test_polish_letters_fold_both_ways(desk: Desk) -> None:
    desk.partners.create(_partner("lodz", "Łódź"))
    desk.partners.create(_partner("wroclaw", "Wrocław"))
    desk.institutions.create({"key": "film", "name": "Lodz Film School", "city": "Zakopane"})
    for text in ("lodz", "LODZ", "Łódź", "łódź", "ŁODZ", "Lódz"):
        assert ("partner", "lodz") in found(desk, text), text
        assert ("institution", "film") in found(desk, text), text   # no diacritics in the record
    assert found(desk, "wroclaw") == [("partner", "wroclaw")]
    assert found(desk, "Wrocł") == [("partner", "wroclaw")]
    assert found(desk, "zakopané") == [("institution", "film")]


def test_krakow_names_as_people_type_them(krakow: Desk) -> None:
    assert found(krakow, "Kijow")[0] == ("partner", "kyiv")
    assert found(krakow, "kiev")[0] == ("partner", "kyiv")          # an alias
    assert found(krakow, "Nor")[0] == ("partner", "nuremberg")     # prefix as you type
    assert found(krakow, "wil")[0] == ("partner", "vilnius")
    assert found(krakow, "nurnberg")[0] == ("partner", "nuremberg")
    assert found(krakow, "frankfurt am")[0] == ("partner", "frankfurt")


@pytest.mark.parametrize("text, key", [
    ("Київ", "kyiv"), ("Ки", "kyiv"), ("南京", "nanjing"), ("南", "nanjing"), ("თბილისი", "tbilisi"),
    ("თბ", "tbilisi"), ("فاس", "fez"), ("Львів", "lviv"), ("Санкт-Петербург", "saint-petersburg")])
def test_native_scripts_find_by_their_own_script(krakow: Desk, text: str, key: str) -> None:
    assert found(krakow, text)[0] == ("partner", key)


def test_ranking_exact_then_prefix_then_words_then_other_fields(desk: Desk) -> None:
    desk.partners.create(_partner("gdansk", "Gdańsk"))
    desk.institutions.create({"key": "port", "name": "Port of Gdańsk"})          # a word in the name
    desk.institutions.create({"key": "yard", "name": "Gdańsk Shipyard"})         # the name's beginning
    desk.visits.create({"key": "v", "direction": "outgoing", "title": "Sea trip", "place": "Gdańsk"})
    hits = desk.search("gdansk")
    assert [(h.kind, h.id) for h in hits] == [
        ("partner", "gdansk"), ("institution", "yard"), ("institution", "port"), ("visit", "v")]
    assert hits[0].score > hits[1].score > hits[2].score > hits[3].score
    # Several words: all must match; together they may begin a name.
    assert found(desk, "gdansk ship") == [("institution", "yard")]
    assert found(desk, "of port") == [("institution", "port")]
    assert found(desk, "gdansk nowhere") == []


def test_partners_come_first_at_equal_score(desk: Desk) -> None:
    desk.institutions.create({"key": "i", "name": "Tarnów"})
    desk.partners.create(_partner("tarnow", "Tarnów"))
    assert found(desk, "tarnow") == [("partner", "tarnow"), ("institution", "i")]


def test_every_kind_is_found_with_its_fields(desk: Desk) -> None:
    desk.partners.create(_partner("p", "Zebrowo", aliases=["Zebrastadt"]))
    desk.organisations.create({"key": "o", "name": "Liga Miast", "acronym": "ZEBRA"})
    desk.institutions.create({"key": "i", "name": "Instytut", "city": "Zebrzydowice", "partner": "p"})
    desk.people.create({"key": "pe", "given_name": "Anna", "family_name": "Nowak", "function": "zebrolog",
                        "emails": ["anna@zebra.example"], "affiliations": [{"partner": "p"}]})
    desk.agreements.create({"key": "a", "partner": "p", "kind": "memorandum", "title": "Zebra accord"})
    desk.visits.create({"key": "v", "direction": "incoming", "title": "Zebra visit", "partners": ["p"]})
    desk.events.create({"key": "e", "title": "Dni", "place": "Zebra Hall", "partners": ["p"]})
    desk.gifts.create({"key": "g", "direction": "given", "description": "Zebra statue", "partner": "p"})
    desk.letters.create({"key": "l", "direction": "outgoing", "date": "2024-01-02", "subject": "Zaproszenie",
                         "reference": "ZEB/12/2024", "partner": "p"})
    hits = desk.search("zeb", limit=50)
    assert {hit.kind for hit in hits} == set(search_index.KINDS)
    assert all(hit.partner is not None and hit.partner.name == "Zebrowo"
               for hit in hits if hit.kind not in ("organisation",))
    assert hits[0].kind == "partner" and hits[0].title == "Zebrowo"
    person = next(hit for hit in hits if hit.kind == "person")
    assert person.title == "Anna Nowak" and person.id == "pe"
    assert found(desk, "anna nowak") == [("person", "pe")]
    assert found(desk, "ZEB/12") == [("letter", "l")]


def test_an_untitled_agreement_shows_its_kind_and_date(desk: Desk) -> None:
    desk.partners.create(_partner("quito", "Quito"))
    desk.agreements.create({"key": "quito-2004-loi", "partner": "quito", "kind": "letter_of_intent",
                            "signed_on": "2004-05"})
    hit = next(h for h in desk.search("quito") if h.kind == "agreement")
    assert "2004-05" in hit.title and hit.partner.key == "quito"


def test_limit(krakow: Desk) -> None:
    assert len(krakow.search("a", limit=3)) == 3
    assert len(krakow.search("a")) == 20
    with pytest.raises(DeskError):
        krakow.search("a", limit=0)


# --- the index follows every change ----------------------------------------------------------

def test_index_follows_create_update_and_delete(desk: Desk) -> None:
    desk.partners.create(_partner("p", "Bydgoszcz"))
    assert found(desk, "bydg") == [("partner", "p")]
    desk.partners.update("p", _partner("p2", "Toruń", aliases=["Thorn"]))
    assert found(desk, "bydg") == []
    assert found(desk, "torun") == found(desk, "thorn") == [("partner", "p2")]
    desk.partners.delete("p2")
    assert found(desk, "torun") == []


def test_child_hits_show_the_partner_as_it_is_now(desk: Desk) -> None:
    desk.partners.create(_partner("p", "Lublin"))
    desk.institutions.create({"key": "i", "name": "Teatr Stary", "partner": "p"})
    desk.people.create({"key": "x", "family_name": "Kowal", "affiliations": [{"partner": "p"}]})
    desk.partners.update("p", _partner("p", "Lublin Miasto"))
    assert desk.search("teatr")[0].partner.name == "Lublin Miasto"
    # Deleting the partner detaches the institution and the person's affiliation: no stale partner.
    desk.partners.delete("p")
    assert found(desk, "lublin") == []
    assert desk.search("teatr")[0].partner is None
    assert desk.search("kowal")[0].partner is None


def test_a_person_shows_the_partner_of_an_affiliation_that_remains(desk: Desk) -> None:
    desk.partners.create(_partner("a", "Arles"))
    desk.partners.create(_partner("b", "Bari"))
    desk.institutions.create({"key": "uni", "name": "Uniwersytet", "partner": "a"})
    desk.people.create({"key": "x", "family_name": "Rossi", "affiliations": [
        {"institution": "uni", "partner": "a"}, {"partner": "b", "until": "2001-01-01"}]})
    assert desk.search("rossi")[0].partner.key == "a"      # the current affiliation first
    desk.institutions.delete("uni")                          # its affiliation goes with it
    assert desk.search("rossi")[0].partner.key == "b"
    desk.partners.delete("b")
    assert desk.search("rossi")[0].partner is None


def test_a_refused_delete_leaves_the_index_as_it_was(desk: Desk) -> None:
    desk.partners.create(_partner("p", "Opole"))
    desk.gifts.create({"key": "g", "direction": "given", "description": "Kielich", "partner": "p"})
    with pytest.raises(DeskError):
        desk.partners.delete("p")
    assert found(desk, "opole")[0] == ("partner", "p")


def test_import_updates_the_index_and_a_dry_run_does_not(desk: Desk) -> None:
    dataset = parse_dataset({"format": "krakow-desk/dataset", "version": 1,
                             "partners": [_partner("k", "Kielce")],
                             "gifts": [{"key": "g", "direction": "received", "description": "Ikona",
                                        "partner": "k"}]})
    import_dataset(desk, dataset, dry_run=True)
    assert found(desk, "kielce") == []
    import_dataset(desk, dataset)
    assert found(desk, "kielce") == [("partner", "k")]
    assert desk.search("ikona")[0].partner.name == "Kielce"


def test_krakow_data_is_indexed_whole(krakow: Desk) -> None:
    with krakow.session() as session:
        entries = session.scalar(sa.select(sa.func.count()).select_from(search_index.search_entry))
    expected = sum(getattr(krakow, plural).count() for plural in (
        "partners", "organisations", "institutions", "people", "agreements", "visits", "events",
        "gifts", "letters"))
    assert entries == expected > 0


def test_upgrading_an_older_database_fills_the_index(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO partner (key, name, country, kind, is_capital) "
                "VALUES ('szeged', 'Segedyn', 'HU', 'city', false)")
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    with Desk.open(db_url) as desk:
        assert found(desk, "segedyn") == [("partner", "szeged")]
    engine = create_engine(db_url)
    try:
        migrate.downgrade(engine, "0001")
        assert not any(search_index.is_search_table(name) for name in sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_the_migration_builds_the_table_the_index_writes(desk: Desk) -> None:
    columns = {c["name"]: c for c in sa.inspect(desk.engine).get_columns("search_entry")}
    generated = {"words", "name_words", "start_words"} if desk.engine.dialect.name == "postgresql" else set()
    assert set(columns) == set(search_index.search_entry.c.keys()) | generated
    for column in search_index.search_entry.c:
        assert columns[column.name]["nullable"] == column.nullable, column.name


def test_the_indexed_path_agrees_with_plain_like(krakow: Desk) -> None:
    """FTS5 (SQLite) and tsvector (PostgreSQL), stages and all, find what LIKE over every row finds."""
    with krakow.engine.connect() as connection:
        indexed = search_query.index_for(connection)
        assert not isinstance(indexed, search_query.LikeIndex)
        for text in ("a", "k", "kr", "nor", "umowa o", "umowa o wsp", "Київ", "dom kra", "2004", "zzz",
                     "frankfurt nad", "sankt-peter", "porozumienie", "w"):
            words = search_index.query_tokens(text)
            for limit in (1, 3, 20, 200):
                plain = search_query.LikeIndex().search(connection, words, limit)
                assert indexed.search(connection, words, limit) == plain, (text, limit)
            # The first stage finds exactly the hits that begin a name, so stopping there is right.
            least, first_stage = indexed.stages(words)[0]
            begins = [hit for hit in search_query.LikeIndex().search(connection, words, 1000)
                      if hit.score >= least]
            assert search_query.SearchIndex._ranked(connection, words, first_stage, 1000) == begins, text


# --- any text is a query -----------------------------------------------------------------------

HOSTILE = ['"', 'a"b', '"unterminated', "NEAR(", "NEAR(a b)", "x-y", "*", "a*", "AND OR NOT", "OR", "%",
           "_", "%_%", "\\", "\\%", "'; DROP TABLE partner; --", "(", ")", "{names}: a", "names:kra",
           "^a", "+a", "😀", "🇵🇱 Kraków", "   ", "", "\t\n", "\x00", "a" * 10_000, "kraków " * 2_000,
           "ą" * 10_000, "南" * 10_000, "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\ud800", "x" * 70 + " y"]


def test_hostile_text_never_raises(krakow: Desk) -> None:
    for text in HOSTILE:   # one database for all: loading Krakow's data is the slow part
        assert isinstance(krakow.search(text), list), repr(text[:40])
    assert krakow.search("kraków " * 2_000)   # a long query of real words still finds them


SYNTAX = st.sampled_from(list('"()*-+^:{}%_\\\'') + ["AND", "OR", "NOT", "NEAR", " ", "ł", "Ł", "ó"])
QUERIES = st.one_of(st.text(), st.lists(st.one_of(SYNTAX, st.text(max_size=3))).map("".join))
EXAMPLES = 200


def test_any_text_returns_hits_or_nothing(krakow: Desk) -> None:
    seen = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(QUERIES)
    def check(text: str) -> None:
        seen.append(text)
        hits = krakow.search(text, limit=5)
        assert isinstance(hits, list) and len(hits) <= 5
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)

    check()
    print(f"hypothesis tried {len(seen)} queries")
    assert len(seen) >= EXAMPLES


# --- the command line --------------------------------------------------------------------------

@pytest.fixture
def cli_db(tmp_path: Path, capsys: pytest.CaptureFixture) -> str:
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "init"]) == 0
    with Desk.open(db) as desk:
        desk.gifts.create({"key": "icon", "direction": "received", "description": "Ікона з Київа",
                           "partner": "kyiv"})
    capsys.readouterr()
    return db


def test_cli_json_shape(cli_db: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", cli_db, "search", "Київ", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Київ" in out and "\\u" not in out        # printed as itself, not escaped
    hits = json.loads(out)
    assert hits[0] == {"kind": "partner", "id": "kyiv", "title": "Kijów",
                       "partner": {"name": "Kijów", "name_en": "Kyiv"}}
    assert {"kind": "gift", "id": "icon", "title": "Ікона з Київа",
            "partner": {"name": "Kijów", "name_en": "Kyiv"}} in hits
    assert main(["--db", cli_db, "search", "eurocities", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert set(first) == {"kind", "id", "title", "partner"} and first["partner"] is None
    assert main(["--db", cli_db, "search", "a", "--json", "--limit", "2"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_cli_table_and_no_hits(cli_db: str, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", cli_db, "search", "dom krak"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rodzaj", "tytuł", "partner", "klucz"]
    assert any(line.startswith("instytucja") and "Norymberga" in line for line in lines)
    assert main(["--db", cli_db, "--lang", "en", "search", "dom krak"]) == 0
    assert any(line.startswith("institution") for line in capsys.readouterr().out.splitlines())
    assert main(["--db", cli_db, "search", "qqqxxx"]) == 0
    assert "qqqxxx" in capsys.readouterr().out
    assert main(["--db", cli_db, "search", "qqqxxx", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("args", [["search"], ["search", "a", "--limit", "0"], ["search", "a", "--limit", "-3"],
                                  ["search", "a", "--limit", "many"], ["search", "a", "--limit", "1.5"]])
def test_cli_usage_errors_exit_2(cli_db: str, args: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", cli_db, *args])
    assert exit_.value.code == 2


def test_cli_missing_database_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", str(tmp_path / "none.db"), "search", "kraków"]) == 1
    assert "init" in capsys.readouterr().err


def test_cli_help_in_both_languages(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    assert "--limit" in capsys.readouterr().out
    set_language("en")
    with pytest.raises(SystemExit):
        main(["--lang", "en", "search", "--help"])
    assert "what to look for" in capsys.readouterr().out
