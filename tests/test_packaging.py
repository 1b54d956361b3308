"""The wheel carries everything the program reads at run time."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(out), str(ROOT)], check=True, timeout=300)
    (built,) = out.glob("krakow_desk-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_contains_data_catalogs_and_migrations(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "krakow_desk/data/krakow.json" in names
    assert "krakow_desk/data/README.md" in names
    assert "krakow_desk/resources/icons/krakow-desk.svg" in names   # the window icon
    assert "krakow_desk/resources/locale/pl/LC_MESSAGES/krakow_desk.po" in names
    assert "krakow_desk/store/migrations/env.py" in names
    assert "krakow_desk/store/migrations/script.py.mako" in names
    assert any(n.startswith("krakow_desk/store/migrations/versions/0001") for n in names)
    assert not any("/tests/" in n or n.startswith(".venv") for n in names)


def test_installed_layout_is_found_before_the_source_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          wheel: zipfile.ZipFile) -> None:
    # Unpack the wheel somewhere else and import from there: data and catalogs come from inside.
    wheel.extractall(tmp_path)
    code = ("import krakow_desk.resources as r, json;"
            "print(r.krakow_dataset()); print(r.locale_dir());"
            "print(len(json.load(open(r.krakow_dataset(), encoding='utf-8'))['partners']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=60)
    lines = result.stdout.split()
    assert result.returncode == 0, result.stderr
    assert lines[0].startswith(str(tmp_path)) and lines[1].startswith(str(tmp_path))
    assert lines[2] == "37"
