"""The partner registry: the list with its filters, and the partner page as the detail pane."""

from datetime import date
from typing import Any, Callable, Optional, Sequence

from PySide6.QtWidgets import QWidget

from krakow_desk.domain import enums as e
from krakow_desk.domain.continents import Continent, continent_of
from krakow_desk.domain.records import status_on
from krakow_desk.domain.schema import HomeData, PartnerData
from krakow_desk.i18n import N_, _, language, ngettext
from krakow_desk.labels import choices, country_name, label
from krakow_desk.services.desk import Desk
from krakow_desk.services.partner_file import partner_file
from krakow_desk.titles import partner_name, partner_other_name
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage, set_names
from krakow_desk.ui.pages.partner_view import PartnerView
from krakow_desk.ui.table_model import Column

NO_VALUE = "-"   # a filter value meaning 'not stated'


def _status(partner: PartnerData) -> Optional[e.PartnerStatusKind]:
    return status_on(partner.statuses, date.today())


def partner_columns() -> tuple[Column[PartnerData], ...]:
    """The list's columns; the last holds the name in the other language (English in the Polish
    window, Polish in the English one). The window rebuilds its pages when the language changes."""
    return (
        Column(N_("Name"), partner_name),
        Column(N_("Country"), lambda p: country_name(p.country)),
        Column(N_("Category"), lambda p: label(p.category)),
        Column(N_("Status"), lambda p: label(_status(p))),
        Column(N_("Native name"), lambda p: p.name_native or ""),
        Column(N_("Polish name") if language() == "en" else N_("English name"), partner_other_name),
    )


COL_NAME, COL_COUNTRY, COL_CATEGORY, COL_STATUS, COL_NATIVE, COL_OTHER_NAME = range(6)


class PartnersPage(ListPage[PartnerData]):
    kind = "partner"

    def __init__(self, desk: Desk, parent: Optional[QWidget] = None) -> None:
        self._countries: list[str] = []
        self._pending_tab: Optional[tuple[str, str]] = None
        self._home: Optional[HomeData] = None
        super().__init__(desk, parent)
        self.kinds = frozenset({"partner", "agreement", "person", "institution", "visit", "event",
                                "gift", "letter", "task"})
        self.detail.sig_edit.connect(self.edit_selected)
        self.detail.sig_add_person.connect(self._add_contact)
        self.detail.sig_open.connect(self.sig_open.emit)
        self.detail.sig_add_agreement.connect(self._add_agreement)
        self.detail.sig_add_task.connect(self._add_task)
        self.detail.sig_edit_task.connect(lambda key: self._run_form(key, None, "task", self.selected_key()))

    def columns(self) -> Sequence[Column[PartnerData]]:
        return partner_columns()

    def load(self) -> list[PartnerData]:
        # The home city is read with the list, not again on every selection.
        self._home = self.desk.home()
        return self.desk.partners.all()

    def search_text(self, p: PartnerData) -> str:
        return " ".join(filter(None, (p.name, p.name_en, p.name_native, *p.aliases, p.key,
                                      country_name(p.country))))

    def filters(self) -> list[tuple[FilterCombo, Callable[[PartnerData, Any], bool]]]:
        self.category_combo = FilterCombo(_("All categories"), [*choices(e.Category), (NO_VALUE, _("not stated"))])
        self.country_combo = FilterCombo(_("All countries"), [])
        self.continent_combo = FilterCombo(_("All continents"), choices(Continent))
        self.status_combo = FilterCombo(_("Any status"), [*choices(e.PartnerStatusKind), (NO_VALUE, _("not stated"))])
        self.domain_combo = FilterCombo(_("All domains"), choices(e.Domain))
        set_names([(self.category_combo, _("Category")), (self.country_combo, _("Country")),
                   (self.continent_combo, _("Continent")), (self.status_combo, _("Status")),
                   (self.domain_combo, _("Domain"))])
        return [
            (self.category_combo, lambda p, v: (p.category or NO_VALUE) == v),
            (self.country_combo, lambda p, v: p.country == v),
            (self.continent_combo, lambda p, v: continent_of(p.country) == v),
            (self.status_combo, lambda p, v: (_status(p) or NO_VALUE) == v),
            (self.domain_combo, lambda p, v: v in p.domains),
        ]

    def _loaded_records(self, records: list[PartnerData]) -> None:
        # Only countries that occur are offered: a list of 250 for 37 partners helps nobody.
        codes = sorted({p.country for p in records}, key=country_name)
        if codes != self._countries:
            self._countries = codes
            self.country_combo.refill(_("All countries"), [(code, country_name(code)) for code in codes])
        super()._loaded_records(records)
        if self._pending_tab:
            self.detail.show_tab_for(*self._pending_tab)
            self._pending_tab = None

    def make_detail(self) -> PartnerView:
        return PartnerView(self, self.desk)

    def show_detail(self, record: Optional[PartnerData]) -> None:
        if record is None:
            self.detail.show_file(None)
            return
        try:
            self.detail.show_file(partner_file(self.desk, record.key), self._home)
        except Exception as error:  # noqa: BLE001 — shown to the user, the list stays usable
            self.detail.show_file(None)
            self.sig_error.emit(error)

    def count_text(self, n: int) -> str:
        return ngettext("{n} partner", "{n} partners", n).format(n=n)

    def open_record(self, kind: str, key: str) -> bool:
        if kind == "partner":
            return super().open_record(kind, key)
        return False

    def open_partner_tab(self, partner: str, kind: str, key: str) -> None:
        """Open a partner on the tab listing a related record (an agreement, a gift…)."""
        if not self._loaded:
            self._pending_tab = (kind, key)
        super().open_record("partner", partner)
        if self._loaded:
            self.detail.show_tab_for(kind, key)

    def _add_agreement(self) -> None:
        key = self.selected_key()
        if key:
            self._run_form(None, {"partner": key}, "agreement", key)

    def _add_task(self) -> None:
        key = self.selected_key()
        if key:
            self._run_form(None, {"partner": key}, "task", key)

    def _add_contact(self) -> None:
        key = self.selected_key()
        if key:
            self._run_form(None, {"affiliations": [{"partner": key}]}, "person", key)
