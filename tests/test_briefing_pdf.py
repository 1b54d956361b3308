"""The protocol briefing PDF: its text in both languages (read back with pypdf), user text printed
literally, native scripts, a bare visit, the command line, writing the file."""

import io
import threading
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pytest

from krakow_desk import i18n
from krakow_desk.cli import main
from krakow_desk.reports.briefing import briefing_pdf, render_briefing, write_briefing
from krakow_desk.reports.text import markup, visual
from krakow_desk.services.desk import Desk
from krakow_desk.services.errors import DeskError, NotFound

PRINTED = date(2026, 11, 20)
HOSTILE = 'Fez <b>bold</b> & "quoted" =1+1'


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """Extracted text with table-cell line breaks as spaces, for phrases that may wrap."""
    return " ".join(text.split())


def make_visit(desk: Desk, key: str = "kyiv-2026") -> None:
    desk.partners.create({"key": "kyiv", "name": "Kijów", "name_en": "Kyiv", "name_native": "Київ",
                          "country": "UA"})
    desk.people.create({"key": "mayor", "given_name": "Witalij", "family_name": "Kłyczko",
                        "name_native": "Віталій Кличко", "function": "Mayor of Kyiv", "languages": ["uk"],
                        "salutation": "Dear Mayor", "salutation_pl": "Szanowny Panie Merze", "precedence": 1,
                        "dietary_notes": "Halal <only> & no alcohol"})
    desk.people.create({"key": "nino", "given_name": "Nino", "family_name": "Beridze",
                        "name_native": "ნინო ბერიძე", "languages": ["ka"], "precedence": 2,
                        "salutation_pl": "Szanowna Pani Dyrektor",
                        "accessibility_notes": "Wheelchair: step-free routes"})
    desk.people.create({"key": "wang", "given_name": "Xiaoming", "family_name": "Wang", "name_native": "南京 王小明",
                        "languages": ["zh"], "precedence": 3})
    desk.people.create({"key": "fassi", "given_name": "Youssef", "family_name": "El Fassi",
                        "name_native": "يوسف الفاسي", "function": "Councillor of Fez (فاس)", "languages": ["fr"]})
    desk.people.create({"key": "host", "given_name": "Anna", "family_name": "Nowak",
                        "function": "Zastępczyni Prezydenta", "languages": ["pl", "en"], "precedence": 1})
    desk.visits.create({
        "key": key, "direction": "incoming", "partners": ["kyiv"], "title": HOSTILE,
        "purpose": "Talks on rebuilding\nand a youth exchange", "kind": "official", "status": "confirmed",
        "start_on": "2026-11-22", "end_on": "2026-11-23", "place": "Pałac Wielopolskich",
        "participants": [
            {"person": "wang", "side": "guest"}, {"person": "fassi", "side": "guest"},
            {"person": "nino", "side": "guest"}, {"person": "mayor", "side": "guest", "role": "head of delegation"},
            {"person": "host", "side": "host", "role": "host"},
            {"name": "Olena Kowal", "side": "host", "role": "interpreter", "languages": ["uk", "pl"]},
        ],
        "programme": [
            {"day": "2026-11-22", "start": "09:00", "end": "10:30", "activity": "Welcome <i>in</i> the Portrait Hall",
             "place": "Pałac Wielopolskich", "responsible": "Protocol"},
            {"day": "2026-11-22", "start": "10:00", "end": "11:00", "activity": "Talks & lunch", "place": "Sala Obrad"},
            {"day": "2026-11-23", "start": "12:00", "activity": "Visit to თბილისი Square", "notes": "=SUM(A1)"},
        ],
        "accommodation": "Hotel Pod Różą", "transport": "City cars", "interpreters": "Olena Kowal (uk–pl)",
    })
    desk.gifts.create({"key": "old-album", "direction": "given", "partner": "kyiv", "date": "2019-05-10",
                       "description": "Album of Kraków in leather", "recipient": "Witalij Kłyczko"})
    desk.gifts.create({"key": "new-album", "direction": "given", "partner": "kyiv", "visit": key,
                       "date": "2026-11-22", "description": "Album of Kraków in leather",
                       "recipient": "Witalij Kłyczko"})
    desk.gifts.create({"key": "painting", "direction": "received", "partner": "kyiv", "visit": key,
                       "date": "2026-11-22", "description": "Painting of the Lavra", "value": 1200,
                       "currency": "PLN", "giver": "Witalij Kłyczko"})
    desk.tasks.create({"key": "thanks", "title": "Send a letter of thanks", "due_on": "2026-12-01", "visit": key})


