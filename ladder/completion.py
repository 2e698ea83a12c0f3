"""Shell completion of `-a/--answer`: question ids, then option ids after `KEY=`.

typer's bash script sends the words as bash split them, and bash splits at `=`
(`COMP_WORDBREAKS`), so `arena=c` arrived as `arena`, `=`, `c` and completed nothing. Ours
sends the line up to the cursor and answers with the part after the last break character,
which is what bash replaces. A key ends with `=`, so neither bash nor zsh adds a space after it.
"""

from __future__ import annotations

import os
import shlex
from typing import Any

# typer's own completion classes and scripts (typer bundles its click; there is no public API)
from typer import _completion_shared
from typer._click.shell_completion import add_completion_class, split_arg_string
from typer._completion_classes import BashComplete, ZshComplete

BASH_SCRIPT = r"""
%(complete_func)s() {
    local IFS=$'\n'
    COMPREPLY=( $( env COMP_LINE="${COMP_LINE:0:COMP_POINT}" \
                   COMP_WORDBREAKS="$COMP_WORDBREAKS" \
                   %(autocomplete_var)s=complete_bash $1 ) )
    if [[ ${COMPREPLY[0]} == *= ]]; then
        compopt -o nospace
    fi
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""
BASH_WORDBREAKS = "\"'><=;|&(:"  # bash's default, less whitespace


class LineBashComplete(BashComplete):
    """Bash completion from the line up to the cursor, not from bash's split words."""

    source_template = BASH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        line = os.environ.get("COMP_LINE")
        if line is None:  # a script installed by an earlier version
            return super().get_completion_args()
        words = split_arg_string(line)
        if not line or line[-1].isspace():
            return words[1:], ""
        return words[1:-1], words[-1]

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        cut = 0
        if "COMP_LINE" in os.environ:
            breaks = os.environ.get("COMP_WORDBREAKS", BASH_WORDBREAKS)
            breaks = "".join(c for c in breaks if not c.isspace())
            cut = max((incomplete.rfind(c) + 1 for c in breaks), default=0)
        values = [item.value for item in self.get_completions(args, incomplete)]
        return "\n".join(value[cut:] for value in values if value.startswith(incomplete[:cut]))


class KeyZshComplete(ZshComplete):
    """zsh completion that adds no space after a question id and its `=`."""

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        items = self.get_completions(args, incomplete)
        if not items or not all(item.value.endswith("=") for item in items):
            return super().complete()
        specs = " ".join(_zsh_spec(item.value, item.help or "") for item in items)
        return f"local -a keys; keys=({specs}); _describe -t keys key keys -S ''"


def _zsh_spec(value: str, help: str) -> str:
    """`value:help` for _describe, a colon in the value escaped, quoted for eval."""
    escaped = value.replace(":", "\\:")
    return shlex.quote(f"{escaped}:{help}")


def install_shell_completion() -> None:
    """Use these classes and scripts for completion, --show- and --install-completion."""
    add_completion_class(LineBashComplete, "bash")
    add_completion_class(KeyZshComplete, "zsh")
    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT


def complete_answer(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Candidates from the active rules file (`--rules`, $LADDER_RULES or the built-in)."""
    from ladder.errors import LadderError
    from ladder.i18n.language import known_language
    from ladder.load.loader import load_rules

    lang = known_language(_option(ctx, "lang"))
    try:
        rules = load_rules(_option(ctx, "rules"), lang).rules
    except LadderError:
        return []

    key, sep, partial = incomplete.partition("=")
    if not sep:
        return [
            (f"{q.id}=", rules.text(q.text, lang)) for q in rules.questions if q.id.startswith(key)
        ]
    question = next((q for q in rules.questions if q.id == key), None)
    if question is None:
        return []
    done = ""
    if question.multiple:  # `participants=own_patients,` completes the next option
        done, _, partial = partial.rpartition(",")
        done += "," if done else ""
    taken = set(done.split(","))
    return [
        (f"{key}={done}{o.id}", rules.text(o.text, lang))
        for o in question.options
        if o.id.startswith(partial) and o.id not in taken
    ]


def complete_reader(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """`--reader`: standard, then the readers the active rules declare, each with its name."""
    from ladder.errors import LadderError
    from ladder.i18n.language import known_language
    from ladder.i18n.messages import t
    from ladder.load.loader import load_rules

    lang = known_language(_option(ctx, "lang"))
    try:
        rules = load_rules(_option(ctx, "rules"), lang).rules
    except LadderError:
        return []
    names = [("standard", t("readers.standard", lang))]
    names += [(r.id, rules.text(r.name, lang)) for r in rules.expectations.readers]
    return [(id_, name) for id_, name in names if id_.startswith(incomplete)]


def complete_language(incomplete: str) -> list[tuple[str, str]]:
    """`--lang`: the languages, each named in itself."""
    from ladder.i18n.messages import LANGUAGES

    names = {"sv": "svenska", "en": "English"}
    return [(code, names.get(code, code)) for code in LANGUAGES if code.startswith(incomplete)]


def _option(ctx: Any, name: str) -> Any:
    """The option given to the command, else to `ladder` itself (`ladder --lang sv …`)."""
    while ctx is not None:
        value = (getattr(ctx, "params", None) or {}).get(name)
        if value is not None:
            return value
        ctx = getattr(ctx, "parent", None)
    return None
