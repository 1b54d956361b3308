"""Polish for the reports' charts and maps (krakow_desk/reports/charts.py, world_map.py)."""

PL = {
    "No data to show": "Brak danych do pokazania",
}
