"""Messages of the readers and of the library's errors, kept apart until the catalogue moves
to gettext; an entry here replaces the one of the same key."""

PENDING: dict[str, dict[str, str]] = {
    # the library names the question; the command line adds the flag (cli.answer_with)
    "answers.missing_one": {
        "sv": "{id}: {text} Alternativ: {options}.",
        "en": "{id}: {text} Options: {options}.",
    },
    "cli.answer_with": {"sv": " Svara med: {flag}", "en": " Answer with: {flag}"},
    # the library names the file; the command line adds -o - (cli.stdout_hint)
    "output.not_a_file": {
        "sv": "det är ingen vanlig fil (utan en mapp, en enhet eller ett rör); skriv till en fil",
        "en": "it is not a regular file (but a folder, a device or a pipe); write to a file",
    },
    "cli.stdout_hint": {
        "sv": " eller använd -o - för standard ut",
        "en": ", or use -o - for standard output",
    },
    # a batch input has columns (CSV) or keys (JSON Lines, YAML), not flags
    "batch.give_column": {
        "sv": " Ge svaret i en kolumn {id}.",
        "en": " Give the answer in a column {id}.",
    },
    "batch.give_key": {
        "sv": " Ge svaret under nyckeln {id}.",
        "en": " Give the answer under the key {id}.",
    },
}
