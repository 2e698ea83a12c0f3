"""Keep the message catalogues in step with the English table (ladder/i18n/english.py).

    python docs/catalogue.py          # regenerate ladder.pot, update sv/ladder.po, compile .mo
    python docs/catalogue.py --merge  # first fold ladder/i18n/pending_*.py in, then delete them

A pending module holds `PENDING = {"key": {"sv": "...", "en": "..."}}` (with "sv_one" and
"en_one" for a text that depends on a count). New keys become new entries; an existing key gets
both its texts replaced. Updating works like msgmerge: an entry whose English changed becomes
fuzzy (or goes missing), and must be translated again before the tests pass. Babel is build
tooling only: the tool itself reads the .mo with the stdlib's gettext.
"""

from __future__ import annotations

import argparse
import ast
import io
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "ladder" / "i18n"
ENGLISH = I18N / "english.py"
POT = I18N / "locale" / "ladder.pot"
PO = I18N / "locale" / "sv" / "LC_MESSAGES" / "ladder.po"
MO = PO.with_suffix(".mo")
HEADER = '"""The English texts (gettext msgids) of every user-facing message, by stable key.\n\n'

Entry = str | tuple[str, str]


def read_english() -> dict[str, Entry]:
    """The table in english.py, read without importing the package."""
    tree = ast.parse(ENGLISH.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "ENGLISH":
            return dict(ast.literal_eval(node.value))  # type: ignore[arg-type]
    raise SystemExit(f"{ENGLISH}: no ENGLISH table")


def template(english: dict[str, Entry]) -> Catalog:
    """The .pot: one entry per key, msgctxt = the key."""
    pot = Catalog(project="ladder", fuzzy=False)
    for key, msgid in english.items():
        pot.add(msgid, context=key)
    return pot


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def write_catalog(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    path.write_bytes(buffer.getvalue())


def update(english: dict[str, Entry], swedish: dict[str, Entry] | None = None) -> Catalog:
    """Write the .pot and the updated sv.po; `swedish` (key -> text) replaces translations."""
    pot = template(english)
    POT.parent.mkdir(parents=True, exist_ok=True)
    write_catalog(pot, POT)
    if PO.exists():
        po = read_catalog(PO)
        po.update(pot, no_fuzzy_matching=False, update_header_comment=False)
        po.obsolete.clear()  # the keys that are gone: nothing to keep them for
    else:
        po = Catalog(locale="sv", project="ladder", fuzzy=False)
        po.update(pot)
    for key, text in (swedish or {}).items():
        message = po.get(english[key], context=key)
        message.string = text
        message.flags.discard("fuzzy")
    write_catalog(po, PO)
    compile_mo(po)
    return po


def compile_mo(po: Catalog) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    MO.write_bytes(buffer.getvalue())


def pending() -> list[Path]:
    return sorted(I18N.glob("pending_*.py"))


def merge(english: dict[str, Entry]) -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Fold the pending modules into the English table; the Swedish texts they bring."""
    swedish: dict[str, Entry] = {}
    for path in pending():
        module: dict[str, object] = {}
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module)
        for key, texts in module["PENDING"].items():  # type: ignore[attr-defined]
            if "en_one" in texts:
                english[key] = (texts["en_one"], texts["en"])
                swedish[key] = (texts["sv_one"], texts["sv"])
            else:
                english[key] = texts["en"]
                swedish[key] = texts["sv"]
    return english, swedish


def write_english(english: dict[str, Entry]) -> None:
    """english.py again, in key order, every line within the line length."""
    lines = [
        HEADER + "Edit it by hand, or let `docs/catalogue.py --merge` fold pending modules in;\n"
        'then run `python docs/catalogue.py` to update the catalogues."""',
        "",
        "ENGLISH: dict[str, str | tuple[str, str]] = {",
    ]
    for key in sorted(english):
        value = english[key]
        if isinstance(value, tuple):
            lines.append(f"    {key!r}: (")
            lines.extend(f"{_wrapped(text, 8)}," for text in value)
            lines.append("    ),")
        else:
            one = f"    {key!r}: {value!r},"
            long = f"    {key!r}: (\n{_wrapped(value, 8)}\n    ),"
            lines.append(one if len(one) <= 100 else long)
    lines.append("}")
    ENGLISH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(ENGLISH)], check=False)


def _wrapped(text: str, indent: int) -> str:
    """`text` as adjacent string literals of at most 100 characters a line, broken at spaces."""
    pad, width, parts = " " * indent, 100 - indent - 1, []
    while len(repr(text)) > width:
        cut = max(
            (i for i, c in enumerate(text) if c == " " and len(repr(text[: i + 1])) <= width),
            default=-1,
        )
        if cut <= 0:
            break
        parts.append(text[: cut + 1])
        text = text[cut + 1 :]
    parts.append(text)
    return "\n".join(f"{pad}{part!r}" for part in parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--merge", action="store_true", help="fold pending_*.py in first")
    args = parser.parse_args(argv)
    english, swedish = read_english(), {}
    if args.merge and pending():
        english, swedish = merge(english)
        write_english(english)
        english = read_english()  # in the file's order, which the template follows
    po = update(english, swedish)
    if args.merge:
        for path in pending():
            path.unlink()
    untranslated = [m.context for m in po if m.id and (m.fuzzy or not _done(m.string))]
    for key in untranslated:
        print(f"to translate: {key}", file=sys.stderr)
    return 1 if untranslated else 0


def _done(string: object) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
