"""The command line: parse, call the core, render, and map errors to exit codes."""

# No `from __future__ import annotations`: typer reads each command's annotations three
# times while it builds the commands, and string annotations are compiled every time.

import signal
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias

import typer

from ladder import __version__
from ladder.cli_ending import (
    drop_stdout,
    emit,
    errors_reported,
    io_failed,
    language,
    refuse_binary_on_terminal,
)
from ladder.completion import (
    complete_answer,
    complete_language,
    complete_reader,
    install_shell_completion,
)
from ladder.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Interrupted,
    Terminated,
)
from ladder.i18n.language import known_language
from ladder.i18n.messages import t
from ladder.i18n.toolkit import translated_context, usage_errors_in
from ladder.output import formats


def _help_language(argv: list[str]) -> str:
    """The language of the help texts, which are built before the options are parsed: a
    `--lang` on the command line, else the environment's."""
    given = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            given = argv[i + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
    return known_language(given)


HELP_LANG = _help_language(sys.argv[1:])


def _choices(result: str, *more: str) -> Any:
    """The --format choices for results, from the one list of formats."""
    choices = {name: name for name in formats.names(result, *more)}
    return Enum(f"{result.title()}Format", choices, type=str)


# For typer an Enum of the names; for the type checker, the name it holds.
if TYPE_CHECKING:
    Format: TypeAlias = str
    ListFormat: TypeAlias = str
    CheckFormat: TypeAlias = str
    BatchOutput: TypeAlias = str
    FollowUpFormat: TypeAlias = str
    PortfolioFormat: TypeAlias = str
else:
    Format = _choices(formats.RECOMMENDATION, formats.PLAN)  # a plan file gives a plan
    ListFormat = _choices(formats.QUESTIONS)  # questions and steps
    CheckFormat = _choices(formats.CHECK)  # check and diff
    BatchOutput = _choices(formats.BATCH)
    FollowUpFormat = _choices(formats.FOLLOWUP)
    PortfolioFormat = _choices(formats.PORTFOLIO)


FORMAT_BY_SUFFIX = t(
    "help.format_from_suffix",
    HELP_LANG,
    suffixes=", ".join(formats.suffixes(formats.RECOMMENDATION, formats.PLAN)),
)


def _name(choice: str) -> str:
    """The format name an option holds (typer passes the Enum member)."""
    return str(getattr(choice, "value", choice))


def _h(key: str) -> str:
    return t(f"help.{key}", HELP_LANG)


def _m(key: str) -> str:
    return t(f"metavar.{key}", HELP_LANG)


RulesOpt = Annotated[Path | None, typer.Option("--rules", help=_h("rules"), metavar=_m("file"))]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help=_h("lang"), metavar="sv|en", autocompletion=complete_language),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help=_h("no_color"))]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help=_h("output"), metavar=_m("file"))
]
ForceOpt = Annotated[bool, typer.Option("--force", help=_h("force"))]
ListFormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help=_h("format"))]
AnswerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--answer", "-a", help=_h("answer"), metavar=_m("answer"), autocompletion=complete_answer
    ),
]
AnswersFileOpt = Annotated[
    Path | None, typer.Option("--answers", help=_h("answers"), metavar=_m("file"))
]


class LadderGroup(typer.core.TyperGroup):
    """typer's group, with the shell completion that completes an answer after `=`, and
    typer's and click's own words (help, usage errors) in the help language."""

    context_class = translated_context(HELP_LANG)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        install_shell_completion()  # after typer has registered its own, before any is used
        return super().main(*args, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with usage_errors_in(HELP_LANG):
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with usage_errors_in(HELP_LANG):  # a command's own parsing is done in here
            return super().invoke(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            command.context_class = self.context_class
        return command


app = typer.Typer(help=_h("app"), add_completion=True, rich_markup_mode=None, cls=LadderGroup)


def _version(value: bool) -> None:
    if value:
        print(f"ladder {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_h("version"))
    ] = False,
    lang: LangOpt = None,
) -> None:
    if lang is not None:  # `ladder --lang sv CMD`: the command's default; its own --lang wins
        language(lang)
        commands = getattr(ctx.command, "commands", {})
        ctx.default_map = {name: {"lang": lang} for name in commands}
    if ctx.invoked_subcommand is None:
        if sys.stdin.isatty() and sys.stdout.isatty():  # a person at a terminal: interview
            _wizard([], None, False, None, lang, False)
            return
        print(ctx.get_help())


@app.command(help=_h("recommend"))
def recommend(
    answer: AnswerOpt = None,
    answers: AnswersFileOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help=FORMAT_BY_SUFFIX)] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    no_color: NoColorOpt = False,
    require_complete: Annotated[
        bool, typer.Option("--require-complete", help=_h("require_complete"))
    ] = False,
    reader: Annotated[
        str | None,
        typer.Option(
            "--reader", help=_h("reader"), metavar=_m("reader"), autocompletion=complete_reader
        ),
    ] = None,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.app import recommend_or_plan

        rec, notes = recommend_or_plan(rules, answer or [], answers, lang, reader)
        for note in notes:
            sys.stderr.write(note + "\n")
        if require_complete:
            from ladder.app import require_complete as check_complete

            check_complete(rec, lang)
        if output is not None and str(output) == "-":
            output = None
        fmt = _name(format) if format else "text"
        if format is None and output is not None:
            fmt = formats.by_suffix(output, (formats.RECOMMENDATION, formats.PLAN), "text")
        if fmt == "text" and output is None:
            from ladder.output.text import make_console, render_result

            render_result(rec, make_console(color=not no_color))
            return
        refuse_binary_on_terminal(fmt, output, lang)
        from ladder.app import format_recommendation

        emit(format_recommendation(rec, fmt), output, force, lang)


