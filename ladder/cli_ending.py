"""How a command ends: its failures as one message and a documented exit code, its output
on standard output or in a file written atomically."""

import contextlib
import os
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

import typer

from ladder.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Interrupted,
    LadderError,
    Terminated,
)
from ladder.i18n.language import choose_language, known_language
from ladder.i18n.messages import LANGUAGES, os_problem, t


def language(option: str | None) -> str:
    if option and choose_language(option) not in LANGUAGES:
        fail(t("cli.bad_lang", "en", lang=option), [], EXIT_USAGE)
    return known_language(option)


def fail(message: str, details: list[str], code: int) -> None:
    from ladder.io.untrusted import shown

    text = "\n".join([message, *(f"  {d}" for d in details)])
    # Whatever a message echoes, no terminal code reaches the terminal.
    sys.stderr.write("\n".join(shown(line) for line in text.split("\n")) + "\n")
    raise typer.Exit(code)


@contextlib.contextmanager
def errors_reported(lang: str) -> Iterator[None]:
    """Every failure becomes one clear message on stderr and its documented exit code."""
    try:
        yield
        sys.stdout.flush()  # a failed write shows here, not as noise at exit
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
        drop_stdout()
        raise typer.Exit(EXIT_OK) from None
    except LadderError as error:
        from ladder.hints import with_flag_hints

        fail(*with_flag_hints(error, lang), error.exit_code)
    except Terminated:
        fail(t("cli.terminated", lang), [], EXIT_TERMINATED)
    except (KeyboardInterrupt, Interrupted):
        fail(t("cli.interrupted", lang), [], EXIT_INTERRUPTED)
    except (typer.Exit, typer.Abort):
        raise
    except OSError as error:  # standard output or input failed: a full disk, a lost terminal
        fail(io_failed(error, lang), [], EXIT_USAGE)
    except Exception as error:  # noqa: BLE001 - a bug: say so, and how to report it
        if os.environ.get("LADDER_DEBUG"):
            traceback.print_exc()
        fail(t("cli.internal", lang, error=f"{type(error).__name__}: {error}"), [], EXIT_INTERNAL)


def refuse_binary_on_terminal(fmt: str, output: Path | None, lang: str) -> None:
    """A binary format (a Word document) goes to a file or a pipe: on a terminal it would
    show as noise, so the user is told to name a file instead. UsageError."""
    from ladder.output.formats import BY_NAME, is_binary

    if is_binary(fmt) and output is None and sys.stdout.isatty():
        from ladder.errors import UsageError

        suffix = BY_NAME[fmt].suffixes[0]
        raise UsageError(t("format.binary_terminal", lang, name=fmt, suffix=suffix))


def io_failed(error: OSError, lang: str) -> str:
    return t("cli.io_error", lang, reason=os_problem(error, lang))


def drop_stdout() -> None:
    """Point standard output at the null device: what could not be written is dropped, and
    the flush at exit has nothing left to fail on."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def emit(text: str | bytes, output: Path | None, force: bool, lang: str) -> None:
    if output is None or str(output) == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    from ladder.io.files import write_atomic, written_message

    write_atomic(output, text, force=force, lang=lang)
    sys.stderr.write(written_message(output, lang) + "\n")
