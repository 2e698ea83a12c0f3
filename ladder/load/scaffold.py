"""A new region's rules file: an overlay of a shipped file with the region's id and name, one
structure of its own and a worked example that `ladder check --strict` passes as written."""

from __future__ import annotations

import json
import re
from pathlib import Path
from string import Template

from ladder.errors import UsageError
from ladder.i18n.messages import t
from ladder.io.untrusted import first_invisible, has_control, shown
from ladder.model import ID_PATTERN

SCHEMA_NAME = "rules.schema.json"  # written beside the overlay; its modeline names it
MAX_NAME = 100
TEMPLATE = Path(__file__).with_name("region_template.yaml")


def default_name(region_id: str) -> str:
    """`vastra_gotaland` -> `Region Vastra Gotaland`: a start the editor corrects."""
    return "Region " + " ".join(word.capitalize() for word in region_id.split("_"))


def region_overlay(region_id: str, name: str, extends: str, file_name: str, lang: str) -> str:
    """The overlay's text. The region's name goes into YAML only inside double-quoted scalars,
    never into a comment or a key."""
    _check_id(region_id, lang)
    _check_name(name, lang)
    comments = [
        f"# yaml-language-server: $schema={SCHEMA_NAME}",
        "#",
        *(
            f"# {line}".rstrip()
            for key in ("head", "merge", "next", "check")
            for line in t(f"init.comment.{key}", lang, file=shown(file_name)).splitlines()
        ),
    ]
    template = Template(TEMPLATE.read_text(encoding="utf-8").split("\n\n", 1)[1])
    # Inside the template's double quotes: JSON's escapes are YAML's.
    inner = json.dumps(name, ensure_ascii=False)[1:-1]
    body = template.substitute(id=region_id, extends=json.dumps(extends), name=inner)
    return "\n".join(comments) + "\n\n" + body


def _check_id(region_id: str, lang: str) -> None:
    if not re.fullmatch(ID_PATTERN, region_id) or len(region_id) > 40:
        raise UsageError(t("init.bad_id", lang, id=shown(region_id)))


def _check_name(name: str, lang: str) -> None:
    if not name.strip() or len(name) > MAX_NAME or has_control(name) or first_invisible(name):
        raise UsageError(t("init.bad_name", lang, name=shown(name), limit=MAX_NAME))
