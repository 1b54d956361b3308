"""How a record is named for people: one place, shared by the window, search and the reports."""

from typing import Optional

from krakow_desk.domain import schema as s
from krakow_desk.formatting import format_date
from krakow_desk.i18n import _, language
from krakow_desk.labels import label


def person_name(person: s.PersonData) -> str:
    """'dr Maria Przeździecka' — honorific and title only where recorded."""
    parts = [person.title, person.given_name, person.family_name]
    return " ".join(part for part in parts if part)


def partner_name(partner: Optional[s.PartnerData]) -> str:
    """The name to show in the current language: English where known when the interface is English."""
    if partner is None:
        return ""
    if language() == "en" and partner.name_en:
        return partner.name_en
    return partner.name


def partner_other_name(partner: s.PartnerData) -> str:
    """The name in the other language (Polish in English, English in Polish)."""
    return (partner.name if language() == "en" else partner.name_en) or ""


def agreement_title(agreement: s.AgreementData) -> str:
    if agreement.title:
        return agreement.title
    when = format_date(agreement.signed_on) if agreement.signed_on else _("undated")
    return f"{label(agreement.kind)} ({when})"


def membership_title(membership: s.MembershipData, organisation: Optional[s.OrganisationData]) -> str:
    name = organisation.name if organisation else membership.organisation
    return _("Membership in {organisation}").format(organisation=name)
