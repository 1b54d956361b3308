"""The records as a readable table for the terminal, in the current language."""

from babel.dates import format_date
from babel.numbers import format_decimal

from krakow_desk.domain.fuzzydate import FuzzyDate
from krakow_desk.domain.records import RECORD_FIGURES, Holder, Records
from krakow_desk.i18n import N_, _, language, ngettext
from krakow_desk.text_table import columns

TITLES = {
    "nearest": N_("Nearest"),
    "farthest": N_("Farthest"),
    "most_populous": N_("Most populous"),
    "least_populous": N_("Least populous"),
    "smallest_area": N_("Smallest area"),
    "largest_area": N_("Largest area"),
    "highest": N_("Highest"),
    "northernmost": N_("Northernmost"),
    "southernmost": N_("Southernmost"),
    "closest_to_equator": N_("Closest to the equator"),
    "oldest": N_("Oldest partnership"),
    "youngest": N_("Youngest partnership"),
}


def partner_name(holder: Holder) -> str:
    """Polish name first; in English the English name first; the other in brackets if it differs."""
    first, second = (holder.name, holder.name_en) if language() == "pl" else (holder.name_en or holder.name, holder.name)
    return f"{first} ({second})" if second and second != first else first


def figure_text(figure: str, value: object) -> str:
    locale = language()
    if figure == "km":
        return f"{format_decimal(value, locale=locale)} km"
    if figure == "population":
        return ngettext("{n} inhabitant", "{n} inhabitants", int(value)).format(n=format_decimal(value, locale=locale))
    if figure == "km2":
        return f"{format_decimal(value, format='#,##0.##', locale=locale)} km²"
    if figure == "elevation_m":
        return _("{n} m above sea level").format(n=format_decimal(value, format="#,##0", locale=locale))
    if figure == "lat":
        lat = float(value)
        hemisphere = _("N") if lat >= 0 else _("S")
        return f"{format_decimal(abs(lat), format='0.00', locale=locale)}° {hemisphere}"
    if figure == "date":
        fuzzy = FuzzyDate.parse(str(value))
        if fuzzy.precision.value == "day":
            return format_date(fuzzy.start, format="long", locale=locale)
        return fuzzy.iso()
    return str(value)


def render(records: Records) -> str:
    rows = []
    for name, figure in RECORD_FIGURES:
        holder: Holder | None = getattr(records, name)
        rows.append((_(TITLES[name]), partner_name(holder) if holder else _("(no data)"),
                     figure_text(figure, holder.value) if holder else ""))
    lines = [
        _("Partnership records as of {date}").format(date=format_date(records.as_of, format="long", locale=language())),
        ngettext("over {n} partner with current cooperation", "over {n} partners with current cooperation",
                 records.considered).format(n=records.considered),
        "",
    ]
    lines += columns(rows)
    capitals = ", ".join(partner_name(h) for h in records.capitals) or _("(none)")
    lines += ["", _("Capitals ({n}): {names}").format(n=len(records.capitals), names=capitals)]
    return "\n".join(lines)
