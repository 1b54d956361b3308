"""The document store: attaching, verifying, hostile names, orphans, search, large files, the panel."""

import io
import os
import stat
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from krakow_desk import i18n
from krakow_desk.services.desk import Desk
from krakow_desk.services.documents import (
    CancelledByUser, DocumentAltered, DocumentError, DocumentMissing, check_documents, clean_name,
)
from krakow_desk.services.errors import InUse, NotFound
from krakow_desk.store.documents import DOCUMENTS_ENV, INCOMING, LIMIT_ENV, STALE_AFTER, store_root

MB = 1024 * 1024


# --- making files ------------------------------------------------------------------------------

def make_pdf(*lines: str) -> bytes:
    """A minimal one-page PDF with these lines in Helvetica (Latin-1 text), correct xref offsets."""
    text = b" ".join(b"(" + line.encode("latin-1") + b") Tj 0 -20 Td" for line in lines)
    content = b"BT /F1 14 Tf 72 720 Td " + text + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_docx(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + text + '</w:t></w:r></w:p></w:body>'
            '</w:document>'))
    return buffer.getvalue()


def make_odt(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
            'opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            '<office:body><office:text><text:p>' + text.replace(" ", "<text:s/>", 1) +
            '</text:p></office:text></office:body></office:document-content>'))
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def add_agreement(desk: Desk, key: str = "rochester-1973", partner: str = "rochester") -> None:
    if desk.partners.find(partner) is None:
        desk.partners.create({"key": partner, "name": partner.title(), "country": "US"})
    desk.agreements.create({"key": key, "partner": partner, "kind": "twin_city_agreement",
                            "title": "Umowa o współpracy " + key})


def stored_files(desk: Desk) -> list[Path]:
    return list(desk.document_store.files())


def every_file(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


# --- attaching, opening, verifying ----------------------------------------------------------------

def test_attached_pdf_is_kept_read_only_under_its_hash(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    source = write(tmp_path, "Umowa Rochester 1973.pdf", make_pdf("Twin city agreement"))
    info = desk.documents.attach("agreement", "rochester-1973", source)
    assert (info.original_name, info.media_type, info.size_bytes, info.has_text) == (
        "Umowa Rochester 1973.pdf", "application/pdf", source.stat().st_size, True)
    assert (info.kind, info.key, info.type_name) == ("agreement", "rochester-1973", "PDF")
    path = desk.documents.open_path(info.id)
    assert path == desk.document_store.root / info.sha256[:2] / f"{info.sha256}.pdf"
    assert path.read_bytes() == source.read_bytes()
    assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert [d.id for d in desk.documents.of("agreement", "rochester-1973")] == [info.id]
    assert "Twin city agreement" in desk.documents.text(info.id)
    assert list(desk.document_store.root.glob(INCOMING + "*")) == []


def test_altered_file_is_detected_on_open_and_by_check(desk: Desk, tmp_path: Path) -> None:
    i18n.set_language("en")
    add_agreement(desk)
    info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "scan.pdf", make_pdf("A")))
    path = desk.documents.open_path(info.id)
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01   # same size, one bit different
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentAltered) as caught:
        desk.documents.open_path(info.id)
    assert "'scan.pdf'" in caught.value.message and "agreement 'rochester-1973'" in caught.value.message
    assert "altered" in caught.value.message
    report = check_documents(desk)
    assert [d.id for d in report.altered] == [info.id] and not report.missing and not report.ok
    assert report.problems() == ["altered: 'scan.pdf' (agreement 'rochester-1973')"]


def test_missing_file_is_reported_by_name(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "umowa.pdf", make_pdf("B")))
    path = desk.documents.open_path(info.id)
    path.unlink()
    with pytest.raises(DocumentMissing) as caught:
        desk.documents.open_path(info.id)
    # Polish by default: the document, its record and where the file should be.
    assert caught.value.message.startswith("brak pliku dokumentu 'umowa.pdf' (umowa 'rochester-1973')")
    assert str(path) in caught.value.message
    report = desk.documents.check()
    assert [d.id for d in report.missing] == [info.id] and report.orphans == []


HOSTILE = ["../../etc/passwd", "/etc/passwd", "..\\..\\Windows\\win.ini", "C:\\Users\\x\\umowa.pdf",
           "scan\x00.pdf", "dir/sub/name.pdf", "..", "", "\u202efdp.exe", "x" * 5000 + ".pdf",
           "~/.bashrc", "$(rm -rf ~).pdf"]


