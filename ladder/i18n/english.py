"""The English texts (gettext msgids) of every user-facing message, by stable key.

Edit it by hand, or let `docs/catalogue.py --merge` fold pending modules in;
then run `python docs/catalogue.py` to update the catalogues."""

ENGLISH: dict[str, str | tuple[str, str]] = {
    "answers.bad_pair": "'{pair}' must be written KEY=VALUE, for example arena=unit_development",
    "answers.control_chars": "the answer to {id} contains control characters",
    "answers.duplicate": "{id} is answered twice with different values ('{first}' and '{second}')",
    "answers.empty": "the answer to {id} is empty",
    "answers.file_not_found": "The answers file {file} does not exist.",
    "answers.file_not_mapping": "{file}: the answers file must be a mapping question: answer",
    "answers.file_too_large": "The answers file {file} is larger than {limit} bytes.",
    "answers.file_unreadable": "The answers file {file} cannot be read: {reason}",
    "answers.invalid": "The answers cannot be used:",
    "answers.invisible_chars": (
        "the answer to {id} contains an invisible or direction-changing character ({code}), which "
        "can make it display as a different answer; remove it"
    ),
    "answers.missing": (
        "{count} required question is not answered:",
        "{count} required questions are not answered:",
    ),
    "answers.missing_one": "{id}: {text} Options: {options}.",
    "answers.not_applicable": "Note: {id} does not apply with these answers and is not used.",
    "answers.not_stdin": (
        "Answers are not read from standard input (-): give an answers file, or use ladder batch "
        "- for answers from standard input."
    ),
    "answers.not_text": "the answer to {id} must be text, not {kind}",
    "answers.not_utf8": "the answer to {id} is not valid UTF-8 text",
    "answers.option": "option",
    "answers.quote_it": 'write the value in quotes: "{value}"',
    "answers.too_long": "the answer to {id} is {length} characters; at most {limit} are accepted",
    "answers.unchecked": (
        "… and {count} more answer, not checked: correct the problems above first",
        "… and {count} more answers, not checked: correct the problems above first",
    ),
    "answers.unknown_option": "'{value}' is not an option of {id}; the options are: {options}",
    "answers.unknown_question": "unknown question '{id}'; the questions are: {ids}",
    "batch.bad_id": "the id must be text or a number, not {kind}",
    "batch.bad_line": "line {line} cannot be read: {reason}",
    "batch.csv_bad_header": "{file}:1: the header row has an empty or repeated column '{column}'.",
    "batch.csv_no_header": "{file}: the CSV file lacks a header row of question ids.",
    "batch.csv_width": "line {line} has {found} fields; the header row has {width}",
    "batch.encoding_not_ascii": (
        "--encoding {encoding} is not supported, since lines are split at the newline byte; save "
        "the file as UTF-8."
    ),
    "batch.failed_rows": "Rows that failed: {rows}.",
    "batch.give_column": " Give the answer in a column {id}.",
    "batch.give_key": " Give the answer under the key {id}.",
    "batch.line_too_long": "the line is longer than {limit} bytes (a line is one set of answers)",
    "batch.not_found": "The input file {file} does not exist.",
    "batch.not_in_encoding": (
        "the text is not {encoding} ({reason}); save the file as UTF-8 and leave out --encoding"
    ),
    "batch.not_object": "the row must be an object of question: answer, not {kind}",
    "batch.progress": "Evaluating rows",
    "batch.save_utf8": (
        "Save the file as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”) or give its encoding, "
        "for example --encoding cp1252 for Excel's plain CSV."
    ),
    "batch.summary": (
        "Batch: {rows} row; recommended: {done}, failed: {failed}, answer sets evaluated: "
        "{distinct}.",
        "Batch: {rows} rows; recommended: {done}, failed: {failed}, answer sets evaluated: "
        "{distinct}.",
    ),
    "batch.surrogate": "the row holds a lone surrogate (such as \\ud800), which is not text",
    "batch.too_large": "larger than {limit} bytes",
    "batch.unknown_encoding": (
        "--encoding {encoding}: unknown encoding (for example utf-8 or cp1252)."
    ),
    "batch.unknown_suffix": (
        "{file}: the format cannot be told from the extension; give --input-format (known "
        "extensions: {suffixes})."
    ),
    "batch.unprintable_id": (
        "the id holds a control or invisible character ({code}) that can make it display as "
        "another id; remove it"
    ),
    "batch.unreadable": "The input {file} cannot be read: {reason}",
    "batch.yaml_not_list": "{file}: YAML input must be a list of mappings question: answer.",
    "check.above": "above",
    "check.below": "below",
    "check.budget": (
        "could not finish checking {what}: the work budget of {limit} steps ran out. Simplify the "
        "conditions, or raise the limit with {name}."
    ),
    "check.budget_setting": "{name} must be a positive whole number (of steps), not '{value}'.",
    "check.cap_no_effect": (
        "cap '{id}' never lowers the level: the level is always already at or below it where it "
        "applies."
    ),
    "check.cap_unexplained": (
        "cap '{id}' is never explained: no warning or statement part names it in `capped_by`, so "
        "a user whose level it lowers is not told why."
    ),
    "check.conditions_dead": (
        "{kind} '{id}': this `any` alternative never holds for reachable answers where the rest "
        "of the conditions hold, so it adds nothing. Fix it or remove it."
    ),
    "check.conditions_not_all": (
        "{kind} '{id}' never applies because of this `not`: it excludes every reachable answer "
        "where the rest of the conditions hold. Narrow the `not` block."
    ),
    "check.conditions_not_none": (
        "{kind} '{id}': the block of this `not` never holds for reachable answers where the rest "
        "of the conditions hold, so the `not` excludes nothing. Fix it or remove it."
    ),
    "check.conditions_single": (
        "`{block}` has one block only, which says no more than that block written directly in the "
        "enclosing conditions; simplify."
    ),
    "check.coverage_level": (
        "{count} reachable answer combination gets no level: {answers}. No rule under "
        "level.target applies. Add a rule for it, or a last rule without `when` as the default.",
        "{count} reachable answer combinations get no level, for example {answers}: no rule under "
        "level.target applies. Add a rule for them, or a last rule without `when` as the default.",
    ),
    "check.coverage_method": (
        "no method fits {answers} (level {level}). Widen a method's `when` or `levels`, or add one."
    ),
    "check.coverage_structure": (
        "no recruitment structure fits {answers} (level {level}). Widen a structure's `when` or "
        "`levels`, or add one."
    ),
    "check.example_answers": "example '{name}' has invalid answers: {reason}",
    "check.example_items": (
        "example '{name}': expected {kind} {ids} among those recommended, got {actual}."
    ),
    "check.example_level": "example '{name}': expected level {expected}, got {actual}.",
    "check.example_missing": "example '{name}' does not answer {ids}.",
    "check.example_unused": (
        "example '{name}' answers '{id}', which is not asked for these answers."
    ),
    "check.fix_label": "fix",
    "check.floor_no_effect": (
        "floor '{id}' never raises the level: the target or other floors are always at least as "
        "high where it applies."
    ),
    "check.item_crowded": (
        "{kind} '{id}' sometimes fits but is never chosen: earlier entries always fill the "
        "{limit} places first. Move it up or narrow the earlier ones."
    ),
    "check.item_never": (
        "{kind} '{id}' is never recommended: its conditions (`when`, `levels`, `capped_by`) never "
        "hold together. Widen them or remove it."
    ),
    "check.lowers": "lowers",
    "check.mandate_unused": (
        "mandate type '{id}' is never used: no structure that can be recommended has it."
    ),
    "check.no_answers": "(no answers)",
    "check.option_alike": (
        "option '{id}' is treated exactly like '{other}' by every rule, so choosing between them "
        "in '{question}' changes nothing. Tell them apart in some rule, or merge them."
    ),
    "check.part_never": "statement part '{id}' is never used: its conditions never hold together.",
    "check.pieces": (
        "could not finish checking {what}: the answer space splits into more than {limit} pieces "
        "at once, which no setting raises. Simplify the conditions, for example by making "
        "follow-up questions required or by joining questions."
    ),
    "check.property_refuted_bound": (
        "property '{id}' does not hold: with {answers} the level is {level}, {relation} {bound}. "
        "The level is set by {rule}."
    ),
    "check.property_refuted_monotone": (
        "property '{id}' does not hold: changing {question} from '{low}' to '{high}' {moves} the "
        "level from {before} to {after} (other answers: {answers}). {after} is set by {rule}."
    ),
    "check.property_shape_bound": (
        "property '{id}': at_most and at_least need either `step` or `from` with `map`, and no "
        "`question`."
    ),
    "check.property_shape_monotone": (
        "property '{id}': monotone needs `question` (a choice question) and no `step`, `from` or "
        "`map`."
    ),
    "check.question_never_asked": (
        "question '{id}' is never asked: its `when` can never hold. Fix the condition or remove "
        "the question."
    ),
    "check.question_unused": (
        "no rule reads the answer to '{id}': the question is asked but changes nothing. Use it in "
        "a `when` or `from`, or remove it."
    ),
    "check.raises": "raises",
    "check.rule_duplicate": (
        "rule '{id}' repeats rule '{first}' exactly (same when, step, from and map); remove one."
    ),
    "check.rule_kind.cap": "cap",
    "check.rule_kind.floor": "floor",
    "check.rule_kind.target": "target rule",
    "check.rule_named": "{kind} '{id}' at {path}",
    "check.rule_never_applies": (
        "rule '{id}' never applies: its `when` (and `from` map) hold for no reachable answers."
    ),
    "check.rule_overlap": (
        "target rules '{first}' and '{id}' both apply to {answers} and set different steps "
        "({step1}, {step2}); '{first}' wins because it comes first. Make their `when`s exclusive, "
        "or order them deliberately."
    ),
    "check.rule_shadowed": (
        "target rule '{id}' never fires: earlier rules ({earlier}) always apply first. Move it up "
        "or narrow them."
    ),
    "check.severity.error": "error",
    "check.severity.warning": "warning",
    "check.stage.coverage": "that every answer combination gets a level, structures and methods",
    "check.stage.floors_caps": "whether each floor and cap has an effect",
    "check.stage.outputs": (
        "whether each structure, method, warning and statement part can be chosen"
    ),
    "check.stage.property": "property '{id}'",
    "check.stage.space": "the answer space and its levels",
    "check.stage.target": "whether the target rules overlap or shadow each other",
    "check.step_never": (
        "step '{id}' is never recommended: no reachable answers lead to it. Check the target's "
        "`map`, the floors and the caps."
    ),
    "check.summary": (
        "{file}: errors {errors}, warnings {warnings}; properties proved {proved} of "
        "{properties}; examples passed {passed} of {examples}; {combinations} answer combinations "
        "in {pieces} pieces."
    ),
    "check.summary_unloaded": (
        "{file}: {count} error; fix it first, then the rest is checked.",
        "{file}: {count} errors; fix them first, then the rest is checked.",
    ),
    "check.text_given": "(free text)",
    "check.warning_never": (
        "warning '{id}' is never raised: its conditions never hold together for any reachable "
        "answers."
    ),
    "cli.answer_with": " Answer with: {flag}",
    "cli.bad_lang": "unknown language '{lang}'; choose sv or en",
    "cli.error": "Error",
    "cli.internal": (
        "Internal error in ladder ({error}). This is a bug: please report the command and the "
        "text above to the tool's maintainers."
    ),
    "cli.interrupted": "Interrupted.",
    "cli.io_error": "Input or output failed: {reason}",
    "cli.stdout_hint": ", or use -o - for standard output",
    "cli.terminated": "Terminated (SIGTERM).",
    "did_you_mean": "did you mean '{guess}'?",
    "diff.added_head": "Added:",
    "diff.always": "always",
    "diff.budget": (
        "{old} -> {new}: could not finish the comparison: the work budget of {limit} steps ran "
        "out. Simplify the conditions, or raise the limit with {name}."
    ),
    "diff.change": (
        "  {kind}: {old} -> {new} ({count} combination)",
        "  {kind}: {old} -> {new} ({count} combinations)",
    ),
    "diff.edited_head": "Settings changed (other than texts):",
    "diff.example": "e.g. {answers}",
    "diff.gained": (
        "  {kind}: + {id} ({count} combination)",
        "  {kind}: + {id} ({count} combinations)",
    ),
    "diff.groups": "By kind: {groups}; together {sum}, the {changed} above.",
    "diff.groups_overlap": (
        "By kind: {groups}; together {sum}, more than the {changed} above, because {count} "
        "combination changes in more than one way.",
        "By kind: {groups}; together {sum}, more than the {changed} above, because {count} "
        "combinations change in more than one way.",
    ),
    "diff.kind.level": "level",
    "diff.kind.methods": "methods",
    "diff.kind.structures": "structures",
    "diff.kind.warnings": "warnings",
    "diff.lost": (
        "  {kind}: - {id} ({count} combination)",
        "  {kind}: - {id} ({count} combinations)",
    ),
    "diff.more": (
        "... and {count} more condition",
        "... and {count} more conditions",
    ),
    "diff.pieces": (
        "{old} -> {new}: could not finish the comparison: the answer space splits into more than "
        "{limit} pieces at once, which no setting raises. Simplify the conditions."
    ),
    "diff.removed_head": "Removed:",
    "diff.renamed_head": "Renamed (same settings, new id; compared under the new id):",
    "diff.spacing": "    {lang}: only spaces or line breaks differ",
    "diff.summary": (
        "{old} -> {new}: {changed} of {combinations} answer combinations change; {only_old} are "
        "reachable only in the old file, {only_new} only in the new one."
    ),
    "diff.texts_head": (
        "{count} text differs (item.field: languages):",
        "{count} texts differ (item.field: languages):",
    ),
    "diff.when": "when {conditions}",
    "engine.no_step": "none",
    "engine.no_target": "No rule under level.target applies to these answers.",
    "engine.result": "Result: {level}.",
    "engine.result_capped": "{raised} was capped at {level}.",
    "engine.result_raised": "The target, {target}, was raised to {raised}.",
    "engine.result_unchanged": "The target, {target}, stands: no floor or cap changed it.",
    "env.bad_epoch": (
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '{value}'"
    ),
    "fix.budget.exceeded": (
        "Raise the work budget with the environment variable named, or split the questions' "
        "`when`s so the answer space has fewer pieces."
    ),
    "fix.coverage.level": (
        "Add a target rule for the answers named, or a last target rule without `when` as the "
        "default."
    ),
    "fix.coverage.method": (
        "Widen the `when` or `levels` of a method so that one fits these answers, or add a method "
        "for them."
    ),
    "fix.coverage.structure": (
        "Widen the `when` or `levels` of a structure so that one fits these answers, or add a "
        "structure for them."
    ),
    "fix.duplicate.rule": (
        "Remove one of the two rules (and its id from `capped_by`, examples and properties)."
    ),
    "fix.example.failed": (
        "Run the example's answers with `ladder recommend` to see why; correct the rules, or "
        "`expect` if the new result is intended."
    ),
    "fix.example.invalid": (
        "Answer every question the example's answers lead to, with option ids of the file "
        "(`ladder questions` lists them)."
    ),
    "fix.example.unused_answer": (
        "Remove the answer from the example: the question is not asked for its other answers."
    ),
    "fix.overlap.rule": (
        "Make the two rules' `when`s exclusive, or put the one that should win first."
    ),
    "fix.simplify.conditions": (
        "Move the one block's keys into the enclosing conditions and delete the `any` or `all`."
    ),
    "fix.dead.branch": (
        "Delete the alternative, or correct its `when` so that it holds for answers the rest of "
        "the item allows."
    ),
    "fix.excluding.not": (
        "Narrow the `not` block to the answers the item must leave out, or delete the item if "
        "it should never apply."
    ),
    "fix.redundant.not": (
        "Delete the `not`, or correct its block so that it names answers the item can meet."
    ),
    "fix.property.refuted": (
        "Run the counterexample with `ladder recommend` and read its explanation; correct the "
        "rule named, or the property if the rule is right."
    ),
    "fix.rules.duplicate_id": "Give one of the two items another id, and update whatever names it.",
    "fix.rules.extra_language": (
        "Remove the text in that language, or add the language to `languages` (and to every text)."
    ),
    "fix.rules.missing_language": (
        "Add the text in that language: every text needs each language listed in `languages`."
    ),
    "fix.rules.placeholder": (
        "Use one of the allowed placeholders (`ladder check --placeholders` lists them), or add a "
        "free-text question with that id."
    ),
    "fix.rules.placeholder_given": (
        "Add the question to the item's `given`, and write a second item with `missing` for when "
        "the answer is not given."
    ),
    "fix.rules.placeholder_taken": (
        "Rename the question, and the placeholders and `given` lists that name it."
    ),
    "fix.rules.property_shape": (
        "Give the fields of one kind of property only (see Properties in docs/rules.md)."
    ),
    "fix.rules.question_kind": (
        "Name a question of the kind needed here, or change the question's `kind`."
    ),
    "fix.rules.ref": "Use an id the file defines (check the spelling), or add the item it names.",
    "fix.rules.step_or_from": (
        "Give a fixed `step`, or `from` a choice question with a `map` from its options to steps."
    ),
    "fix.rules.template": (
        "Write plain `{name}` placeholders only, and `{{` and `}}` for literal braces."
    ),
    "fix.rules.when_order": (
        "Move the question after the questions its `when` names, or name only earlier questions."
    ),
    "fix.schema": (
        "Correct the file at the place named; `ladder schema` shows every key, and an editor with "
        "the schema line completes them."
    ),
    "fix.shadowed.method": (
        "Move the method up the list, narrow the ones before it, or raise `selection.methods`."
    ),
    "fix.shadowed.rule": (
        "Move the rule up, narrow the rules before it, or remove it if it is no longer needed."
    ),
    "fix.shadowed.structure": (
        "Move the structure up the list, narrow the ones before it, or raise "
        "`selection.structures`."
    ),
    "fix.undistinguished.option": (
        "Let a rule or an item treat the two options differently, or merge them into one option."
    ),
    "fix.unexplained.cap": (
        "Add the cap's id to `capped_by` of a warning that says what would lift it, or of the "
        "statement part that says why the level is limited."
    ),
    "fix.unreachable.method": (
        "Correct the method's conditions so that they can hold together (`when`, `levels`, "
        "`capped_by`, `given`), or remove it."
    ),
    "fix.unreachable.part": (
        "Correct the statement part's conditions so that they can hold together, or remove it."
    ),
    "fix.unreachable.question": (
        "Correct the question's `when` (it may only name earlier questions and their options), or "
        "remove the question."
    ),
    "fix.unreachable.rule": (
        "Correct the rule's `when` and `map` so that some answers meet them, or remove the rule."
    ),
    "fix.unreachable.step": (
        "Let a target, floor or cap lead to the step (its `step` or `map`), or remove the step."
    ),
    "fix.unreachable.structure": (
        "Correct the structure's conditions so that they can hold together (`when`, `levels`, "
        "`capped_by`, `given`), or remove it."
    ),
    "fix.unreachable.warning": (
        "Correct the warning's conditions so that they can hold together (a `capped_by` cap must "
        "be able to lower the level to one of its `levels`), or remove it."
    ),
    "fix.unused.mandate_type": (
        "Give a recommendable structure this mandate, or leave the text as it is if the region "
        "has no such structure."
    ),
    "fix.unused.question": (
        "Read the answer in a rule's `when` or `from`, or in the conditions of an item; otherwise "
        "remove the question."
    ),
    "help.answer": "An answer as KEY=VALUE, e.g. arena=unit_development (repeatable).",
    "help.answers": "A YAML or JSON file of answers (question: answer); -a wins over the file.",
    "help.app": (
        "Decide how to involve patients and relatives: the level on the participation ladder, "
        "where to recruit, the method, an invitation for participants and notes for staff. In a "
        "terminal, `ladder` with no command starts the interview."
    ),
    "help.batch": (
        "Many answer sets at once: JSON Lines, CSV or a YAML list in (FILE, or - for stdin), one "
        "result per row out. A bad row becomes an error record and the run goes on; the exit code "
        "is 4 if any row failed.\n\nExample: ladder batch projects.csv --format csv --output "
        "results.csv"
    ),
    "help.batch_file": "Input file (.jsonl, .csv, .yaml), or - for standard input.",
    "help.batch_format": (
        "Output format: jsonl (one line per result), json (a list) or csv (a summary)."
    ),
    "help.check": (
        "Verify rules files: schema, coverage, overlaps, unreachable content, declared properties "
        "and worked examples. Exit code 3 on errors (and on warnings with --strict).\n\nExample: "
        "ladder check --strict data/ladder.yaml"
    ),
    "help.check_files": "Rules files to check (else the active rules).",
    "help.csv_raw": (
        "Write CSV cells as they are. Without it, a cell that starts with = + - @, a tab or a "
        "carriage return gets a leading ' so that a spreadsheet does not evaluate it."
    ),
    "help.diff": (
        "Show which answer combinations change their level, structures, methods or warnings "
        "between two rules files, and what differs in the files themselves: renamed, added and "
        "removed items, other settings, texts.\n\nExample: ladder diff data/ladder.yaml mine.yaml"
    ),
    "help.diff_examples": "Examples shown per change.",
    "help.diff_new": "The new rules file.",
    "help.diff_old": "The old rules file.",
    "help.diff_texts": "Also show each changed text word by word, old and new words marked.",
    "help.encoding": (
        "The input file's encoding, for example cp1252 for Excel's plain CSV (default: utf-8; a "
        "BOM is accepted)."
    ),
    "help.force": "Overwrite an existing --output file.",
    "help.require_complete": (
        "Exit with code 4 while the invitation has a marked gap, such as [who decides]."
    ),
    "help.format": "Output format.",
    "help.format_from_suffix": (
        "Output format (else from the --output file's extension: {suffixes}; else text)."
    ),
    "help.input_format": "Input format (else from the extension; stdin: jsonl).",
    "help.lang": "Language: sv or en (else $LADDER_LANG, else the locale).",
    "help.no_color": "No colour (NO_COLOR works too).",
    "help.output": "Write to FILE (atomically) instead of standard output.",
    "help.placeholders": (
        "List the placeholders the file's texts may name (built-in ones, and one per free-text "
        "question) instead of checking."
    ),
    "help.questions": (
        "List the questions with their ids, options and conditions.\n\nExample: ladder questions "
        "--format json"
    ),
    "help.recommend": (
        "Recommend without questions, from -a/--answer and --answers.\n\nExample: ladder "
        "recommend -a arena=care_meeting -a patient_wish=share_decisions -a relatives=no --format "
        "json"
    ),
    "help.rules": "Rules file (else $LADDER_RULES, else the built-in rules).",
    "help.init_region": (
        "Write a new region's rules file: an overlay of the default rules with the region's id "
        "and name, one structure of its own and a worked example, and the JSON Schema beside "
        "it for editors. `ladder check --strict` passes it as written.\n\nExample: ladder "
        "init-region vastra_gotaland --name 'Västra Götalandsregionen'"
    ),
    "help.init_region_extends": "The rules it extends: builtin, builtin:kronoberg or a file.",
    "help.init_region_id": "The region's id: lower-case letters, digits and _.",
    "help.init_region_name": "The region's name (else made from the id).",
    "help.init_region_output": "The file to write (else ID.yaml in this folder).",
    "help.schema_path": "Print where the installed schema file is, for an editor's modeline.",
    "help.schema": (
        "Print the JSON Schema (draft 7) of the rules file.\n\nExample: ladder schema > "
        "rules.schema.json"
    ),
    "help.show": (
        "Print a rules file as YAML (an overlay as written, or with --resolved merged with the "
        "files it extends).\n\nExample: ladder show --resolved examples/kronoberg.yaml"
    ),
    "help.show_file": "The rules file to print (else the active rules).",
    "help.show_resolved": "Merge in the files it extends: one full rules file.",
    "help.skip_answered": "Do not ask what -a or --answers already answer.",
    "help.steps": (
        "Show the participation ladder and the promise of each step.\n\nExample: ladder steps "
        "--lang sv"
    ),
    "help.strict": "Treat warnings as errors.",
    "help.version": "Show the version and exit.",
    "help.wizard": (
        "The interview: one question at a time, with back, a summary and saving; from the "
        "summary, tracks for other groups or phases make it a plan.\n\nExample: "
        "ladder wizard --answers answers.yaml --skip-answered"
    ),
    "json.duplicate_key": "the key '{value}' is given twice in the same object",
    "json.invalid": "invalid JSON ({reason})",
    "json.long_number": (
        "the number {value} is too long or too large for an answer; write the answer as text in "
        "quotes"
    ),
    "json.not_a_number": "{value} is not a JSON value; write it as text in quotes",
    "json.too_deep": "the structure is nested too deeply",
    "kind.bool": "a true/false value",
    "kind.bytes": "binary data (!!binary)",
    "kind.date": "a date",
    "kind.list": "a list",
    "kind.mapping": "a mapping",
    "kind.null": "empty (null)",
    "kind.number": "a number",
    "init.bad_id": (
        "The region's id {id} is not usable: use lower-case letters, digits and _, starting "
        "with a letter, at most 40 characters (for example vastra_gotaland)."
    ),
    "init.bad_name": (
        "The region's name {name} is not usable: give a name of at most {limit} characters "
        "without control or invisible characters."
    ),
    "init.comment.head": (
        "The rules of this region, as an overlay: `extends:` names the rules it builds on, and\n"
        "this file says only what differs, so every later fix to those rules reaches it as is."
    ),
    "init.comment.merge": (
        "Items of a list merge by id: give an existing id to change that item, a new id to add\n"
        "one (at the end, or where after: or before: says), and list ids under remove: to take\n"
        "items out. "
        'The merge rules are in the guide to the rules format (docs/rules.md, "Overlays").'
    ),
    "init.comment.next": (
        "Next: describe the region's own structures (the council below is a start: keep,\n"
        "change or remove it), its compensation, and a worked example for each structure."
    ),
    "init.comment.check": (
        "Check every edit:  ladder check --strict {file}\n"
        "See the merged rules:  ladder show --resolved {file}\n"
        "Use it:  ladder wizard --rules {file}  or  ladder recommend --rules {file} -a ...\n"
        "(or set LADDER_RULES={file} for every command)"
    ),
    "metavar.answer": "KEY=VALUE",
    "metavar.base": "BASE",
    "metavar.file": "FILE",
    "metavar.name": "NAME",
    "metavar.new": "NEW",
    "metavar.old": "OLD",
    "os.empty_pipe": "it is a pipe that nothing is written to",
    "os.full": "the disk is full",
    "os.is_folder": "it is a folder",
    "os.link_loop": "too many symbolic links in a row (a link that points to itself?)",
    "os.name_too_long": "the file name is too long",
    "os.no_such": "no such file or folder",
    "os.not_a_file": "it is not a regular file but a device or a socket; give a file",
    "os.not_folder": "part of the path is not a folder",
    "os.permission": "permission denied",
    "os.read_only": "the file system is read-only",
    "output.exists": "{file} already exists; use --force to overwrite it.",
    "output.failed": "{file} could not be written: {reason}",
    "output.foreign_link": (
        "{link} is a symbolic link that another user (uid {owner}) put in a shared folder; ladder "
        "does not follow it. Remove the link or choose another name."
    ),
    "output.not_a_file": (
        "it is not a regular file (but a folder, a device or a pipe); write to a file"
    ),
    "output.through_link": "Wrote {file}, a symbolic link: the file written is {target}",
    "output.written": "Wrote {file}",
    "placeholder.answer": (
        "the text of the answer the rule reads with `from` (empty without `from`)"
    ),
    "placeholder.from_file": (
        'the answer to the free-text question "{question}" (name it in `given`)'
    ),
    "placeholder.heading.because": "In a level rule's `because`:",
    "placeholder.heading.output": "In the texts of warnings and statement parts:",
    "placeholder.level": "the name of the recommended level",
    "placeholder.level_description": (
        "what participants do at the recommended level (its variant's, where one applies)"
    ),
    "placeholder.mandate": (
        "what the mandate of the first recommended structure means (`mandate_types`); "
        "another structure's mandate is named in the staff notes"
    ),
    "placeholder.marked_file": "from the file",
    "placeholder.method_times": "each recommended method with the time it asks: 'name: time; ...'",
    "placeholder.time_asked": (
        "each recommended method with the time it asks, one sentence each: 'Name: time.'"
    ),
    "placeholder.methods": "the names of the recommended methods, separated by commas",
    "placeholder.promise": (
        "the promise of the recommended level (its variant's, where one applies)"
    ),
    "placeholder.region": "the region's name",
    "placeholder.step": "the name of the step the rule sets",
    "placeholder.structures": "the names of the recommended structures, separated by commas",
    "placeholder.target": "the name of the target level, before floors and caps",
    # Involvement plans: a plan file's problems, the plan's words, milestones and warnings.
    "format.not_for_plan": "The format {name} does not fit a plan; use one of: {formats}.",
    "format.not_for_recommendation": (
        "The format {name} fits plans only (an answers file with tracks); for one "
        "recommendation use one of: {formats}."
    ),
    # The Word format: its optional dependency, and no binary file on a terminal.
    "format.docx_missing": (
        "The docx format needs the python-docx package, which is not installed. Install it "
        "with: pip install 'ladder[docx]'"
    ),
    "format.binary_terminal": (
        "The {name} format is a binary file and is not shown on a terminal: write it to a file "
        "with -o FILE{suffix}, or redirect the output to one."
    ),
    "plan.bad_date": "must be a date written as YYYY-MM-DD, not '{value}'",
    "plan.bad_id": (
        "must be an id: lower-case letters a–z, digits and _, starting with a letter, not '{value}'"
    ),
    "plan.bad_kind": "must be one of {kinds}, not '{value}'",
    "plan.column.feedback": "Feedback due",
    "plan.column.group": "Group",
    "plan.column.level": "Level",
    "plan.column.methods": "Methods",
    "plan.column.milestone": "Milestone",
    "plan.column.owner": "Owner",
    "plan.column.track": "Track",
    "plan.column.when": "When",
    "plan.duplicate_track": "the track id {id} is used twice; each track needs its own",
    "plan.feedback_answer": "in writing no later than {date}, from {owner}",
    "plan.feedback_answer_no_owner": "in writing no later than {date}",
    "plan.field.contact": "Contact",
    "plan.field.decision_date": "Decision date",
    "plan.field.feedback_owner": "Responsible for feedback",
    "plan.field.start_date": "Start date",
    "plan.headline": ("Involvement plan, {count} track", "Involvement plan, {count} tracks"),
    "plan.ics_no_dates": (
        "A calendar needs dates, and this plan has none: give the plan a decision_date or a "
        "start_date (YYYY-MM-DD), or choose another format."
    ),
    "plan.in_track": "Track {track}: {message}",
    "plan.invalid": "The plan cannot be used:",
    "plan.kind": "Kind",
    "plan.kind.group": "a group",
    "plan.kind.phase": "a phase",
    "plan.milestone.decision": "Decision",
    "plan.milestone.feedback_due": "Feedback to participants due",
    "plan.milestone.first_meeting": "First meeting",
    "plan.milestone.follow_up": "Ask participants whether the promise held",
    "plan.milestone.recruitment_start": "Recruitment starts",
    "plan.milestones": "Milestones",
    "plan.not_text": "must be text",
    "plan.overview": "The plan at a glance",
    "plan.relative": (
        "The plan gives no dates, so the milestones are counted from the decision. Add a "
        "decision_date (or a start_date) to the plan file to get dates and a calendar."
    ),
    "plan.shared": "Shared answers",
    "plan.title": "Involvement plan: patient involvement",
    "plan.too_many_tracks": "a plan may have at most {limit} tracks",
    "plan.track": "Track",
    "plan.track_not_mapping": "a track must be a mapping (id: ..., name: ..., answers)",
    "plan.tracks_not_list": "must be a list of tracks, each with an id",
    "plan.warning.decision_past": (
        "The decision date {date} has already passed. Update the plan's dates, or record what "
        "was decided and give the participants the feedback they were promised."
    ),
    "plan.warning.lead_time": (
        "{tracks}: the timeframe allows at most {weeks} weeks, but recruiting through {slow} "
        "and holding the first meeting in time needs about {needed}. Recruit through {fits} "
        "instead, or move the decision."
    ),
    "plan.warning.lead_time_none_fits": (
        "{tracks}: the timeframe allows at most {weeks} weeks, but recruiting through {slow} "
        "and holding the first meeting in time needs about {needed}. Move the decision, or "
        "choose a lower level that needs no recruitment."
    ),
    "plan.warning.lead_time_dated": (
        "{tracks}: there are {weeks} weeks until the decision, but recruiting through {slow} and "
        "holding the first meeting in time needs about {needed}. Recruit through {fits} "
        "instead, or move the decision."
    ),
    # Follow-up and portfolio: questionnaires from promises, responses, the region's portfolio.
    "followup.answered": "Answered",
    "followup.bad_choice": "column {column}: '{value}' is not an answer; use one of: {options}",
    "followup.bad_date": "column {column}: '{value}' is not a date written as {options}",
    "followup.bad_record": (
        "{where}: the saved result lacks or has a malformed {key}; was it edited by hand?"
    ),
    "followup.bad_step": (
        "column {column}: '{value}' is not a step of the ladder; use one of: {options}"
    ),
    "followup.choice.dont_know": "Don't know",
    "followup.choice.no": "No",
    "followup.choice.partly": "Partly",
    "followup.choice.yes": "Yes",
    "followup.comments": "Comments, verbatim",
    "followup.extra_column": (
        "{where}: column {number}, '{column}', is not a column of the answers template; the "
        "columns are: {columns}."
    ),
    "followup.feedback": "Feedback received",
    "followup.feedback_due": "Feedback due",
    "followup.feedback_value": (
        "{on_time} on time, {late} late, {undated} without a date to compare"
    ),
    "followup.gripp2.aim": "1. Aim",
    "followup.gripp2.aim_hint": "The aim of patient and public involvement in the project.",
    "followup.gripp2.intro": (
        "For the project's final report, following GRIPP2-SF (Staniszewska et al. 2017); filled "
        "in from the plan and the responses where they say something."
    ),
    "followup.gripp2.methods": "2. Methods",
    "followup.gripp2.methods_hint": "How patients and the public were involved.",
    "followup.gripp2.outcomes": "4. Outcomes",
    "followup.gripp2.outcomes_hint": "How the involvement influenced the work.",
    "followup.gripp2.reflection": "5. Critical reflection",
    "followup.gripp2.reflection_hint": (
        "What went well and what did not, and what others can learn."
    ),
    "followup.gripp2.result_line": "{track}: {answered} answered, {held} say the promise held",
    "followup.gripp2.results": "3. Results",
    "followup.gripp2.results_hint": "What came of the involvement, positive and negative.",
    "followup.gripp2.title": "Report skeleton (GRIPP2 short form)",
    "followup.gripp2.todo": "(to be written by the project)",
    "followup.held": "Say the promise held",
    "followup.influence": "Influence",
    "followup.influence_value": (
        "promised {promised}; experienced {experienced}; below the promise: {below}"
    ),
    "followup.intro": (
        "Ask the participants of each track these questions once the work is done. The questions "
        "draw on PPEET (McMaster University) and the Cube (Gibson et al.: voice, contribute, "
        "agenda, change), in this tool's own words. Column ids in brackets."
    ),
    "followup.intro_scored": (
        "The participants' answers per track, against what the track promised; then a skeleton "
        "for the project's final report."
    ),
    "followup.missing_columns": (
        "{where}: the header row lacks the columns {columns}; start from the answers template "
        "(ladder follow-up RECORD --format csv)."
    ),
    "followup.no_answers": "no answers",
    "followup.not_a_record": (
        "{where}: this is not a saved result; expected an object with the schema {schemas}."
    ),
    "followup.not_asked": (
        "column {column}: this question is not asked on this track; its questions are: {options}"
    ),
    "followup.not_asked_here": " (that question is not asked for this result)",
    "followup.other_version": (
        "{where}: the result was saved under rules of format version {written}, and the rules in "
        "use are version {version}; follow it up with the rules it was made with (--rules)."
    ),
    "followup.promise": "Promise",
    "followup.q.again": "Would you take part again?",
    "followup.q.again.easy": "Do you want to take part again?",
    "followup.q.comment": "Anything else you want to tell us?",
    "followup.q.comment.easy": "Do you want to tell us something more?",
    "followup.q.equal": (
        "Could you take part on equal terms (venue, times, language, aids, interpreting)?"
    ),
    "followup.q.equal.easy": "Was it easy for you to take part?",
    "followup.q.feedback": "Were you told afterwards what your contribution changed?",
    "followup.q.feedback.easy": "Did we tell you later what your ideas changed?",
    "followup.q.feedback_date": "If so, on what date did you hear it? (YYYY-MM-DD)",
    "followup.q.feedback_date.easy": "When did we tell you? Write the date.",
    "followup.q.influence": (
        "How much influence did you actually have? Choose the step that fits best."
    ),
    "followup.q.influence.easy": "How much could you change? Choose one step.",
    "followup.q.kept.co_determination": (
        "Was what you decided, within the frame you were given, carried out?"
    ),
    "followup.q.kept.co_determination.easy": "Did we do what you decided?",
    "followup.q.kept.consultation": (
        "Were your views listened to and weighed before the decision, and were you told how they "
        "affected it?"
    ),
    "followup.q.kept.consultation.easy": (
        "Did we listen to what you said, and tell you what it changed?"
    ),
    "followup.q.kept.dialogue": (
        "Were your concerns reflected in the alternatives that were developed?"
    ),
    "followup.q.kept.dialogue.easy": "Could you see your ideas in the plans we made?",
    "followup.q.kept.influence": (
        "Was your advice followed as far as was possible, and were you told why when it was not?"
    ),
    "followup.q.kept.influence.easy": "Did we do what you advised, as much as we could?",
    "followup.q.kept.information": (
        "Were you kept informed about what applies, why, and what happens next?"
    ),
    "followup.q.kept.information.easy": "Did we tell you what is happening and why?",
    "followup.q.kept.other": "Did what happened match what you were promised?",
    "followup.q.kept.other.easy": "Did we do what we said we would do?",
    "followup.q.paid": "Were you compensated as stated (fee and travel)?",
    "followup.q.paid.easy": "Did you get the money we promised?",
    "followup.q.time": "Was the time asked of you as stated ({times})?",
    "followup.q.time.easy": "Did it take as long as we said ({times})?",
    "followup.q.told": "Before you took part, were you told how much you could influence?",
    "followup.q.told.easy": "Did we tell you at the start what you could change?",
    "followup.record_missing": "The saved result {file} does not exist.",
    "followup.record_not_utf8": "{where}: the file is not UTF-8 text.",
    "followup.record_too_large": "The file {file} is larger than {limit} bytes.",
    "followup.record_unreadable": "The file {file} cannot be read: {reason}",
    "followup.responses_invalid": "The responses in {file} cannot be used:",
    "followup.responses_missing": "The responses file {file} does not exist.",
    "followup.result": "Result",
    "followup.row": "{file}: row {row}",
    "followup.state_needs_responses": (
        "--save-state writes the scored result: give --responses too."
    ),
    "followup.state_written": "The follow-up state was written to {file}.",
    "followup.template_needs_no_responses": (
        "The answers template (--format csv) is the questionnaire's; leave out --responses."
    ),
    "followup.title": "Follow-up: was the promise kept?",
    "followup.unknown": "column {column} is not a question; the questions are: {options}",
    "followup.unknown_schema": (
        "{where}: unknown schema '{schema}'; a saved result has one of: {schemas}."
    ),
    "followup.unknown_track": (
        "the track '{track}' is not in the saved result; its tracks are: {tracks}"
    ),
    "help.as_of": "The date overdue milestones are counted at (YYYY-MM-DD; default today).",
    "help.easy_read": "Ask the questions in easy-read language.",
    "help.follow_up": (
        "The participants' questionnaire for a saved result (the JSON or YAML that recommend, "
        "wizard or batch writes), a question set per track tied to its promise. With --responses "
        "(CSV or JSON Lines, one row per respondent) the result per track and a report skeleton "
        "(GRIPP2 short form). --format csv gives the answers template.\n\nExample: ladder "
        "follow-up plan.json --responses answers.csv --format html --output follow-up.html"
    ),
    "help.follow_up_record": (
        "A saved result: ladder.recommendation/1 or ladder.plan/1, as JSON or YAML."
    ),
    "help.followup_format": (
        "Output format: text, markdown, html, json (ladder.followup/1) or csv (the answers "
        "template)."
    ),
    "help.portfolio": (
        "A region's saved results at a glance: the levels per arena and per track kind, "
        "milestones overdue, the share of followed-up tracks whose promise held. RECORDS are "
        "files or folders of saved results, or a batch's JSON Lines output; a record that cannot "
        "be read is reported and the rest are counted.\n\nExample: ladder portfolio plans/ "
        "--as-of 2027-06-01 --format html --output portfolio.html"
    ),
    "help.portfolio_format": (
        "Output format: text, markdown, html, json (ladder.portfolio/1) or csv (one row per track)."
    ),
    "help.portfolio_records": "Saved results: files, folders, or a batch's JSON Lines output.",
    "help.responses": (
        "The participants' answers: CSV (the answers template's columns) or JSON Lines."
    ),
    "help.save_state": (
        "Write the scored result beside the record (RECORD.followup.json), which portfolio reads."
    ),
    "portfolio.bad_date": "--as-of must be a date written as YYYY-MM-DD, not '{value}'.",
    "portfolio.by_arena": "Levels per arena",
    "portfolio.by_kind": "Levels per kind of track",
    "portfolio.chart": "Tracks per step: {group}",
    "portfolio.column.date": "Date",
    "portfolio.column.days": "Days late",
    "portfolio.column.kind": "Milestone",
    "portfolio.column.record": "Plan",
    "portfolio.column.track": "Track",
    "portfolio.column.tracks": "Tracks",
    "portfolio.estimate": "Compensation (estimates)",
    "portfolio.fees": "Fees",
    "portfolio.fees_value": "about {amount}, travel not included; rates: {source}",
    "portfolio.follow_up": "Follow-up",
    "portfolio.held": "Promise held",
    "portfolio.held_value": (
        "{held} of {tracks} followed-up tracks ({share}), where most who answered say so"
    ),
    "portfolio.hours": "Participant-hours",
    "portfolio.hours_value": (
        "about {hours}, from the rules' method times and usual group sizes ({untimed} methods "
        "without a time left out)"
    ),
    "portfolio.intro": (
        "Involvement tends to pile up at the lowest steps (Ocloo & Matthews 2016); the bars show "
        "whether it does here."
    ),
    "portfolio.no_rates": (
        "no estimate: the rules file gives no rates (half_day, full_day or hourly under "
        "compensation)"
    ),
    "portfolio.no_times": (
        "No estimate: the rules file has no compensation section with method times."
    ),
    "portfolio.none": "No saved results were found.",
    "portfolio.none_overdue": "None.",
    "portfolio.overdue": "Milestones overdue",
    "portfolio.problems": "Records that could not be read (the rest are counted)",
    "portfolio.title": "Portfolio: {records} saved results, {tracks} tracks, as of {date}",
    # end of follow-up and portfolio
    "plan.warning.lead_time_dated_none_fits": (
        "{tracks}: there are {weeks} weeks until the decision, but recruiting through {slow} and "
        "holding the first meeting in time needs about {needed}. Move the decision, or choose "
        "a lower level that needs no recruitment."
    ),
    "plan.warning.level_drops": (
        "The phase {second} comes after {first} at a lower level. Say why in the phase's "
        "reason, so that participants do not read it as influence taken back."
    ),
    "plan.warning.no_feedback_owner": (
        "{tracks}: participants are promised feedback on what their input changed, but the "
        "plan names nobody to give it. Add a feedback_owner (or a contact) to the plan."
    ),
    "plan.warning.same_people": (
        "{tracks} both recruit through {structures}, with different promises. Tell each person "
        "which track they take part in and what that track promises them."
    ),
    "plan.warnings": "Watch out in the plan",
    "plan.when.at": "at the decision",
    "plan.when.days_after": ("{count} day after the decision", "{count} days after the decision"),
    "plan.when.days_before": (
        "{count} day before the decision",
        "{count} days before the decision",
    ),
    "plan.when.weeks_after": (
        "{count} week after the decision",
        "{count} weeks after the decision",
    ),
    "plan.when.weeks_before": (
        "{count} week before the decision",
        "{count} weeks before the decision",
    ),
    "pydantic.bool_type": "must be true or false",
    "pydantic.dict_type": "must be a mapping (key: value)",
    "pydantic.greater_than_equal": "must be at least {ge}",
    "pydantic.int_type": "must be a whole number",
    "pydantic.less_than_equal": "must be at most {le}",
    "pydantic.list_type": "must be a list",
    "pydantic.literal_error": "must be {expected}",
    "pydantic.string_pattern_mismatch": (
        "must be an id: lower-case letters a–z, digits and _, starting with a letter"
    ),
    "pydantic.string_type": "must be text",
    "pydantic.too_short": "must have at least {min_length} items",
    "ref.cap": "cap",
    "ref.method": "method",
    "ref.option": "option",
    "ref.part": "statement part",
    "ref.question": "question",
    "ref.reader": "reader",
    "ref.step": "step",
    "ref.structure": "structure",
    "ref.warning": "warning",
    "ref.where.cap": "level.caps",
    "ref.where.method": "methods",
    "ref.where.option": "the question's options",
    "ref.where.question": "questions",
    "ref.where.reader": "expectations.readers",
    "ref.where.step": "steps",
    "ref.where.structure": "structures",
    "ref.where.warning": "warnings",
    "render.answer": "Answer",
    "render.answers": "Answers",
    "render.asked_when": "Asked when",
    "render.date": "Date",
    "render.free_text": "free text",
    "render.here": "recommended",
    "render.how": "How to start",
    "render.ladder": "The participation ladder",
    "render.level": "Recommended level",
    "render.mandate": "mandate",
    "render.mandate.organisational": "organisational",
    "render.mandate.personal": "personal",
    "render.methods": "Methods",
    "render.none": "none",
    "render.optional": "optional free text",
    "render.options": "Options",
    "render.or": "or",
    # Headings read in the care meeting too: no "participants", no recruitment.
    "render.promise": "What we promise",
    "render.question": "Question",
    "render.questions": "The questions",
    "render.rationale": "Rationale",
    "render.record": "Decision record: patient involvement",
    "render.recruitment": "Who takes part",
    "render.region": "Region",
    "render.rules": "Rules file",
    "render.time": "Time asked",
    # The staff notes: beside the invitation, for those who run the involvement only.
    "render.staff_notes": "Notes for staff (not for participants)",
    "wording.gaps": "Fill in before the invitation is sent: {gaps}.",
    "wording.incomplete": (
        "The invitation still has gaps to fill: {gaps}. Answer the questions that fill them "
        "(the decision owner, for example), or leave out --require-complete."
    ),
    "wording.mandate_other": (
        "The invitation states the mandate of {first} ({mandate} mandate). Those recruited through "
        "{others} take part on another mandate: send them an invitation that states theirs."
    ),
    "render.warnings": "Watch out",
    "render.why": "Why",
    # Readers: the invitation worded for easy read or for children and young people too.
    "help.reader": (
        "Show the invitation worded for this reader: standard, or a reader the rules declare "
        "(easy_read, young). JSON then also gives every invitation worded."
    ),
    "metavar.reader": "READER",
    "readers.standard": "Standard",
    "readers.unknown": "Unknown reader '{reader}': these rules offer {known}",
    "render.invitation_for": "{title}: {reader}",
    "check.reader_text_missing": (
        "has no text for the reader '{reader}', nor does its fallback: that reader gets the "
        "standard text"
    ),
    "fix.missing.reader_text": (
        "Add the reader's text under `readers:` beside the standard text (see docs/rules.md), "
        "or give the reader a `fallback` that has one."
    ),
    # Overlays: a rules file that extends another (ladder/load/overlay.py)
    "check.inherited_property": "a property of the base rules cannot be checked here: {problem}",
    "check.relaxed.removed": "removed",
    "check.relaxed.replaced": "replaced",
    "check.relaxed_fails": (
        "note: this overlay {how} the property '{id}' of the rules it extends ({where}), and the "
        "base's version does not hold for the merged rules: {reason}"
    ),
    "check.relaxed_holds": (
        "note: this overlay {how} the property '{id}' of the rules it extends ({where}); the "
        "base's version still holds for the merged rules."
    ),
    "overlay.two_places": (
        "give an item `after:` or `before:`, not both: they can name different places"
    ),
    "overlay.unknown_example": (
        "no worked example of the rules this file extends is named '{name}', and as a new "
        "example it lacks `answers`: check the name, or give the new example its answers"
    ),
    "overlay.cycle": "'extends' goes round in a circle: {chain}",
    "overlay.extends_type": (
        "'extends' needs a file name (relative to this file's folder), builtin or builtin:NAME"
    ),
    "overlay.header": "The rules of {file}, with the files it extends merged in:",
    "overlay.remove_path": (
        "'{key}' is not a list of items with ids (such as structures or questions.ID.options)"
    ),
    "overlay.remove_type": (
        "'remove' needs lists of ids by list, such as structures: [interest_bank]"
    ),
    "overlay.too_long": "more than {limit} files extend one another",
    "overlay.unknown_builtin": "there are no built-in rules called '{name}'",
    "overlay.unknown_id": "there is no item '{id}' to remove",
    "overlay.unknown_place": "there is no item '{id}' to place this one next to",
    "overlay.version": "version {version} differs from version {base} of the base rules {file}",
    "rules.bad_value": "invalid value: {reason}",
    "rules.choice_options": "a choice question needs at least two options",
    "rules.control_chars": (
        "the text contains control characters (such as terminal codes); remove them"
    ),
    "rules.duplicate_id": "id '{id}' is used twice (first at {first})",
    "rules.empty_text": "the text is empty",
    "rules.extra_language": "language '{lang}' is not listed in languages",
    "rules.format_syntax": "malformed template: {reason} (write {{{{ and }}}} for literal braces)",
    "rules.got": "(got {value})",
    "rules.invalid": "The rules file {file} is invalid (problems: {count}):",
    "rules.invisible_chars": (
        "the text contains an invisible or direction-changing character ({code}), which can make "
        "it display as a different text; remove it"
    ),
    "rules.larger_than": "The rules file is larger than {limit} bytes, the largest accepted size.",
    "rules.missing_key": "missing key '{key}'",
    "rules.missing_language": "the text lacks language '{lang}'",
    "rules.nesting": (
        "conditions are nested more than {limit} deep (any, all and not inside each other); write "
        "them more simply"
    ),
    "rules.not_choice": "'{id}' is a free-text question; a choice question is needed here",
    "rules.not_found": "The rules file {file} does not exist.",
    "rules.not_in_file": (
        "unknown {kind} '{id}': no {kind} in these rules has that id (the ids are under "
        "{where}; in an overlay, `remove:` may have taken it out)"
    ),
    "rules.not_mapping": (
        "the file must be a YAML mapping with the keys version, steps, questions ..."
    ),
    "rules.not_stdin": "Rules are not read from standard input (-): give a rules file.",
    "rules.not_text": "'{id}' is a choice question; a free-text question is needed here",
    "rules.not_utf8": "the file is not UTF-8 ({reason})",
    "rules.placeholder": "unknown placeholder '{{{name}}}'; allowed: {allowed}",
    "rules.placeholder_given": "placeholder '{{{name}}}' needs '{name}' in given",
    "rules.placeholder_plain": (
        "the placeholder '{field}' is not allowed: write just the name in braces, such as "
        "{{level}}, without a format (:), conversion (!), attribute (.) or index ([ ])"
    ),
    "rules.placeholder_taken": (
        "free-text question '{id}' has the name of a built-in placeholder; give it another id"
    ),
    "rules.step_or_from": "give either 'step', or 'from' with 'map'",
    "rules.text_options": "a free-text question has no options",
    "rules.multiple_text": "only a choice question can be multiple",
    "rules.multiple_options": (
        "a multiple question may have at most {limit} options (its answers are every set of them)"
    ),
    "rules.from_multiple": (
        "'{id}' is a multiple question: several answers would name several steps; read the level "
        "from a single-choice question, or write one rule per option with `when`"
    ),
    "rules.monotone_multiple": (
        "'{id}' is a multiple question: its answers are sets with no order, so the level cannot "
        "be monotone in it"
    ),
    "rules.example_not_multiple": "'{id}' is not a multiple question: give one option",
    "answers.none_chosen": "choose at least one option for {id}",
    "render.serves": "For",
    "render.multiple": "one or more",
    "rules.too_large": (
        "The rules file is {size} bytes; the largest accepted size is {limit} bytes."
    ),
    "rules.unknown_key": "unknown key '{key}'",
    "rules.unknown_ref": "unknown {kind} '{id}'",
    "rules.unreadable": "The rules file {file} cannot be read: {reason}",
    "rules.when_order": (
        "the condition refers to question '{id}', which is not asked before this one"
    ),
    "rules.yaml_syntax": "YAML syntax error: {problem}",
    "toolkit.aborted": "Aborted!",
    "toolkit.arguments": "Arguments",
    "toolkit.command_metavar": "COMMAND [ARGS]...",
    "toolkit.commands": "Commands",
    "toolkit.default": "{message} [default: {value}]",
    "toolkit.did_you_mean": "{message}. Did you mean {names}?",
    "toolkit.error": "Error: {message}",
    "toolkit.extra_arguments": "Got unexpected extra argument(s) ({args})",
    "toolkit.help": "Show this message and exit.",
    "toolkit.install_completion": "Install completion for the current shell.",
    "toolkit.invalid_value": "Invalid value: {reason}",
    "toolkit.invalid_value_for": "Invalid value for {name}: {reason}",
    "toolkit.missing_argument": "Missing argument {name}.",
    "toolkit.missing_command": "Missing command.",
    "toolkit.missing_option": "Missing option {name}.",
    "toolkit.missing_parameter": "Missing parameter: {name}",
    "toolkit.no_such_command": "No such command {name}.",
    "toolkit.no_such_option": "No such option: {name}",
    "toolkit.not_one_of": "{value} is not one of {choices}.",
    "toolkit.options": "Options",
    "toolkit.options_metavar": "[OPTIONS]",
    "toolkit.possible_options": "{message} (Possible options: {names})",
    "toolkit.possible_options_tuple": "{message} ('(Possible options: {names})',)",
    "toolkit.required": "{message} [required]",
    "toolkit.requires_argument": "Option {name} requires an argument.",
    "toolkit.requires_arguments": "Option {name} requires {count} arguments.",
    "toolkit.show_completion": (
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    "toolkit.takes_no_value": "Option {name} does not take a value.",
    "toolkit.try_help": "Try '{command}' for help.",
    "toolkit.usage": "Usage:",
    "toolkit.value_error": "Value error, {reason}",
    "wizard.accept": "✔ Accept and show the recommendation",
    "wizard.answers_file": "answers.yaml",
    "wizard.answers_header": (
        "Answers for ladder (rules file: {rules}).\nUse with: ladder recommend --answers FILE, or "
        "ladder wizard --answers FILE"
    ),
    "wizard.answers_path": "File for the answers:",
    "wizard.back": "← Back",
    "wizard.change": "  Change:",
    "wizard.complete": (
        "Every required question is answered; the command above gives the recommendation."
    ),
    "wizard.depends": "More questions may follow, depending on the answer to: {ids}",
    "wizard.exists": "{file} already exists.",
    "wizard.intro": (
        "ladder – {region}: {count} question. Esc or ← goes back, Ctrl-C quits.",
        "ladder – {region}: {count} questions. Esc or ← goes back, Ctrl-C quits.",
    ),
    "wizard.more": (
        "The whole result, with recruitment, methods and the reasons: choose 'Show the whole "
        "result' below."
    ),
    "wizard.not_interactive": (
        "The interview needs an interactive terminal (standard input and output), and there is "
        "none. The same recommendation without questions:"
    ),
    "wizard.overwrite": "Overwrite the file",
    "wizard.path_hint": "(Enter saves; clear the line to skip)",
    "wizard.plan_accept": "✔ Accept and show the plan",
    "wizard.plan_add": "Do other groups or phases need a different level? Add a track",
    "wizard.plan_answers_file": "plan.yaml",
    "wizard.plan_answers_path": "File for the plan's answers (the plan file):",
    "wizard.plan_record_file": "involvement-plan.md",
    "wizard.plan_record_path": "File for the plan:",
    "wizard.plan_remove": "✖ Remove the track {name}",
    "wizard.plan_shared": "  Shared by every track:",
    "wizard.plan_summary": "Is the plan right? Pick an answer to change, or accept.",
    "wizard.plan_track": "  Track {number}: {name} ({id}), level: {level}",
    "wizard.save_plan_answers": "Save only the plan's answers (YAML)",
    "wizard.save_plan_both": "Save the plan (Markdown) and its answers (YAML)",
    "wizard.save_plan_record": "Save only the plan",
    "wizard.date": "The decision date (YYYY-MM-DD):",
    "wizard.date_help": (
        "When is the decision taken? With a date the plan's milestones get dates; without, "
        "they are counted in weeks from the decision."
    ),
    "wizard.date_label": "Decision date",
    "wizard.kind_group": "A group of people",
    "wizard.kind_phase": "A phase of the work",
    "wizard.track_kind": "Is {name} a group of people or a phase of the work?",
    "wizard.track_kind_label": "Kind",
    "wizard.track_label": "Track {number}",
    "wizard.track_name": "What do you call this group or phase?",
    "wizard.track_name_hint": "(Enter confirms, Esc goes back)",
    "wizard.track_name_hint_first": "(Enter confirms)",
    "wizard.track_name_help": (
        "A track is a group or a phase with its own level, for example 'Patients who must "
        "move'. The plan shows the name; its id is made from it."
    ),
    "wizard.track_name_label": "Name",
    "wizard.track_name_missing": "A track needs a name.",
    "wizard.track_own": (
        "{name}: only what may differ from the other tracks is asked; Enter keeps the answer shown."
    ),
    "wizard.position": "Question {number} of {total}",
    "wizard.record_file": "decision-record.md",
    "wizard.record_path": "File for the decision record:",
    "wizard.rename": "Choose another name",
    "wizard.replay": "Replay and edit the answers later: ladder wizard --answers {file}",
    "wizard.save": "Save the result?",
    "wizard.save_answers": "Save only the answers",
    "wizard.save_both": "Save the decision record (Markdown) and the answers (YAML)",
    "wizard.save_none": "Save nothing",
    "wizard.save_record": "Save only the decision record",
    "wizard.save_whole": "Show the whole result page by page (q ends the view)",
    "wizard.checkbox_hint": (
        "(one or more: ↑↓ and Space, or a number, ticks; Enter accepts; ← or Esc goes back)"
    ),
    "wizard.checkbox_hint_first": "(one or more: ↑↓ and Space, or a number, ticks; Enter accepts)",
    "wizard.checkbox_hint_optional": (
        "(optional: ↑↓ and Space, or a number, ticks; Enter accepts, also with none ticked; ← or "
        "Esc goes back)"
    ),
    "wizard.select_hint": "(↑↓ or a number, Enter chooses, ← or Esc goes back)",
    "wizard.select_hint_first": "(↑↓ or a number, Enter chooses)",
    "wizard.skipped": "(skipped)",
    "wizard.summary": "Are these answers right? Pick one to change, or accept.",
    "wizard.summary_hint": "(the key before an answer or ↑↓, then Enter; 0 accepts, Esc goes back)",
    "wizard.summary_title": "Summary",
    "wizard.text_hint": "(Enter on an empty line skips, Esc goes back)",
    "wizard.text_hint_first": "(Enter on an empty line skips)",
    "wizard.unanswered": "Questions still unanswered:",
    "yaml.colon": "a colon (:) is missing after a key",
    "yaml.colon_inside": "a colon stands where it may not: put the text in quotes",
    "yaml.duplicate_key": "the key '{key}' is already given on line {line} of the same mapping",
    "yaml.end": "the file ends in the middle of a value: a quote or a bracket is not closed",
    "yaml.indent": "the indentation does not match the lines above",
    "yaml.key": "the indentation is off, or a quote is not closed",
    "yaml.limit": "YAML refused: {problem}",
    "yaml.list": "a list [ ... ] is not closed or lacks a comma",
    "yaml.mapping": "a mapping { ... } is not closed or lacks a comma",
    "yaml.node": "a value is missing here",
    "yaml.tab": "a tab is used for indentation; YAML needs spaces",
    "yaml.token": (
        "a character here cannot start a value: often a tab (YAML needs spaces) or a special "
        "character that needs the text in quotes"
    ),
    "yaml.too_deep": "the structure is nested deeper than {limit} levels",
    "yaml.too_many_nodes": (
        "aliases (*name) expand to more than {limit} nodes; is this an alias bomb?"
    ),
}
