"""The Reports section on Krakow's data: pick, generate off the GUI thread, preview, save, print."""

import io
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog  # noqa: E402

from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.pages import reports as reports_module  # noqa: E402
from krakow_desk.ui.pages.reports import ANNUAL, BRIEFING, DOSSIER, GIFTS  # noqa: E402
from window_helpers import open_page  # noqa: E402
from window_helpers import no_real_message_boxes  # noqa: E402,F401 (an autouse fixture: importing it is enough)

LA_SERENA = "la-serena-2005-09-president"


def generated(qtbot: Any, page: Any) -> None:
    with qtbot.waitSignal(page.sig_generated, timeout=60000):
        page.generate_button.click()


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_kyivs_dossier_in_english_is_previewed_page_by_page_and_saved(
        krakow: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    assert page.kind_combo.currentData() == DOSSIER
    assert page.language_combo.currentData() == "pl"            # the window's language by default
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    assert page.partner_field.findText("Kijów") >= 0             # partners named in the window's language
    page.partner_field.set_value("kyiv")
    page.set_language("en")
    generated(qtbot, page)
    pages = len(PdfReader(io.BytesIO(page.data)).pages)
    assert page.preview.page_count() == pages >= 2
    assert page.pages_label.text() in (f"{pages} strony", f"{pages} stron")   # the window speaks Polish
    assert "Kyiv" in text_of(page.data) and "Partner dossier" in text_of(page.data)
    assert page.generate_button.isEnabled() and not page.busy.isVisible()
    qtbot.waitUntil(lambda: page.preview.labels[0].pixmap().width() > 100)

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "kyiv"
    asked: list[str] = []

    def fake_save(parent: Any, title: str, name: str, filter_: str) -> tuple[str, str]:
        asked.append(name)
        return str(target), filter_
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    page.save_button.click()
    assert asked == ["dossier-kyiv-en.pdf"]
    saved = folder / "kyiv.pdf"                                   # the extension added
    assert saved.read_bytes() == page.data
    assert [p.name for p in folder.iterdir()] == ["kyiv.pdf"]    # no temporary file left beside it


def test_the_annual_summary_for_2005_in_polish(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    assert page.year_spin.value() == date.today().year - 1      # last year by default
    assert page.year_spin.minimum() <= 2005
    page.choose(ANNUAL, 2005)
    assert page.subjects.currentWidget() is page.year_spin
    generated(qtbot, page)
    assert page.request.subject == 2005 and page.request.language == "pl"
    text = text_of(page.data)
    assert "2005" in text and "współpracy" in text
    assert page.preview.page_count() >= 1


def test_the_gifts_register_extract_for_all_years(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    page.choose(GIFTS)
    assert page.gifts_combo.currentData() is None and page.gifts_combo.count() > 2
    generated(qtbot, page)
    assert page.request.kind == GIFTS and page.request.subject is None
    assert page.preview.page_count() >= 1


def test_a_switch_while_generating_drops_the_late_answer(
        krakow: Desk, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    release = threading.Event()
    real = reports_module.generate

    def slow(desk: Desk, request: Any) -> Any:
        if request.kind == DOSSIER:
            release.wait(30)        # the dossier answers only after the summary is shown
        return real(desk, request)
    monkeypatch.setattr(reports_module, "generate", slow)
    page.partner_field.set_value("kyiv")
    page.generate_button.click()
    assert not page.generate_button.isEnabled() and page.busy.isVisibleTo(page)
    page.choose(ANNUAL, 2005)
    assert page.generate_button.isEnabled()      # another choice may be asked for at once
    page.choose(DOSSIER, "kyiv")
    assert not page.generate_button.isEnabled()  # the one being made
    page.choose(ANNUAL, 2005)
    page.generate_button.click()    # a new request supersedes the one running
    qtbot.waitSignal(page.sig_generated, timeout=60000).wait()
    assert page.request.kind == ANNUAL
    annual = page.data
    release.set()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=60000)
    qtbot.wait(50)                  # the dossier's late answer is delivered, and dropped
    assert page.request.kind == ANNUAL and page.data is annual


def test_the_visit_briefing_opened_for_a_visit(krakow: Desk, qtbot: Any) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    assert page.visit_field.findData(LA_SERENA) >= 0
    with qtbot.waitSignal(page.sig_generated, timeout=60000):
        assert window.open_record("visit-briefing", LA_SERENA)
    assert page.kind_combo.currentData() == BRIEFING and page.visit_field.value() == LA_SERENA
    assert "La Seren" in text_of(page.data)


def test_a_dossier_asked_for_before_the_lists_are_read(krakow: Desk, qtbot: Any) -> None:
    window, partners = open_page(krakow, qtbot, "partners")
    page = window.pages["reports"]
    assert not page._loaded                  # never shown: the request waits for the pick lists
    with qtbot.waitSignal(page.sig_generated, timeout=60000):
        assert window.open_record("partner-dossier", "kyiv")
    assert window.current_section() == "reports"
    assert page.request.kind == DOSSIER and page.request.subject == "kyiv"
    assert page.partner_field.value() == "kyiv"


def test_printing_goes_to_the_printer_chosen(
        krakow: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, page = open_page(krakow, qtbot, "reports")
    page.choose(ANNUAL, 2005)
    generated(qtbot, page)
    target = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(150)
        return printer
    monkeypatch.setattr(page, "make_printer", pdf_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with qtbot.waitSignal(page.sig_printed, timeout=60000) as printed:
        page.print_button.click()
    assert printed.args == [True]
    assert len(PdfReader(str(target)).pages) == page.preview.page_count()
    assert target.stat().st_size > 10000


def test_the_partner_page_opens_the_partners_dossier(krakow: Desk, qtbot: Any) -> None:
    window, partners = open_page(krakow, qtbot, "partners")
    partners.open_record("partner", "kyiv")
    qtbot.waitUntil(lambda: partners.detail.file is not None and partners.detail.file.partner.key == "kyiv",
                    timeout=10000)
    page = window.pages["reports"]
    with qtbot.waitSignal(page.sig_generated, timeout=60000):
        partners.detail.dossier_button.click()
    assert window.current_section() == "reports"
    assert page.request.kind == DOSSIER and page.request.subject == "kyiv"
    assert page.preview.page_count() >= 2
