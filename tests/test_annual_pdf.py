"""The annual cooperation summary: its read model on a constructed year with known counts, the
PDF's text in both languages (read back with pypdf) on Krakow's 2005 with the office's reported
figures beside the counts, an empty year, user text printed literally, native scripts, the same
bytes for the same data, the command line."""

import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from krakow_desk.cli import main
from krakow_desk.domain.enums import AgreementState, FigureMetric
from krakow_desk.reports.annual import annual_pdf, render_annual
from krakow_desk.services.annual import annual_summary
from krakow_desk.services.desk import Desk

PRINTED = date(2026, 11, 20)
YEAR = 2030
HOSTILE = 'Fez <b>bold</b> & "quoted"'


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def make_year(desk: Desk) -> None:
    """A year with known counts: 3 delegations received (2 from partners, 1 cancelled not counted),
    1 trip abroad, 2 events (1 presentation), 2 letters in and 1 out, gifts given in PLN and EUR,
    one agreement signed and one ending in the year; and something in the year before."""
    desk.partners.create({"key": "kyiv", "name": "Kijów", "name_en": "Kyiv", "name_native": "Київ", "country": "UA",
                          "domains": ["culture", "education"], "latitude": 50.45, "longitude": 30.52})
    desk.partners.create({"key": "fez", "name": HOSTILE, "name_en": HOSTILE, "name_native": "فاس", "country": "MA",
                          "domains": ["culture"]})
    desk.partners.create({"key": "tbilisi", "name": "Tbilisi", "name_native": "თბილისი", "country": "GE"})
    visits = [
        ("v1", "incoming", ["kyiv"], f"{YEAR}-03-10", "done"),
        ("v2", "incoming", ["fez"], f"{YEAR}-05", "done"),
        ("v3", "incoming", [], f"{YEAR}", "done"),
        ("v4", "outgoing", ["tbilisi"], f"{YEAR}-06-01", "done"),
        ("v5", "incoming", ["kyiv"], f"{YEAR}-07-01", "cancelled"),
        ("v0", "incoming", ["kyiv"], f"{YEAR - 1}-07-01", "done"),
    ]
    for key, direction, partners, start, status in visits:
        desk.visits.create({"key": key, "direction": direction, "partners": partners, "title": f"Visit {key}",
                            "start_on": start, "status": status})
    for key, direction, day in (("l1", "incoming", "03-01"), ("l2", "incoming", "03-15"), ("l3", "outgoing", "11-02")):
        desk.letters.create({"key": key, "direction": direction, "date": f"{YEAR}-{day}", "subject": "Letter",
                             "partner": "kyiv"})
    desk.events.create({"key": "e1", "kind": "city_presentation", "title": "Days of Krakow in Kyiv",
                        "start_on": f"{YEAR}-09-01", "partners": ["kyiv"], "domains": ["culture", "promotion"]})
    desk.events.create({"key": "e2", "kind": "conference", "title": "Conference", "start_on": f"{YEAR}",
                        "domains": ["education"]})
    desk.gifts.create({"key": "g1", "direction": "given", "date": f"{YEAR}-03-10", "partner": "kyiv",
                       "description": "Album", "value": "1200", "currency": "PLN"})
    desk.gifts.create({"key": "g2", "direction": "given", "date": f"{YEAR}-06-01", "partner": "tbilisi",
                       "description": "Print", "value": "300", "currency": "EUR"})
    desk.gifts.create({"key": "g3", "direction": "received", "date": f"{YEAR}-05", "partner": "fez",
                       "description": "Lamp"})
    desk.agreements.create({"key": "kyiv-new", "partner": "kyiv", "kind": "partnership_agreement",
                            "signed_on": f"{YEAR}-04-01", "indefinite": True})
    desk.agreements.create({"key": "fez-old", "partner": "fez", "kind": "cooperation_programme",
                            "signed_on": f"{YEAR - 3}-07-01", "term_start": f"{YEAR - 3}-07-01",
                            "term_end": f"{YEAR}-06-30"})


@pytest.fixture
def year_desk(desk: Desk) -> Desk:
    make_year(desk)
    return desk


def test_counts_of_a_constructed_year(year_desk: Desk) -> None:
    summary = annual_summary(year_desk, YEAR)
    totals = summary.totals
    assert (totals.delegations_received, totals.delegations_from_partners, totals.trips_abroad) == (3, 2, 1)
    assert (totals.events, totals.presentations_and_fairs, totals.letters_in, totals.letters_out) == (2, 1, 2, 1)
    assert totals.gifts_given.count == 2 and totals.gifts_given.values == {"EUR": Decimal("300"), "PLN": Decimal("1200")}
    assert totals.gifts_received.count == 1 and totals.gifts_received.without_value == 1
    assert summary.previous.delegations_received == 1 and summary.reported == {}
    rows = {r.partner.key: (r.visits, r.letters, r.events, r.gifts) for r in summary.partners}
    assert rows == {"kyiv": (1, 3, 1, 1), "fez": (1, 0, 0, 1), "tbilisi": (1, 0, 0, 1)}
    assert summary.partners[0].partner.key == "kyiv"
    months = {r.month: (r.visits, r.letters, r.events) for r in summary.months}
    assert months[3] == (1, 2, 0) and months[5] == (1, 0, 0) and months[None] == (1, 0, 1)
    assert [r.agreement.key for r in summary.signed] == ["kyiv-new"]
    assert [(r.agreement.key, r.state, r.ended_on) for r in summary.ended] == [
        ("fez-old", AgreementState.EXPIRED, date(YEAR, 6, 30))]
    domains = {r.domain.value: (r.events, r.partners) for r in summary.domains}
    assert domains["culture"] == (1, 2) and domains["education"] == (1, 1) and domains["promotion"] == (1, 0)


