"""The partner list as a Qt table model over the services' read models."""

from datetime import date
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from krakow_desk.domain.records import StatusPeriod, status_on
from krakow_desk.domain.schema import PartnerData
from krakow_desk.i18n import N_, _
from krakow_desk.labels import country_name, label

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_NAME_EN, COL_NATIVE, COL_COUNTRY, COL_CATEGORY, COL_STATUS = range(6)
HEADERS = (N_("Name"), N_("English name"), N_("Native name"), N_("Country"), N_("Category"), N_("Status"))
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnerTableModel(QAbstractTableModel):
    def __init__(self, parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self._partners: list[PartnerData] = []

    def set_partners(self, partners: list[PartnerData]) -> None:
        self.beginResetModel()
        self._partners = list(partners)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._partners)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._partners)):
            return None
        partner = self._partners[index.row()]
        if role == KEY_ROLE:
            return partner.key
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_NAME:
            return partner.name
        if column == COL_NAME_EN:
            return partner.name_en or ""
        if column == COL_NATIVE:
            return partner.name_native or ""
        if column == COL_COUNTRY:
            return country_name(partner.country)
        if column == COL_CATEGORY:
            return label(partner.category)
        if column == COL_STATUS:
            return self._status(partner)
        return None

    @staticmethod
    def _status(partner: PartnerData) -> str:
        periods = [StatusPeriod(st.status, st.since, st.until) for st in partner.statuses]
        return label(status_on(periods, date.today()))
