"""Settings kept between runs: one typed registry with defaults, stored in an INI file.

The file sits in the data folder (so KRAKOW_DESK_HOME isolates tests and portable installs),
not in the platform's registry where a test run would overwrite the user's own window layout.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Optional, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from krakow_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES
from krakow_desk.store.paths import data_dir

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    name: str
    default: T
    kind: type


LANGUAGE = Option("ui/language", DEFAULT_LANGUAGE, str)
GEOMETRY = Option("window/geometry", QByteArray(), QByteArray)
WINDOW_STATE = Option("window/state", QByteArray(), QByteArray)
LAST_SECTION = Option("window/section", "agenda", str)   # the agenda is the home page
SPLITTERS = Option("window/splitters", QByteArray(), QByteArray)
HISTORY_NAME = Option("history/name", "", str)   # who the change history names; "" = the login name


def settings_path() -> Path:
    return data_dir() / "settings.ini"


class Settings:
    def __init__(self, path: Optional[Path] = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, option: Option[T]) -> T:
        value: Any = self._store.value(option.name, option.default)
        if option.kind is QByteArray:
            return value if isinstance(value, QByteArray) else option.default  # type: ignore[return-value]
        if not isinstance(value, option.kind):
            return option.default
        if option is LANGUAGE and value not in LANGUAGES:
            return option.default
        return value

    def set(self, option: Option[T], value: T) -> None:
        self._store.setValue(option.name, value)

    def value(self, name: str) -> Any:
        """A value outside the registry (per-page layout), or None."""
        return self._store.value(name)

    def set_value(self, name: str, value: Any) -> None:
        self._store.setValue(name, value)

    def sync(self) -> None:
        self._store.sync()
