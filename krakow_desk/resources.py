"""Files shipped with the program: inside the installed package, or beside it in a source tree."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def resources_dir() -> Path:
    # An installed wheel carries resources/ and data/ inside the package (see pyproject.toml);
    # a source checkout keeps them at the top of the repository.
    return _first_existing(_PACKAGE / "resources", _PACKAGE.parent / "resources")


def data_dir() -> Path:
    return _first_existing(_PACKAGE / "data", _PACKAGE.parent / "data")


def krakow_dataset() -> Path:
    return data_dir() / "krakow.json"


def locale_dir() -> Path:
    return resources_dir() / "locale"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    # Drawn for the packages (packaging/icons); a bundle carries them among its resources.
    return _first_existing(resources_dir() / "icons", _PACKAGE.parent / "packaging" / "icons")
