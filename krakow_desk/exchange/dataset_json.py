"""The dataset's JSON form: read with clear errors, written canonically (stable, diff-friendly)."""

import json
from pathlib import Path

from krakow_desk.domain.schema import Dataset
from krakow_desk.services.dataset import parse_dataset
from krakow_desk.services.errors import DatasetError

MAX_BYTES = 200 * 1024 * 1024  # a dataset this large is a mistake, not the office's records


def dumps(dataset: Dataset) -> str:
    """Canonical text: keys sorted, two-space indent, UTF-8 names kept, one final newline."""
    return json.dumps(dataset.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(dataset: Dataset, path: Path) -> None:
    # Write beside the target and rename, so a failed write never leaves half a file.
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(dumps(dataset), encoding="utf-8")
    temporary.replace(path)


def loads(text: str, origin: str = "the dataset") -> Dataset:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise DatasetError(f"{origin} is not valid JSON (line {error.lineno}, column {error.colno}: "
                           f"{error.msg})") from None
    return parse_dataset(raw)


def read(path: Path) -> Dataset:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DatasetError(f"{path} is too large to be a dataset")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"no file {path}") from None
    except IsADirectoryError:
        raise DatasetError(f"{path} is a folder, not a dataset file") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{path} is not UTF-8 text") from None
    except OSError as error:
        raise DatasetError(f"cannot read {path}: {error.strerror}") from None
    return loads(text, str(path))