@pytest.fixture
def visit_desk(desk: Desk) -> Desk:
    make_visit(desk)
    return desk


def test_english_briefing_has_every_section(visit_desk: Desk) -> None:
    text = text_of(render_briefing(visit_desk, "kyiv-2026", "en", PRINTED))
    words = flat(text)
    for heading in ("The partner in brief", "Participants in order of precedence", "Guests", "Krakow's hosts",
                    "Languages and interpreting", "Dietary and accessibility notes", "Accommodation and transport",
                    "Programme", "Programme clashes", "Gifts", "Check before giving", "Follow-up tasks"):
        assert heading in words, heading
    assert "Sunday, 22 November 2026" in words and "Monday, 23 November 2026" in words
    assert "Dear Mayor" in words
    assert "Szanowna Pani Dyrektor" in words          # no English form of address: the Polish one
    assert "INTERPRETER NEEDED" in words              # Chinese and Georgian: nobody on Krakow's side
    assert "covered by Olena Kowal" in words          # Ukrainian: the interpreter speaks it
    assert "Send a letter of thanks" in words and "Hotel Pod Różą" in words
    assert "Page 1 of" in words and "Printed 20 November 2026" in words and "Language: English" in words
    assert "Repeats a gift already given" in words    # the planned album was given in 2019
    # guests in order of precedence, unranked last
    order = [words.index(name) for name in ("Witalij Kłyczko", "Nino Beridze", "Xiaoming Wang", "Youssef El Fassi")]
    assert order == sorted(order)


def test_polish_briefing_speaks_polish(visit_desk: Desk) -> None:
    words = flat(text_of(render_briefing(visit_desk, "kyiv-2026", "pl", PRINTED)))
    for heading in ("Notatka protokolarna", "Partner w skrócie", "Uczestnicy według pierwszeństwa", "Goście",
                    "Gospodarze ze strony Krakowa", "Języki i tłumaczenie", "Wymagania żywieniowe i dostępność",
                    "Zakwaterowanie i transport", "Kolizje w programie", "Dary", "Zadania związane z wizytą"):
        assert heading in words, heading
    assert "Niedziela, 22 listopada 2026" in words
    assert "Szanowny Panie Merze" in words and "Dear Mayor" not in words
    assert "POTRZEBNY TŁUMACZ" in words and "nakładają się" in words
    assert "Strona 1 z" in words and "Wydrukowano 20 listopada 2026" in words and "Język: polski" in words
    assert "Participants in order of precedence" not in words


def test_user_text_prints_literally(visit_desk: Desk) -> None:
    words = flat(text_of(render_briefing(visit_desk, "kyiv-2026", "en", PRINTED)))
    assert HOSTILE in words
    assert "Welcome <i>in</i> the Portrait Hall" in words
    assert "Halal <only> & no alcohol" in words and "=SUM(A1)" in words and "Talks & lunch" in words
    assert "Talks on rebuilding and a youth exchange" in words     # a line break, not lost text


