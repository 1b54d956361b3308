"""The gifts register extract: grouped by year, newest first, with totals per currency and the
threshold; hostile text printed literally, native scripts, Krakow's register in both languages,
one year or all, same bytes for the same data, the command line."""

import io
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from krakow_desk.cli import main
from krakow_desk.reports.gifts import render_gifts_extract, write_gifts_extract
from krakow_desk.services.desk import Desk

PRINTED = date(2026, 11, 20)
HOSTILE = 'Vase <b>bold</b> & <font name="x">"quoted"</font> =1+1'


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def make_gifts(desk: Desk) -> None:
    desk.partners.create({"key": "kyiv", "name": "Kijów", "name_en": "Kyiv", "country": "UA"})
    desk.partners.create({"key": "tbilisi", "name": "Tbilisi", "name_native": "თბილისი", "country": "GE"})
    gifts = [
        ("g1", "given", "2024-03-10", "kyiv", HOSTILE, "1200", "PLN", {"giver": "Prezydent Krakowa",
                                                                      "recipient": "Віталій Кличко"}),
        ("g2", "given", "2024-06", "tbilisi", "Album „Kraków”", "300", "EUR", {"quantity": 2}),
        ("g3", "received", "2024-09-01", "kyiv", "Icon", "900", "PLN",
         {"location": "Muzeum Krakowa", "disposition": "on display", "category": "artwork"}),
        ("g4", "received", "2023-05-05", "tbilisi", "Wine თბილისი 南京 فاس", None, None, {}),
        ("g5", "given", None, "kyiv", "Undated medal", "50", "PLN", {}),
    ]
    for key, direction, when, partner, description, value, currency, extra in gifts:
        desk.gifts.create({"key": key, "direction": direction, "date": when, "partner": partner,
                           "description": description, "value": value, "currency": currency, **extra})


@pytest.fixture
def gifts_desk(desk: Desk) -> Desk:
    make_gifts(desk)
    return desk


def test_register_in_english(gifts_desk: Desk) -> None:
    raw = text_of(render_gifts_extract(gifts_desk, None, "en", PRINTED))
    text = flat(raw)
    assert "Gifts register" in text and "A received gift worth more than PLN 300.00" in text
    assert "".join(HOSTILE.split()) in "".join(text.split())   # printed exactly as typed (wrapped anywhere)
    assert text.index("2024") < text.index("2023") < text.index("Date not recorded")   # newest first
    assert "Given 2 gifts (€300.00; PLN 1,200.00)" in text  # totals per currency
    assert "Received 1 gift (PLN 900.00)" in text and "Received 1 gift (1 without a recorded value)" in text
    assert "⚠ above the threshold" in text                   # the icon is worth more than the threshold
    assert "Prezydent Krakowa → Віталій Кличко" in text and "Muzeum Krakowa" in text and "on display" in text
    for native in ("თბილისი", "南京", "Кличко"):
        assert native in raw
    arabic = unicodedata.normalize("NFKC", raw)     # drawn in joined forms, right to left
    assert "فاس" in arabic or "فاس"[::-1] in arabic
    assert "quantity: 2" in text


def test_register_in_polish_and_one_year(gifts_desk: Desk) -> None:
    text = flat(text_of(render_gifts_extract(gifts_desk, 2024, "pl", PRINTED)))
    assert "Rejestr darów: 2024" in text and "Wyciąg z rejestru darów" in text
    assert "Przekazane 2 dary (300,00 €; 1200,00 zł)" in text or "Przekazane 2 dary (300,00 €; 1 200,00 zł)" in text
    assert "powyżej progu" in text and "Bez daty" not in text and "Wine" not in text
    empty = flat(text_of(render_gifts_extract(gifts_desk, 1990, "pl", PRINTED)))
    assert "Nie zapisano darów z roku 1990." in empty


def test_krakow_register(krakow: Desk) -> None:
    english = flat(text_of(render_gifts_extract(krakow, None, "en", PRINTED)))
    assert "2005" in english and "Date not recorded" in english and "CHF 10,000.00" in english
    polish = flat(text_of(render_gifts_extract(krakow, 2004, "pl", PRINTED)))
    assert "Remont sali gimnastycznej" in polish and "20 000,00 €" in polish


def test_same_bytes_and_the_file(gifts_desk: Desk, tmp_path: Path) -> None:
    first = render_gifts_extract(gifts_desk, None, "pl", PRINTED)
    assert render_gifts_extract(gifts_desk, None, "pl", PRINTED) == first
    target = tmp_path / "gifts.pdf"
    write_gifts_extract(gifts_desk, None, target, "pl")
    assert target.read_bytes().startswith(b"%PDF-")


def test_command_line_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "init", "--empty"]) == 0
    with Desk.open(db) as desk:
        make_gifts(desk)
    out = tmp_path / "gifts.pdf"
    capsys.readouterr()
    assert main(["--db", db, "report", "gifts", "--year", "2024", "-o", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().out
    assert "Gifts register: 2024" in flat(text_of(out.read_bytes()))
    assert main(["--db", db, "report", "gifts", "-o", str(out)]) == 0
    assert "Rejestr darów" in flat(text_of(out.read_bytes()))
    with pytest.raises(SystemExit) as exit_:
        main(["--db", db, "report", "gifts", "--year", "0", "-o", str(tmp_path / "x.pdf")])
    assert exit_.value.code == 2 and not (tmp_path / "x.pdf").exists()


def test_register_is_pdfa(gifts_desk: Desk) -> None:
    import pikepdf

    from krakow_desk.reports.pdfa import fonts_not_embedded

    with pikepdf.open(io.BytesIO(render_gifts_extract(gifts_desk, None, "en", PRINTED))) as document:
        assert document.open_metadata()["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
        assert fonts_not_embedded(document) == []
