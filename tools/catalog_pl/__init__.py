"""Polish translations, one module per area so that work on different areas never collides.

Each module defines ``PL``: English source string (or (singular, plural) tuple) -> Polish
(a string, or a tuple of the three Polish plural forms).
"""

import importlib
import pkgutil


def table() -> dict:
    merged: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, value in module.PL.items():
            if key in merged and merged[key] != value:
                raise SystemExit(f"{info.name}: conflicting Polish for {key!r}")
            merged[key] = value
    return merged
