"""The default rules work after a plain, non-editable install of the built wheel into a fresh venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this checkout installed: its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    wheels = list(dist.glob("ladder-*.whl"))
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheels[0])],
        check=True,
        timeout=600,
    )
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LADDER_RULES", "PYTHONPATH")}
    return subprocess.run(
        [str(bin_dir / "ladder"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**env, "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_installed_wheel_recommends_from_its_packaged_rules(installed, tmp_path):
    result = run(
        installed,
        "recommend",
        "-a",
        "arena=care_meeting",
        "-a",
        "patient_wish=be_consulted",
        "-a",
        "relatives=no",
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["level"]["id"] == "consultation"
    packaged = Path(data["rules"]["path"])
    assert "site-packages" in packaged.parts and packaged.name == "ladder.yaml"
    assert (
        data["rules"]["sha256"]
        == json.loads(
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ladder",
                    "recommend",
                    "-a",
                    "arena=care_meeting",
                    "-a",
                    "patient_wish=be_consulted",
                    "-a",
                    "relatives=no",
                    "-f",
                    "json",
                ],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            ).stdout
        )["rules"]["sha256"]
    )


def test_installed_wheel_ships_kronoberg_and_help(installed, tmp_path):
    kronoberg = next(installed.parent.glob("lib/python*/site-packages/ladder/data/kronoberg.yaml"))
    result = run(installed, "steps", "--rules", str(kronoberg), "--lang", "sv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Medbestämmande" in result.stdout
    assert run(installed, "--help", cwd=tmp_path).returncode == 0


def test_installed_wheel_resolves_builtin_overlays(installed, tmp_path):
    # The shipped Kronoberg file extends `builtin`; an overlay of it extends `builtin:kronoberg`.
    mine = tmp_path / "mine.yaml"
    mine.write_text("extends: builtin:kronoberg\nregion:\n  id: mine\n", encoding="utf-8")
    args = ["-a", "arena=care_meeting", "-a", "patient_wish=be_consulted", "-a", "relatives=no"]
    result = run(installed, "recommend", "--rules", str(mine), *args, "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rules"]["region"] == "mine"
    assert data["methods"][0]["id"] == "patient_contract"  # Kronoberg's method, first
    shown = run(installed, "show", "--resolved", str(mine), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "site-packages/ladder/data/kronoberg.yaml" in shown.stdout
    assert "site-packages/ladder/data/ladder.yaml" in shown.stdout


def test_installed_wheel_writes_a_new_region_that_passes_its_checks(installed, tmp_path):
    made = run(installed, "init-region", "gotland", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    checked = run(installed, "check", "--strict", "gotland.yaml", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    path = run(installed, "schema", "--path", cwd=tmp_path).stdout.strip()
    assert "site-packages/ladder/" in path
    assert (tmp_path / "rules.schema.json").read_text() == Path(path).read_text()


def test_installed_wheel_speaks_swedish_from_its_compiled_catalogue(installed, tmp_path):
    assert next(installed.parent.glob("lib/python*/site-packages/ladder/i18n/locale/sv/*/*.mo"))
    result = run(installed, "recommend", "--lang", "sv", "--rules", "nope.yaml", cwd=tmp_path)
    assert "Regelfilen nope.yaml finns inte." in result.stderr


def test_installed_wheel_offers_docx_as_an_extra_and_says_so_without_it(installed, tmp_path):
    """A plain install has no python-docx: the Word format names the extra and exits 2; the
    wheel's metadata declares the extra, which installs python-docx."""
    meta = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "import json; from importlib.metadata import metadata; m = metadata('ladder');"
            "print(json.dumps([m.get_all('Provides-Extra'), m.get_all('Requires-Dist')]))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    extras, requires = json.loads(meta)
    assert "docx" in extras
    docx = [r for r in requires if r.startswith("python-docx")]
    assert docx and all("extra ==" in r for r in docx)  # never a dependency of its own
    assert any(r.replace('"', "'").endswith("extra == 'docx'") for r in docx), docx
    done = run(installed, "recommend", "-a", "arena=care_meeting", "-a", "patient_wish=share_decisions",
               "-a", "relatives=no", "-o", "r.docx", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "pip install 'ladder[docx]'" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.docx").exists()
