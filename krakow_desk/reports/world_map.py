"""A small world map for the reports: Krakow and its partners on Natural Earth's outlines.

The outlines (resources/map/world-110m.json: land and the borders between countries at 1:110m,
public domain; see its README) are read once per process and drawn with ReportLab graphics in
the Natural Earth projection — the whole world, the points' own extent (a dossier: Krakow and one
partner; the annual summary: all partners), or a box of longitudes and latitudes.

Krakow (``home``) is a red ringed dot, partners are blue dots; labels go beside their point at the
first of eight places that stays inside the map and clear of the other labels and dots. A label
that finds no such place is left out rather than printed over another (on a world map the
partners in Europe crowd: zoom in, or name them in a table beside the map).
"""

import json
import math
import pathlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence, Union

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Rect
from reportlab.lib import colors

from krakow_desk.reports import fonts
from krakow_desk.reports.charts import label, new_drawing, text_width
from krakow_desk.reports.styles import ACCENT, INK, RULE
from krakow_desk.resources import resources_dir

OCEAN = colors.HexColor("#F2F5F9")
LAND = colors.HexColor("#D8DDE3")
BORDER = colors.HexColor("#FFFFFF")
HOME = colors.HexColor("#C8102E")      # the red of Krakow's flag
WORLD = (-180.0, -58.0, 180.0, 84.0)   # west, south, east, north: the world without Antarctica
MIN_SPAN = 0.30                        # the smallest zoomed view, in projection units (~17°)

Region = Union[None, str, tuple[float, float, float, float]]


@dataclass(frozen=True)
class MapPoint:
    lat: float
    lon: float
    label: str = ""
    home: bool = False


def map_file() -> pathlib.Path:
    return resources_dir() / "map" / "world-110m.json"


