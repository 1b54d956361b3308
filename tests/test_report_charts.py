"""Report charts: built into a real PDF with the report base, read back with pypdf — the labels
print as typed in every script, values stand at the bars, nothing is in Helvetica, and empty or
odd data gives a drawing rather than an error."""

import io
from datetime import date

import pypdf
import pytest
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.platypus import Spacer

from krakow_desk.i18n import set_language
from krakow_desk.reports.charts import (
    bar_chart, bar_chart_height, fit, label, month_chart, nice_step, no_data, short_month_names, text_width,
)
from krakow_desk.reports.document import ReportInfo, build_pdf
from krakow_desk.reports.styles import FRAME_WIDTH

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def pdf_of(*drawings: Drawing) -> bytes:
    story = []
    for drawing in drawings:
        story += [drawing, Spacer(1, 10)]
    return build_pdf(story, ReportInfo("Charts", "Test", "en", date(2026, 1, 1)))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def font_names(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(font.get_object()["/BaseFont"].split("+")[-1])
    return names


def strings(node) -> list[String]:  # noqa: ANN001
    found = []
    for child in getattr(node, "contents", []):
        found += [child] if isinstance(child, String) else strings(child)
    return found


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def test_bars_print_labels_in_every_script_and_values() -> None:
    rows = [("Kyiv", 12), ("Tbilisi თბილისი", 7), ("Nanjing 南京", 3), ("Lwów <b>& Co", 2.5),
            ("Bordeaux", 0)]
    pdf = pdf_of(bar_chart(rows, FRAME_WIDTH, bar_chart_height(len(rows), True), title="Visits by partner"))
    text = text_of(pdf)
    for expected in ("Visits by partner", "Kyiv", "თბილისი", "南京", "Lwów <b>& Co", "Bordeaux", "12", "2.5"):
        assert expected in text
    assert font_names(pdf) == {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"}


def test_month_chart_with_several_series_and_its_legend() -> None:
    visits = [3, 0, 5, 12, 1, 0, 0, 2, 7, 4, 1, 9]
    letters = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 112]
    pdf = pdf_of(month_chart(visits, MONTHS, FRAME_WIDTH, 130, title="Visits by month"),
                 month_chart([visits, letters], MONTHS, FRAME_WIDTH, 150, series_names=["visits", "letters"]))
    text = text_of(pdf)
    for expected in ("Visits by month", "Jan", "Dec", "visits", "letters", "112"):
        assert expected in text
    assert "Helvetica" not in font_names(pdf)


def test_empty_data_gives_a_no_data_box_in_either_language() -> None:
    assert isinstance(bar_chart([], 300, 100), Drawing)
    assert isinstance(month_chart([0] * 12, MONTHS, 300, 100), Drawing)
    assert isinstance(month_chart([], MONTHS, 300, 100), Drawing)
    assert "No data to show" in text_of(pdf_of(bar_chart([], 300, 100)))
    set_language("pl")
    assert "Brak danych do pokazania" in text_of(pdf_of(no_data(300)))


@pytest.mark.parametrize("count", [1, 40])
def test_one_or_forty_rows_fit_their_drawing(count: int) -> None:
    rows = [(f"Partner city number {index}", index * 3) for index in range(count)]
    height = bar_chart_height(count)
    drawing = bar_chart(rows, 300, height)
    for string in strings(drawing):
        assert 0 <= string.y <= height
        assert string.fontName.startswith("DejaVu")
    text = text_of(pdf_of(drawing))
    assert f"Partner city number {count - 1}" in text


def test_long_labels_are_shortened_within_their_column() -> None:
    name = "The Very Long Official Name of a Partner City That Goes On and On " * 2
    drawing = bar_chart([(name, 5), ("Kyiv", 3)], 300, 60)
    left = min(string.x for string in strings(drawing))
    assert left >= -0.01
    shown = fit(name, 100)
    assert shown.endswith("…") and text_width(shown) <= 100


def test_labels_use_a_font_that_has_each_character() -> None:
    group = label(0, 0, "Nanjing 南京 ქუთაისი")
    assert isinstance(group, Group)
    assert [s.fontName for s in strings(group)] == ["DejaVuSans", "DroidSansFallback", "DejaVuSans"]


def test_nice_steps() -> None:
    assert nice_step(12, 4) == 5
    assert nice_step(3, 4) == 1
    assert nice_step(150, 4) == 50
    assert nice_step(0) == 1


def test_short_month_names_follow_the_language() -> None:
    english = short_month_names()   # British English: "Sept"
    assert len(english) == 12 and english[0] == "Jan" and english[11] == "Dec"
    set_language("pl")
    assert short_month_names()[0] == "sty" and short_month_names()[9] == "paź"
