"""vCard 3.0: Krakow's people read by vobject, round trips of any text, hostile files."""

from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krakow_desk.domain import schema as s
from krakow_desk.exchange.files import export_file, read_file
from krakow_desk.exchange.vcard import read_vcards, vcards_text
from krakow_desk.services.errors import DatasetError, DeskError
from krakow_desk.services.import_plan import plan_import

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(str.strip)
NAME = TEXT.filter(lambda t: bool(t) and " " not in t)
CARRIED = ("given_name", "family_name", "name_native", "honorific", "title", "function", "emails",
           "phones", "address", "notes", "languages", "salutation", "salutation_pl")


def _read(tmp_path: Path, text: str) -> list:
    path = tmp_path / "people.vcf"
    path.write_text(text, encoding="utf-8")
    contents = read_vcards(path)
    assert not contents.problems
    return contents.records


def test_krakow_people_read_by_vobject(krakow, tmp_path: Path) -> None:
    path = tmp_path / "krakow.vcf"
    exported = export_file(krakow, "vcard", path)
    cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    people = krakow.people.all()
    assert len(cards) == exported.counts["person"] == len(people)
    assert all(card.version.value == "3.0" for card in cards)
    first = next(card for card in cards if card.uid.value == f"person-{people[0].key}@krakow-desk")
    assert first.fn.value == f"{people[0].given_name} {people[0].family_name}".strip()


def test_everything_the_card_carries_comes_back(tmp_path: Path) -> None:
    person = s.PersonData(
        key="olena", given_name="Olena", family_name='Kovalenko; Jr, "<&=x>"', name_native="Олена Коваленко",
        emails=["o@kyiv.ua", "olena@example.org"], phones=["+380 44 123 45 67"],
        address="vul. Khreshchatyk 36;\nKyiv, 01044", notes="=SUM(A1)\nline two \\ back",
        languages=["uk", "en"], title="dr hab.", function="Head of the foreign relations department",
        honorific="Ms", salutation="Dear Ms Kovalenko", salutation_pl="Szanowna Pani Dyrektor")
    (record,) = _read(tmp_path, vcards_text([person]))
    assert record.values["key"] == "olena"
    for field in CARRIED:
        assert record.values[field] == getattr(person, field), field


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_name=NAME, family=NAME, notes=TEXT, function=TEXT, address=TEXT)
def test_round_trip_of_any_text(tmp_path: Path, given_name: str, family: str, notes: str, function: str,
                                address: str) -> None:
    # 150 examples a run; one-word names, since a name without N is split at its last space.
    person = s.PersonData(key="p", given_name=given_name, family_name=family, notes=notes,
                          function=function, address=address)
    (record,) = _read(tmp_path, vcards_text([person]))
    merged = s.PersonData.model_validate(person.model_dump() | record.values)
    assert merged == person


def test_a_broken_card_is_a_problem_with_its_line_and_the_others_are_read(tmp_path: Path) -> None:
    good = vcards_text([s.PersonData(key="a", family_name="Nowak")])
    path = tmp_path / "mixed.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name here\r\nEND:VCARD\r\n" + good, encoding="utf-8")
    contents = read_vcards(path)
    assert [r.values["family_name"] for r in contents.records] == ["Nowak"]
    assert contents.problems[0].line == 1


def test_foreign_encodings(tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Żółć;Łukasz;;;\r\nFN:Łukasz Żółć\r\nEND:VCARD\r\n"
    for encoding in ("utf-16", "cp1250", "utf-8-sig"):
        path = tmp_path / f"{encoding}.vcf"
        path.write_bytes(card.encode(encoding))
        (record,) = read_vcards(path).records
        assert (record.values["given_name"], record.values["family_name"]) == ("Łukasz", "Żółć")
        assert "key" not in record.values     # not ours: the plan gives it a key


def test_deeply_nested_cards_and_huge_fields_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nested.vcf"
    path.write_text("BEGIN:VCARD\r\nAGENT:BEGIN:VCARD\r\n" * 10_000 + "END:VCARD\r\n" * 10_000)
    with pytest.raises(DatasetError):
        read_vcards(path)
    huge = tmp_path / "huge.vcf"
    huge.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nNOTE:" + "x" * 200_000 + "\r\nEND:VCARD\r\n")
    contents = read_vcards(huge)
    assert not contents.records and contents.problems
    not_a_card = tmp_path / "x.vcf"
    not_a_card.write_text("name,email\n")
    with pytest.raises(DatasetError, match="vCard"):
        read_vcards(not_a_card)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=600), junk=st.text(max_size=40), raw=st.binary(max_size=200))
def test_malformed_cards_give_a_desk_error_or_records(tmp_path: Path, cut: int, junk: str, raw: bytes) -> None:
    # 300 cases a run: a real card cut, with text spliced in, and random bytes.
    good = vcards_text([s.PersonData(key="a", given_name="Jan", family_name="Kowalski", emails=["j@k.pl"],
                                     notes="uwagi")])
    for data in ((good[:cut] + junk + good[cut:]).encode("utf-8", "replace"), raw):
        path = tmp_path / "x.vcf"
        path.write_bytes(data)
        try:
            read_vcards(path)
        except DeskError:
            pass


def test_importing_an_exported_address_book_changes_nothing(krakow, tmp_path: Path) -> None:
    path = tmp_path / "people.vcf"
    export_file(krakow, "vcard", path)
    plan = plan_import(krakow, read_file(path))
    assert len(plan.of("unchanged")) == len(krakow.people.all())
    assert not plan.of("add") and not plan.duplicates and not plan.rejected
