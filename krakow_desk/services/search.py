"""Search across every kind of record: the one search the window and the command line share.

What a person types is folded (case, accents, ł) and cut into words; a record is found when each
word begins a word of one of its names or other searchable fields. Hits come best first: exact
name, then name prefix, then every word in the names, then matches in other fields; partners
before other kinds at equal score. Any text at all is a valid query — it finds records or nothing.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

import sqlalchemy as sa

from krakow_desk.domain import tables as t
from krakow_desk.i18n import _
from krakow_desk.services.errors import DeskError
from krakow_desk.store import search_index, search_query
from krakow_desk.titles import untitled_agreement_from_row

if TYPE_CHECKING:
    from krakow_desk.services.desk import Desk

KINDS = search_index.KINDS


@dataclass(frozen=True)
class PartnerRef:
    """The partner a hit or an agenda item concerns, as a person names it."""
    key: str
    name: str
    name_en: Optional[str]


@dataclass(frozen=True)
class SearchHit:
    """One record found. ``id`` is the record's natural key; ``score`` is higher for better hits."""
    kind: str
    id: str
    title: str
    partner: Optional[PartnerRef]
    score: float

    def as_json(self) -> dict[str, Any]:
        """The documented shape of ``krakow-desk search --json``."""
        partner = {"name": self.partner.name, "name_en": self.partner.name_en} if self.partner else None
        return {"kind": self.kind, "id": self.id, "title": self.title, "partner": partner}


def search(desk: "Desk", text: str, limit: int = 20) -> list[SearchHit]:
    """The records matching ``text``, best first, at most ``limit`` of them."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise DeskError(_("the number of results must be a positive whole number"))
    words = search_index.query_tokens(text if isinstance(text, str) else "")
    if not words:
        return []
    with desk.session() as session:
        connection = session.connection()
        found = search_query.index_for(connection).search(connection, words, limit)
        untitled = _agreement_titles(session, [f.record_id for f in found
                                               if f.kind == "agreement" and not f.title])
    return [SearchHit(
        kind=f.kind, id=f.key, title=f.title or untitled.get(f.record_id, f.key),
        partner=PartnerRef(f.partner_key, f.partner_name, f.partner_name_en) if f.partner_key else None,
        score=f.score) for f in found]


def _agreement_titles(session: Any, ids: list[int]) -> dict[int, str]:
    """An agreement without a title is shown as its kind and date (``titles.untitled_agreement``)."""
    if not ids:
        return {}
    agreement = t.Agreement.__table__
    rows = session.execute(sa.select(agreement.c.id, agreement.c.kind, agreement.c.signed_on,
                                     agreement.c.signed_on_precision).where(agreement.c.id.in_(ids)))
    return {id_: untitled_agreement_from_row(kind, signed_on, precision)
            for id_, kind, signed_on, precision in rows}
