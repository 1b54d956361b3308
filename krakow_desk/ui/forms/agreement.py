"""The agreement form: what was signed, by whom, for how long, and which document it follows."""

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from krakow_desk.domain.enums import AgreementKind, AgreementRelation, Domain
from krakow_desk.i18n import _
from krakow_desk.titles import agreement_title
from krakow_desk.ui.forms.base import RecordForm
from krakow_desk.ui.forms.editors import (
    CheckField, CheckGrid, ChoiceField, DateField, LineField, NumberField, SearchField, TextArea,
)
from krakow_desk.ui.forms.layout import add_row, form_layout, scroll_page
from krakow_desk.ui.forms.person import partner_items


class AgreementForm(RecordForm):
    kind, collection = "agreement", "agreements"
    preferred = (760, 620)

    def new_title(self) -> str:
        return _("New agreement")

    def edit_title(self, title: str) -> str:
        return _("Agreement — {title}").format(title=title)

    def key_source(self) -> str:
        # Keys in Krakow's data read "rochester-1973-07-18-cooperation-agreement".
        partner = self.editors["partner"].value() or ""
        signed = self.editors["signed_on"].text().strip()
        kind = self.editors["kind"].value()
        return " ".join(part for part in (partner, signed, str(kind or "")) if part)

    def build(self, layout: QVBoxLayout) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll_page(self._document()), _("&Document"))
        self.tabs.addTab(scroll_page(self._term()), _("&Term and notice"))
        self.tabs.addTab(scroll_page(self._scope()), _("&Scope and notes"))
        layout.addWidget(self.tabs)
        # The key follows partner, date and kind while it has not been typed by hand.
        self.follow_name(self.editors["signed_on"], self.editors["partner"])
        self.editors["kind"].currentIndexChanged.connect(self._name_edited)
        self.editors["partner"].currentIndexChanged.connect(self._name_edited)

    def _document(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Partner:"), self.field("partner", SearchField(partner_items(self.desk), optional=False)))
        add_row(form, _("Kind:"), self.field("kind", ChoiceField(AgreementKind)))
        add_row(form, _("Title:"), self.field("title", TextArea(lines=2)))
        add_row(form, _("Signed on:"), self.field(
            "signed_on", DateField(), _("YYYY-MM-DD; YYYY-MM or YYYY where the sources say no more")))
        add_row(form, _("Krakow's side:"), self.field("party_krakow", LineField(), _("e.g. the City Council")))
        add_row(form, _("Partner's side:"), self.field("party_partner", LineField()))
        add_row(form, _("Signed for Krakow by:"), self.field("signatory_krakow", LineField()))
        add_row(form, _("Signed for the partner by:"), self.field("signatory_partner", LineField()))
        add_row(form, _("Relation:"), self.field(
            "relation", ChoiceField(AgreementRelation, optional=True),
            _("How this document stands to an earlier one")))
        others = [(a.key, f"{a.partner}: {agreement_title(a)}") for a in self.desk.agreements.all()
                  if a.key != self.key]
        add_row(form, _("Earlier document:"), self.field("related", SearchField(others)))
        return page

    def _term(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        add_row(form, _("Term starts:"), self.field("term_start", DateField(partial=False)))
        add_row(form, _("Term ends:"), self.field(
            "term_end", DateField(partial=False), _("Leave empty when the term is given in months")))
        add_row(form, _("Term (months):"), self.field("term_months", NumberField(whole=True)))
        add_row(form, "", self.field("indefinite", CheckField(_("Concluded for an indefinite period"))))
        add_row(form, "", self.field("auto_renews", CheckField(_("Renews automatically unless notice is given"))))
        add_row(form, _("Renewal period (months):"), self.field(
            "renewal_months", NumberField(whole=True), _("Empty: each renewal is as long as the first term")))
        add_row(form, _("Notice (months before the end):"), self.field("notice_months", NumberField(whole=True)))
        add_row(form, _("Terminated on:"), self.field("terminated_on", DateField(partial=False)))
        return page

    def _scope(self) -> QWidget:
        page = QWidget()
        form = form_layout(page)
        domains = CheckGrid(Domain)
        add_row(form, _("Scope (domains):"), self.field("domains", domains), next(iter(domains.boxes.values())))
        add_row(form, _("Notes:"), self.field("notes", TextArea(lines=6, grow=True)))
        add_row(form, _("Key:"), self.key_box())
        return page
