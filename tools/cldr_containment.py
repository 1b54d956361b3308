"""Print CLDR's territory containment as the Python literal kept in krakow_desk/domain/continents.py.

Babel ships no containment data, so the few CLDR lines are copied into the package by this script
instead of adding a run-time dependency. Source: CLDR's supplementalData.xml, for example the copy
inside the `language_data` package (`pip install language-data`), or a path given as argument.
"""

import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path


def containment(path: Path) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for group in ET.parse(path).getroot().iter("group"):
        # "grouping" lines (EU, UN, Latin America) and deprecated codes are not geography
        if group.get("status") in ("grouping", "deprecated") or group.get("grouping") == "true":
            continue
        groups.setdefault(group.get("type"), []).extend(group.get("contains").split())
    return groups


if __name__ == "__main__":
    path = (Path(sys.argv[1]) if len(sys.argv) > 1 else
            Path(str(resources.files("language_data") / "data" / "supplementalData.xml")))
    print("_CONTAINS = {")
    for region, members in sorted(containment(path).items()):
        print(f'    "{region}": "{" ".join(members)}",')
    print("}")
