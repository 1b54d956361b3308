"""What the desktop sees of the packaged program: the desktop entry and AppStream metadata (as
the freedesktop validators judge them), the icons, one version everywhere, and the tarball's
install.sh putting the program into the menus and taking it out again.

The bundle itself is built and run by packaging/smoke-test.sh (make tarball, in .ci/run): too
slow for the suite."""

import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import krakow_desk

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "pl.krakow.KrakowDesk"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SIZES = (16, 32, 48, 64, 128, 256)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="install.sh is for Linux")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream)")
    return path


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_appstream_metadata_passes_appstreamcli_validate() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_the_software_centre_finds_the_entry_and_the_icon_it_names() -> None:
    component = ET.parse(METAINFO).getroot()
    entry = _desktop_entry(DESKTOP)
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert entry["Icon"] == component.findtext("icon") == APP_ID
    assert entry["Exec"].split()[0] == "krakow-desk" == component.findtext("provides/binary")
    assert entry["StartupWMClass"] == "krakow-desk"   # the bundle's executable: X11 matches windows by it


def test_the_icon_comes_as_svg_and_in_every_size_the_desktop_asks_for() -> None:
    icons = PACKAGING / "icons"
    svg = ET.parse(icons / "krakow-desk.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    for size in SIZES:
        assert _png_size(icons / f"krakow-desk-{size}.png") == (size, size)
    assert (icons / "krakow-desk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"   # Windows' icon


def test_one_version_in_the_program_the_package_the_metainfo_and_the_windows_installer() -> None:
    version = krakow_desk.__version__
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == version
    releases = [r.get("version") for r in ET.parse(METAINFO).getroot().findall("releases/release")]
    assert releases and releases[0] == version, "the newest <release> comes first"
    iss = (PACKAGING / "windows" / "krakow-desk.iss").read_text(encoding="utf-8")
    assert re.search(r'^#define AppVersion "([^"]+)"', iss, re.MULTILINE).group(1) == version


def test_the_windows_installer_takes_the_bundle_and_icon_the_spec_makes() -> None:
    iss = (PACKAGING / "windows" / "krakow-desk.iss").read_text(encoding="utf-8")
    script_dir = PACKAGING / "windows"
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.MULTILINE).group(1).strip()
    assert (script_dir / icon.replace("\\", "/")).resolve() == (PACKAGING / "icons" / "krakow-desk.ico")
    source = re.search(r'^Source: "([^"]+)"', iss, re.MULTILINE).group(1).replace("\\", "/")
    assert (script_dir / source).resolve().parent == (ROOT / "dist" / "krakow-desk")
    spec = (PACKAGING / "krakow-desk.spec").read_text(encoding="utf-8")
    assert 'name="krakow-desk"' in spec and 'name="krakow-desk-cli"' in spec


def test_the_window_has_the_program_icon(qapp) -> None:  # noqa: ANN001
    from krakow_desk.ui.app import make_application
    icon = make_application().windowIcon()
    assert not icon.isNull()
    assert icon.actualSize(icon.availableSizes()[0]).width() == 256


def _unpacked_tarball(tmp_path: Path) -> Path:
    """The tarball's layout, with a stand-in for the bundle's executable."""
    top = tmp_path / "krakow-desk-0.1.0-linux-x86_64"
    (top / "krakow-desk").mkdir(parents=True)
    program = top / "krakow-desk" / "krakow-desk"
    program.write_text("#!/bin/sh\necho krakow-desk 0.1.0\n")
    program.chmod(0o755)
    (top / "krakow-desk" / "_internal").mkdir()
    for path in (DESKTOP, METAINFO, PACKAGING / "linux" / "install.sh"):
        shutil.copy2(path, top)
    (top / "icons").mkdir()
    for path in (PACKAGING / "icons").glob("krakow-desk*.[ps][nv]g"):
        shutil.copy2(path, top / "icons")
    return top


@posix_only
def test_install_sh_puts_the_program_in_the_menus_and_uninstall_takes_it_out(tmp_path: Path) -> None:
    top = _unpacked_tarball(tmp_path)
    prefix = tmp_path / "prefix"
    installed = subprocess.run([str(top / "install.sh"), "--prefix", str(prefix)],
                               capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr

    app_dir = prefix / "lib" / "krakow-desk"
    launcher = prefix / "bin" / "krakow-desk"
    assert subprocess.run([str(launcher), "--version"], capture_output=True, text=True).stdout.strip() \
        == "krakow-desk 0.1.0"
    entry_path = prefix / "share" / "applications" / DESKTOP.name
    entry = _desktop_entry(entry_path)
    assert entry["Exec"] == str(app_dir / "krakow-desk")   # not left to the menu's PATH
    assert entry["Name"] == "Krakow Desk"
    icons = prefix / "share" / "icons" / "hicolor"
    for size in SIZES:
        assert _png_size(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "share" / "metainfo" / METAINFO.name).is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout

    removed = subprocess.run([str(top / "install.sh"), "--prefix", str(prefix), "--uninstall"],
                             capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    left = sorted(p.relative_to(prefix).as_posix() for p in prefix.rglob("*") if not p.is_dir())
    assert left == [] or all(p.endswith(("mimeinfo.cache", "icon-theme.cache")) for p in left), left


@posix_only
def test_install_sh_replaces_an_older_version_whole(tmp_path: Path) -> None:
    top = _unpacked_tarball(tmp_path)
    prefix = tmp_path / "prefix"
    stale = prefix / "lib" / "krakow-desk" / "_internal" / "libold.so"
    stale.parent.mkdir(parents=True)
    stale.write_text("from the previous version")
    subprocess.run([str(top / "install.sh"), f"--prefix={prefix}"], check=True, capture_output=True)
    assert not stale.exists()
    assert (prefix / "lib" / "krakow-desk" / "krakow-desk").is_file()


@posix_only
def test_install_sh_refuses_an_unknown_option(tmp_path: Path) -> None:
    top = _unpacked_tarball(tmp_path)
    result = subprocess.run([str(top / "install.sh"), "--everywhere"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "unknown option --everywhere" in result.stderr