def test_native_scripts_extract_as_typed(visit_desk: Desk) -> None:
    pdf = render_briefing(visit_desk, "kyiv-2026", "en", PRINTED)
    text = text_of(pdf)
    for native in ("Київ", "Віталій Кличко", "南京 王小明", "ნინო ბერიძე", "თბილისი"):
        assert native in text, native
    # Arabic is drawn with its joined (presentation) forms, right to left; pypdf reads the runs
    # back in logical order, and Unicode compatibility folding gives the letters as typed.
    assert "\ufed3" in text                                      # FEH, initial form: the letters are joined
    assert "فاس" not in text                                     # ... so not the bare letters
    folded = unicodedata.normalize("NFKC", text)
    assert "فاس" in folded and "يوسف الفاسي" in folded
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = {font["/BaseFont"].split("+")[-1]: font for page in reader.pages
             for font in (f.get_object() for f in page["/Resources"]["/Font"].values())}
    assert set(fonts) == {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"}   # no Helvetica
    assert all("/FontFile2" in font["/FontDescriptor"] for font in fonts.values())    # all embedded


def test_bare_visit_gives_a_clean_briefing(desk: Desk) -> None:
    desk.visits.create({"key": "bare", "direction": "outgoing", "title": "Wizyta"})
    pdf = render_briefing(desk, "bare", "pl", PRINTED)
    words = flat(text_of(pdf))
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "Wizyta" in words and "Z Krakowa" in words and "jeszcze nieustalony" in words
    assert "Nie zapisano jeszcze uczestników." in words and "Nie zapisano jeszcze programu." in words
    assert "Języki i tłumaczenie" not in words            # nothing to derive it from
    assert "None" not in words


def test_same_data_gives_the_same_bytes(visit_desk: Desk) -> None:
    visit_file = visit_desk.visit_file("kyiv-2026")
    first = briefing_pdf(visit_file, "en", PRINTED)
    assert briefing_pdf(visit_file, "en", PRINTED) == first
    assert briefing_pdf(visit_file, "en", date(2027, 1, 1)) != first     # only the printed date differs


def test_report_language_is_its_own(visit_desk: Desk) -> None:
    i18n.set_language("en")
    words = flat(text_of(render_briefing(visit_desk, "kyiv-2026", "pl", PRINTED)))
    assert "Uczestnicy według pierwszeństwa" in words
    assert i18n.language() == "en"
    # built on another thread in English while this thread stays Polish
    i18n.set_language("pl")
    result: dict[str, bytes] = {}
    worker = threading.Thread(target=lambda: result.update(pdf=render_briefing(visit_desk, "kyiv-2026", "en")))
    worker.start()
    assert i18n.language() == "pl"
    worker.join(60)
    assert "Participants in order of precedence" in flat(text_of(result["pdf"]))
    assert i18n.language() == "pl"


def test_unknown_visit_is_not_found(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound):
        write_briefing(desk, "no-such-visit", out / "x.pdf", "en")
    assert not list(out.iterdir())


def test_file_written_whole_or_error_naming_it(visit_desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "briefing.pdf"
    target.write_bytes(b"old")
    write_briefing(visit_desk, "kyiv-2026", target, "en")
    assert target.read_bytes().startswith(b"%PDF-") and [p.name for p in folder.iterdir()] == ["briefing.pdf"]
    missing = folder / "no-folder" / "briefing.pdf"
    with pytest.raises(DeskError) as failure:
        write_briefing(visit_desk, "kyiv-2026", missing, "pl")
    assert str(missing) in failure.value.message and "Nie można zapisać" in failure.value.message


def test_command_line_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "desk.sqlite3")
    assert main(["--db", db, "init", "--empty"]) == 0
    with Desk.open(db) as desk:
        make_visit(desk)
    out = tmp_path / "briefing.pdf"
    capsys.readouterr()
    assert main(["--db", db, "report", "briefing", "kyiv-2026", "-o", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Participants in order of precedence" in flat(text_of(out.read_bytes()))
    assert main(["--db", db, "report", "briefing", "no-such-visit", "-o", str(tmp_path / "y.pdf")]) == 1
    error = capsys.readouterr().err
    assert "no-such-visit" in error and "Traceback" not in error
    assert not (tmp_path / "y.pdf").exists()


def test_krakow_visits_all_print(krakow: Desk) -> None:
    for visit in krakow.visits.all():
        words = flat(text_of(render_briefing(krakow, visit.key, "en", PRINTED)))
        assert " ".join(visit.title.split()) in words


def test_markup_escapes_and_switches_fonts() -> None:
    assert markup('<b> & "x"') == '&lt;b&gt; &amp; "x"'
    assert markup("a\nb\r\nc\x00") == "a<br/>b<br/>c"
    assert markup("Nankin 南京 city") == 'Nankin <font name="DroidSansFallback">南京 </font>city'
    assert markup("تبليسي", "DejaVuSans-Oblique").startswith('<font name="KD-Upright">')  # oblique has no Arabic
    assert visual("Fez (فاس) 789").startswith("Fez (") and visual("Fez (فاس) 789").endswith(") 789")
    assert visual("abc") == "abc"