def test_constructed_year_in_english(year_desk: Desk) -> None:
    text = flat(text_of(render_annual(year_desk, YEAR, "en", PRINTED)))
    assert "Annual cooperation summary 2030" in text
    assert "Delegations received 3" in text and "of which from partner cities 2" in text
    assert "Trips abroad (delegations sent) 1" in text and "Letters received 2" in text
    assert "€300.00; PLN 1,200.00" in text
    assert HOSTILE in text and "Київ" not in text   # names as typed; the native name is not the one listed
    assert "Expired or ended in 2030" in text and "30 June 2030" in text and "1 April 2030" in text
    assert "Compared with 2029" in text
    assert "Reported by the office" in text and "Figures reported by the office" not in text


def test_2005_shows_the_reported_figures_beside_the_counts(krakow: Desk) -> None:
    summary = annual_summary(krakow, 2005)
    assert summary.reported[FigureMetric.DELEGATIONS_RECEIVED].value == 100
    kept = summary.totals.delegations_received
    assert kept < 100    # the records are only part of the year: never shown as its total
    english = flat(text_of(annual_pdf(summary, "en", PRINTED)))
    assert f"Delegations received — records kept: {kept}; reported by the office: about 100." in english
    assert "Trips abroad (delegations sent) — records kept:" in english and "reported by the office: 182" in english
    assert "Figures reported by the office" in english and "Partnership records" in english
    assert "Nearest Košice (Koszyce) 178 km" in english
    assert re.search(r"Vienna Austria \d+ \d+ \d+ \d+ \d+", english)
    polish = flat(text_of(annual_pdf(summary, "pl", PRINTED)))
    assert "Roczne podsumowanie współpracy 2005" in polish
    assert f"Przyjęte delegacje — w rejestrach: {kept}; według danych biura: około 100." in polish
    assert "Dane podane przez biuro" in polish and "Rekordy partnerstw" in polish
    assert "Najbliższy Koszyce (Košice) 178 km" in polish
    assert re.search(r"Wiedeń Austria \d+ \d+ \d+ \d+ \d+", polish)


def test_an_empty_year(krakow: Desk) -> None:
    text = flat(text_of(render_annual(krakow, 1900, "en", PRINTED)))
    assert "No visits, events, letters or gifts are recorded for 1900." in text
    assert "No activity with partners recorded for this year." in text
    polish = flat(text_of(render_annual(krakow, 1900, "pl", PRINTED)))
    assert "Roczne podsumowanie współpracy 1900" in polish


def test_same_data_same_bytes_apart_from_the_date(year_desk: Desk) -> None:
    first = render_annual(year_desk, YEAR, "pl", PRINTED)
    assert render_annual(year_desk, YEAR, "pl", PRINTED) == first
    later = render_annual(year_desk, YEAR, "pl", date(2027, 1, 5))
    assert later != first and "5 stycznia 2027" in text_of(later)


def test_native_scripts_extract_back(desk: Desk) -> None:
    for key, name in (("tbilisi", "თბილისი"), ("kyiv", "Київ"), ("nanjing", "南京")):
        desk.partners.create({"key": key, "name": name, "country": "GE", "domains": ["culture"]})
        desk.visits.create({"key": f"v-{key}", "direction": "incoming", "partners": [key], "title": "Visit",
                            "start_on": f"{YEAR}-02-02", "status": "done"})
    text = text_of(render_annual(desk, YEAR, "en", PRINTED))
    for name in ("თბილისი", "Київ", "南京"):
        assert name in text


def test_command_line_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "init", "--empty"]) == 0
    with Desk.open(db) as desk:
        make_year(desk)
    out = tmp_path / "annual.pdf"
    capsys.readouterr()
    assert main(["--db", db, "report", "annual", str(YEAR), "-o", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().out
    assert "Delegations received 3" in flat(text_of(out.read_bytes()))
    with pytest.raises(SystemExit) as exit_:
        main(["--db", db, "report", "annual", "last-year", "-o", str(tmp_path / "x.pdf")])
    assert exit_.value.code == 2 and not (tmp_path / "x.pdf").exists()


def test_annual_summary_is_pdfa_with_the_map(krakow: Desk) -> None:
    import pikepdf

    from krakow_desk.reports.pdfa import fonts_not_embedded

    pdf = render_annual(krakow, 2005, "pl", PRINTED)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        assert meta["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
        assert meta["{http://www.aiim.org/pdfa/ns/id/}conformance"] == "B"
        assert fonts_not_embedded(document) == []
    text = flat(text_of(pdf))
    assert "Partnerzy na mapie" in text and "Kraków" in text[text.index("Partnerzy na mapie"):]
