"""International organisations and the city's memberships in them."""

from dataclasses import dataclass
from typing import Any, Optional, Sequence

from krakow_desk.domain.schema import MembershipData, OrganisationData
from krakow_desk.formatting import format_money
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.ui.pages.list_page import ListPage
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column


@dataclass(frozen=True)
class OrganisationRow:
    organisation: OrganisationData
    memberships: tuple[MembershipData, ...]

    @property
    def key(self) -> str:
        return self.organisation.key

    @property
    def membership(self) -> Optional[MembershipData]:
        """The current membership, else the latest one."""
        current = [m for m in self.memberships if m.left_year is None]
        return (current or list(self.memberships) or [None])[-1]


def _years(m: Optional[MembershipData]) -> str:
    if m is None:
        return ""
    if m.joined_year and m.left_year:
        return f"{m.joined_year}–{m.left_year}"
    if m.joined_year:
        return _("since {year}").format(year=m.joined_year)
    return _("until {year}").format(year=m.left_year) if m.left_year else _("member")


def _fee(m: Optional[MembershipData]) -> str:
    if m is None or m.fee is None:
        return ""
    return format_money(m.fee, m.fee_currency or "PLN")


COLUMNS = (
    Column(N_("Name"), lambda r: r.organisation.name),
    Column(N_("Acronym"), lambda r: r.organisation.acronym or ""),
    Column(N_("Membership"), lambda r: _years(r.membership),
           sort=lambda r: r.membership.joined_year if r.membership else None),
    Column(N_("Fee"), lambda r: _fee(r.membership), sort=lambda r: r.membership.fee if r.membership else None,
           align_right=True),
)


class OrganisationsPage(ListPage[OrganisationRow]):
    kind = "organisation"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"organisation", "membership"})
        self.add_membership = self.detail.add_button(_("Record a membership…"))
        self.edit_membership = self.detail.add_button(_("Edit the membership…"))
        self.remove_membership = self.detail.add_button(_("Delete the membership…"))
        self.add_membership.clicked.connect(self._new_membership)
        self.edit_membership.clicked.connect(self._edit_membership)
        self.remove_membership.clicked.connect(self._delete_membership)

    def columns(self) -> Sequence[Column[OrganisationRow]]:
        return COLUMNS

    def key_of(self, record: OrganisationRow) -> str:
        return record.organisation.key

    def load(self) -> list[OrganisationRow]:
        memberships: dict[str, list[MembershipData]] = {}
        for m in self.desk.memberships.all():
            memberships.setdefault(m.organisation, []).append(m)
        return [OrganisationRow(o, tuple(sorted(memberships.get(o.key, []), key=lambda m: m.joined_year or 0)))
                for o in self.desk.organisations.all()]

    def search_text(self, r: OrganisationRow) -> str:
        o = r.organisation
        return " ".join(filter(None, (o.name, o.name_en, o.acronym)))

    def make_detail(self) -> RecordDetail:
        return RecordDetail([_("Organisation"), _("Krakow's membership")], self, self.desk, "organisation")

    def show_detail(self, r: Optional[OrganisationRow]) -> None:
        if r is None:
            self.detail.show_nothing()
            return
        o, m = r.organisation, r.membership
        membership_rows = [(_("Membership"), _("not recorded"))] if m is None else [
            (_("Membership"), _years(m)), (_("Fee"), _fee(m)), (_("Fee note"), m.fee_note or ""),
            (_("Coordinating department"), m.coordinating_department or ""),
            (_("Representative"), m.representative or ""), (_("Notes"), m.notes or "")]
        others = [text for text in dict.fromkeys((o.name_en, o.acronym)) if text and text != o.name]
        self.detail.show_record(o.name, " · ".join(others), [
            [(_("Notes"), o.notes or "")], membership_rows], key=o.key)
        self.add_membership.setVisible(m is None)
        self.edit_membership.setVisible(m is not None)
        self.remove_membership.setVisible(m is not None)

    def _membership(self) -> Optional[MembershipData]:
        row = self.selected_record()
        return row.membership if row else None

    def _new_membership(self) -> None:
        row = self.selected_record()
        if row:
            self._run_form(None, {"organisation": row.organisation.key}, "membership", row.organisation.key)

    def _edit_membership(self) -> None:
        m = self._membership()
        if m:
            self._run_form(m.key, None, "membership", self.selected_key())

    def _delete_membership(self) -> None:
        m = self._membership()
        if m:
            from krakow_desk.ui.forms import confirm_delete
            changes = confirm_delete(self.desk, "membership", m.key, self)
            if changes:
                self._after_write(changes)

    def count_text(self, n: int) -> str:
        return ngettext("{n} organisation", "{n} organisations", n).format(n=n)
