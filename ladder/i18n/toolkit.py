"""typer's and click's own words (usage, headings, their options' help, usage errors) through
the same catalogue as the rest. typer's vendored click writes them as plain English f-strings,
so they are translated where they are written: in the help formatter and in a usage error's
report. The English texts, with their variable parts as {placeholders}, are catalogue msgids
under the keys `toolkit.*`."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import typer
from typer._click.exceptions import UsageError

from ladder.i18n.english import ENGLISH
from ladder.i18n.messages import DEFAULT_LANGUAGE, t

PREFIX = "toolkit."
# Metavars in the usage line, and the keys that translate them.
METAVARS = ("toolkit.options_metavar", "toolkit.command_metavar")
# Parts of a composite message that are themselves typer's words, translated in turn.
NESTED = {"message", "reason", "value"}


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every toolkit text as a pattern, the most specific (longest literal text) first."""
    found = []
    for key, english in ENGLISH.items():
        if key.startswith(PREFIX) and key not in METAVARS and isinstance(english, str):
            parts = list(string.Formatter().parse(english))
            regex = "".join(
                re.escape(text) + (f"(?P<{name}>.+?)" if name else "") for text, name, _, _ in parts
            )
            found.append((sum(len(text) for text, *_ in parts), key, re.compile(regex, re.S)))
    return [(key, regex) for _, key, regex in sorted(found, key=lambda f: -f[0])]


def translate(text: str, lang: str) -> str:
    """`text` in `lang` if it is one of typer's or click's texts, else as it is."""
    if lang == DEFAULT_LANGUAGE:
        return text
    for key, regex in _patterns():
        match = regex.fullmatch(text)
        if match:
            values = {
                name: translate(value, lang) if name in NESTED else value
                for name, value in match.groupdict().items()
            }
            return t(key, lang, **values)
    return text


def _usage_args(args: str, lang: str) -> str:
    for key in METAVARS:
        args = args.replace(t(key, DEFAULT_LANGUAGE), t(key, lang))
    return args


def translated_context(lang: str) -> type[typer.Context]:
    """A Context whose help formatter writes typer's and click's words in `lang`."""
    base = typer.Context.formatter_class

    class Formatter(base):  # type: ignore[valid-type,misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            usage = f"{t('toolkit.usage', lang)} " if prefix is None else prefix
            super().write_usage(prog, _usage_args(args, lang), usage)

        def write_heading(self, heading: str) -> None:
            super().write_heading(translate(heading, lang))

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            rows = [(term, translate(text, lang)) for term, text in rows]
            super().write_dl(rows, *args, **kwargs)

    class Context(typer.Context):
        formatter_class = Formatter

    return Context


class TranslatedUsageError(UsageError):
    """A usage error reported as click reports it, in the user's language."""

    def __init__(self, error: UsageError, lang: str) -> None:
        super().__init__(translate(error.format_message(), lang), error.ctx)
        self.exit_code = error.exit_code
        self.lang = lang

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        ctx, hint = self.ctx, ""
        if ctx is not None and ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            hint = t("toolkit.try_help", self.lang, command=command) + "\n"
        color = ctx.color if ctx is not None else None
        if ctx is not None:
            typer.echo(f"{ctx.get_usage()}\n{hint}", file=file, err=file is None, color=color)
        message = t("toolkit.error", self.lang, message=self.message)
        typer.echo(message, file=file, err=file is None, color=color)


@contextmanager
def usage_errors_in(lang: str) -> Iterator[None]:
    """Usage errors raised inside, reported in `lang` (those that show help stay as they are)."""
    try:
        yield
    except UsageError as error:
        if lang == DEFAULT_LANGUAGE or type(error).show is not UsageError.show:
            raise
        raise TranslatedUsageError(error, lang) from None
