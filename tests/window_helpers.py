"""What the window tests share: opening a section and waiting for its records, answering message
boxes, acting on a modal dialog once it is up, saving a form.

A plain module beside conftest.py: pytest puts this folder on sys.path for the test files in it
(tests is not a package), so they import it as ``from window_helpers import ...``.
"""

from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox  # noqa: E402

from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.main_window import MainWindow  # noqa: E402

Button = QMessageBox.StandardButton


def answer(monkeypatch: pytest.MonkeyPatch, method: str, button: Any) -> list[str]:
    """Make QMessageBox.<method> answer ``button``; returns the texts it was asked to show."""
    asked: list[str] = []

    def fake(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return button
    monkeypatch.setattr(QMessageBox, method, staticmethod(fake))
    return asked


@pytest.fixture(autouse=True)
def no_real_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Autouse in every test file that imports it: a real modal box would wait for a click for
    ever (closing a changed form at teardown asks). A test that cares calls ``answer`` itself."""
    answer(monkeypatch, "question", Button.Discard)
    answer(monkeypatch, "warning", Button.Ok)
    answer(monkeypatch, "information", Button.Ok)


def open_page(desk: Desk, qtbot: Any, section: str) -> tuple[MainWindow, Any]:
    """The main window on ``section``, once the section's records are in its list."""
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    return window, show_loaded(window, qtbot, section)


def show_loaded(window: MainWindow, qtbot: Any, section: str) -> Any:
    """Switch ``window`` to ``section``; its page, once the records are in its list."""
    page = window.show_section(section)
    if hasattr(page, "sig_loaded") and not page._loaded:
        with qtbot.waitSignal(page.sig_loaded, timeout=10000):
            pass
    return page


def when_dialog_opens(act: Any) -> None:
    """Run ``act(dialog)`` as soon as the modal dialog that is about to open is up."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            act(dialog)
        except BaseException:
            dialog.done(0)     # a failed check must not leave a modal dialog waiting for ever
            raise
    QTimer.singleShot(0, poll)


def reloaded(qtbot: Any, page: Any, action: Any) -> None:
    """Run ``action`` and wait until the page has loaded its records again."""
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        action()


def keys(page: Any) -> list[str]:
    """The keys of the records the page lists, in the list's order."""
    return [page.model.record(row).key for row in range(page.model.rowCount())]


def save(form: Any) -> None:
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
