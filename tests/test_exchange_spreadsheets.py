"""CSV and XLSX: export, read back (by us and by openpyxl), formulas neutralised, hostile files."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from krakow_desk.domain import schema as s
from krakow_desk.exchange import columns as c
from krakow_desk.exchange.csv_file import csv_text, read_csv, write_csv
from krakow_desk.exchange.files import export_file, read_file
from krakow_desk.exchange.xlsx_file import read_xlsx, write_xlsx, xlsx_bytes
from krakow_desk.i18n import using_language
from krakow_desk.services.errors import DatasetError, DeskError

# Text a person could type: any character but NUL and lone surrogates (neither can be stored).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
NAME = TEXT.map(str.strip).filter(bool)
# XML 1.0 (inside every XLSX) cannot hold C0 control characters other than TAB, LF and CR.
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"),
                   max_size=60)
XML_NAME = XML_TEXT.map(str.strip).filter(bool)
ALIAS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=";"),
                min_size=1, max_size=20).map(str.strip).filter(bool)


def _merged(incoming, original):
    return type(original).model_validate(original.model_dump() | incoming.values)


def _partner(name: str, notes: str | None, aliases: list[str], **more) -> s.PartnerData:
    return s.PartnerData(key="p", name=name, name_en=notes, notes=notes, aliases=aliases,
                         country="UA", **more)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAME, notes=TEXT, aliases=st.lists(ALIAS, max_size=3, unique=True))
def test_csv_round_trip_keeps_any_text(tmp_path: Path, name: str, notes: str, aliases: list[str]) -> None:
    # 150 examples a run: names and notes with < & " = ; , newlines, quotes, any script.
    original = _partner(name, notes, aliases, population=1200, latitude=-12.5, longitude=30.25,
                        is_capital=True)
    path = tmp_path / "partners.csv"
    write_csv("partner", [original], path)
    contents = read_csv(path)
    assert not contents.problems
    assert [r.values["key"] for r in contents.records] == ["p"]
    assert _merged(contents.records[0], original) == original


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=XML_NAME, notes=XML_TEXT, value=st.decimals(min_value=0, max_value=10**6, places=2))
def test_xlsx_round_trip_keeps_text_and_numbers(tmp_path: Path, name: str, notes: str, value: Decimal) -> None:
    # 100 examples a run.
    original = s.GiftData(key="g", direction="given", description=name, notes=notes, value=value,
                          currency="PLN", date="2005-06", quantity=3)
    path = tmp_path / "gifts.xlsx"
    write_xlsx({"gift": [original]}, path)
    contents = read_xlsx(path)
    assert not contents.problems
    assert _merged(contents.records[0], original) == original


def test_formulas_are_neutralised_in_csv_and_xlsx(tmp_path: Path) -> None:
    hostile = s.PartnerData(key="evil", name="=HYPERLINK(\"http://x\",\"klik\")", name_en="+1+1",
                            notes="@SUM(A1)", aliases=["-2+3"], country="PL")
    text = csv_text("partner", [hostile])
    row = list(csv.reader(io.StringIO(text), delimiter=";"))[1]
    assert all(not cell.startswith(c.FORMULA_START) for cell in row)
    assert "'=HYPERLINK(\"http://x\",\"klik\")" in row

    path = tmp_path / "evil.xlsx"
    write_xlsx({"partner": [hostile]}, path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert all(not str(cell.value).startswith(c.FORMULA_START) for cell in cells if cell.value is not None)
    # Read back, the text is exactly what was typed.
    record = read_xlsx(path).records[0]
    assert record.values["name"] == hostile.name and record.values["aliases"] == ["-2+3"]


def test_a_leading_apostrophe_survives_neutralising() -> None:
    for text in ("'=x", "''", "'a", "=", "'", "-"):
        assert c.restore(c.neutralise(text)) == text


def test_krakow_workbook_opened_by_openpyxl(krakow, tmp_path: Path) -> None:
    path = tmp_path / "krakow.xlsx"
    with using_language("en"):
        exported = export_file(krakow, "xlsx", path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Partners", "People", "Institutions", "Agreements", "Visits", "Gifts",
                               "Letters", "Tasks"]
    partners = book["Partners"]
    assert partners.freeze_panes == "A2"
    header = [cell.value for cell in partners[1]]
    assert header[:3] == ["Key", "Polish name", "English name"]
    rows = {row[0]: dict(zip(header, row)) for row in partners.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == exported.counts["partner"] == len(krakow.partners.all())
    kyiv = rows["kyiv"]
    assert kyiv["Polish name"] == "Kijów" and kyiv["Native name"] == "Київ"
    assert isinstance(kyiv["Population"], int) and isinstance(kyiv["Latitude"], float)
    assert partners.column_dimensions["B"].width >= len("Polish name")
    agreements = book["Agreements"]
    header = [cell.value for cell in agreements[1]]
    signed = header.index("Signed on")
    # A date known to the day is a real date cell; one known to the month stays text.
    values = [row[signed] for row in agreements.iter_rows(min_row=2, values_only=True) if row[signed]]
    assert any(isinstance(v, dt.datetime) for v in values)
    assert all(isinstance(v, (dt.datetime, str)) for v in values)


def test_polish_headers_and_cells_are_read(tmp_path: Path) -> None:
    path = tmp_path / "miasta.csv"
    path.write_bytes("Nazwa polska;Kraj;Stolica;Ludność;Szerokość geograficzna;Długość geograficzna;Dziedziny\n"
                     "Łódź;PL;nie;670 000;51,77;19,45;kultura; sport\n".replace("kultura; sport", '"kultura; sport"')
                     .encode("cp1250"))
    contents = read_csv(path)
    assert not contents.problems
    values = contents.records[0].values
    assert values["name"] == "Łódź" and values["population"] == 670000 and values["latitude"] == 51.77
    assert [d.value for d in values["domains"]] == ["culture", "sport"]
    assert values["is_capital"] is False


def test_utf16_csv_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes("family name\tgiven name\nŻółć\tŁukasz\n".encode("utf-16"))
    record = read_csv(path).records[0]
    assert record.kind == "person" and record.values == {"family_name": "Żółć", "given_name": "Łukasz"}


def test_bad_cells_reject_their_row_only(tmp_path: Path) -> None:
    path = tmp_path / "partners.csv"
    path.write_text("name;country;capital;population;foo\nA;PL;tak;12;x\nB;PL;maybe;12;\nC;PL;nie;dużo;\n",
                    encoding="utf-8")
    contents = read_csv(path)
    assert [r.values["name"] for r in contents.records] == ["A"]
    messages = {(p.line, p.rejected): p.message for p in contents.problems}
    assert "foo" in messages[1, False]
    assert "maybe" in messages[3, True] and "dużo" in messages[4, True]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400),
                      st.text(max_size=400).map(lambda t: ("name;country\n" + t).encode("utf-8", "replace"))))
def test_malformed_csv_gives_a_desk_error_or_rows(tmp_path: Path, data: bytes) -> None:
    # 300 cases a run: random bytes and random text under a header.
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    try:
        read_file(path, "partners")
    except DeskError:
        pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.binary(max_size=50))
def test_malformed_xlsx_gives_a_desk_error_or_rows(tmp_path: Path, cut: int, junk: bytes) -> None:
    # 200 cases a run: a real workbook cut short or with bytes spliced in.
    good = xlsx_bytes({"partner": [s.PartnerData(key="a", name="A", country="PL")]})
    path = tmp_path / "x.xlsx"
    path.write_bytes(good[:cut] + junk + good[cut + len(junk):])
    try:
        read_xlsx(path)
    except DeskError:
        pass


def test_zip_bomb_posing_as_xlsx_is_refused_without_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            chunk = b"0" * (1024 * 1024)
            for _ in range(500):   # 500 MB of zeros, under a megabyte packed
                entry.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(DatasetError, match="ZIP"):
        read_xlsx(path)


def test_entity_expansion_in_a_sheet_is_refused(tmp_path: Path) -> None:
    good = xlsx_bytes({"partner": [s.PartnerData(key="a", name="A", country="PL")]})
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              '<workbook>&lol2;</workbook>')
    source, path = zipfile.ZipFile(io.BytesIO(good)), tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = laughs.encode() if item.filename == "xl/workbook.xml" else source.read(item)
            target.writestr(item, data)
    with pytest.raises(DatasetError):
        read_xlsx(path)


def test_a_text_file_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("name\nA\n")
    with pytest.raises(DatasetError, match="XLSX"):
        read_xlsx(path)


def test_a_huge_field_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("name;country\n\"" + "x" * 200_000 + "\";PL\n")
    with pytest.raises(DatasetError, match="(line|wiersz) 2"):
        read_csv(path)
