"""Reader variants: every participant text the invitation is made of has a text for each
declared reader, its own or its fallback's, so `check --strict` keeps a file complete."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ladder.check.codes import WARNING
from ladder.load.references import YamlPath
from ladder.readers import fallbacks


def missing_variants(a: Any) -> None:
    """A finding per participant part, and per inserted text (promise, mandate, time asked)
    a participant part names, that a declared reader would read as the standard text."""
    rules = a.rules
    for reader in rules.expectations.readers:
        chain = fallbacks(rules, reader.id)
        for path, variants in _participant_texts(rules):
            if not any(r in variants for r in chain):
                a.add(
                    "missing.reader_text",
                    WARNING,
                    path,
                    "check.reader_text_missing",
                    reader=reader.id,
                )


def _participant_texts(rules: Any) -> Iterator[tuple[YamlPath, Mapping[str, Any]]]:
    parts = [p for p in rules.expectations.parts if p.audience == "participants"]
    named = " ".join(t for p in parts for t in p.text.values())
    for i, part in enumerate(rules.expectations.parts):
        if part.audience == "participants":
            yield ("expectations", "parts", i), part.readers
    if "{promise}" in named:
        for i, step in enumerate(rules.steps):
            yield ("steps", i), step.readers
            for j, variant in enumerate(step.variants):
                yield ("steps", i, "variants", j), variant.readers
    if "{mandate}" in named:
        yield ("mandate_types",), rules.mandate_types.readers
    if "{time_asked}" in named:
        for i, method in enumerate(rules.methods):
            yield ("methods", i), method.readers