def project(lat: float, lon: float) -> tuple[float, float]:
    """Natural Earth I projection (Šavrič et al. 2011, as d3-geo has it), in radians on a unit
    sphere: a compromise that keeps Europe's shapes and the whole world readable."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


Shape = tuple[tuple[float, float, float, float], list[float]]   # (bounding box, flat projected x, y…)


def _projected(flat: list[int]) -> list[Shape]:
    """One outline, projected; drawn again 360° west when it continues past 180° (Chukotka)."""
    shapes = []
    lons, lats = flat[0::2], flat[1::2]
    for shift in ((0, -3600) if max(lons) > 1800 else (0,)):
        xy: list[float] = []
        for lon, lat in zip(lons, lats):
            xy.extend(project(lat / 10, (lon + shift) / 10))
        xs, ys = xy[0::2], xy[1::2]
        shapes.append(((min(xs), min(ys), max(xs), max(ys)), xy))
    return shapes


@lru_cache(maxsize=1)
def outlines() -> tuple[list[Shape], list[Shape]]:
    """The land rings and the border lines, projected (read from the shipped file once)."""
    data = json.loads(map_file().read_text(encoding="utf-8"))
    land = [shape for ring in data["land"] for shape in _projected(ring)]
    borders = [shape for line in data["borders"] for shape in _projected(line)]
    return land, borders


@dataclass(frozen=True)
class MapView:
    """Which part of the projected world a drawing of ``width`` × ``height`` shows."""
    x0: float
    y0: float
    scale: float        # points per projection unit
    width: float
    height: float

    @classmethod
    def fit(cls, box: tuple[float, float, float, float], width: float, height: float) -> "MapView":
        """The view showing ``box`` (projected x0, y0, x1, y1) whole and centred."""
        x0, y0, x1, y1 = box
        scale = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9))
        return cls((x0 + x1) / 2 - width / scale / 2, (y0 + y1) / 2 - height / scale / 2, scale, width, height)

    def position(self, lat: float, lon: float) -> tuple[float, float]:
        """Where a place falls in the drawing, in points from its lower left corner."""
        x, y = project(lat, lon)
        return (x - self.x0) * self.scale, (y - self.y0) * self.scale

    def bounds(self) -> tuple[float, float, float, float]:
        return self.x0, self.y0, self.x0 + self.width / self.scale, self.y0 + self.height / self.scale


def _box(west: float, south: float, east: float, north: float) -> tuple[float, float, float, float]:
    corners = [project(lat, lon) for lat in (south, 0 if south < 0 < north else south, north)
               for lon in (west, east)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def view_for(points: Sequence[MapPoint], width: float, height: float, region: Region = None) -> MapView:
    """The view for a map: None the world; "points" the points' extent with a margin (never
    smaller than about 17°, so Krakow and Lviv do not fill the map); or (west, south, east, north)."""
    if isinstance(region, tuple):
        return MapView.fit(_box(*region), width, height)
    if region == "points" and points:
        xy = [project(p.lat, p.lon) for p in points]
        xs, ys = [x for x, _y in xy], [y for _x, y in xy]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        span_x = max((max(xs) - min(xs)) * 1.3, MIN_SPAN)
        span_y = max((max(ys) - min(ys)) * 1.3, MIN_SPAN * 0.6)
        # room for the labels: a wide margin left and right of the outermost points
        span_x += 0.25 * span_x
        return MapView.fit((cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2), width, height)
    return MapView.fit(_box(*WORLD), width, height)


def _path(shapes: list[Shape], view: MapView, closed: bool, **style: object) -> Path:
    bx0, by0, bx1, by1 = view.bounds()
    path = Path(**style)
    for (x0, y0, x1, y1), xy in shapes:
        if x1 < bx0 or x0 > bx1 or y1 < by0 or y0 > by1:
            continue   # outside the view
        s, ox, oy = view.scale, view.x0, view.y0
        path.moveTo((xy[0] - ox) * s, (xy[1] - oy) * s)
        for index in range(2, len(xy), 2):
            path.lineTo((xy[index] - ox) * s, (xy[index + 1] - oy) * s)
        if closed:
            path.closePath()
    return path


# Where a label may stand around its dot, in order of preference: how far right (in gaps; negative
# is left), level with the dot, above or below it, and which end of the text is anchored there.
_PLACES = ((1, "level", "start"), (-1, "level", "end"), (0.6, "above", "start"), (0.6, "below", "start"),
           (-0.6, "above", "end"), (-0.6, "below", "end"), (0, "above", "middle"), (0, "below", "middle"))


def _candidates(x: float, y: float, text_w: float, gap: float, size: float, width: float,
                height: float) -> list[tuple[tuple[float, float, float, float], float, float, str]]:
    """The places for a label ``gap`` away from its dot that lie inside the drawing:
    (box, anchor x, baseline y, anchor)."""
    found = []
    for dx, level, anchor in _PLACES:
        ax = x + dx * gap
        ay = {"level": y - size * 0.35, "above": y + gap * 0.7, "below": y - gap * 0.7 - size * 0.75}[level]
        left = ax - (text_w if anchor == "end" else text_w / 2 if anchor == "middle" else 0)
        box = (left - 0.5, ay - size * 0.25, left + text_w + 0.5, ay + size * 0.8)
        if box[0] >= 1 and box[2] <= width - 1 and box[1] >= 1 and box[3] <= height - 1:
            found.append((box, ax, ay, anchor))
    return found


def _leader_crosses(x: float, y: float, box: tuple[float, float, float, float],
                    markers: list[tuple[float, float, float, float]]) -> bool:
    """Whether the line from a dot to its label's box would run through another dot."""
    end = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
    steps = [(x + (end[0] - x) * t / 12, y + (end[1] - y) * t / 12) for t in range(2, 13)]
    return any(m[0] <= px <= m[2] and m[1] <= py <= m[3] for px, py in steps for m in markers)


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def world_map(points: Sequence[MapPoint], width: float, height: float, region: Region = None,
              label_size: float = 6.5) -> Drawing:
    """Krakow and partners on a map ``width`` × ``height`` points (see ``view_for`` for
    ``region``). Points without coordinates or outside the view are left out; labels stay inside
    the drawing."""
    fonts.register_fonts()
    points = [p for p in points if p.lat is not None and p.lon is not None]
    view = view_for(points, width, height, region)
    drawing = new_drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=OCEAN, strokeColor=None))

    land, borders = outlines()
    world = Group()
    clip = Path(isClipPath=1, strokeColor=None, fillColor=None)
    clip.moveTo(0, 0), clip.lineTo(width, 0), clip.lineTo(width, height), clip.lineTo(0, height)
    clip.closePath()
    world.add(clip)
    world.add(_path(land, view, True, fillColor=LAND, strokeColor=None, fillMode=0))   # even-odd: lakes
    world.add(_path(borders, view, False, fillColor=None, strokeColor=BORDER, strokeWidth=0.4))
    drawing.add(world)

    # Points outside the view (a box that leaves some out) are not drawn at all.
    inside = [(p, view.position(p.lat, p.lon)) for p in points]
    inside = [(p, (x, y)) for p, (x, y) in inside if 3 <= x <= width - 3 and 3 <= y <= height - 3]
    points, placed = [p for p, _xy in inside], [xy for _p, xy in inside]
    markers = [(x - 3, y - 3, x + 3, y + 3) for x, y in placed]
    order = sorted(range(len(points)), key=lambda i: not points[i].home)   # home on top, labelled first
    for index in reversed(order):
        x, y = placed[index]
        if points[index].home:
            drawing.add(Circle(x, y, 4.6, fillColor=None, strokeColor=HOME, strokeWidth=0.8))
            drawing.add(Circle(x, y, 2.6, fillColor=HOME, strokeColor=colors.white, strokeWidth=0.6))
        else:
            drawing.add(Circle(x, y, 2.1, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.5))

    taken: list[tuple[float, float, float, float]] = []
    for index in order:
        point = points[index]
        if not point.label:
            continue
        x, y = placed[index]
        face = fonts.BOLD if point.home else fonts.REGULAR
        gap = 6.5 if point.home else 4.5
        others = markers[:index] + markers[index + 1:]
        text_w = min(text_width(point.label, label_size, face), width - 4)
        # Krakow may also stand further off, joined to its dot by a hairline: in a crowded Europe
        # the places right beside it are all taken.
        reaches = (1, 2.4, 3.8, 5.5) if point.home else (1,)
        candidates = [c for reach in reaches for c in _candidates(x, y, text_w, gap * reach, label_size, width, height)]
        clear = [c for c in candidates if not any(_overlaps(c[0], other) for other in taken + others)
                 and not _leader_crosses(x, y, c[0], others)]
        if not clear and point.home:   # Krakow is always named: over as few partners' dots as may be
            clear = sorted((c for c in candidates if not any(_overlaps(c[0], other) for other in taken)),
                           key=lambda c: sum(_overlaps(c[0], other) for other in others)
                           + _leader_crosses(x, y, c[0], others))
        if clear:
            box, ax, ay, anchor = clear[0]
            taken.append(box)
            nearest = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
            distance = math.hypot(nearest[0] - x, nearest[1] - y)
            if distance > gap * 1.5:   # far from its dot: a hairline from the ring to the label
                start = (x + (nearest[0] - x) * 5 / distance, y + (nearest[1] - y) * 5 / distance)
                drawing.add(Line(*start, *nearest, strokeColor=INK, strokeWidth=0.4))
            drawing.add(label(ax, ay, point.label, label_size, anchor, face=face, colour=INK,
                              max_width=width - 4))
    drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    return drawing
