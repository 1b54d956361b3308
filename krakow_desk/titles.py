"""How a record is named for people: one place, shared by the window, search, the agenda, the
command line and the reports."""

from datetime import date
from typing import Any, Optional

from krakow_desk.domain import schema as s
from krakow_desk.domain.enums import AgreementKind, Precision
from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.i18n import language
from krakow_desk.labels import label


ERASED_NAME = "[erased]"   # the family name a person keeps once their personal data is erased


def is_erased(person: Any) -> bool:
    return getattr(person, "erased_on", None) is not None or getattr(person, "family_name", None) == ERASED_NAME


def person_name(person: Any) -> str:
    """'dr Maria Przeździecka' — the title only where recorded; 'Erased person' once erased."""
    if is_erased(person):
        from krakow_desk.i18n import _
        return _("Erased person")
    parts = [getattr(person, "title", None), getattr(person, "given_name", None), person.family_name]
    return " ".join(part for part in parts if part)


def partner_name(partner: Any) -> str:
    """The name to show in the current language: the English one, where known, in English.

    Takes anything with ``name`` and ``name_en``: a partner, a search hit's or an agenda item's
    partner reference."""
    if partner is None:
        return ""
    if language() == "en" and partner.name_en:
        return partner.name_en
    return partner.name


def partner_other_name(partner: s.PartnerData) -> str:
    """The name in the other language (Polish in English, English in Polish)."""
    return (partner.name if language() == "en" else partner.name_en) or ""


def untitled_agreement(kind: AgreementKind | str, signed: Optional[FuzzyDate]) -> str:
    """An agreement the sources give no title: its kind and date, 'Memorandum, 2004-05'."""
    name = label(AgreementKind(kind))
    name = name[:1].upper() + name[1:]
    return f"{name}, {signed.iso()}" if signed else name


def agreement_title(agreement: s.AgreementData) -> str:
    if agreement.title:
        return " ".join(agreement.title.split())
    return untitled_agreement(agreement.kind, agreement.signed_on)


def untitled_agreement_from_row(kind: str, signed_on: Optional[date], precision: Optional[str]) -> str:
    """The same, from the columns of a stored row."""
    signed = FuzzyDate(signed_on, Precision(precision or Precision.DAY)) if signed_on else None
    return untitled_agreement(kind, signed)


def agreement_standing(agreement: s.AgreementData, status: Any) -> str:
    """'Umowa o współpracy (12 grudnia 1976) — nie wiadomo, czy obowiązuje': the title, the date
    of signing and, unless it is in force, where it stands."""
    from krakow_desk.domain.enums import AgreementState
    from krakow_desk.formatting import format_date
    text = agreement_title(agreement)
    if agreement.signed_on:
        text += f" ({format_date(agreement.signed_on)})"
    return text if status is AgreementState.IN_FORCE else f"{text} — {label(status)}"


def term_text(a: s.AgreementData, notice: bool = False) -> str:
    """'2020-01-01 – 2024-12-31, 60 months, renews automatically' (and the notice period, where the
    reader sees it nowhere else)."""
    from krakow_desk.formatting import format_short_date
    from krakow_desk.i18n import _, ngettext
    if a.indefinite:
        return _("indefinite")
    parts = []
    if a.term_start or a.term_end:
        parts.append(" – ".join(format_short_date(day) if day else "…" for day in (a.term_start, a.term_end)))
    if a.term_months:
        parts.append(ngettext("{n} month", "{n} months", a.term_months).format(n=a.term_months))
    if a.auto_renews:
        parts.append(_("renews automatically"))
    if notice and a.notice_months:
        parts.append(ngettext("notice {n} month", "notice {n} months", a.notice_months).format(n=a.notice_months))
    return ", ".join(parts)
