"""The start-up floor: the smallest typer app shaped like `ladder` (typer, yaml, one command
with a repeatable string option). `ladder`'s start-up is measured against it."""

from __future__ import annotations

from typing import Annotated

import typer
import yaml  # noqa: F401 - ladder imports yaml at start-up; the floor pays the same

app = typer.Typer()


@app.command()
def main(
    answer: Annotated[list[str] | None, typer.Option("--answer", "-a", help="KEY=VALUE.")] = None,
) -> None:
    """Print each answer."""
    for value in answer or []:
        print(value)


if __name__ == "__main__":
    app()