def test_hostile_names_never_place_anything_outside_the_store(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    root = desk.document_store.root
    watched = [tmp_path, Path(os.environ["KRAKOW_DESK_HOME"]), root.parent]   # the store is in one of them
    source = tmp_path / "sources"
    source.mkdir()
    before = set().union(*(every_file(folder) for folder in watched))
    shown = []
    for number, name in enumerate(HOSTILE):
        path = write(source, f"file{number}", make_pdf(f"hostile {number}"))
        info = desk.documents.attach("agreement", "rochester-1973", path, name=name)
        shown.append(info.original_name)
        assert desk.documents.open_path(info.id).parent.parent == root
    after = set().union(*(every_file(folder) for folder in watched))
    new = after - before - {source / f"file{n}" for n in range(len(HOSTILE))}
    assert new and all(path.is_relative_to(root) for path in new)
    assert {path.name[:64] for path in new} == {d.sha256 for d in desk.documents.of("agreement", "rochester-1973")}
    for name in shown:
        assert name and "/" not in name and "\\" not in name and "\x00" not in name and len(name) <= 255
    assert shown[:4] == ["passwd", "passwd", "win.ini", "umowa.pdf"]
    assert shown[4] == "scan.pdf" and shown[8] == "fdp.exe" and shown[9].endswith("x.pdf")
    assert clean_name("..") == clean_name("") == "dokument"


def test_a_tampered_row_cannot_make_a_path(desk: Desk) -> None:
    with pytest.raises(ValueError):
        desk.document_store.path_of("../../etc/passwd", "application/pdf")


def test_orphans_are_reported_and_work_in_progress_is_not(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "a.pdf", make_pdf("C")))
    root = desk.document_store.root
    (root / "ab").mkdir(exist_ok=True)
    stray = write(root / "ab", "stray.pdf", b"%PDF-1.4 left behind")
    stale = write(root, INCOMING + "old.part", b"half")
    os.utime(stale, (time.time() - STALE_AFTER - 60,) * 2)
    write(root, INCOMING + "now.part", b"being copied")
    report = desk.documents.check()
    assert report.checked == 1 and report.orphans == sorted([stray, stale])
    assert not report.missing and not report.altered
    assert desk.documents.open_path(info.id).exists()


def test_identical_content_is_stored_once_and_removed_when_unused(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk, "rochester-1973")
    add_agreement(desk, "rochester-1998")
    data = make_pdf("same content")
    first = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "one.pdf", data))
    second = desk.documents.attach("agreement", "rochester-1998", write(tmp_path, "two.pdf", data))
    assert first.sha256 == second.sha256 and len(stored_files(desk)) == 1
    with pytest.raises(DocumentError, match="one.pdf"):   # the same file twice on one record
        desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "again.pdf", data))
    changes = desk.documents.remove(first.id)
    assert changes.deleted == (("document", str(first.id)),)
    assert changes.updated == (("agreement", "rochester-1973"),)
    assert desk.documents.open_path(second.id).read_bytes() == data
    desk.documents.remove(second.id)
    assert stored_files(desk) == []
    with pytest.raises(NotFound):
        desk.documents.open_path(second.id)


def test_deleting_an_agreement_with_documents_is_refused(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "a.pdf", make_pdf("D")))
    with pytest.raises(InUse) as caught:
        desk.agreements.delete("rochester-1973")
    assert caught.value.message == ("nie można usunąć: umowa 'rochester-1973' — zależą od tego rekordy "
                                    "(1 × dokument)")
    i18n.set_language("en")
    with pytest.raises(InUse, match=r"records depend on it \(1 × document\)"):
        desk.agreements.delete("rochester-1973")
    assert desk.agreements.dependents("rochester-1973") == {"document": 1}
    desk.documents.remove(info.id)
    desk.agreements.delete("rochester-1973")
    assert desk.agreements.find("rochester-1973") is None


