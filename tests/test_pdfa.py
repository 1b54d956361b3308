"""Every report is PDF/A-2b: XMP identification and description matching the Info dictionary, an
sRGB output intent, every font embedded, a document ID, and the same bytes for the same input.

No PDF/A validator is run (veraPDF is not available here): these tests check the parts of
ISO 19005-2 the program itself is responsible for, not the whole standard."""

import io
from datetime import date

import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Paragraph
from reportlab.lib.styles import ParagraphStyle

from krakow_desk.reports.blocks import body
from krakow_desk.reports.charts import bar_chart
from krakow_desk.reports.document import ReportInfo, build_pdf
from krakow_desk.reports.pdfa import PdfAError, fonts_not_embedded, icc_profile, to_pdfa
from krakow_desk.reports.world_map import MapPoint, world_map

INFO = ReportInfo("Partner dossier", "Kyiv & <Kijów> 南京", "pl", date(2026, 3, 5))
XMP = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/", "dc": "http://purl.org/dc/elements/1.1/",
       "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/"}


def story() -> list:
    return [body("Zażółć gęślą jaźń — Tbilisi თბილისი, Nankin 南京, <b> & co"),
            bar_chart([("Kijów", 3), ("南京", 1)], 300, 40),
            world_map([MapPoint(50.06, 19.94, "Kraków", True), MapPoint(49.84, 24.03, "Lwów")], 200, 100, "points")]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return build_pdf(story(), INFO)


def test_xmp_identifies_pdfa_2b_and_matches_the_info(pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        assert meta[f"{{{XMP['pdfaid']}}}part"] == "2"
        assert meta[f"{{{XMP['pdfaid']}}}conformance"] == "B"
        info = document.docinfo
        assert meta[f"{{{XMP['dc']}}}title"] == str(info.Title) == "Partner dossier: Kyiv & <Kijów> 南京"
        assert meta[f"{{{XMP['dc']}}}description"] == str(info.Subject)
        assert meta[f"{{{XMP['dc']}}}creator"] == [str(info.Author)]
        assert meta[f"{{{XMP['dc']}}}language"] == {"pl"}
        assert meta[f"{{{XMP['xmp']}}}CreatorTool"] == str(info.Creator)
        assert meta[f"{{{XMP['pdf']}}}Producer"] == str(info.Producer)
        assert meta[f"{{{XMP['xmp']}}}CreateDate"] == "2026-03-05T00:00:00+00:00"
        assert meta[f"{{{XMP['xmp']}}}ModifyDate"] == "2026-03-05T00:00:00+00:00"
        assert str(info.CreationDate) == str(info.ModDate) == "D:20260305000000+00'00'"
        assert set(info.keys()) <= {"/Title", "/Author", "/Subject", "/Creator", "/Producer",
                                    "/CreationDate", "/ModDate"}
        assert str(document.Root.Lang) == "pl"
        assert "/Filter" not in document.Root.Metadata   # the XMP stays readable in the file
        assert document.Root.Metadata.Type == pikepdf.Name.Metadata
        assert len(document.trailer.ID) == 2
        assert "/Encrypt" not in document.trailer


def test_output_intent_carries_the_srgb_profile(pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        intents = document.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.Type == pikepdf.Name.OutputIntent and intent.S == pikepdf.Name.GTS_PDFA1
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert profile.N == 3
        data = profile.read_bytes()
        assert data == icc_profile()
        assert data[12:20] == b"mntrRGB " and data[36:40] == b"acsp" and data[8] == 2   # ICC v2 RGB


def test_every_font_is_embedded(pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert fonts_not_embedded(document) == []
        names = set()
        for page in document.pages:
            for font in page.Resources.Font.values():
                names.add(str(font.BaseFont).split("+")[-1])
                assert "/FontFile2" in font.FontDescriptor
        assert names == {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"}


def test_a_font_not_embedded_is_refused() -> None:
    from reportlab.pdfgen.canvas import Canvas
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(50, 50, "Helvetica is not embedded")
    canvas.save()
    with pytest.raises(PdfAError, match="Helvetica"):
        to_pdfa(buffer.getvalue(), INFO)


def test_same_input_same_bytes_and_only_the_date_differs() -> None:
    first, second = build_pdf(story(), INFO), build_pdf(story(), INFO)
    assert first == second
    later = build_pdf(story(), ReportInfo(INFO.title, INFO.subject, INFO.language, date(2026, 3, 6)))
    assert later != first
    with pikepdf.open(io.BytesIO(later)) as document:
        assert str(document.docinfo.CreationDate) == "D:20260306000000+00'00'"
    other = build_pdf(story() + [body("one more line")], INFO)
    with pikepdf.open(io.BytesIO(first)) as one, pikepdf.open(io.BytesIO(other)) as two:
        assert one.trailer.ID[0] != two.trailer.ID[0]   # the ID follows the content


def test_english_report_says_so(pdf: bytes) -> None:
    english = build_pdf([body("Hello")], ReportInfo("Annual cooperation summary", "2025", "en", date(2026, 1, 2)))
    with pikepdf.open(io.BytesIO(english)) as document:
        assert document.open_metadata()[f"{{{XMP['dc']}}}language"] == {"en"}
        assert str(document.Root.Lang) == "en"
