"""Start-up stays lean: no prompt or rendering libraries for machine output, and a safe cache
of validated rules that never changes what is loaded or how errors are reported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ladder.errors import RulesError
from ladder.load import cache
from ladder.load.loader import Loader, load_rules
from ladder.load.overlay import resolve
from ladder.model import Rules

from .conftest import DEFAULT_RULES, DIABETES, MINI_RULES, ROOT, SHIPPED_RULES, answer_flags

HEAVY = ("questionary", "prompt_toolkit", "rich")

# Runs the CLI in a fresh interpreter and reports which modules it imported.
PROBE = """
import json, sys
sys.argv = ["ladder", *json.loads(sys.argv[1])]
from ladder.cli import main
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stderr.write("\\nMODULES " + json.dumps({"code": code, "modules": sorted(sys.modules)}) + "\\n")
"""


def loaded_modules(
    args: list[str], tmp_path: Path, stdin: str | None = None
) -> tuple[int, set[str]]:
    env = {**os.environ, "LADDER_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    report = json.loads(line.removeprefix("MODULES "))
    return report["code"], set(report["modules"])


@pytest.mark.parametrize("cached", [False, True], ids=["first-run", "cached"])
def test_json_output_imports_no_prompt_or_rendering_library(tmp_path, cached):
    args = ["recommend", *answer_flags(DIABETES), "--format", "json"]
    if cached:
        loaded_modules(args, tmp_path)
    code, modules = loaded_modules(args, tmp_path)
    assert code == 0
    assert "ladder.engine" in modules  # the probe did run the command
    for name in HEAVY:
        assert name not in modules


def test_batch_imports_no_prompt_or_rendering_library(tmp_path):
    rows = json.dumps(DIABETES) + "\n" + json.dumps({"arena": "nowhere"}) + "\n"
    code, modules = loaded_modules(["batch", "-", "--input-format", "jsonl"], tmp_path, rows)
    assert code == 4  # the second row is bad
    assert "ladder.batch.run" in modules
    for name in HEAVY:
        assert name not in modules


@pytest.mark.parametrize(
    "args",
    [
        ["follow-up", "examples/followup/closure.json", "--rules", "examples/kronoberg.yaml"],
        ["portfolio", "examples/followup/closure.json", "--rules", "examples/kronoberg.yaml"],
    ],
    ids=["follow-up", "portfolio"],
)
def test_follow_up_and_portfolio_as_json_load_no_rendering_library(tmp_path, args):
    code, modules = loaded_modules([*args, "--format", "json"], tmp_path)
    assert code == 0 and "ladder.followup.records" in modules
    for name in HEAVY:
        assert name not in modules


def test_text_output_does_load_rich(tmp_path):
    """The probe can see rich when it is used, so its absence above means something."""
    code, modules = loaded_modules(["recommend", *answer_flags(DIABETES)], tmp_path)
    assert code == 0 and "rich" in modules


def test_yaml_is_read_with_libyaml_when_present():
    if getattr(yaml, "__with_libyaml__", False):
        assert Loader is yaml.CSafeLoader
    else:
        assert Loader is yaml.SafeLoader


def test_module_level_imports_of_heavy_libraries_are_banned_by_ruff():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    done = subprocess.run(
        [ruff, "check", "--select", "TID253", "--output-format", "concise", "ladder"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # And the rule is configured: a module-level `import rich` in the package is reported.
    done = subprocess.run(
        [
            ruff,
            "check",
            "--select",
            "TID253",
            "--no-cache",
            "--stdin-filename",
            "ladder/probe.py",
            "-",
        ],
        input="import rich\nimport questionary\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1 and "TID253" in done.stdout


# The cache of validated rules.


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("LADDER_CACHE_DIR", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # where the key lives
    monkeypatch.delenv("LADDER_NO_CACHE", raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.json"))


@pytest.mark.parametrize("path", SHIPPED_RULES, ids=lambda p: p.stem)
def test_a_cached_load_equals_a_validated_one(cache_dir, path):
    first = load_rules(path)
    assert len(entries(cache_dir)) == 1
    second = load_rules(path)
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    if "extends" in raw:  # an overlay (Kronoberg): with the rules it extends merged in
        raw = resolve(path).raw()
    validated = Rules.model_validate(raw)
    assert second.rules is not first.rules
    assert second.rules == validated == first.rules
    assert second.info == first.info
    # The same fields count as set, so every dump is identical too.
    assert second.rules.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    assert second.rules.model_dump(by_alias=True) == validated.model_dump(by_alias=True)


def test_a_hit_does_not_parse_the_yaml(cache_dir, monkeypatch):
    load_rules(DEFAULT_RULES)
    import ladder.load.loader

    def fail(*args, **kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(ladder.load.loader, "_parse_and_validate", fail)
    assert load_rules(DEFAULT_RULES).rules.steps


def tamper(entry: Path, change) -> None:
    mac, _, payload = entry.read_bytes().partition(b"\n")
    data = json.loads(payload)
    change(data)
    entry.write_bytes(mac + b"\n" + json.dumps(data).encode())


def spy_validation(monkeypatch) -> list[int]:
    import ladder.load.loader

    calls: list[int] = []
    real = ladder.load.loader._parse_and_validate

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ladder.load.loader, "_parse_and_validate", counted)
    return calls


def test_a_tampered_entry_is_rejected_and_replaced(cache_dir, monkeypatch):
    load_rules(MINI_RULES)
    (entry,) = entries(cache_dir)
    tamper(entry, lambda d: d["rules"]["steps"][0].update(id="hacked"))
    calls = spy_validation(monkeypatch)
    loaded = load_rules(MINI_RULES)
    assert calls == [1]
    assert all(s.id != "hacked" for s in loaded.rules.steps)
    load_rules(MINI_RULES)  # the rewritten entry is trusted again
    assert calls == [1]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda e, k: e.write_bytes(e.read_bytes()[:-20]), id="truncated"),
        pytest.param(lambda e, k: e.write_bytes(b"not a cache entry"), id="garbage"),
        pytest.param(lambda e, k: k.write_bytes(os.urandom(32)), id="other-key"),
        pytest.param(lambda e, k: k.unlink(), id="key-gone"),
        pytest.param(lambda e, k: e.chmod(0o666), id="world-writable"),
    ],
)
def test_a_damaged_or_foreign_entry_falls_back_to_validation(cache_dir, monkeypatch, damage):
    load_rules(MINI_RULES)
    (entry,) = entries(cache_dir)
    damage(entry, cache.key_path())
    calls = spy_validation(monkeypatch)
    assert load_rules(MINI_RULES).rules.steps
    assert calls == [1]


def test_an_entry_from_other_code_is_stale(cache_dir, monkeypatch):
    load_rules(MINI_RULES)
    monkeypatch.setattr(cache, "fingerprint", lambda: "another version of ladder")
    calls = spy_validation(monkeypatch)
    load_rules(MINI_RULES)
    assert calls == [1]


def test_an_edited_rules_file_never_meets_the_old_entry(cache_dir, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(MINI_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    load_rules(rules)
    rules.write_text(
        MINI_RULES.read_text(encoding="utf-8").replace("  caps:", "  capz:"), encoding="utf-8"
    )
    with pytest.raises(RulesError) as error:
        load_rules(rules)
    assert "capz" in "\n".join(error.value.details)


def test_invalid_rules_are_never_cached_and_errors_stay_located(cache_dir, tmp_path, monkeypatch):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINI_RULES.read_text(encoding="utf-8").replace("  caps:", "  capz:"), "utf-8")
    with pytest.raises(RulesError) as cached_on:
        load_rules(bad)
    assert entries(cache_dir) == []
    monkeypatch.setenv("LADDER_NO_CACHE", "1")
    with pytest.raises(RulesError) as cached_off:
        load_rules(bad)
    assert cached_on.value.details == cached_off.value.details
    assert any(":" in d and "capz" in d for d in cached_on.value.details)


def test_no_cache_and_an_unwritable_folder_still_load(cache_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LADDER_NO_CACHE", "1")
    assert load_rules(MINI_RULES).rules.steps
    assert not cache_dir.exists()
    monkeypatch.delenv("LADDER_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LADDER_CACHE_DIR", str(blocker / "cache"))
    assert load_rules(MINI_RULES).rules.steps


def test_entries_are_private_and_pruned(cache_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEEP_ENTRIES", 3)
    text = MINI_RULES.read_text(encoding="utf-8")
    for i in range(5):
        variant = tmp_path / f"rules{i}.yaml"
        variant.write_text(text + f"\n# variant {i}\n", encoding="utf-8")
        load_rules(variant)
    assert len(entries(cache_dir)) == 3
    if os.name == "posix":
        assert cache_dir.stat().st_mode & 0o077 == 0
        for path in [*entries(cache_dir), cache.key_path()]:
            assert path.stat().st_mode & 0o077 == 0
