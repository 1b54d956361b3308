"""The import plan: matching by key and natural key, likely duplicates, rejections, all or nothing."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krakow_desk.cli import main
from krakow_desk.exchange.files import export_file, read_file
from krakow_desk.services.errors import DeskError
from krakow_desk.services.import_plan import apply_import, decide_all, plan_import
from krakow_desk.services.incoming import FileContents, Incoming
from krakow_desk.services.matching import RecordIndex


def _rows(*rows: dict, kind: str = "partner") -> FileContents:
    return FileContents("csv", [Incoming(kind, values, line) for line, values in enumerate(rows, start=2)])


def test_name_variants_are_likely_duplicates() -> None:
    index = RecordIndex("partner")
    index.add("kyiv", {"name": "Kijów", "name_en": "Kyiv", "name_native": "Київ", "aliases": []}, "Kijów")
    index.add("tbilisi", {"name": "Tbilisi"}, "Tbilisi")
    index.add("lodz", {"name": "Łódź"}, "Łódź")
    assert index.likely({"name": "Kiev"}).how == "alias"            # only the alias table knows it
    assert index.likely({"name": "KIJOW"}).how == "name"            # folded, case and ó
    assert index.likely({"name": "Lodz"}).key == "lodz"             # ł folded by hand
    similar = index.likely({"name": "Tbilissi"})
    assert similar.key == "tbilisi" and similar.how == "similar" and similar.score >= 88
    assert index.likely({"name": "Lyon"}) is None
    assert index.likely({"name": "Kiev"}, besides="kyiv") is None


def test_people_match_in_any_word_order() -> None:
    index = RecordIndex("person")
    index.add("jan", {"given_name": "Jan", "family_name": "Kowalski"}, "Jan Kowalski")
    assert index.likely({"given_name": "Kowalski", "family_name": "Jan"}).key == "jan"
    assert index.likely({"given_name": "Janina", "family_name": "Nowak"}) is None


def test_a_row_without_a_key_updates_the_record_of_the_same_name(krakow) -> None:
    plan = plan_import(krakow, _rows({"name": "Kijów", "population": 2_950_000}))
    assert [(r.key, r.action, r.changed) for r in plan.records] == [("kyiv", "update", ("population",))]
    apply_import(krakow, plan)
    kyiv = krakow.partners.get("kyiv")
    assert kyiv.population == 2_950_000 and kyiv.name_native == "Київ"   # fields not in the file stay


def test_variants_are_asked_about_never_silently_added(krakow) -> None:
    before = len(krakow.partners.all())
    plan = plan_import(krakow, _rows({"name": "Kiev", "country": "UA"}, {"name": "Tbilissi", "country": "GE"},
                                     {"name": "Lyon", "country": "FR"}))
    assert [r.label for r in plan.of("add")] == ["Lyon"]
    assert {d.incoming.label: d.match.key for d in plan.duplicates} == {"Kiev": "kyiv", "Tbilissi": "tbilisi"}
    apply_import(krakow, plan)                        # duplicates are skipped unless decided otherwise
    assert len(krakow.partners.all()) == before + 1
    assert krakow.partners.get("kyiv").name == "Kijów"


def test_a_duplicate_merged_or_added_as_decided(krakow) -> None:
    plan = plan_import(krakow, _rows({"name": "Tbilissi", "country": "GE", "population": 1_200_000},
                                     {"name": "Kiev", "country": "UA"}))
    assert [d.incoming.label for d in plan.duplicates] == ["Tbilissi", "Kiev"]
    apply_import(krakow, plan, {0: "merge", 1: "add"})
    assert krakow.partners.get("tbilisi").population == 1_200_000
    assert krakow.partners.get("tbilisi").name == "Tbilissi"     # merging takes the file's fields
    assert krakow.partners.get("kiev").country == "UA"          # added under a key of its own


def test_rejected_rows_name_line_and_field_and_nothing_is_half_imported(krakow) -> None:
    before = krakow.partners.all()
    plan = plan_import(krakow, _rows({"name": "Lyon", "country": "FR"}, {"name": "Nowhere", "country": "XX"},
                                     {"key": "Bad Key", "name": "B", "country": "PL"}))
    assert [(p.line, "country" in p.message) for p in plan.rejected] == [(3, True), (4, False)]
    assert "key" in plan.rejected[1].message
    with pytest.raises(DeskError):
        apply_import(krakow, plan)
    assert krakow.partners.all() == before
    apply_import(krakow, plan, skip_rejected=True)
    assert {p.key for p in krakow.partners.all()} - {p.key for p in before} == {"lyon"}


def test_references_by_key_or_by_name_and_to_records_of_the_same_file(krakow) -> None:
    contents = FileContents("xlsx", [
        Incoming("gift", {"direction": "received", "description": "Wazon", "partner": "Kijów"}, 2, "Gifts"),
        Incoming("gift", {"direction": "given", "description": "Album", "partner": "lyon"}, 3, "Gifts"),
        Incoming("gift", {"direction": "given", "description": "Talerz", "partner": "Atlantyda"}, 4, "Gifts"),
        Incoming("partner", {"name": "Lyon", "country": "FR"}, 2, "Partners"),
    ])
    plan = plan_import(krakow, contents)
    gifts = {r.label: r.record.partner for r in plan.records if r.kind == "gift"}
    assert gifts == {"Wazon": "kyiv", "Album": "lyon"}
    (problem,) = plan.rejected
    assert problem.sheet == "Gifts" and problem.line == 4 and "Atlantyda" in problem.message


def test_the_same_record_twice_in_a_file_is_rejected_the_second_time(desk) -> None:
    plan = plan_import(desk, _rows({"key": "a", "name": "A", "country": "PL"},
                                   {"key": "a", "name": "A2", "country": "PL"}))
    assert len(plan.of("add")) == 1
    assert plan.rejected[0].line == 3 and "2" in plan.rejected[0].message


def test_re_importing_an_export_changes_nothing(krakow, tmp_path: Path) -> None:
    for fmt in ("json", "xlsx"):
        path = tmp_path / f"krakow.{fmt}"
        export_file(krakow, fmt, path)
        plan = plan_import(krakow, read_file(path))
        assert not plan.of("add") and not plan.of("update") and not plan.duplicates and not plan.rejected, fmt
        assert len(plan.of("unchanged")) > 200


def test_command_line_shows_the_plan_and_asks_about_duplicates(krakow, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "miasta.csv"
    path.write_text("Nazwa polska;Kraj\nKiev;UA\nLyon;FR\n", encoding="utf-8")
    db = krakow.url
    assert main(["--db", db, "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert "wiersz 2: 'Kiev' wygląda jak 'Kijów' (kyiv)" in captured.out
    assert "--duplicates" in captured.err
    assert main(["--db", db, "import", str(path), "--duplicates", "skip"]) == 0
    assert "partnerzy: nowe 1, zmienione 0, bez zmian 0" in capsys.readouterr().out


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=20)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=JSON, collection=st.sampled_from(["partners", "people", "visits", "gifts", "letters", "home"]),
       cut=st.integers(min_value=0, max_value=300))
def test_malformed_dataset_json_gives_a_desk_error_or_a_plan(desk, tmp_path: Path, value, collection: str,
                                                             cut: int) -> None:
    # 300 cases a run: random JSON in place of a collection, and a real dataset cut short.
    good = {"format": "krakow-desk/dataset", "version": 1,
            "partners": [{"key": "a", "name": "A", "country": "PL"}]}
    for text in (json.dumps(good | {collection: value}), json.dumps(good)[:cut]):
        path = tmp_path / "x.json"
        path.write_text(text, encoding="utf-8")
        try:
            plan_import(desk, read_file(path))
        except DeskError:
            pass


def test_a_calendar_keeps_what_it_cannot_carry_of_a_programme(krakow, tmp_path: Path) -> None:
    krakow.visits.create({
        "key": "kyiv-2026", "direction": "incoming", "partners": ["kyiv"], "title": "Delegacja z Kijowa",
        "start_on": "2026-05-11", "end_on": "2026-05-12", "programme": [
            {"day": "2026-05-11", "start": "10:00", "end": "11:00", "activity": "Powitanie",
             "responsible": "Biuro Protokołu", "notes": "flagi UA i PL"},
            {"activity": "Zwiedzanie w wolnej chwili"}]})
    path = tmp_path / "visits.ics"
    export_file(krakow, "ical", path)
    text = path.read_text(encoding="utf-8").replace("SUMMARY:Powitanie", "SUMMARY:Powitanie w Urzędzie")
    path.write_text(text, encoding="utf-8")
    plan = plan_import(krakow, read_file(path))
    (update,) = plan.of("update")
    programme = update.record.programme
    assert [item.activity for item in programme] == ["Powitanie w Urzędzie", "Zwiedzanie w wolnej chwili"]
    assert (programme[0].responsible, programme[0].notes) == ("Biuro Protokołu", "flagi UA i PL")


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(name=TEXT.map(str.strip).filter(bool), notes=TEXT, aliases=st.lists(TEXT.map(str.strip).filter(bool), max_size=3))
def test_dataset_json_round_trip_keeps_any_text(name: str, notes: str, aliases: list[str]) -> None:
    # 150 examples a run: the dataset's canonical JSON gives back exactly what it was given.
    from krakow_desk.domain import schema as s
    from krakow_desk.exchange import dataset_json
    dataset = s.Dataset(partners=[s.PartnerData(key="p", name=name, notes=notes, aliases=aliases, country="GE")])
    assert dataset_json.loads(dataset_json.dumps(dataset)) == dataset
