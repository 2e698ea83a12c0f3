"""Messages of the output formats, in Swedish and English, until they join the catalogue."""

from __future__ import annotations

PENDING: dict[str, dict[str, str]] = {
    "help.format_from_suffix": {
        "sv": "Utdataformat (annars efter filändelsen i --output: {suffixes}; annars text).",
        "en": "Output format (else from the --output file's extension: {suffixes}; else text).",
    },
}
