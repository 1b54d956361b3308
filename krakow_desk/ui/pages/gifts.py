"""The gifts register: gifts given and received, their value bands, the register's warnings, the
photo, and the visit at which they were handed over."""

from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from krakow_desk.domain import enums as e
from krakow_desk.domain.enums import ValueBand
from krakow_desk.domain.schema import GiftData
from krakow_desk.formatting import format_date, format_money, format_number
from krakow_desk.i18n import N_, _, ngettext
from krakow_desk.labels import choices, label
from krakow_desk.services.documents import DocumentInfo, open_path
from krakow_desk.services.gifts import band_of, band_text
from krakow_desk.titles import partner_name
from krakow_desk.ui.forms.gift import visit_text, warnings_text
from krakow_desk.ui.pages.events import PARTNER, matches_partner, partner_or_country_items
from krakow_desk.ui.pages.list_page import FilterCombo, ListPage, set_names
from krakow_desk.ui.pages.record_detail import RecordDetail
from krakow_desk.ui.table_model import Column, date_column
from krakow_desk.ui.tasks import run_task
from krakow_desk.ui.widgets import WARNING_STYLE, message_box, section

IMAGE_TYPES = {"image/jpeg", "image/png", "image/tiff"}
THUMBNAIL = 140     # pixels, the longer side


@dataclass(frozen=True)
class GiftRow:
    gift: GiftData
    partner: str                 # the partner's name in the interface's language
    country: Optional[str]
    band: ValueBand
    band_text: str
    visit: str                   # the visit's date and title
    source: str

    @property
    def key(self) -> str:
        return self.gift.key


def quantity_text(gift: GiftData) -> str:
    return format_number(gift.quantity) if gift.quantity is not None else ""


COLUMNS = (
    date_column(N_("Date"), lambda r: r.gift.date),
    Column(N_("Direction"), lambda r: label(r.gift.direction)),
    Column(N_("Partner"), lambda r: r.partner),
    Column(N_("Gift"), lambda r: r.gift.description),
    Column(N_("Category"), lambda r: label(r.gift.category)),
    Column(N_("Quantity"), lambda r: quantity_text(r.gift), sort=lambda r: r.gift.quantity, align_right=True),
    Column(N_("Value"), lambda r: format_money(r.gift.value, r.gift.currency), sort=lambda r: r.gift.value,
           align_right=True),
    Column(N_("Value band"), lambda r: r.band_text, sort=lambda r: list(ValueBand).index(r.band)),
    Column(N_("Given by"), lambda r: r.gift.giver or ""),
    Column(N_("Received by"), lambda r: r.gift.recipient or ""),
    Column(N_("Kept at"), lambda r: r.gift.location or ""),
)


