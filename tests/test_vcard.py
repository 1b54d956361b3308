"""vCard 3.0: Krakow's people read back by vobject, round trips of any text, hostile files."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from krakow_desk.domain import schema as s
from krakow_desk.exchange import vcard
from krakow_desk.exchange.incoming import MAX_FIELD_CHARS, FileContents
from krakow_desk.exchange.vcard import read_vcards, vcards_text, write_vcards
from krakow_desk.services.errors import DatasetError, DeskError

# What a card carries of a person (the rest — affiliations, precedence, dietary notes… — it does not).
CARRIED = ("key", "given_name", "family_name", "name_native", "honorific", "title", "function", "emails",
           "phones", "address", "notes", "languages", "salutation", "salutation_pl")
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def _read_text(tmp_path: Path, text: str, name: str = "people.vcf") -> FileContents:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return read_vcards(path)


def _card(*lines: str) -> str:
    return "".join(line + "\r\n" for line in ("BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"))


# --- export -----------------------------------------------------------------------------------------

def test_krakow_people_exported_are_read_by_vobject(krakow, tmp_path: Path) -> None:
    path = tmp_path / "krakow.vcf"
    people = krakow.people.all()
    assert write_vcards(krakow, path) == len(people)
    assert not list(tmp_path.glob("*.part"))
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == len(people)
    assert all(card.version.value == "3.0" for card in cards)
    assert [card.uid.value for card in cards] == sorted(f"person-{p.key}@krakow-desk" for p in people)
    maria = next(card for card in cards if card.uid.value == "person-maria-przezdziecka@krakow-desk")
    assert maria.fn.value == "Maria Przeździecka"
    assert (maria.n.value.family, maria.n.value.given) == ("Przeździecka", "Maria")
    institution = next(i for i in krakow.institutions.all() if i.key == "komitet-miast-siostrzanych-krakow-rochester")
    assert maria.org.value == [institution.name]
    assert maria.role.value == "współprzewodnicząca (przez wiele lat)"
    # Without an institution the partner names the organisation.
    sprenger = next(card for card in cards if card.uid.value == "person-eugen-sprenger@krakow-desk")
    innsbruck = next(p for p in krakow.partners.all() if p.key == "innsbruck")
    assert sprenger.org.value == [innsbruck.name]


def test_org_is_the_first_current_affiliation() -> None:
    past = date.today() - timedelta(days=1)
    person = s.PersonData(key="anna", family_name="Nowak", affiliations=[
        {"institution": "old", "until": past}, {"institution": "unknown"}, {"partner": "kyiv", "role": "Mayor"}])
    text = vcards_text([person], [s.InstitutionData(key="old", name="Old Office")],
                       [s.PartnerData(key="kyiv", name="Kijów", country="UA")])
    card = vobject.readOne(text)
    assert card.org.value == ["Kijów"] and card.role.value == "Mayor"
    bare = vobject.readOne(vcards_text([s.PersonData(key="b", family_name="Kowalska")]))
    assert "org" not in bare.contents and "role" not in bare.contents and bare.fn.value == "Kowalska"


def test_languages_are_plain_comma_separated_codes() -> None:
    text = vcards_text([s.PersonData(key="a", family_name="B", languages=["uk", "en", "pl"])])
    assert "X-KRAKOW-DESK-LANGUAGES:uk,en,pl\r\n" in text


# --- round trips ------------------------------------------------------------------------------------

def test_everything_the_card_carries_comes_back(tmp_path: Path) -> None:
    person = s.PersonData(
        key="olena-kovalenko", given_name="Olena", family_name='Kovalenko; Jr, "<&=x>"',
        name_native="Олена Коваленко", honorific="Ms", title="dr hab.",
        function="Head of the foreign relations department; Kyiv City, Council",
        emails=["o@kyiv.ua", "olena@example.org"], phones=["+380 44 123 45 67", "+48 12 616 12 34"],
        address="vul. Khreshchatyk 36;\nKyiv, 01044\\Ukraine", notes='=SUM(A1)\nline two \\ back; <b> & "q"',
        languages=["uk", "en"], salutation="Dear Ms Kovalenko, PhD", salutation_pl="Szanowna Pani Dyrektor; Łódź",
        affiliations=[{"partner": "kyiv", "role": "Director"}], precedence=3)
    contents = _read_text(tmp_path, vcards_text([person, s.PersonData(key="li-wei", given_name="Wei",
                                                                      family_name="Li", name_native="李伟 南京")]))
    assert not contents.problems
    other, record = contents.records          # in key order
    assert (other.line, other.values["name_native"]) == (1, "李伟 南京")
    assert (record.kind, record.label) == ("person", 'Olena Kovalenko; Jr, "<&=x>"') and record.line > 5
    assert record.values == {field: getattr(person, field) for field in CARRIED}


def _normalised(text):  # noqa: ANN001, ANN202
    """What vCard text can hold: line breaks as LF, no control characters but TAB and LF."""
    if text is None:
        return None
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return text or None


ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(family=ANY_TEXT, given_name=ANY_TEXT, notes=ANY_TEXT, function=ANY_TEXT, address=ANY_TEXT,
       native=ANY_TEXT, salutation=ANY_TEXT)
def test_round_trip_of_any_text(tmp_path: Path, family: str, given_name: str, notes: str, function: str,
                                address: str, native: str, salutation: str) -> None:
    # 150 examples a run (pytest --hypothesis-show-statistics: "150 passing examples"). Any text
    # but NUL (PersonData refuses it): spaces, , ; \ : = " < &, line breaks, any script and symbol.
    assume(_normalised(family))
    person = s.PersonData(key="p", family_name=family, given_name=given_name, notes=notes, function=function,
                          address=address, name_native=native, salutation_pl=salutation)
    (record,) = _read_text(tmp_path, vcards_text([person])).records
    fields = ("family_name", "given_name", "notes", "function", "address", "name_native", "salutation_pl")
    for field in fields:
        assert record.values.get(field) == _normalised(getattr(person, field)), field
    if all(_normalised(getattr(person, field)) == getattr(person, field) for field in fields):
        # No control characters: the person comes back exactly.
        merged = s.PersonData.model_validate(person.model_dump() | record.values)
        assert merged == person


def test_control_characters_are_left_out_and_line_breaks_kept(tmp_path: Path) -> None:
    person = s.PersonData(key="a", family_name="Nowak\x07", notes="one\r\ntwo\rthree\x0bfour\tfive")
    text = vcards_text([person])
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    (record,) = _read_text(tmp_path, text).records
    assert record.values["family_name"] == "Nowak"
    assert record.values["notes"] == "one\ntwo\nthreefour\tfive"


# --- reading other programs' cards ---------------------------------------------------------------------

def test_foreign_encodings(tmp_path: Path) -> None:
    card = _card("N:Żółć;Łukasz;;;", "FN:Łukasz Żółć", "NOTE:Kraków – Łódź")
    for encoding in ("utf-16", "utf-16-be", "cp1250", "utf-8-sig"):
        data = card.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path = tmp_path / f"{encoding}.vcf"
        path.write_bytes(data)
        (record,) = read_vcards(path).records
        assert (record.values["given_name"], record.values["family_name"]) == ("Łukasz", "Żółć"), encoding
        assert record.values["notes"] == "Kraków – Łódź"
        assert "key" not in record.values     # not ours: the import plan gives it a key


def test_what_a_card_gives_and_only_that(tmp_path: Path) -> None:
    text = (_card("FN:Anna Maria de Vries", "UID:person-not_a_key@krakow-desk", "ORG:Somewhere",
                  "NOTE:met in Leiden, 2019, and Kraków", "TITLE:Director\\, Culture",
                  "EMAIL;TYPE=INTERNET,PREF:anna@example.nl",
                  "ADR;TYPE=WORK:;Floor 2;Main St 1,Building B;Amsterdam;;1012 AB;Netherlands",
                  "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUFB" * 60_000)
            + "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Nowak;Jan\r\n"
              "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C5=81ukasz=\r\n =C5=BC ma=\r\nkota\r\n"
              "TEL;CELL:+48 600 000 000\r\nTITLE;ENCODING=QUOTED-PRINTABLE:Prezes=2C zarz=C4=85d, rada\r\n"
              "END:VCARD\r\n"
            + _card("UID:person-jan-kowalski@krakow-desk", "N:Kowalski;;;;", "FN:dr Jan Kowalski"))
    first, second, third = _read_text(tmp_path, text).records
    assert first.values == {"family_name": "Vries", "given_name": "Anna Maria de", "emails": ["anna@example.nl"],
                            "notes": "met in Leiden, 2019, and Kraków", "function": "Director, Culture",
                            "address": "Floor 2, Main St 1, Building B, Amsterdam, 1012 AB, Netherlands"}
    assert first.label == "Anna Maria de Vries"
    assert second.values == {"family_name": "Nowak", "given_name": "Jan", "notes": "Łukasz ż makota",
                             "phones": ["+48 600 000 000"], "function": "Prezes, zarząd, rada"}
    assert third.values == {"key": "jan-kowalski", "family_name": "Kowalski", "given_name": None}


def test_a_broken_card_is_a_problem_with_its_line_and_the_others_are_read(tmp_path: Path) -> None:
    good = vcards_text([s.PersonData(key="a", family_name="Nowak"), s.PersonData(key="b", family_name="Kot")])
    nameless = _card("NOTE:no name here")
    junk = _card("N:Zły;Wiersz", "this line is no property")
    unclosed = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Urwany;Plik\r\n"
    contents = _read_text(tmp_path, nameless + good + junk + unclosed)
    assert [r.values["family_name"] for r in contents.records] == ["Nowak", "Kot"]
    lines = len(nameless.splitlines()) + len(good.splitlines())
    assert [p.line for p in contents.problems] == [1, lines + 1, lines + len(junk.splitlines()) + 1]
    assert "N" in contents.problems[0].message and "FN" in contents.problems[0].message
    assert f"{lines + 4}" in contents.problems[1].message      # the line that is no property
    assert "END:VCARD" in contents.problems[2].message


# --- hostile files ------------------------------------------------------------------------------------

def test_deeply_nested_cards_fail_fast(tmp_path: Path) -> None:
    path = tmp_path / "nested.vcf"
    path.write_text("BEGIN:VCARD\r\nAGENT:BEGIN:VCARD\r\n" * 10_000 + "END:VCARD\r\n" * 20_000)
    with pytest.raises(DatasetError, match="3"):
        read_vcards(path)


def test_a_card_inside_a_card_is_a_problem(tmp_path: Path) -> None:
    inline = _card("N:Szef;Anna", "AGENT:BEGIN:VCARD\\nFN:Asystent\\nEND:VCARD")
    embedded = _card("N:Szef;Jan", "AGENT:", "BEGIN:VCARD", "N:Asystent;Piotr", "END:VCARD")
    other = _card("N:Nowak;Ewa", "BEGIN:VCALENDAR", "END:VCALENDAR")
    good = _card("N:Kot;Ola")
    contents = _read_text(tmp_path, inline + embedded + other + good)
    assert [r.values["family_name"] for r in contents.records] == ["Kot"]
    assert len(contents.problems) == 3


def test_a_value_over_the_limit_is_a_problem_and_an_ignored_one_does_not_matter(tmp_path: Path) -> None:
    huge = _card("N:Długi;Adam", "NOTE:" + "x" * (MAX_FIELD_CHARS + 1))
    folded = _card("N:Długi;Ewa", "NOTE:" + "\r\n ".join(["y" * 70] * (MAX_FIELD_CHARS // 70 + 2)))
    photo = _card("N:Zdjęcie;Jan", "PHOTO;ENCODING=b:" + "A" * (MAX_FIELD_CHARS * 2))
    contents = _read_text(tmp_path, huge + folded + photo)
    assert [r.values["family_name"] for r in contents.records] == ["Zdjęcie"]
    assert [p.line for p in contents.problems] == [1, 6]
    assert all("NOTE" in p.message and str(MAX_FIELD_CHARS) in p.message for p in contents.problems)


def test_a_parameter_list_that_makes_vobject_backtrack_is_refused_at_once(tmp_path: Path) -> None:
    # vobject's line pattern takes exponential time here (seconds at 22 commas); this has 5000.
    contents = _read_text(tmp_path, _card("FN:Anna", "NOTE;X=a" + ",a" * 5000 + ";") + _card("N:Kot;Ola"))
    assert [r.values["family_name"] for r in contents.records] == ["Kot"]
    assert contents.problems[0].line == 1


def test_too_many_cards_and_not_a_vcard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vcard, "MAX_RECORDS", 3)
    with pytest.raises(DatasetError, match="3"):
        _read_text(tmp_path, _card("N:Kot;Ola") * 4)
    assert len(_read_text(tmp_path, _card("N:Kot;Ola") * 3).records) == 3
    for name, data in (("csv.vcf", b"name,email\nJan,j@k.pl\n"), ("empty.vcf", b""),
                       ("binary.vcf", bytes(range(1, 256)) * 4)):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(DatasetError):
            read_vcards(path)
    with pytest.raises(DatasetError, match="vCard"):
        _read_text(tmp_path, "name,email\n")
    with pytest.raises(DatasetError):
        read_vcards(tmp_path / "missing.vcf")


VALID = vcards_text([
    s.PersonData(key="jan-kowalski", given_name="Jan", family_name="Kowalski", emails=["j@k.pl"],
                 notes="uwagi; z przecinkiem, i\nnową linią", languages=["pl", "de"], name_native="Ян"),
    s.PersonData(key="li-wei", given_name="Wei", family_name="Li", name_native="李伟", address="南京, 1",
                 phones=["+86 25 1234"], function="x" * 200),
]).encode("utf-8")
FRAGMENTS = st.sampled_from([
    b"BEGIN:VCARD", b"END:VCARD", b"AGENT:BEGIN:VCARD", b"VERSION:2.1", b"N:;;;;", b"FN:", b" folded",
    b"\tfolded", b"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C5=", b"NOTE;ENCODING=b:@@", b"N;X=a,a,a,a",
    b'TEL;TYPE="unclosed:1', b"ADR:;;;", b"UID:person-x@krakow-desk", b"NOTE;CHARSET=nope;ENCODING=QUOTED-PRINTABLE:=41",
    b"BEGIN:VCALENDAR", b"END:VCALENDAR", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"",
])
LINE = st.one_of(FRAGMENTS, st.binary(max_size=30), st.text(max_size=30).map(lambda t: t.encode("utf-8")))


@st.composite
def mangled(draw) -> bytes:  # noqa: ANN001
    """A valid file broken in a few ways at random: cut short, lines inserted, dropped or doubled
    (BEGIN lines above all), bytes overwritten with random ones; or random bytes alone."""
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.binary(max_size=400))
    lines = VALID.split(b"\r\n")
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(lines)))
        operation = draw(st.sampled_from(["insert", "drop", "double", "begin", "bytes", "cut"]))
        if operation == "insert":
            lines.insert(where, draw(LINE))
        elif operation == "drop" and where < len(lines):
            del lines[where]
        elif operation == "double" and where < len(lines):
            lines.insert(where, lines[where])
        elif operation == "begin":
            lines[where:where] = [b"BEGIN:VCARD"] * draw(st.integers(1, 5))
        elif operation == "bytes" and where < len(lines):
            line = lines[where]
            at = draw(st.integers(0, len(line)))
            lines[where] = line[:at] + draw(st.binary(min_size=1, max_size=8)) + line[at + 1:]
        elif operation == "cut":
            joined = b"\r\n".join(lines)
            lines = joined[:draw(st.integers(0, len(joined)))].split(b"\r\n")
    return draw(st.sampled_from([b"\r\n", b"\n"])).join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=FUNCTION_SCOPED)
@given(data=mangled())
def test_malformed_files_give_records_problems_or_a_desk_error(tmp_path: Path, data: bytes) -> None:
    # 300 examples a run (pytest --hypothesis-show-statistics: "300 passing examples").
    path = tmp_path / "mangled.vcf"
    path.write_bytes(data)
    try:
        contents = read_vcards(path)
    except DeskError as error:
        assert error.message
        return
    assert isinstance(contents, FileContents) and contents.format == "vcard"
    for record in contents.records:
        assert record.kind == "person" and record.line >= 1
        assert isinstance(record.values["family_name"], str) and record.values["family_name"]
    assert all(problem.line >= 1 and problem.message for problem in contents.problems)
