"""The partner dossier PDF: its text in both languages (read back with pypdf) on Krakow's own data
and on a partner with every kind of record, user text printed literally, native scripts, a partner
with nothing but a name, the same bytes for the same data, the command line."""

import io
import re
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from krakow_desk.cli import main
from krakow_desk.reports.dossier import dossier_pdf, render_dossier, write_dossier
from krakow_desk.services.desk import Desk
from krakow_desk.services.dossier import dossier
from krakow_desk.services.errors import NotFound

PRINTED = date(2026, 11, 20)
HOSTILE = 'Note <b>bold</b> & "quoted" =1+1'


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with table-cell line breaks as spaces, for phrases that may wrap."""
    return " ".join(text.split())


def pages(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def make_partner(desk: Desk) -> None:
    """Tbilisi with a record of every kind the dossier prints."""
    desk.partners.create({
        "key": "tbilisi", "name": "Tbilisi", "name_en": "Tbilisi", "name_native": "თბილისი",
        "aliases": ["Tiflis"], "country": "GE", "category": "partner_city", "latitude": 41.69, "longitude": 44.80,
        "timezone": "Asia/Tbilisi", "population": 1202731, "population_year": 2022, "area_km2": 504.2,
        "elevation_m": 770, "domains": ["culture", "youth"], "assessment": "developing",
        "assessment_note": HOSTILE, "notes": "Wine & <song>",
        "statuses": [{"status": "active", "since": "2012-06-01"}]})
    desk.agreements.create({"key": "tb-2012", "partner": "tbilisi", "kind": "partnership_agreement",
                            "title": "Umowa o partnerstwie", "signed_on": "2012-06-01", "term_start": "2012-06-01",
                            "term_months": 60, "auto_renews": True, "renewal_months": 60, "notice_months": 3,
                            "signatory_krakow": "Jacek Majchrowski"})
    desk.agreements.create({"key": "tb-2010", "partner": "tbilisi", "kind": "letter_of_intent",
                            "signed_on": "2010"})
    desk.people.create({"key": "nino", "given_name": "Nino", "family_name": "Beridze", "name_native": "ნინო ბერიძე",
                        "function": "Head of International Relations", "emails": ["nino@tbilisi.example"],
                        "phones": ["+995 32 000 000"], "affiliations": [{"partner": "tbilisi", "role": "Director"}]})
    desk.people.create({"key": "old", "given_name": "Giorgi", "family_name": "Abashidze",
                        "affiliations": [{"partner": "tbilisi", "role": "Deputy Mayor", "until": "2015-01-01"}]})
    desk.visits.create({"key": "v-2019", "direction": "outgoing", "partners": ["tbilisi"], "status": "done",
                        "title": "Krakow delegation in Tbilisi", "start_on": "2019-05-10", "end_on": "2019-05-12"})
    desk.visits.create({
        "key": "v-2025", "direction": "incoming", "partners": ["tbilisi"], "status": "done",
        "title": "Tbilisi's mayor in Krakow", "start_on": "2025-10-02", "end_on": "2025-10-03",
        "purpose": "Youth exchange", "participants": [{"person": "nino", "side": "guest"},
                                                      {"name": "Anna Nowak", "side": "host", "role": "host"}],
        "programme": [{"day": "2025-10-02", "start": "10:00", "activity": "Talks at the Wielopolski Palace"}]})
    desk.gifts.create({"key": "g-given", "direction": "given", "partner": "tbilisi", "date": "2019-05-11",
                       "description": "Album of Kraków", "value": 300, "currency": "PLN"})
    desk.gifts.create({"key": "g-received", "direction": "received", "partner": "tbilisi", "date": "2025-10-02",
                       "description": "Georgian drinking horn"})
    desk.letters.create({"key": "l-in", "direction": "incoming", "date": "2026-10-01", "partner": "tbilisi",
                         "subject": "Invitation to Tbilisoba", "reference": "TB/1", "reply_due_on": "2026-10-15"})
    desk.letters.create({"key": "l-out", "direction": "outgoing", "date": "2026-01-05", "partner": "tbilisi",
                         "subject": "Season's greetings"})
    desk.tasks.create({"key": "t-open", "title": "Answer the Tbilisoba invitation", "due_on": "2026-10-14",
                       "partner": "tbilisi"})
    desk.tasks.create({"key": "t-done", "title": "Send the photos", "status": "done", "partner": "tbilisi"})


@pytest.fixture
def partner_desk(desk: Desk) -> Desk:
    make_partner(desk)
    return desk


def test_krakow_kyiv_in_english(krakow: Desk) -> None:
    pdf = render_dossier(krakow, "kyiv", "en", PRINTED)
    words = flat(text_of(pdf))
    for heading in ("Partner dossier", "Fact sheet", "Relationship", "Status history", "Agreements", "Key people",
                    "Visits and activity", "Gifts", "Correspondence", "Open follow-ups"):
        assert heading in words, heading
    for name in ("Kijów", "Kyiv", "Київ", "Kiev"):           # Polish, English, native, alias
        assert name in words, name
    assert "Umowa o współpracy na zasadzie miast bliźniaczych" in words
    assert "Not known whether in force" in words and "the document states no term" in words
    assert "Twin city" in words and "Active" in words and "2,952,301 (2022)" in words
    assert "Page 1 of" in words and "Printed 20 November 2026" in words and "Language: English" in words


def test_krakow_rochester_in_both_languages(krakow: Desk) -> None:
    words = flat(text_of(render_dossier(krakow, "rochester", "en", PRINTED)))
    assert "In force: Umowa o współpracy" in words
    assert "notice by 2028-01-17" in words                     # six months before the term's end
    assert "6,961 km" in words and "−6 h from Krakow" in words  # on the day printed, New York in winter time
    assert "Activity per year" in words and "Wizyta delegacji miasta Rochester w Krakowie" in words
    assert "Year Visits Letters Events Gifts Total" in words
    polish = flat(text_of(render_dossier(krakow, "rochester", "pl", PRINTED)))
    for heading in ("Teczka partnera", "Dane podstawowe", "Współpraca", "Umowy", "Najważniejsze osoby",
                    "Wizyty i aktywność", "Aktywność w poszczególnych latach", "Dary", "Korespondencja"):
        assert heading in polish, heading
    assert "Obowiązują: Umowa o współpracy" in polish and "wypowiedzenie do 2028-01-17" in polish
    assert "6 961 km" in polish and "Odległość od Krakowa" in polish
    assert "Strona 1 z" in polish and "Wydrukowano 20 listopada 2026" in polish and "Język: polski" in polish
    assert "Fact sheet" not in polish
    kyiv = flat(text_of(render_dossier(krakow, "kyiv", "pl", PRINTED)))
    assert "Kijów" in kyiv and "nie wiadomo, czy obowiązuje" in kyiv.lower()


def test_every_record_kind_is_in_the_dossier(partner_desk: Desk) -> None:
    words = flat(text_of(render_dossier(partner_desk, "tbilisi", "en", PRINTED)))
    assert "Tiflis" in words and "1,202,731 (2022)" in words and "770 m a.s.l." in words
    assert "+3 h from Krakow" in words
    # agreements oldest first, the one in force with its deadlines, the vague one marked
    assert words.index("Letter of intent, 2010") < words.index("Umowa o partnerstwie Partnership agreement")
    assert "notice by 2027-02-28" in words and "Jacek Majchrowski" in words
    assert "Not known whether in force" in words and "unknown standing" in words
    # people: current first, with their contact details; the former one marked
    assert "nino@tbilisi.example" in words and "+995 32 000 000" in words
    assert words.index("Nino Beridze") < words.index("Giorgi Abashidze") and "former" in words
    # the latest visit in full, the earlier one in brief
    assert "Latest visit: Tbilisi's mayor in Krakow" in words and "Talks at the Wielopolski Palace" in words
    assert "Anna Nowak" in words and "Earlier visits" in words and "Krakow delegation in Tbilisi" in words
    assert "2 visits recorded." in words
    # gifts both ways, correspondence, open follow-ups only
    assert "Given by Krakow" in words and "Album of Kraków" in words
    assert "Received by Krakow" in words and "Georgian drinking horn" in words
    assert "Letters from the partner 1" in words and "Letters to the partner 1" in words
    assert "Awaiting our reply" in words and "Invitation to Tbilisoba" in words and "overdue" in words
    assert "Answer the Tbilisoba invitation" in words and "Send the photos" not in words


def test_user_text_prints_literally(partner_desk: Desk) -> None:
    partner = partner_desk.partners.get("tbilisi")
    partner_desk.partners.update("tbilisi", {**partner.model_dump(), "aliases": ["<i>Tiflis</i>", "A & B"]})
    words = flat(text_of(render_dossier(partner_desk, "tbilisi", "en", PRINTED)))
    assert HOSTILE in words and "Wine & <song>" in words
    assert "<i>Tiflis</i>, A & B" in words


@pytest.mark.parametrize("native", ["Київ", "南京", "თბილისი"])
def test_native_scripts_extract_as_typed(desk: Desk, native: str) -> None:
    desk.partners.create({"key": "p", "name": "Partner", "name_native": native, "country": "PL"})
    pdf = render_dossier(desk, "p", "en", PRINTED)
    assert native in text_of(pdf)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = {font["/BaseFont"].split("+")[-1]: font for page in reader.pages
             for font in (f.get_object() for f in page["/Resources"]["/Font"].values())}
    assert "Helvetica" not in fonts
    assert all("/FontFile2" in font["/FontDescriptor"] for font in fonts.values())    # all embedded


def test_arabic_name_is_joined_and_extracts_back(desk: Desk) -> None:
    desk.partners.create({"key": "fez", "name": "Fez", "name_native": "فاس", "country": "MA"})
    text = text_of(render_dossier(desk, "fez", "en", PRINTED))
    # drawn with its joined (presentation) forms, right to left; compatibility folding gives it back
    assert "\ufed3" in text and "فاس" not in text
    assert "فاس" in unicodedata.normalize("NFKC", text)


def test_nearly_empty_partner_gets_a_sensible_dossier(desk: Desk) -> None:
    desk.partners.create({"key": "bare", "name": "Nowe Miasto", "kind": "city", "country": "FR"})
    for language, expected in (("pl", ("Teczka partnera", "Nowe Miasto", "Francja", "Nie zapisano żadnej umowy",
                                       "Nie zapisano wizyt ani wydarzeń.", "Brak otwartych spraw.")),
                               ("en", ("Partner dossier", "Nowe Miasto", "France", "No agreement recorded",
                                       "No visits or events recorded.", "No letters recorded."))):
        pdf = render_dossier(desk, "bare", language, PRINTED)
        words = flat(text_of(pdf))
        assert pages(pdf) == 1
        for phrase in expected:
            assert phrase in words, phrase
        assert not re.search(r"None(?! recorded| open)", words)        # no Python None leaks through


def test_same_data_gives_the_same_bytes(partner_desk: Desk) -> None:
    read = dossier(partner_desk, "tbilisi", PRINTED)
    first = dossier_pdf(read, "en", PRINTED)
    assert dossier_pdf(read, "en", PRINTED) == first
    assert dossier_pdf(dossier(partner_desk, "tbilisi", PRINTED), "en", PRINTED) == first    # read again
    assert dossier_pdf(read, "en", date(2027, 1, 1)) != first     # only the printed date differs


def test_unknown_partner_is_not_found(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound):
        write_dossier(desk, "no-such-partner", out / "x.pdf", "en")
    assert not list(out.iterdir())


def test_command_line_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "init", "--empty"]) == 0
    with Desk.open(db) as desk:
        make_partner(desk)
    out = tmp_path / "dossier.pdf"
    capsys.readouterr()
    assert main(["--db", db, "report", "dossier", "TIFLIS", "-o", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Partner dossier" in flat(text_of(out.read_bytes()))
    assert main(["--db", db, "report", "dossier", "Atlantis", "-o", str(tmp_path / "y.pdf")]) == 1
    error = capsys.readouterr().err
    assert "Atlantis" in error and "Traceback" not in error
    assert not (tmp_path / "y.pdf").exists()


def test_every_krakow_partner_prints(krakow: Desk) -> None:
    for partner in krakow.partners.all():
        assert partner.name in flat(text_of(render_dossier(krakow, partner.key, "pl", PRINTED)))


def test_long_histories_are_counted_and_the_newest_listed(desk: Desk) -> None:
    desk.partners.create({"key": "busy", "name": "Busy", "country": "DE"})
    for i in range(15):
        desk.visits.create({"key": f"v{i}", "direction": "incoming", "partners": ["busy"], "status": "done",
                            "title": f"Visit number {i:02d}", "start_on": f"{2000 + i}-05-01"})
    desk.visits.create({"key": "planned", "direction": "outgoing", "partners": ["busy"],
                        "title": "A trip planned for next year", "start_on": "2027-03-01"})
    for i in range(18):
        desk.letters.create({"key": f"l{i}", "direction": "incoming", "partner": "busy", "date": f"2026-01-{i + 1:02d}",
                             "subject": f"Request {i:02d}", "reply_due_on": f"2026-02-{i + 1:02d}"})
    read = dossier(desk, "busy", PRINTED)
    assert read.visit_count == 16 and read.latest_visit.visit.key == "v14"     # not the planned trip
    assert [v.key for v in read.recent_visits[:2]] == ["planned", "v13"]
    assert read.correspondence.awaiting_ours_count == 18 and len(read.correspondence.awaiting_ours) == 15
    words = flat(text_of(dossier_pdf(read, "en", PRINTED)))
    assert "16 visits recorded." in words and "Latest visit: Visit number 14" in words
    assert "… and 3 earlier visits." in words                   # 16 = the latest + 12 listed + 3
    assert "Latest letter 2026-01-18 · to Krakow · Request 17" in words
    assert "Request 00" in words and "Request 16" not in words    # the earliest due listed first
    assert "… and 3 more letters awaiting a reply" in words


def test_dossier_is_pdfa_with_its_map(krakow: Desk) -> None:
    import pikepdf

    from krakow_desk.reports.pdfa import fonts_not_embedded

    pdf = render_dossier(krakow, "kyiv", "pl", PRINTED)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        assert meta["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
        assert meta["{http://www.aiim.org/pdfa/ns/id/}conformance"] == "B"
        assert str(document.docinfo.Title) == "Teczka partnera: Kijów"
        assert fonts_not_embedded(document) == []
    # the map beside the fact sheet names Krakow and the partner
    first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    sheet = first[first.index("Różnica czasu"):first.index("Współpraca")]
    assert "Kraków" in sheet and "Kijów" in sheet
