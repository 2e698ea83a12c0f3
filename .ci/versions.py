"""Print the resolved versions of ladder's direct dependencies and the libraries under them."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

NAMES = ("typer", "click", "rich", "PyYAML", "questionary", "prompt_toolkit", "pydantic", "python-docx")


def click_version() -> str:
    """typer 0.26 and later carry click inside (typer._click), which names its source."""
    try:
        return version("click")
    except PackageNotFoundError:
        import typer._click as bundled

        found = re.search(r"releases/tag/([\w.]+)", bundled.__doc__ or "")
        return f"bundled in typer (from {found.group(1) if found else 'an unnamed release'})"


def main() -> None:
    import yaml

    parts = []
    for name in NAMES:
        text = click_version() if name == "click" else version(name)
        if name == "PyYAML":
            text += " with libyaml" if yaml.__with_libyaml__ else " (pure Python)"
        parts.append(f"{name} {text}")
    print("resolved: " + ", ".join(parts))


if __name__ == "__main__":
    main()
