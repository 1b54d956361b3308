"""The main window. For now: the partner registry; later issues add the other sections."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView

from krakow_desk.i18n import _, ngettext
from krakow_desk.services.desk import Desk
from krakow_desk.ui.partner_model import COL_NAME, PartnerTableModel


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.setWindowTitle(_("Krakow Desk — international relations office"))
        self.model = PartnerTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)
        self.database_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.database_label)
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        partners = self.desk.partners.all()
        self.model.set_partners(partners)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.statusBar().showMessage(ngettext("{n} partner", "{n} partners", len(partners)).format(n=len(partners)))
        self.database_label.setText(_("Database: {url}").format(url=self.desk.url))
