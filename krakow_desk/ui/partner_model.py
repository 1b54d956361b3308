"""The partner list as a Qt table model over the services' read models."""

from datetime import date
from typing import Any, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from krakow_desk.domain.records import status_on
from krakow_desk.domain.schema import PartnerData
from krakow_desk.i18n import N_, _
from krakow_desk.labels import country_name, label

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_NAME_EN, COL_NATIVE, COL_COUNTRY, COL_CATEGORY, COL_STATUS = range(6)
HEADERS = (N_("Name"), N_("English name"), N_("Native name"), N_("Country"), N_("Category"), N_("Status"))
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnerTableModel(QAbstractTableModel):
    """Rows are formatted once when the partners are set: data() runs on every paint."""

    def __init__(self, parent: Optional[Any] = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._rows: list[tuple[str, ...]] = []

    def set_partners(self, partners: list[PartnerData], today: Optional[date] = None) -> None:
        day = today or date.today()
        self.beginResetModel()
        self._keys = [p.key for p in partners]
        self._rows = [(p.name, p.name_en or "", p.name_native or "", country_name(p.country),
                       label(p.category), label(status_on(p.statuses, day))) for p in partners]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        return None
