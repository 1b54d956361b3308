"""The reports' world map: the shipped outlines load and put Krakow on land, places project where
they belong, no line runs across the world at the antimeridian, and labels (in any script) print
inside the drawing."""

import io
import json
from datetime import date

import pypdf
import pytest
from reportlab.graphics.shapes import Circle, Path, String

from krakow_desk.reports.document import ReportInfo, build_pdf
from krakow_desk.reports.world_map import MapPoint, map_file, outlines, project, view_for, world_map

KRAKOW = MapPoint(50.0614, 19.9366, "Kraków", home=True)
LVIV = MapPoint(49.8397, 24.0297, "Lwów")
TBILISI = MapPoint(41.6938, 44.8015, "Tbilisi თბილისი")
NANJING = MapPoint(32.0603, 118.7969, "Nankin 南京")
QUITO = MapPoint(-0.1807, -78.4678, "Quito")


def walk(node, kind):  # noqa: ANN001
    found = []
    for child in getattr(node, "contents", []):
        if isinstance(child, kind):
            found.append(child)
        found += walk(child, kind)
    return found


def inside_land(lat: float, lon: float) -> bool:
    """Even-odd point in polygon over every land ring of the shipped file (tenths of a degree)."""
    x, y = lon * 10, lat * 10
    inside = False
    for ring in json.loads(map_file().read_text(encoding="utf-8"))["land"]:
        xs, ys = ring[0::2], ring[1::2]
        for i in range(len(xs)):
            x1, y1, x2, y2 = xs[i - 1], ys[i - 1], xs[i], ys[i]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def test_shipped_outlines_load_and_are_small() -> None:
    data = json.loads(map_file().read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"]
    assert len(data["land"]) > 100 and len(data["borders"]) > 200
    assert map_file().stat().st_size < 100_000
    assert all(-900 <= lat <= 900 for ring in data["land"] for lat in ring[1::2])
    land, borders = outlines()
    assert land and borders
    assert (map_file().parent / "README").exists()


def test_places_fall_on_land_or_sea_as_they_should() -> None:
    assert inside_land(50.06, 19.94)        # Krakow
    assert inside_land(-15.8, -47.9)        # Brasília
    assert inside_land(64.7, 177.5)         # Anadyr, east of the antimeridian's cut
    assert not inside_land(30, -40)         # the Atlantic
    assert not inside_land(43.0, 34.0)      # the Black Sea
    assert not inside_land(42.0, 50.5)      # the Caspian, a hole in the land


def test_projection_and_where_krakow_falls() -> None:
    assert project(0, 0) == (0, 0)
    assert project(0, 180)[0] == pytest.approx(0.8707 * 3.14159265, rel=1e-6)
    view = view_for([], 400, 200)
    x, y = view.position(KRAKOW.lat, KRAKOW.lon)
    # east of Greenwich, a little right of the middle; well north of the equator
    assert 0.53 * 400 < x < 0.57 * 400
    assert 0.75 * 200 < y < 0.9 * 200
    assert view.position(0, 0)[0] == pytest.approx(200)
    lviv_x, lviv_y = view.position(LVIV.lat, LVIV.lon)
    assert lviv_x > x and abs(lviv_y - y) < 2


def test_zoom_to_the_points_centres_them() -> None:
    view = view_for([KRAKOW, LVIV], 300, 150, "points")
    kx, ky = view.position(KRAKOW.lat, KRAKOW.lon)
    lx, ly = view.position(LVIV.lat, LVIV.lon)
    assert (kx + lx) / 2 == pytest.approx(150, abs=0.5)
    assert 0 < kx < lx < 300 and 0 < ky < 150
    assert lx - kx < 150   # close neighbours are not pushed to the edges


def test_markers_and_labels_stay_inside_the_drawing() -> None:
    width, height = 250.0, 140.0
    for points, region in (([KRAKOW, NANJING], "points"), ([KRAKOW, LVIV, TBILISI, QUITO], None),
                           ([KRAKOW, QUITO], (-12, 34, 45, 66))):
        drawing = world_map(points, width, height, region)
        strings = walk(drawing, String)
        assert any(s.text == "Kraków" and s.fontName == "DejaVuSans-Bold" for s in strings)
        for string in strings:
            assert 0 <= string.x and string.x + 1 <= width and 0 <= string.y <= height
        for circle in walk(drawing, Circle):
            assert 0 <= circle.cx <= width and 0 <= circle.cy <= height
    # Quito lies outside the box of Europe: neither its dot nor its name is drawn
    assert not any(s.text == "Quito" for s in walk(world_map([KRAKOW, QUITO], 250, 140, (-12, 34, 45, 66)), String))


def test_no_line_crosses_the_world_at_the_antimeridian() -> None:
    # in the data: only Antarctica's closing line along the South Pole spans more than 180°
    data = json.loads(map_file().read_text(encoding="utf-8"))
    for ring in data["land"] + data["borders"]:
        points = list(zip(ring[0::2], ring[1::2]))
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            assert abs(x2 - x1) <= 1800 or y1 == y2 == -900
    # in the drawing: no visible line is wider than a quarter of the map
    drawing = world_map([], 400, 200)
    longest = 0.0
    for path in (path for path in walk(drawing, Path) if not path.isClipPath):
        xs, ys, at, previous = path.points[0::2], path.points[1::2], 0, None
        for operator in path.operators:   # 0 move, 1 line, 3 close (no curves here)
            if operator in (0, 1):
                if operator == 1 and max(ys[at], previous[1]) > 0:
                    longest = max(longest, abs(xs[at] - previous[0]))
                previous, at = (xs[at], ys[at]), at + 1
    assert 0 < longest < 100   # Russia, Fiji and Antarctica would otherwise draw lines ~400 wide


def test_labels_print_in_the_pdf_in_every_script() -> None:
    pdf = build_pdf([world_map([KRAKOW, TBILISI, NANJING], 480, 240, "points")],
                    ReportInfo("Map", "Test", "en", date(2026, 1, 1)))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    for expected in ("Kraków", "თბილისი", "南京"):
        assert expected in text
    fonts = {font.get_object()["/BaseFont"].split("+")[-1] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert "Helvetica" not in fonts


def test_nothing_to_show_still_draws_a_map() -> None:
    assert world_map([], 200, 100) is not None
    assert world_map([MapPoint(None, None, "nowhere")], 200, 100, "points") is not None  # type: ignore[arg-type]
    assert world_map([KRAKOW], 200, 100, "points") is not None
