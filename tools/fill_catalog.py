"""Fill the Polish catalog from the table below and make the English one identity.

Run after `make translations` adds new strings; a test fails while any string lacks Polish.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalog_pl import table  # noqa: E402

PL = table()


def fill(path: Path, translate) -> list:  # noqa: ANN001
    with path.open("rb") as handle:
        catalog = read_po(handle)
    missing = []
    for message in catalog:
        if not message.id:
            continue
        value = translate(message.id)
        if value is None:
            missing.append(message.id)
        else:
            message.string = value
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True)
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "resources" / "locale"
    missing = fill(root / "pl" / "LC_MESSAGES" / "krakow_desk.po", PL.get)
    fill(root / "en" / "LC_MESSAGES" / "krakow_desk.po",
         lambda mid: mid if isinstance(mid, str) else (mid[0], mid[1]))
    for mid in missing:
        print("no Polish for:", repr(mid), file=sys.stderr)
    sys.exit(1 if missing else 0)
