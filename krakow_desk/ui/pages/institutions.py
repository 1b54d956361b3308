"""Institutions: consulates, institutes, chambers, universities, Polonia organisations."""

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from krakow_desk.domain import enums as e
from krakow_desk.domain.schema import InstitutionData
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import choices, country_name, label
from krakow_desk.titles import partner_name
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column


@dataclass(frozen=True)
class InstitutionRow:
    institution: InstitutionData
    partner_name: str

    @property
    def key(self) -> str:
        return self.institution.key


COLUMNS = (
    Column(N_("Name"), lambda r: r.institution.name),
    Column(N_("Kind"), lambda r: label(r.institution.kind)),
    Column(N_("City"), lambda r: r.institution.city or ""),
    Column(N_("Country"), lambda r: country_name(r.institution.country)),
    Column(N_("Partner"), lambda r: r.partner_name),
)


class InstitutionsPage(ListPage[InstitutionRow]):
    kind = "institution"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"institution", "partner"})

    def columns(self) -> Sequence[Column[InstitutionRow]]:
        return COLUMNS

    def key_of(self, record: InstitutionRow) -> str:
        return record.institution.key

    def load(self) -> list[InstitutionRow]:
        partners = {p.key: partner_name(p) for p in self.desk.partners.all()}
        return [InstitutionRow(i, partners.get(i.partner or "", "")) for i in self.desk.institutions.all()]

    def filters(self) -> list[tuple[FilterCombo, Callable[[InstitutionRow, Any], bool]]]:
        self.kind_combo = FilterCombo(_("All kinds"), choices(e.InstitutionKind))
        self.place_combo = FilterCombo(_("In Krakow and abroad"), [(True, _("In Krakow")), (False, _("Abroad"))])
        return [(self.kind_combo, lambda r, v: r.institution.kind == v),
                (self.place_combo, lambda r, v: r.institution.in_krakow == v)]

    def make_detail(self) -> RecordDetail:
        return RecordDetail([_("Institution"), _("Contact")], self, self.desk, "institution")

    def show_detail(self, r: Optional[InstitutionRow]) -> None:
        if r is None:
            self.detail.show_nothing()
            return
        i = r.institution
        place = ", ".join(filter(None, (i.city, country_name(i.country))))
        self.detail.show_record(i.name, i.name_en or "", [
            [(_("Kind"), label(i.kind)), (_("Place"), place), (_("In Krakow"), _("yes") if i.in_krakow else ""),
             (_("Partner"), r.partner_name), (_("Notes"), i.notes or "")],
            [(_("Address"), i.address or ""), (_("Website"), i.website or ""), (_("E-mail"), i.email or ""),
             (_("Phone"), i.phone or "")],
        ], key=i.key)

    def search_text(self, r: InstitutionRow) -> str:
        i = r.institution
        return " ".join(filter(None, (i.name, i.name_en, i.city, r.partner_name, label(i.kind))))

    def count_text(self, n: int) -> str:
        return ngettext("{n} institution", "{n} institutions", n).format(n=n)
