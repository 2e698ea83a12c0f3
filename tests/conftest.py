from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ladder.cli import app
from ladder.load.loader import LoadedRules, load_rules

from .space import Group, decision_groups

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RULES = ROOT / "data" / "ladder.yaml"
KRONOBERG_RULES = ROOT / "examples" / "kronoberg.yaml"
MINI_RULES = ROOT / "tests" / "fixtures" / "mini.yaml"
# Two paths, a floor, a cap, a variant, an optional text question: for tests of mechanisms.
SMALL_RULES = ROOT / "tests" / "fixtures" / "small.yaml"
# The shape of the built-in interview, frozen: two paths (7 and 11 questions), four free texts.
WIZARD_RULES = ROOT / "tests" / "fixtures" / "wizard.yaml"
SHIPPED_RULES = [DEFAULT_RULES, KRONOBERG_RULES]

# A real case: a unit redesigning its diabetes care pathway; the commissioner only allows views.
DIABETES = {
    "arena": "unit_development",
    "purpose": "co_develop",
    "mandate": "views",
    "acceptance": "high",
    "timeframe": "months",
    "resources": "some",
    "participants": "condition_group",
}


# The opening words of `ladder --help`: ladder's own, where "Usage" would be click's.
APP_HELP = "Decide how to involve patients and relatives"


def answer_flags(answers: dict[str, str]) -> list[str]:
    return [arg for key, value in answers.items() for arg in ("-a", f"{key}={value}")]


@pytest.fixture(scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session", autouse=True)
def private_cache(cache_folder: Path) -> Iterator[None]:
    """Session fixtures load rules before any test's own environment is set: they too use the
    tests' cache and key, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LADDER_CACHE_DIR", str(cache_folder))
        patch.setenv("XDG_STATE_HOME", str(cache_folder / "state"))
        yield


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, cache_folder: Path) -> None:
    """Tests see no user settings: built-in rules, English, no colour, a fixed width, and a
    rules cache of their own (never the user's)."""
    monkeypatch.setenv("LADDER_CACHE_DIR", str(cache_folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(cache_folder / "state"))  # the cache's key
    for name in (
        "LADDER_RULES",
        "LADDER_LANG",
        "LADDER_CHECK_BUDGET",
        "LC_ALL",
        "LC_MESSAGES",
        "SOURCE_DATE_EPOCH",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERMINAL_WIDTH", "100")


@pytest.fixture(scope="session", params=SHIPPED_RULES, ids=lambda p: p.stem)
def shipped(request: pytest.FixtureRequest) -> LoadedRules:
    return load_rules(request.param)


@pytest.fixture(scope="session")
def groups(shipped: LoadedRules) -> list[Group]:
    """The shipped file's answer space grouped by decision (tests/space.py)."""
    return decision_groups(shipped.rules)


@pytest.fixture(scope="session")
def default_rules() -> LoadedRules:
    return load_rules(DEFAULT_RULES)


@pytest.fixture(scope="session")
def small_rules() -> LoadedRules:
    return load_rules(SMALL_RULES)


@pytest.fixture()
def cli():
    """Run the CLI in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def wizard_rules() -> LoadedRules:
    return load_rules(WIZARD_RULES)