def load_thumbnail(desk: Any, info: DocumentInfo) -> QImage:
    """Runs on a worker thread: the verified file, scaled down (QImage, unlike QPixmap, may be
    made off the GUI thread)."""
    image = QImage(str(open_path(desk, info.id)))
    if image.isNull():
        return image
    return image.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class GiftDetail(QWidget):
    """The selected gift's warnings, facts, photo and documents, and a way to its visit."""

    def __init__(self, page: "GiftsPage") -> None:
        super().__init__(page)
        self.page = page
        self.row: Optional[GiftRow] = None
        self._generation = 0
        self.facts = RecordDetail([_("Gift"), _("Value"), _("Where it is"), _("Notes")], self, page.desk, "gift")
        self.warnings = message_box(WARNING_STYLE, self, selectable=False)
        # Between the heading and the facts: seen before anything else about the gift.
        self.facts.content.layout().insertWidget(2, self.warnings)
        self.visit_button = self.facts.add_button(_("Open the visit"))
        self.visit_button.setToolTip(_("Show the visit at which this gift was handed over"))
        self.visit_button.clicked.connect(self._open_visit)

        from krakow_desk.ui.documents import DocumentsPanel
        self.documents = DocumentsPanel(page.desk, "gift", self)
        self.documents.sig_loaded.connect(self._show_photo)
        self.documents.sig_changed.connect(page.sig_changed.emit)
        self.photo = QLabel(self)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.photo.setFixedWidth(THUMBNAIL + 8)
        self.photo.hide()
        files = QWidget(self)
        row = QHBoxLayout(files)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.documents, 1)
        row.addWidget(self.photo)
        parts = QSplitter(Qt.Orientation.Vertical, self)
        parts.addWidget(self.facts)
        parts.addWidget(section(_("Photo and documents"), files, self))
        parts.setChildrenCollapsible(False)
        parts.setSizes([440, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(parts)

    def show_row(self, row: Optional[GiftRow], warnings: Sequence[Any]) -> None:
        self.row = row
        self.documents.show_record(row.key if row else None)
        self.warnings.setText(warnings_text(warnings))
        self.warnings.setVisible(bool(warnings))
        if row is None:
            self.facts.show_nothing()
            return
        g = row.gift
        self.visit_button.setVisible(g.visit is not None)
        subtitle = " · ".join(x for x in (label(g.direction), row.partner, format_date(g.date)) if x)
        quantity = quantity_text(g)
        self.facts.show_record(g.description, subtitle, [
            [(_("Direction"), label(g.direction)), (_("Date"), format_date(g.date)), (_("Partner"), row.partner),
             (_("Visit"), row.visit), (_("Given by"), g.giver or ""), (_("Received by"), g.recipient or ""),
             (_("Category"), label(g.category)), (_("Quantity"), quantity)],
            [(_("Estimated value"), format_money(g.value, g.currency)),
             (_("Value band"), row.band_text if g.value is not None else "")],
            [(_("Kept at"), g.location or ""), (_("Disposition"), g.disposition or "")],
            [(_("Notes"), g.notes or ""), (_("Source"), row.source)],
        ], key=row.key)

    def _open_visit(self) -> None:
        if self.row is not None and self.row.gift.visit:
            self.page.sig_open.emit("visit", self.row.gift.visit)

    def _show_photo(self) -> None:
        """The first image attached, as a thumbnail beside the list of files."""
        self._generation += 1
        generation = self._generation
        images = [info for info in self.documents.documents() if info.media_type in IMAGE_TYPES]
        if not images:
            self.photo.clear()
            self.photo.hide()
            return
        desk = self.page.desk
        run_task(lambda: load_thumbnail(desk, images[0]), lambda image: self._set_photo(generation, image),
                 lambda _error: self._set_photo(generation, QImage()), owner=self)

    def _set_photo(self, generation: int, image: QImage) -> None:
        if generation != self._generation:
            return
        if image.isNull():       # missing or altered: the list says so when the user opens it
            self.photo.hide()
            return
        self.photo.setPixmap(QPixmap.fromImage(image))
        self.photo.show()


class GiftsPage(ListPage[GiftRow]):
    kind = "gift"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._partners: dict[str, Any] = {}
        super().__init__(*args, **kwargs)
        self.kinds = frozenset({"gift", "partner", "visit", "source", "policy"})
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.splitter.setSizes([680, 600])     # room for the facts, the warnings and the photo

    def columns(self) -> Sequence[Column[GiftRow]]:
        return COLUMNS

    def load(self) -> list[GiftRow]:
        rules = self.desk.policy()
        partners = {p.key: p for p in self.desk.partners.all()}
        # Only their dates and titles: not 20,000 visits whole.
        visits = {v.key: visit_text(v) for v in self.desk.visits.briefs("start_on", "title")}
        sources = {s.key: s.title for s in self.desk.sources.all()}
        self._partners = partners
        bands: dict = {}   # each band's text once: formatting money costs ~0.3 ms a time
        rows = []
        for g in self.desk.gifts.all():
            partner = partners.get(g.partner or "")
            band = band_of(g, rules)
            if band not in bands:
                bands[band] = band_text(band, rules)
            rows.append(GiftRow(
                g, partner_name(partner) if partner else (g.partner or ""), partner.country if partner else None,
                band, bands[band], visits.get(g.visit or "", g.visit or ""),
                sources.get(g.source or "", g.source or "")))
        return rows

    def filters(self) -> list[tuple[FilterCombo, Callable[[GiftRow, Any], bool]]]:
        self.direction_combo = FilterCombo(_("Given and received"), choices(e.GiftDirection))
        self.partner_combo = FilterCombo(_("All partners"), [])
        self.category_combo = FilterCombo(_("All categories"), choices(e.GiftCategory))
        self.year_combo = FilterCombo(_("All years"), [])
        self.band_combo = FilterCombo(_("Any value"), [])
        set_names([(self.direction_combo, _("Direction")), (self.partner_combo, _("Partner or country")),
                   (self.category_combo, _("Category")), (self.year_combo, _("Year")),
                   (self.band_combo, _("Value band"))])
        return [
            (self.direction_combo, lambda r, v: r.gift.direction == v),
            (self.partner_combo, lambda r, v: matches_partner(v, (r.gift.partner,), (r.country,))),
            (self.category_combo, lambda r, v: r.gift.category == v),
            (self.year_combo, lambda r, v: r.gift.date is not None and r.gift.date.start.year == v),
            (self.band_combo, lambda r, v: r.band == v),
        ]

    def _loaded_records(self, records: list[GiftRow]) -> None:
        used = (r.gift.partner for r in records if r.gift.partner)
        self.partner_combo.refill(_("All partners"), partner_or_country_items(self._partners, used))
        years = sorted({r.gift.date.start.year for r in records if r.gift.date}, reverse=True)
        self.year_combo.refill(_("All years"), [(y, str(y)) for y in years])
        # The bands' texts carry the policy's limits, which the settings may have changed.
        texts = {r.band: r.band_text for r in records}
        self.band_combo.refill(_("Any value"), [(band, texts[band]) for band in ValueBand if band in texts])
        super()._loaded_records(records)

    def search_text(self, r: GiftRow) -> str:
        g = r.gift
        return " ".join(filter(None, (g.description, r.partner, g.giver, g.recipient, g.location, g.disposition,
                                      g.notes, r.visit, label(g.category), label(g.direction))))

    def make_detail(self) -> GiftDetail:
        return GiftDetail(self)

    def show_detail(self, record: Optional[GiftRow]) -> None:
        warnings: list[Any] = []
        if record is not None:
            try:
                warnings = self.desk.gift_warnings(record.gift)
            except Exception as error:  # noqa: BLE001 — shown to the user, the list stays usable
                self.sig_error.emit(error)
        self.detail.show_row(record, warnings)

    def new_record(self) -> None:
        chosen = self.partner_combo.value()
        if chosen and chosen.startswith(PARTNER):
            self._run_form(None, {"partner": chosen[len(PARTNER):]})
        else:
            self._run_form(None)

    def count_text(self, n: int) -> str:
        return ngettext("{n} gift", "{n} gifts", n).format(n=n)