@app.command(help=_h("questions"))
def questions(
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: ListFormatOpt = "text",
    no_color: NoColorOpt = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.load.loader import load_rules

        loaded = load_rules(rules, lang)
        if _name(format) == "text":
            from ladder.output.text import make_console, render_questions

            render_questions(loaded.rules, lang, make_console(color=not no_color))
            return
        from ladder.output.record import dump, questions_to_dict

        sys.stdout.write(dump(questions_to_dict(loaded.rules, lang), _name(format)))


@app.command(help=_h("steps"))
def steps(
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: ListFormatOpt = "text",
    no_color: NoColorOpt = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.load.loader import load_rules
        from ladder.wording import steps_out

        loaded = load_rules(rules, lang)
        ladder = steps_out(loaded.rules, lang)
        if _name(format) == "text":
            from ladder.output.text import make_console, render_steps

            render_steps(loaded.rules, ladder, lang, make_console(color=not no_color))
            return
        from ladder.output.record import dump, steps_to_dict

        sys.stdout.write(dump(steps_to_dict(ladder, lang), _name(format)))


@app.command(help=_h("wizard"))
def wizard(
    answer: AnswerOpt = None,
    answers: AnswersFileOpt = None,
    skip_answered: Annotated[
        bool, typer.Option("--skip-answered", help=_h("skip_answered"))
    ] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    _wizard(answer or [], answers, skip_answered, rules, lang, no_color)


def _wizard(
    pairs: list[str],
    answers: Path | None,
    skip_answered: bool,
    rules: Path | None,
    lang_option: str | None,
    no_color: bool,
) -> None:
    lang = language(lang_option)
    with errors_reported(lang):
        from ladder.interview.wizard import run_wizard

        run_wizard(
            rules,
            pairs,
            answers,
            lang,
            lang_option=lang_option,
            skip_answered=skip_answered,
            color=not no_color,
        )


@app.command(help=_h("check"))
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help=_h("check_files"), metavar=_m("file"), show_default=False),
    ] = None,
    rules: RulesOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=_h("strict"))] = False,
    placeholders: Annotated[bool, typer.Option("--placeholders", help=_h("placeholders"))] = False,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help=_h("format"))] = "text",
    lang: LangOpt = None,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.check.checker import check_files, report_to_dict, report_to_text
        from ladder.errors import EXIT_RULES
        from ladder.load.loader import find_rules

        targets = list(files or []) or [find_rules(rules)]
        if placeholders:
            from ladder.app import placeholders_output

            sys.stdout.write(placeholders_output(targets, _name(format), lang))
            return
        report = check_files(targets, lang)
        if _name(format) == "json":
            from ladder.output.record import dump

            sys.stdout.write(dump(report_to_dict(report, strict, lang), "json"))
        else:
            sys.stdout.write(report_to_text(report, lang))
        if report.failed(strict):
            raise typer.Exit(EXIT_RULES)


@app.command(help=_h("diff"))
def diff(
    old: Annotated[Path, typer.Argument(help=_h("diff_old"), metavar=_m("old"))],
    new: Annotated[Path, typer.Argument(help=_h("diff_new"), metavar=_m("new"))],
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help=_h("format"))] = "text",
    examples: Annotated[
        int, typer.Option("--examples", min=0, max=50, help=_h("diff_examples"))
    ] = 3,
    texts: Annotated[bool, typer.Option("--texts", help=_h("diff_texts"))] = False,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.check.diff import diff_files
        from ladder.check.diff_output import diff_to_dict, diff_to_text

        report = diff_files(old, new, lang, examples)
        if _name(format) == "json":
            from ladder.output.record import dump

            sys.stdout.write(dump(diff_to_dict(report), "json"))
        else:
            sys.stdout.write(diff_to_text(report, lang, texts))


@app.command(help=_h("schema"))
def schema(
    path: Annotated[bool, typer.Option("--path", help=_h("schema_path"))] = False,
) -> None:
    with errors_reported(HELP_LANG):
        from ladder.load.schema import SCHEMA_FILE, schema_text

        sys.stdout.write(f"{SCHEMA_FILE}\n" if path else schema_text())


