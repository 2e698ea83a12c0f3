"""The rules files shipped with ladder: the default, and those `extends: builtin:NAME` names.

In the wheel they are ladder/data/*.yaml; in a source checkout data/ladder.yaml and examples/."""

from __future__ import annotations

from pathlib import Path

DEFAULT_RULES_NAME = "ladder.yaml"


def default_rules_path() -> Path:
    """The packaged default rules (inside the wheel), or data/ladder.yaml in a source checkout."""
    return _shipped(DEFAULT_RULES_NAME, Path("data") / DEFAULT_RULES_NAME)


# `extends: builtin:NAME` -> (name in the wheel, place in a source checkout)
BUILTINS = {"kronoberg": ("kronoberg.yaml", Path("examples") / "kronoberg.yaml")}


def builtin_rules() -> dict[str, Path]:
    """The shipped rules files an overlay can extend: `builtin` is the default."""
    shipped = {
        name: _shipped(packaged, checkout) for name, (packaged, checkout) in BUILTINS.items()
    }
    return {"default": default_rules_path(), **shipped}


def _shipped(packaged_name: str, in_checkout: Path) -> Path:
    packaged = Path(__file__).parent.parent / "data" / packaged_name  # where the wheel puts it
    checkout = Path(__file__).resolve().parents[2] / in_checkout
    if packaged.is_file():
        return packaged
    if not checkout.is_file():
        from importlib import resources  # only zipped installs get here; it costs start-up

        zipped = resources.files("ladder") / "data" / packaged_name
        if zipped.is_file():
            return Path(str(zipped))
    return checkout
