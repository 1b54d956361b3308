"""Make resources/map/world-110m.json, the outlines the reports' world map draws, from Natural
Earth's 1:110m countries as the npm package world-atlas 2 ships them (TopoJSON, public domain).

    python tools/make_world_map.py [world-atlas-2.0.2.tgz | countries-110m.json]

Without an argument it fetches the package from the npm registry. This runs once, by a developer;
the program itself never downloads anything.

What it writes: the land (world-atlas's "land" object: the countries merged) as rings, and the
borders between countries (the arcs that two countries share) as lines; coordinates in tenths of
a degree, as whole numbers in flat lists [lon, lat, lon, lat, …], repeated points dropped.
"""

import io
import json
import sys
import tarfile
import urllib.request
from collections import Counter
from pathlib import Path

PACKAGE = "world-atlas"
VERSION = "2.0.2"
URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
MEMBER = "package/countries-110m.json"
OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "map" / "world-110m.json"


def load_topology(source: str | None) -> dict:
    if source and source.endswith(".json"):
        return json.loads(Path(source).read_text(encoding="utf-8"))
    data = Path(source).read_bytes() if source else urllib.request.urlopen(URL, timeout=60).read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        return json.load(archive.extractfile(MEMBER))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc as (lon, lat) points: TopoJSON stores quantized positions, delta-encoded."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def arc_points(arcs: list, index: int) -> list[tuple[float, float]]:
    # A negative index ~i is arc i walked backwards.
    return list(reversed(arcs[~index])) if index < 0 else arcs[index]


def ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        part = arc_points(arcs, index)
        points.extend(part[1:] if points else part)   # consecutive arcs share their end point
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def tenths(points: list[tuple[float, float]]) -> list[int]:
    """Flat [lon, lat, …] in whole tenths of a degree, repeated points dropped."""
    flat: list[int] = []
    for lon, lat in points:
        x, y = round(lon * 10), round(lat * 10)
        if len(flat) >= 2 and flat[-2] == x and flat[-1] == y:
            continue
        flat += [x, y]
    return flat


def unwrap(flat: list[int], closed: bool) -> list[int]:
    """Longitudes made continuous across the antimeridian: Chukotka continues east of 180°
    (to 190°) instead of jumping to -180°, so the map draws no line across the world. A ring
    that goes all the way round (Antarctica) is closed along the South Pole."""
    xs, ys = flat[0::2], flat[1::2]
    shift = 0
    out = [xs[0]]
    for before, after in zip(xs, xs[1:]):
        if after - before > 1800:
            shift -= 3600
        elif before - after > 1800:
            shift += 3600
        out.append(after + shift)
    if closed and abs(out[-1] - out[0]) > 1800:   # round the pole
        out += [out[-1], out[0]]
        ys = ys + [-900, -900]
    while min(out) < -1800:
        out = [x + 3600 for x in out]
    while min(out) >= 1800:
        out = [x - 3600 for x in out]
    return [value for pair in zip(out, ys) for value in pair]


def build(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    land = []
    for geometry in topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry):
            for indices in polygon:
                flat = tenths(ring(arcs, indices))
                if len(flat) >= 8:   # at least four points: a ring that still has an area
                    land.append(unwrap(flat, closed=True))
    # A border is an arc that two countries share (the others are coastline).
    used = Counter()
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in polygons(geometry):
            for indices in polygon:
                used.update({index if index >= 0 else ~index for index in indices})
    borders = [unwrap(flat, closed=False) for index, count in sorted(used.items()) if count >= 2
               for flat in [tenths(arcs[index])] if len(flat) >= 4]
    return {
        "source": f"Natural Earth 1:110m Admin 0 countries (public domain), from npm {PACKAGE}@{VERSION} "
                  "countries-110m.json; made by tools/make_world_map.py",
        "units": "tenths of a degree, flat [lon, lat, lon, lat, ...]; longitudes may pass +-180",
        "land": land,
        "borders": borders,
    }


def main() -> None:
    result = build(load_topology(sys.argv[1] if len(sys.argv) > 1 else None))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(result, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for r in result["land"]) + sum(len(b) // 2 for b in result["borders"])
    print(f"{OUTPUT}: {len(result['land'])} land rings, {len(result['borders'])} borders, "
          f"{points} points, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
