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
        "property '{id}' does not hold: with {answers} the level is {level}, {relation} {bound}."
    ),
    "check.property_refuted_monotone": (
        "property '{id}' does not hold: changing {question} from '{low}' to '{high}' {moves} the "
        "level from {before} to {after} (other answers: {answers})."
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
    "diff.always": "always",
    "diff.budget": (
        "{old} -> {new}: could not finish the comparison: the work budget of {limit} steps ran "
        "out. Simplify the conditions, or raise the limit with {name}."
    ),
    "diff.change": (
        "  {kind}: {old} -> {new} ({count} combination)",
        "  {kind}: {old} -> {new} ({count} combinations)",
    ),
    "diff.example": "e.g. {answers}",
    "diff.kind.level": "level",
    "diff.kind.methods": "methods",
    "diff.kind.structures": "structures",
    "diff.more": (
        "... and {count} more condition",
        "... and {count} more conditions",
    ),
    "diff.pieces": (
        "{old} -> {new}: could not finish the comparison: the answer space splits into more than "
        "{limit} pieces at once, which no setting raises. Simplify the conditions."
    ),
    "diff.summary": (
        "{old} -> {new}: {changed} of {combinations} answer combinations change; {only_old} are "
        "reachable only in the old file, {only_new} only in the new one."
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
    "help.answer": "An answer as KEY=VALUE, e.g. arena=unit_development (repeatable).",
    "help.answers": "A YAML or JSON file of answers (question: answer); -a wins over the file.",
    "help.app": (
        "Decide how to involve patients and relatives: the level on the participation ladder, "
        "where to recruit, the method, and an expectations statement. In a terminal, `ladder` "
        "with no command starts the interview."
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
        "Show which answer combinations change their level, structures or methods between two "
        "rules files.\n\nExample: ladder diff data/ladder.yaml mine.yaml"
    ),
    "help.diff_examples": "Examples shown per change.",
    "help.diff_new": "The new rules file.",
    "help.diff_old": "The old rules file.",
    "help.encoding": (
        "The input file's encoding, for example cp1252 for Excel's plain CSV (default: utf-8; a "
        "BOM is accepted)."
    ),
    "help.force": "Overwrite an existing --output file.",
    "help.format": "Output format.",
    "help.format_from_suffix": (
        "Output format (else from the --output file's extension: {suffixes}; else text)."
    ),
    "help.input_format": "Input format (else from the extension; stdin: jsonl).",
    "help.lang": "Language: sv or en (else $LADDER_LANG, else the locale).",
    "help.no_color": "No colour (NO_COLOR works too).",
    "help.output": "Write to FILE (atomically) instead of standard output.",
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
    "help.schema": (
        "Print the JSON Schema (draft 7) of the rules file.\n\nExample: ladder schema > "
        "rules.schema.json"
    ),
    "help.skip_answered": "Do not ask what -a or --answers already answer.",
    "help.steps": (
        "Show the participation ladder and the promise of each step.\n\nExample: ladder steps "
        "--lang sv"
    ),
    "help.strict": "Treat warnings as errors.",
    "help.version": "Show the version and exit.",
    "help.wizard": (
        "The interview: one question at a time, with back, a summary and saving.\n\nExample: "
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
    "metavar.answer": "KEY=VALUE",
    "metavar.file": "FILE",
    "metavar.files": "[FILE]...",
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
    # Involvement plans: a plan file's problems, the plan's words, milestones and warnings.
    "format.not_for_plan": "The format {name} does not fit a plan; use one of: {formats}.",
    "format.not_for_recommendation": (
        "The format {name} fits plans only (an answers file with tracks); for one "
        "recommendation use one of: {formats}."
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
    "ref.question": "question",
    "ref.step": "step",
    "ref.structure": "structure",
    "ref.warning": "warning",
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
    "render.promise": "Promise to participants",
    "render.question": "Question",
    "render.questions": "The questions",
    "render.rationale": "Rationale",
    "render.record": "Decision record: patient involvement",
    "render.recruitment": "Recruit from",
    "render.region": "Region",
    "render.rules": "Rules file",
    "render.time": "Time asked",
    "render.warnings": "Watch out",
    "render.why": "Why",
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
    "rules.not_choice": "'{id}' is a free-text question; a choice question is needed here",
    "rules.not_found": "The rules file {file} does not exist.",
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
    "rules.step_or_from": "give either 'step', or 'from' with 'map'",
    "rules.text_options": "a free-text question has no options",
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
