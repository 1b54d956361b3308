"""The main window on Krakow's data, headless."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from krakow_desk.services.desk import Desk  # noqa: E402
from krakow_desk.ui.main_window import MainWindow  # noqa: E402
from krakow_desk.ui.partner_model import (  # noqa: E402
    COL_CATEGORY, COL_COUNTRY, COL_NAME, COL_NATIVE, COL_STATUS, KEY_ROLE, PartnerTableModel,
)


def test_partner_model_passes_the_model_tester(krakow: Desk, qtmodeltester) -> None:  # noqa: ANN001
    model = PartnerTableModel()
    model.set_partners(krakow.partners.all())
    qtmodeltester.check(model)


def test_window_lists_every_partner_in_polish(krakow: Desk, qtbot) -> None:  # noqa: ANN001
    window = MainWindow(krakow)
    qtbot.addWidget(window)
    window.show()
    proxy = window.proxy
    assert proxy.rowCount() == 37
    names = [proxy.index(row, COL_NAME).data() for row in range(proxy.rowCount())]
    assert (names[0], names[-1]) == ("Bordeaux", "Zagrzeb")  # sorted by name
    row = names.index("Kijów")
    assert proxy.index(row, COL_NATIVE).data() == "Київ"
    assert proxy.index(row, COL_CATEGORY).data() == "miasto bliźniacze"
    assert proxy.index(row, COL_STATUS).data() == "aktywna"
    assert proxy.index(row, COL_COUNTRY).data() == "Ukraina"
    assert proxy.index(names.index("Nankin"), COL_CATEGORY).data() == "nie określono"
    assert proxy.index(row, COL_NAME).data(KEY_ROLE) == "kyiv"
    assert proxy.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Nazwa"
    assert "37 partnerów" in window.statusBar().currentMessage()


def test_window_speaks_english_when_asked(krakow: Desk, qtbot) -> None:  # noqa: ANN001
    from krakow_desk import i18n
    i18n.set_language("en")
    window = MainWindow(krakow)
    qtbot.addWidget(window)
    assert window.proxy.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert window.windowTitle().startswith("Krakow Desk")
    assert "37 partners" in window.statusBar().currentMessage()
