"""One exception hierarchy; each error carries its exit code and is printed once, by the CLI."""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_RULES = 3
EXIT_ANSWER = 4
EXIT_NOT_INTERACTIVE = 5
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


@dataclass(frozen=True)
class Problem:
    """One located problem in a file: `file:line:column: path: message`."""

    file: str
    line: int
    column: int
    path: str  # by position: questions[0].options[1]
    message: str
    named: str = ""  # the same path with list items named by their ids, where they have them
    fix: str = ""  # how to fix this problem, where the loader knows more than "correct it"

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        path = self.named or self.path
        return f"{where}: {path}: {self.message}" if path else f"{where}: {self.message}"


class LadderError(Exception):
    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class RulesError(LadderError):
    exit_code = EXIT_RULES

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message, [str(p) for p in problems])
        self.problems = problems


class AnswerError(LadderError):
    """Answers that cannot be used. As data: `questions`, each question the error is about
    with its option ids (none for free text or an unknown question), and `missing`, the
    required ones without an answer, one per detail line. The messages name questions and
    answers only; the command line adds the flags that answer them."""

    exit_code = EXIT_ANSWER

    def __init__(
        self,
        message: str,
        details: list[str] | None = None,
        *,
        questions: dict[str, tuple[str, ...]] | None = None,
        missing: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, details)
        self.questions = questions or {}
        self.missing = missing


class NotInteractiveError(LadderError):
    exit_code = EXIT_NOT_INTERACTIVE


class Terminated(BaseException):
    """SIGTERM, raised by the CLI's signal handler. Not an Exception, so that nothing swallows
    it; it unwinds like Ctrl-C, so `finally` blocks remove temporary files."""

    exit_code = EXIT_TERMINATED


class Interrupted(BaseException):
    """SIGINT (Ctrl-C outside a prompt), raised by the CLI's signal handler, so that it is
    not turned into the argument parser's "Aborted!" and exit 1."""

    exit_code = EXIT_INTERRUPTED


class OutputError(LadderError):
    """An output file exists (without --force) or cannot be written: a usage problem.
    `file` is the file; `not_a_file` when it is a folder, a device or a pipe (the command
    line then points at standard output)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, file: str = "", *, not_a_file: bool = False) -> None:
        super().__init__(message)
        self.file = file
        self.not_a_file = not_a_file


class UsageError(LadderError):
    """An option's value that cannot be used (an unknown --encoding): a usage problem."""

    exit_code = EXIT_USAGE


class NotAFileError(OSError):
    """A path given as an input file names a device, a socket or a pipe nobody writes to:
    refused at once, never read (reading could block forever or never end)."""

    def __init__(self, path: object, pipe: bool = False) -> None:
        key = "os.empty_pipe" if pipe else "os.not_a_file"
        super().__init__(0, key, str(path))
        self.key = key


class SettingError(LadderError):
    """An environment variable whose value cannot be used (SOURCE_DATE_EPOCH=soon)."""

    exit_code = EXIT_USAGE
