"""The command line: exit codes, messages without tracebacks, and the documented output."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from krakow_desk.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "krakow_desk.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_init_then_records_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "init"]) == 0
    assert "wczytano dane Krakowa" in capsys.readouterr().out  # Polish by default
    assert main(["--db", db, "records", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records["nearest"]["name_en"] == "Košice" and "km" in records["nearest"]
    assert isinstance(records["capitals"], list)
    assert main(["--db", db, "init"]) == 0  # a second init only checks the schema
    assert db in capsys.readouterr().out


def test_records_table_in_polish_and_english(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = str(tmp_path / "x.db")
    main(["--db", db, "init"])
    capsys.readouterr()
    main(["--db", db, "records"])
    polish = capsys.readouterr().out
    assert "Najbliższy" in polish and "Koszyce (Košice)" in polish and "Stolice" in polish
    main(["--db", db, "--lang", "en", "records"])
    english = capsys.readouterr().out
    assert "Nearest" in english and "Košice (Koszyce)" in english and "Capitals" in english


def test_user_errors_exit_1_without_traceback(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "missing.db"), "records")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "init" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "krakow-desk/dataset", "version": 1, "gifts": [{"key": "g", '
                   '"direction": "given", "description": "x", "quantity": -2}]}', encoding="utf-8")
    assert run("--db", str(tmp_path / "x.db"), "init", "--empty").returncode == 0
    result = run("--db", str(tmp_path / "x.db"), "import", str(bad))
    assert result.returncode == 1 and "quantity" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("records", "--frobnicate").returncode == 2
    assert run("export", "pdf", "-o", "x").returncode == 2
    assert run("--lang", "de", "records").returncode == 2


@pytest.mark.parametrize("command", [[], ["init"], ["records"], ["export"], ["import"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0 and result.stdout.startswith("użycie: krakow-desk")
    assert run("--lang", "en", *command, "--help").stdout.startswith("usage: krakow-desk")


def test_help_speaks_the_chosen_language() -> None:
    assert "Bez polecenia" in run("--lang", "pl", "--help").stdout
    assert "Without a command" in run("--lang", "en", "--help").stdout


def test_export_and_import_through_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db, out = str(tmp_path / "x.db"), tmp_path / "out.json"
    main(["--db", db, "init"])
    assert main(["--db", db, "export", "json", "-o", str(out)]) == 0
    other = str(tmp_path / "y.db")
    main(["--db", other, "init", "--empty"])
    capsys.readouterr()
    assert main(["--db", other, "import", str(out), "--dry-run"]) == 0
    planned = capsys.readouterr().out
    assert "partnerzy: do dodania 37, do zmiany 0, bez zmian 0" in planned
    assert "Próba: niczego nie zapisano." in planned
    assert main(["--db", other, "import", str(out)]) == 0
    assert "partnerzy: nowe 37, zmienione 0, bez zmian 0" in capsys.readouterr().out
    again = tmp_path / "again.json"
    main(["--db", other, "export", "json", "-o", str(again)])
    assert again.read_bytes() == out.read_bytes()


def test_environment_variable_chooses_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("KRAKOW_DESK_DB", str(tmp_path / "env.db"))
    assert main(["init", "--empty"]) == 0
    assert (tmp_path / "env.db").exists()
