"""Reports made archival: PDF/A-2b (ISO 19005-2, level B) from the PDF ReportLab writes.

What ``to_pdfa`` adds or sets, with pikepdf:

- XMP metadata identifying the file as PDF/A-2b (``pdfaid:part`` 2, ``pdfaid:conformance`` B),
  with the title, author, subject, language, producer and dates of the Info dictionary, which
  it rewrites so the two agree as PDF/A requires;
- an output intent (GTS_PDFA1) carrying the shipped sRGB profile (resources/icc), which says
  what the reports' RGB colours mean;
- a document ID computed from the content (qpdf's deterministic ID).

It checks that every font is embedded (the reports embed DejaVu and Droid subsets; a font left
unembedded — ReportLab's Helvetica, say — is a programming error, raised as ``PdfAError``).

Deterministic: the dates are the report's printed date at midnight UTC (ReportLab's invariant
mode writes 2000-01-01, which PDF/A would accept but which says nothing), so the same data on the
same day gives the same bytes, and on another day differs only where the date is.

Not checked here (no validator ships with the program; veraPDF is Java): the fonts' internal
tables, colour use beyond the output intent, and every other clause of ISO 19005-2.
"""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING, Iterator
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

from krakow_desk.resources import resources_dir

if TYPE_CHECKING:
    from krakow_desk.reports.document import ReportInfo

PDFA_PART = 2
PDFA_CONFORMANCE = "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


class PdfAError(RuntimeError):
    """The PDF cannot be made PDF/A (a font is not embedded): a fault in the report's code."""


def icc_profile() -> bytes:
    return (resources_dir() / "icc" / "sRGB.icc").read_bytes()


def _pdf_date(day: date) -> str:
    return f"D:{day:%Y%m%d}000000+00'00'"


def _xmp_date(day: date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00+00:00"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def xmp_packet(*, title: str, author: str, subject: str, language: str, creator: str,
               producer: str, day: date) -> bytes:
    """The XMP metadata: PDF/A identification plus the document's description, XML-escaped."""
    e = escape
    stamp = _xmp_date(day)
    description = (f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(subject)}</rdf:li>'
                   f"</rdf:Alt></dc:description>") if subject else ""
    xml = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e(author)}</rdf:li></rdf:Seq></dc:creator>
   {description}
   <dc:language><rdf:Bag><rdf:li>{e(language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>{e(creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
   <pdf:Producer>{e(producer)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return xml.encode("utf-8")


def _resources(pdf: pikepdf.Pdf) -> Iterator[Dictionary]:
    """Every resource dictionary: the pages', and those of form XObjects, patterns and Type 3
    fonts inside them, each once."""
    seen: set[tuple[int, int]] = set()
    pending = [page.obj.get("/Resources") for page in pdf.pages]
    while pending:
        resources = pending.pop()
        if not isinstance(resources, Dictionary):
            continue
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        yield resources
        for kind in ("/XObject", "/Pattern", "/Font"):
            for item in (resources.get(kind) or Dictionary()).values():
                if isinstance(item, (Dictionary, Stream)) and "/Resources" in item:
                    pending.append(item.Resources)


def fonts_not_embedded(pdf: pikepdf.Pdf) -> list[str]:
    """The names of the fonts used in the PDF that carry no font program."""
    missing = []
    for resources in _resources(pdf):
        for font in (resources.get("/Font") or Dictionary()).values():
            if font.get("/Subtype") == Name.Type3:
                continue   # drawn with PDF operators; nothing to embed
            described = [font]
            if font.get("/Subtype") == Name.Type0:
                described = list(font.get("/DescendantFonts") or [])
            for part in described:
                descriptor = part.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(_text(font.get("/BaseFont")).lstrip("/"))
    return sorted(set(missing))


def to_pdfa(pdf_bytes: bytes, info: "ReportInfo") -> bytes:
    """The PDF as PDF/A-2b: XMP identification, sRGB output intent, dates from ``info.printed``,
    a content-derived document ID. Raises PdfAError when a font is not embedded."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        missing = fonts_not_embedded(pdf)
        if missing:
            raise PdfAError(f"fonts not embedded, the PDF cannot be PDF/A: {', '.join(missing)}")
        old = pdf.docinfo
        title, author = _text(old.get("/Title")), _text(old.get("/Author"))
        subject, creator = _text(old.get("/Subject")), _text(old.get("/Creator"))
        producer = _text(old.get("/Producer"))
        stamp = _pdf_date(info.printed)
        # The Info dictionary anew, holding only what the XMP says too (PDF/A wants them equal).
        docinfo = Dictionary(Title=String(title), Author=String(author), Creator=String(creator),
                             Producer=String(producer), CreationDate=String(stamp), ModDate=String(stamp))
        if subject:
            docinfo.Subject = String(subject)
        pdf.trailer.Info = pdf.make_indirect(docinfo)

        metadata = Stream(pdf, xmp_packet(title=title, author=author, subject=subject,
                                          language=info.language, creator=creator,
                                          producer=producer, day=info.printed))
        metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
        pdf.Root.Metadata = pdf.make_indirect(metadata)
        pdf.Root.Lang = String(info.language)

        profile = Stream(pdf, icc_profile())
        profile.N = 3
        pdf.Root.OutputIntents = Array([pdf.make_indirect(Dictionary(
            Type=Name.OutputIntent, S=Name.GTS_PDFA1,
            OutputConditionIdentifier=String(OUTPUT_CONDITION), Info=String(OUTPUT_CONDITION),
            RegistryName=String("http://www.color.org"),
            DestOutputProfile=pdf.make_indirect(profile),
        ))])

        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]   # ReportLab's; qpdf makes both halves from the content
        out = io.BytesIO()
        # deterministic_id: the ID is a hash of the content, so equal input gives equal bytes.
        # The XMP stays uncompressed, as archive tools expect to find it in the file's text.
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)
        return out.getvalue()