@app.command("init-region", help=_h("init_region"))
def init_region(
    region_id: Annotated[str, typer.Argument(help=_h("init_region_id"), metavar="ID")],
    name: Annotated[
        str | None, typer.Option("--name", help=_h("init_region_name"), metavar=_m("name"))
    ] = None,
    extends: Annotated[
        str, typer.Option("--extends", help=_h("init_region_extends"), metavar=_m("base"))
    ] = "builtin",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=_h("init_region_output"), metavar=_m("file")),
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.app import init_region as write_region
        from ladder.io.files import written_message

        for path in write_region(region_id, name, extends, output, force, lang):
            sys.stderr.write(written_message(path, lang) + "\n")


@app.command(help=_h("show"))
def show(
    file: Annotated[Path | None, typer.Argument(help=_h("show_file"), metavar=_m("file"))] = None,
    resolved: Annotated[bool, typer.Option("--resolved", help=_h("show_resolved"))] = False,
    lang: LangOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.app import show_rules

        text, problems = show_rules(file, resolved, lang)
        emit(text, output, force, lang)
        if problems is not None:
            raise problems


class BatchInput(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    yaml = "yaml"


@app.command(help=_h("batch"))
def batch(
    file: Annotated[str, typer.Argument(help=_h("batch_file"), metavar=_m("file"))],
    input_format: Annotated[
        BatchInput | None, typer.Option("--input-format", help=_h("input_format"))
    ] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[
        BatchOutput, typer.Option("--format", "-f", help=_h("batch_format"))
    ] = "jsonl",
    output: OutputOpt = None,
    force: ForceOpt = False,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help=_h("encoding"), metavar=_m("name"))
    ] = None,
    csv_raw: Annotated[bool, typer.Option("--csv-raw", help=_h("csv_raw"))] = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.batch import run as runner
        from ladder.load.loader import load_rules

        loaded = load_rules(rules, lang)
        fmt = input_format.value if input_format else None
        if output is not None and str(output) == "-":
            output = None
        args = (file, loaded, lang, fmt, _name(format), output, force)
        if sys.stderr.isatty():
            from ladder.output.text import progress_bar

            with progress_bar(t("batch.progress", lang)) as progress:
                summary = runner.run(*args, progress, encoding, csv_raw)
        else:
            summary = runner.run(*args, None, encoding, csv_raw)
        if output is not None:
            from ladder.io.files import written_message

            sys.stderr.write(written_message(output, lang) + "\n")
        sys.stderr.write(runner.summary_text(summary, lang) + "\n")
    if summary.exit_code:
        raise typer.Exit(summary.exit_code)


@app.command("follow-up", help=_h("follow_up"))
def follow_up(
    record: Annotated[Path, typer.Argument(help=_h("follow_up_record"), metavar=_m("file"))],
    responses: Annotated[
        Path | None, typer.Option("--responses", help=_h("responses"), metavar=_m("file"))
    ] = None,
    easy_read: Annotated[bool, typer.Option("--easy-read", help=_h("easy_read"))] = False,
    save_state: Annotated[bool, typer.Option("--save-state", help=_h("save_state"))] = False,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[
        FollowUpFormat, typer.Option("--format", "-f", help=_h("followup_format"))
    ] = "text",
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.followup.render import follow_up as build
        from ladder.followup.render import render_followup

        if save_state and responses is None:
            from ladder.errors import UsageError

            raise UsageError(t("followup.state_needs_responses", lang))
        result = build(record, rules, responses, lang, easy_read)
        if save_state:
            from ladder.followup.report import save_state as save

            sys.stderr.write(t("followup.state_written", lang, file=save(result, lang)) + "\n")
        emit(render_followup(result, _name(format)), output, force, lang)


@app.command(help=_h("portfolio"))
def portfolio(
    records: Annotated[
        list[Path], typer.Argument(help=_h("portfolio_records"), metavar=_m("file"))
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=_h("as_of"), metavar="YYYY-MM-DD")
    ] = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    format: Annotated[
        PortfolioFormat, typer.Option("--format", "-f", help=_h("portfolio_format"))
    ] = "text",
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    lang = language(lang)
    with errors_reported(lang):
        from ladder.followup.render import build_portfolio, render_portfolio

        result = build_portfolio(records, rules, as_of, lang)
        emit(render_portfolio(result, _name(format)), output, force, lang)


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # let the clean-up finish
    raise Terminated()


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted()


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)  # unwind like Ctrl-C: no temporary file stays
    signal.signal(signal.SIGINT, _interrupt)
    try:
        try:
            app(prog_name="ladder")
        finally:  # help and --version are written by the parser, outside any command
            sys.stdout.flush()
    except BrokenPipeError:
        drop_stdout()
        sys.exit(EXIT_OK)
    except OSError as error:  # a full disk under `ladder --help > file`: as for every command
        drop_stdout()
        sys.stderr.write(io_failed(error, HELP_LANG) + "\n")
        sys.exit(EXIT_USAGE)
    except Terminated:  # before or between commands
        sys.stderr.write(t("cli.terminated", HELP_LANG) + "\n")
        sys.exit(EXIT_TERMINATED)
    except Interrupted:
        sys.stderr.write(t("cli.interrupted", HELP_LANG) + "\n")
        sys.exit(EXIT_INTERRUPTED)
