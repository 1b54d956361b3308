"""The window's timings, in a process of their own (bench_all.py starts it; not part of the test run).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/window_probe.py MODE [DATABASE]

MODE:
- ``bare``: a bare QMainWindow shown and painted, then quit — the floor for a cold start;
- ``cold``: the application as ``krakow-desk`` starts it (ui.app.run), quit as soon as the page
  it opens on has its data and is painted; the caller times the whole process;
- ``lists``: prints JSON: each section's first paint (from choosing it to its records painted),
  filtering each list, opening partner pages, and the memory held once every list is loaded.
"""

import json
import os
import statistics
import sys
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

BARE_SIZE = (1280, 760)


def bare() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*BARE_SIZE)
    window.show()
    window.repaint()
    QTimer.singleShot(0, app.quit)
    return app.exec()


def _wait(signal, seconds: float = 120.0) -> None:  # noqa: ANN001
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def cold(db: str) -> int:
    from krakow_desk.ui.app import make_application, run
    from krakow_desk.ui.main_window import MainWindow

    app = make_application()

    def watch() -> None:
        window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
        if window is None:
            QTimer.singleShot(5, watch)
            return
        page = window.current_page()
        if getattr(page, "_loaded", True):
            window.repaint()
            app.quit()
        else:
            page.sig_loaded.connect(lambda: (window.repaint(), app.quit()))
    QTimer.singleShot(0, watch)
    return run(db, "pl")


def lists(db: str) -> dict:
    import psutil

    from krakow_desk.services.desk import Desk
    from krakow_desk.ui.app import make_application
    from krakow_desk.ui.main_window import MainWindow
    from krakow_desk.ui.pages import SECTIONS
    from krakow_desk.ui.pages.list_page import ListPage

    app = make_application()
    result: dict = {"first_paint_ms": {}, "filter_ms": {}, "rows": {}}
    with Desk.open(db) as desk:
        window = MainWindow(desk)
        window.show()
        app.processEvents()
        for entry in SECTIONS:
            page = window.pages[entry.id]
            if not hasattr(page, "sig_loaded") or entry.id == "agenda" and page._loaded:
                continue
            started = time.perf_counter()
            window.show_section(entry.id)
            if not page._loaded:
                _wait(page.sig_loaded)
            page.repaint()
            result["first_paint_ms"][entry.id] = (time.perf_counter() - started) * 1000
            if isinstance(page, ListPage):
                result["rows"][entry.id] = page.model.total
                result["filter_ms"][entry.id] = _filter_times(app, page)
        result["rss_mb"] = psutil.Process().memory_info().rss / 2**20
        result["partner_page_ms"] = _partner_pages(app, window)
        window.close()
    import resource
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _filter_times(app: QApplication, page) -> list[float]:  # noqa: ANN001
    """Typing a word into the filter box, as the filter timer would apply it: a prefix of a word
    in the first row, then the whole word, then clearing it."""
    from krakow_desk.domain.text import fold
    if not page.model.rowCount():
        return []
    words = [w for w in fold(page.search_text(page.model.record(0))).split() if len(w) >= 3] or ["a"]
    times = []
    for text in (words[0][:2], words[0], words[-1], ""):
        page.filter_edit.blockSignals(True)
        page.filter_edit.setText(text)
        page.filter_edit.blockSignals(False)
        started = time.perf_counter()
        page.apply_filters()
        page.repaint()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _partner_pages(app: QApplication, window) -> list[float]:  # noqa: ANN001
    """Choosing a partner in the list until its page (all tabs) is painted."""
    page = window.show_section("partners")
    keys = [k for k in ("kyiv", "demo-500", "demo-5", "nuremberg", "demo-999", "demo-50")
            if page.model.row_of(k) >= 0]
    times = []
    for key in keys + keys:
        started = time.perf_counter()
        page.select_key(key)
        page.repaint()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        return bare()
    if mode == "cold":
        return cold(sys.argv[2])
    if mode == "lists":
        print(json.dumps(lists(sys.argv[2])))
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