def test_attaching_to_a_missing_record_copies_nothing(desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        desk.documents.attach("agreement", "nowhere", write(tmp_path, "a.pdf", make_pdf("E")))
    with pytest.raises(DocumentError):
        desk.documents.attach("partner", "rochester", write(tmp_path, "b.pdf", make_pdf("F")))
    assert stored_files(desk) == []


# --- search ------------------------------------------------------------------------------------

def test_words_only_in_an_attached_pdf_find_the_agreement(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    add_agreement(desk, "goteborg-1990", "goteborg")
    assert desk.search("zwierzchnictwo") == []
    info = desk.documents.attach("agreement", "rochester-1973", write(
        tmp_path, "a.pdf", make_pdf("Article 7: Zwierzchnictwo over the Hudson", "Xylophone clause")))
    assert [(hit.kind, hit.id) for hit in desk.search("zwierzchnictwo")] == [("agreement", "rochester-1973")]
    assert [hit.id for hit in desk.search("xylo hudson")] == ["rochester-1973"]
    # Editing the agreement re-indexes it with its documents' words.
    record = desk.agreements.get("rochester-1973")
    desk.agreements.update("rochester-1973", record.model_copy(update={"title": "Umowa zmieniona"}))
    assert [hit.id for hit in desk.search("xylophone")] == ["rochester-1973"]
    desk.documents.remove(info.id)
    assert desk.search("xylophone") == []


def test_docx_odt_and_text_are_read_for_search(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    docx = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "a.docx", make_docx("Łańcuchowy")))
    odt = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "b.odt", make_odt("Grün Brücke")))
    text = desk.documents.attach("agreement", "rochester-1973",
                                 write(tmp_path, "c.txt", "Protokół z Krakowa".encode("cp1250")))
    assert (docx.type_name, odt.type_name, text.type_name) == ("DOCX", "ODT", "TXT")
    assert desk.documents.text(odt.id) == "Grün Brücke" and desk.documents.text(text.id) == "Protokół z Krakowa"
    for word in ("lancuchowy", "brucke", "protokol"):
        assert [hit.id for hit in desk.search(word)] == ["rochester-1973"], word


def test_damaged_and_encrypted_pdfs_are_kept_without_text(desk: Desk, tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    add_agreement(desk)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("secret words"))))
    writer.encrypt("password", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    for name, data in (("locked.pdf", locked.getvalue()), ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Kids [")):
        info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, name, data))
        assert not info.has_text and desk.documents.text(info.id) is None
    assert desk.search("secret") == []


# --- what is refused ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, expected", [
    ("setup.exe", b"MZ\x90\x00" + b"\x00" * 100, "only PDF, DOCX, ODT, JPEG, PNG, TIFF and plain-text"),
    ("notes.txt", b"\x00\x01\x02binary", "only PDF"),
    ("umowa.pdf", PNG, "its name says PDF, but it holds a PNG file"),
    ("scan.jpg", make_pdf("x"), "its name says JPEG, but it holds a PDF file"),
    ("empty.pdf", b"", "the file is empty"),
    ("archive.zip", make_docx("x")[:40], "only PDF"),
])
def test_unacceptable_files_are_refused_clearly(desk: Desk, tmp_path: Path, name: str, data: bytes,
                                                expected: str) -> None:
    i18n.set_language("en")
    add_agreement(desk)
    with pytest.raises(DocumentError) as caught:
        desk.documents.attach("agreement", "rochester-1973", write(tmp_path, name, data))
    assert caught.value.message.startswith(f"'{name}' cannot be attached: ") and expected in caught.value.message
    assert stored_files(desk) == []


