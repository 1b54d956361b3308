"""Every command works on both backends: a desk file and the shared office server."""

import json
from pathlib import Path

import pytest

from krakow_desk.cli import main


def test_every_command_on_this_backend(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    def run(*args: str) -> str:
        code = main(["--db", db_url, *args])
        captured = capsys.readouterr()
        assert code == 0, (args, captured.err)
        return captured.out

    run("init")
    assert json.loads(run("records", "--json"))["nearest"]["name"]
    assert any(hit["id"] == "kyiv" for hit in json.loads(run("search", "kijow", "--json")))
    assert set(json.loads(run("agenda", "--days", "30", "--json"))) >= {"overdue", "dormant_partners"}
    for report, subject in (("dossier", "Kijów"), ("annual", "2005"), ("gifts", None)):
        out = tmp_path / f"{report}.pdf"
        run("report", report, *([subject] if subject else []), "-o", str(out), "--lang", "en")
        assert out.read_bytes().startswith(b"%PDF")
    for fmt, name in (("json", "d.json"), ("xlsx", "d.xlsx"), ("csv", "p.csv"), ("vcard", "p.vcf"), ("ical", "v.ics")):
        run("export", fmt, *(["partners"] if fmt == "csv" else []), "-o", str(tmp_path / name))
    assert "0" in run("import", str(tmp_path / "d.json"), "--dry-run")
    run("import", str(tmp_path / "d.json"))
    run("backup", "-o", str(tmp_path / "copy.sqlite3"))
    assert (tmp_path / "copy.sqlite3").stat().st_size > 0
    run("check")
    history = json.loads(run("history", "partner", "kyiv", "--json"))
    assert history and history[-1]["action"] == "created"