def test_images_named_loosely_are_accepted(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    info = desk.documents.attach("agreement", "rochester-1973", write(tmp_path, "photo.jpg", PNG))
    assert info.media_type == "image/png" and desk.documents.open_path(info.id).suffix == ".png"


def test_files_over_the_limit_are_refused(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.set_language("en")
    monkeypatch.setenv(LIMIT_ENV, "1")
    add_agreement(desk)
    big = tmp_path / "big.tif"
    with open(big, "wb") as handle:
        handle.write(b"II*\x00")
        handle.truncate(MB + 1)
    with pytest.raises(DocumentError, match=r"'big.tif' cannot be attached: it is 1.0\xa0MB, more than "
                                            r"the limit of 1.0\xa0MB"):
        desk.documents.attach("agreement", "rochester-1973", big)
    assert stored_files(desk) == []


# --- large files -----------------------------------------------------------------------------------

def sparse_tiff(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.write(b"II*\x00")
        handle.truncate(size)
    return path


def test_a_100_mb_file_reports_progress_and_cancelling_leaves_nothing(desk: Desk, tmp_path: Path) -> None:
    add_agreement(desk)
    big = sparse_tiff(tmp_path / "plan miasta.tif", 100 * MB)
    seen: list[tuple[int, int]] = []
    started = time.perf_counter()
    info = desk.documents.attach("agreement", "rochester-1973", big, progress=lambda d, t: seen.append((d, t)))
    elapsed = time.perf_counter() - started
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] == 0 and seen[-1] == (100 * MB, 100 * MB) and len(seen) > 50
    assert {t for _, t in seen} == {100 * MB} and info.size_bytes == 100 * MB
    assert elapsed < 30
    desk.documents.remove(info.id)
    assert stored_files(desk) == []

    progress: list[int] = []
    with pytest.raises(CancelledByUser):
        desk.documents.attach("agreement", "rochester-1973", big, progress=lambda d, t: progress.append(d),
                              cancelled=lambda: bool(progress) and progress[-1] >= 30 * MB)
    assert 30 * MB <= progress[-1] < 100 * MB
    assert stored_files(desk) == [] and desk.documents.of("agreement", "rochester-1973") == []


# --- where the store is ---------------------------------------------------------------------------

def test_the_store_sits_beside_a_sqlite_file_unless_told(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert store_root(f"sqlite:///{tmp_path}/office.sqlite3") == tmp_path / "office.sqlite3-documents"
    home = Path(os.environ["KRAKOW_DESK_HOME"])
    assert store_root("postgresql+psycopg://u@server/krakow") == home / "documents"
    monkeypatch.setenv(DOCUMENTS_ENV, str(tmp_path / "shared"))
    assert store_root(f"sqlite:///{tmp_path}/office.sqlite3") == tmp_path / "shared"
    assert store_root("postgresql+psycopg://u@server/krakow") == tmp_path / "shared"


# --- the panel ------------------------------------------------------------------------------------

@pytest.fixture
def panel(desk: Desk, qtbot: Any) -> Any:
    pytest.importorskip("PySide6")
    from krakow_desk.ui.documents import DocumentsPanel
    add_agreement(desk)
    widget = DocumentsPanel(desk, "agreement")
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.sig_loaded, timeout=10000):
        widget.show_record("rochester-1973")
    return widget


def test_panel_attaches_through_the_file_dialog_and_shows_the_row(
        panel: Any, desk: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    source = write(tmp_path, "Umowa z Rochester.pdf", make_pdf("Rochester"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(source)], ""))
    assert panel.tree.isHidden() and "Nie dołączono" in panel.empty.text()
    assert panel.attach_button.isEnabled() and not panel.open_button.isEnabled()
    with qtbot.waitSignal(panel.sig_changed, timeout=10000) as changed:
        panel.attach_button.click()
    assert changed.args[0].updated == (("agreement", "rochester-1973"),)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=10000)
    row = panel.tree.topLevelItem(0)
    assert [row.text(column) for column in range(3)] == [
        "Umowa z Rochester.pdf", "PDF", f"{source.stat().st_size}\xa0B"]
    assert panel.selected().original_name == "Umowa z Rochester.pdf" and panel.open_button.isEnabled()

    opened: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    panel.open_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert Path(opened[0].toLocalFile()).is_relative_to(desk.document_store.root)

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(panel.sig_changed, timeout=10000):
        panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 0, timeout=10000)
    assert stored_files(desk) == []


def test_panel_reports_refused_files_and_cancels_large_ones(
        panel: Any, desk: Desk, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    good = write(tmp_path, "dobry.pdf", make_pdf("ok"))
    bad = write(tmp_path, "zly.exe", b"MZ" + b"\x00" * 50)
    with qtbot.waitSignal(panel.sig_changed, timeout=10000):
        panel.attach_paths([str(bad), str(good)])
    qtbot.waitUntil(lambda: not panel.busy and panel.tree.topLevelItemCount() == 1, timeout=10000)
    assert len(warnings) == 1 and warnings[0].startswith("nie można dołączyć 'zly.exe'")

    big = sparse_tiff(tmp_path / "duzy.tif", 100 * MB)
    panel.attach_paths([str(big)])
    assert panel.busy and not panel.attach_button.isEnabled()
    panel.cancel_attaching()
    qtbot.waitUntil(lambda: not panel.busy, timeout=20000)
    assert len(warnings) == 1   # cancelling is not an error
    assert [d.original_name for d in desk.documents.of("agreement", "rochester-1973")] == ["dobry.pdf"]
    assert len(stored_files(desk)) == 1


def test_panel_without_a_record_offers_nothing(panel: Any, qtbot: Any) -> None:
    with qtbot.waitSignal(panel.sig_loaded, timeout=10000):
        panel.show_record(None)
    assert not panel.attach_button.isEnabled() and panel.documents() == []
    assert panel.empty.text() == "Wybierz rekord, aby zobaczyć jego dokumenty."
