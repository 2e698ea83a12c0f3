"""The tool's own user-facing strings, in every supported language, and the language choice."""

from __future__ import annotations

import os

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "en"

MESSAGES: dict[str, dict[str, str]] = {
    # rules file
    "rules.invalid": {
        "sv": "Regelfilen {file} är ogiltig (antal fel: {count}):",
        "en": "The rules file {file} is invalid (problems: {count}):",
    },
    "rules.not_found": {
        "sv": "Regelfilen {file} finns inte.",
        "en": "The rules file {file} does not exist.",
    },
    "rules.unreadable": {
        "sv": "Regelfilen {file} kan inte läsas: {reason}",
        "en": "The rules file {file} cannot be read: {reason}",
    },
    "rules.too_large": {
        "sv": "Regelfilen är {size} byte; största tillåtna storlek är {limit} byte.",
        "en": "The rules file is {size} bytes; the largest accepted size is {limit} bytes.",
    },
    "rules.not_utf8": {
        "sv": "filen är inte UTF-8 ({reason})",
        "en": "the file is not UTF-8 ({reason})",
    },
    "rules.yaml_syntax": {"sv": "YAML-syntaxfel: {problem}", "en": "YAML syntax error: {problem}"},
    "rules.not_mapping": {
        "sv": "filen ska vara en YAML-mappning med nycklarna version, steps, questions ...",
        "en": "the file must be a YAML mapping with the keys version, steps, questions ...",
    },
    "rules.unknown_key": {"sv": "okänd nyckel '{key}'", "en": "unknown key '{key}'"},
    "rules.missing_key": {"sv": "nyckeln '{key}' saknas", "en": "missing key '{key}'"},
    "rules.bad_value": {"sv": "ogiltigt värde: {reason}", "en": "invalid value: {reason}"},
    "rules.got": {"sv": "(värdet är {value})", "en": "(got {value})"},
    "pydantic.list_type": {"sv": "ska vara en lista", "en": "must be a list"},
    "pydantic.dict_type": {
        "sv": "ska vara en mappning (nyckel: värde)",
        "en": "must be a mapping (key: value)",
    },
    "pydantic.string_type": {"sv": "ska vara en text", "en": "must be text"},
    "pydantic.int_type": {"sv": "ska vara ett heltal", "en": "must be a whole number"},
    "pydantic.bool_type": {"sv": "ska vara true eller false", "en": "must be true or false"},
    "pydantic.literal_error": {"sv": "ska vara {expected}", "en": "must be {expected}"},
    "pydantic.string_pattern_mismatch": {
        "sv": "ska vara ett id: små bokstäver a–z, siffror och _, med en bokstav först",
        "en": "must be an id: lower-case letters a–z, digits and _, starting with a letter",
    },
    "pydantic.too_short": {
        "sv": "ska ha minst {min_length} element",
        "en": "must have at least {min_length} items",
    },
    "pydantic.greater_than_equal": {"sv": "ska vara minst {ge}", "en": "must be at least {ge}"},
    "pydantic.less_than_equal": {"sv": "ska vara högst {le}", "en": "must be at most {le}"},
    "rules.duplicate_id": {
        "sv": "id '{id}' används två gånger (först vid {first})",
        "en": "id '{id}' is used twice (first at {first})",
    },
    "rules.unknown_ref": {
        "sv": "okänt {kind} '{id}'",
        "en": "unknown {kind} '{id}'",
    },
    "rules.missing_language": {
        "sv": "texten saknar språket '{lang}'",
        "en": "the text lacks language '{lang}'",
    },
    "rules.extra_language": {
        "sv": "språket '{lang}' finns inte i languages",
        "en": "language '{lang}' is not listed in languages",
    },
    "rules.empty_text": {"sv": "texten är tom", "en": "the text is empty"},
    "rules.control_chars": {
        "sv": "texten innehåller styrtecken (till exempel terminalkoder); ta bort dem",
        "en": "the text contains control characters (such as terminal codes); remove them",
    },
    "rules.when_order": {
        "sv": "villkoret hänvisar till frågan '{id}', som inte ställs före denna",
        "en": "the condition refers to question '{id}', which is not asked before this one",
    },
    "rules.not_choice": {
        "sv": "'{id}' är en fritextfråga; här krävs en flervalsfråga",
        "en": "'{id}' is a free-text question; a choice question is needed here",
    },
    "rules.not_text": {
        "sv": "'{id}' är en flervalsfråga; här krävs en fritextfråga",
        "en": "'{id}' is a choice question; a free-text question is needed here",
    },
    "rules.choice_options": {
        "sv": "en flervalsfråga behöver minst två alternativ",
        "en": "a choice question needs at least two options",
    },
    "rules.text_options": {
        "sv": "en fritextfråga har inga alternativ",
        "en": "a free-text question has no options",
    },
    "rules.step_or_from": {
        "sv": "ange antingen 'step' eller 'from' med 'map'",
        "en": "give either 'step', or 'from' with 'map'",
    },
    "rules.placeholder": {
        "sv": "okänd platshållare '{{{name}}}'; tillåtna: {allowed}",
        "en": "unknown placeholder '{{{name}}}'; allowed: {allowed}",
    },
    "rules.placeholder_given": {
        "sv": "platshållaren '{{{name}}}' kräver '{name}' i given",
        "en": "placeholder '{{{name}}}' needs '{name}' in given",
    },
    "rules.format_syntax": {
        "sv": "felaktig mall: {reason} (skriv {{{{ och }}}} för klammerparenteser)",
        "en": "malformed template: {reason} (write {{{{ and }}}} for literal braces)",
    },
    "ref.question": {"sv": "fråga", "en": "question"},
    "ref.option": {"sv": "alternativ", "en": "option"},
    "ref.step": {"sv": "steg", "en": "step"},
    "ref.cap": {"sv": "tak", "en": "cap"},
    "ref.structure": {"sv": "struktur", "en": "structure"},
    "ref.method": {"sv": "metod", "en": "method"},
    "ref.warning": {"sv": "varning", "en": "warning"},
    "did_you_mean": {"sv": "menade du '{guess}'?", "en": "did you mean '{guess}'?"},
    # answers
    "answers.invalid": {
        "sv": "Svaren kan inte användas:",
        "en": "The answers cannot be used:",
    },
    "answers.missing": {
        "sv": "Svar saknas på {count} frågor:",
        "en": "{count} required questions are not answered:",
        "sv_one": "Svar saknas på {count} fråga:",
        "en_one": "{count} required question is not answered:",
    },
    "answers.missing_one": {
        "sv": "{id}: {text} Alternativ: {options}. Svara med: {flag}",
        "en": "{id}: {text} Options: {options}. Answer with: {flag}",
    },
    "answers.unknown_question": {
        "sv": "okänd fråga '{id}'; frågorna är: {ids}",
        "en": "unknown question '{id}'; the questions are: {ids}",
    },
    "answers.unknown_option": {
        "sv": "'{value}' är inget alternativ för {id}; alternativen är: {options}",
        "en": "'{value}' is not an option of {id}; the options are: {options}",
    },
    "answers.bad_pair": {
        "sv": "'{pair}' ska skrivas FRÅGA=SVAR, till exempel arena=unit_development",
        "en": "'{pair}' must be written KEY=VALUE, for example arena=unit_development",
    },
    "answers.not_text": {
        "sv": "svaret på {id} ska vara en text, inte {kind}",
        "en": "the answer to {id} must be text, not {kind}",
    },
    "answers.too_long": {
        "sv": "svaret på {id} är {length} tecken; högst {limit} tillåts",
        "en": "the answer to {id} is {length} characters; at most {limit} are accepted",
    },
    "answers.control_chars": {
        "sv": "svaret på {id} innehåller styrtecken",
        "en": "the answer to {id} contains control characters",
    },
    "answers.empty": {"sv": "svaret på {id} är tomt", "en": "the answer to {id} is empty"},
    "answers.duplicate": {
        "sv": "{id} besvaras två gånger med olika svar ('{first}' och '{second}')",
        "en": "{id} is answered twice with different values ('{first}' and '{second}')",
    },
    "answers.file_not_found": {
        "sv": "Svarsfilen {file} finns inte.",
        "en": "The answers file {file} does not exist.",
    },
    "answers.file_unreadable": {
        "sv": "Svarsfilen {file} kan inte läsas: {reason}",
        "en": "The answers file {file} cannot be read: {reason}",
    },
    "answers.file_too_large": {
        "sv": "Svarsfilen {file} är större än {limit} byte.",
        "en": "The answers file {file} is larger than {limit} bytes.",
    },
    "answers.file_not_mapping": {
        "sv": "{file}: svarsfilen ska vara en mappning fråga: svar",
        "en": "{file}: the answers file must be a mapping question: answer",
    },
    "answers.not_applicable": {
        "sv": "Obs: {id} ställs inte med dessa svar och används inte.",
        "en": "Note: {id} does not apply with these answers and is not used.",
    },
    "engine.no_target": {
        "sv": "Ingen regel under level.target gäller för dessa svar.",
        "en": "No rule under level.target applies to these answers.",
    },
    "engine.result": {"sv": "Resultat: {level}.", "en": "Result: {level}."},
    "engine.result_raised": {
        "sv": "Målet, {target}, höjdes till {raised}.",
        "en": "The target, {target}, was raised to {raised}.",
    },
    "engine.result_capped": {
        "sv": "{raised} begränsades till {level}.",
        "en": "{raised} was capped at {level}.",
    },
    "engine.result_unchanged": {
        "sv": "Målet, {target}, står kvar: inget golv eller tak ändrade det.",
        "en": "The target, {target}, stands: no floor or cap changed it.",
    },
    "engine.no_step": {"sv": "inget", "en": "none"},
    # output
    "output.exists": {
        "sv": "{file} finns redan; använd --force för att skriva över den.",
        "en": "{file} already exists; use --force to overwrite it.",
    },
    "output.failed": {
        "sv": "{file} kunde inte skrivas: {reason}",
        "en": "{file} could not be written: {reason}",
    },
    "output.not_a_file": {
        "sv": "det är ingen vanlig fil (utan en mapp, en enhet eller ett rör); skriv till en fil "
        "eller använd -o - för standard ut",
        "en": "it is not a regular file (but a folder, a device or a pipe); write to a file, or "
        "use -o - for standard output",
    },
    "output.written": {"sv": "Skrev {file}", "en": "Wrote {file}"},
    # CLI
    "cli.interrupted": {"sv": "Avbrutet.", "en": "Interrupted."},
    "cli.internal": {
        "sv": "Internt fel i ladder ({error}). Detta är en bugg: rapportera kommandot och "
        "texten ovan till förvaltaren av verktyget.",
        "en": "Internal error in ladder ({error}). This is a bug: please report the command "
        "and the text above to the tool's maintainers.",
    },
    "cli.error": {"sv": "Fel", "en": "Error"},
    "cli.io_error": {
        "sv": "In- eller utdata misslyckades: {reason}",
        "en": "Input or output failed: {reason}",
    },
    "cli.bad_lang": {
        "sv": "okänt språk '{lang}'; välj sv eller en",
        "en": "unknown language '{lang}'; choose sv or en",
    },
    # rendering
    "render.level": {"sv": "Rekommenderad nivå", "en": "Recommended level"},
    "render.promise": {"sv": "Löfte till deltagarna", "en": "Promise to participants"},
    "render.recruitment": {"sv": "Rekrytera från", "en": "Recruit from"},
    "render.methods": {"sv": "Metoder", "en": "Methods"},
    "render.warnings": {"sv": "Att tänka på", "en": "Watch out"},
    "render.why": {"sv": "Varför", "en": "Why"},
    "render.answers": {"sv": "Svar", "en": "Answers"},
    "render.how": {"sv": "Så börjar du", "en": "How to start"},
    "render.time": {"sv": "Tid för deltagare", "en": "Time asked"},
    "render.mandate": {"sv": "mandat", "en": "mandate"},
    "render.mandate.personal": {"sv": "personligt", "en": "personal"},
    "render.mandate.organisational": {"sv": "organisatoriskt", "en": "organisational"},
    "render.here": {"sv": "rekommenderas", "en": "recommended"},
    "render.ladder": {"sv": "Delaktighetstrappan", "en": "The participation ladder"},
    "render.record": {
        "sv": "Beslutsunderlag: patientinvolvering",
        "en": "Decision record: patient involvement",
    },
    "render.date": {"sv": "Datum", "en": "Date"},
    "render.rules": {"sv": "Regelfil", "en": "Rules file"},
    "render.region": {"sv": "Region", "en": "Region"},
    "render.question": {"sv": "Fråga", "en": "Question"},
    "render.answer": {"sv": "Svar", "en": "Answer"},
    "render.rationale": {"sv": "Motivering", "en": "Rationale"},
    "render.none": {"sv": "inga", "en": "none"},
    "render.options": {"sv": "Alternativ", "en": "Options"},
    "render.asked_when": {"sv": "Ställs när", "en": "Asked when"},
    "render.optional": {"sv": "valfri fritext", "en": "optional free text"},
    "render.free_text": {"sv": "fritext", "en": "free text"},
    "render.questions": {"sv": "Frågorna", "en": "The questions"},
    "render.or": {"sv": "eller", "en": "or"},
    # wizard
    "wizard.intro": {
        "sv": "ladder – {region}: {count} frågor. Esc eller ← går tillbaka, Ctrl-C avbryter.",
        "en": "ladder – {region}: {count} questions. Esc or ← goes back, Ctrl-C quits.",
        "sv_one": "ladder – {region}: {count} fråga. Esc eller ← går tillbaka, Ctrl-C avbryter.",
        "en_one": "ladder – {region}: {count} question. Esc or ← goes back, Ctrl-C quits.",
    },
    "wizard.position": {"sv": "Fråga {number} av {total}", "en": "Question {number} of {total}"},
    "wizard.back": {"sv": "← Tillbaka", "en": "← Back"},
    "wizard.select_hint": {
        "sv": "(↑↓ eller siffra, Enter väljer, ← eller Esc går tillbaka)",
        "en": "(↑↓ or a number, Enter chooses, ← or Esc goes back)",
    },
    "wizard.select_hint_first": {
        "sv": "(↑↓ eller siffra, Enter väljer)",
        "en": "(↑↓ or a number, Enter chooses)",
    },
    "wizard.text_hint": {
        "sv": "(Enter utan text hoppar över, Esc går tillbaka)",
        "en": "(Enter on an empty line skips, Esc goes back)",
    },
    "wizard.text_hint_first": {
        "sv": "(Enter utan text hoppar över)",
        "en": "(Enter on an empty line skips)",
    },
    "wizard.skipped": {"sv": "(överhoppad)", "en": "(skipped)"},
    "wizard.summary_title": {"sv": "Sammanfattning", "en": "Summary"},
    "wizard.summary": {
        "sv": "Stämmer svaren? Välj ett att ändra, eller godkänn.",
        "en": "Are these answers right? Pick one to change, or accept.",
    },
    "wizard.summary_hint": {
        "sv": "(↑↓ och Enter, Esc går tillbaka)",
        "en": "(↑↓ and Enter, Esc goes back)",
    },
    "wizard.accept": {
        "sv": "✔ Godkänn och visa rekommendationen",
        "en": "✔ Accept and show the recommendation",
    },
    "wizard.change": {"sv": "  Ändra:", "en": "  Change:"},
    "wizard.save": {"sv": "Spara resultatet?", "en": "Save the result?"},
    "wizard.save_both": {
        "sv": "Spara beslutsunderlaget (Markdown) och svaren (YAML)",
        "en": "Save the decision record (Markdown) and the answers (YAML)",
    },
    "wizard.save_record": {
        "sv": "Spara bara beslutsunderlaget",
        "en": "Save only the decision record",
    },
    "wizard.save_answers": {"sv": "Spara bara svaren", "en": "Save only the answers"},
    "wizard.save_none": {"sv": "Spara inget", "en": "Save nothing"},
    "wizard.record_file": {"sv": "beslutsunderlag.md", "en": "decision-record.md"},
    "wizard.answers_file": {"sv": "svar.yaml", "en": "answers.yaml"},
    "wizard.record_path": {
        "sv": "Fil för beslutsunderlaget:",
        "en": "File for the decision record:",
    },
    "wizard.answers_path": {"sv": "Fil för svaren:", "en": "File for the answers:"},
    "wizard.path_hint": {
        "sv": "(Enter sparar, töm raden för att inte spara)",
        "en": "(Enter saves; clear the line to skip)",
    },
    "wizard.exists": {
        "sv": "{file} finns redan.",
        "en": "{file} already exists.",
    },
    "wizard.rename": {"sv": "Välj ett annat namn", "en": "Choose another name"},
    "wizard.overwrite": {"sv": "Skriv över filen", "en": "Overwrite the file"},
    "wizard.replay": {
        "sv": "Gå igenom och ändra svaren senare: ladder wizard --answers {file}",
        "en": "Replay and edit the answers later: ladder wizard --answers {file}",
    },
    "wizard.answers_header": {
        "sv": "Svar till ladder (regelfil: {rules}).\n"
        "Används med: ladder recommend --answers FIL, eller ladder wizard --answers FIL",
        "en": "Answers for ladder (rules file: {rules}).\n"
        "Use with: ladder recommend --answers FILE, or ladder wizard --answers FILE",
    },
    "wizard.not_interactive": {
        "sv": "Intervjun behöver en interaktiv terminal (standard in och ut), och här finns "
        "ingen. Samma rekommendation utan frågor:",
        "en": "The interview needs an interactive terminal (standard input and output), and "
        "there is none. The same recommendation without questions:",
    },
    "wizard.unanswered": {"sv": "Obesvarade frågor:", "en": "Questions still unanswered:"},
    "wizard.depends": {
        "sv": "Fler frågor kan följa, beroende på svaret på: {ids}",
        "en": "More questions may follow, depending on the answer to: {ids}",
    },
    "wizard.complete": {
        "sv": "Alla frågor som krävs är besvarade; kommandot ovan ger rekommendationen.",
        "en": "Every required question is answered; the command above gives the recommendation.",
    },
    "help.wizard": {
        "sv": "Intervjun: frågorna en i taget, med tillbaka, sammanfattning och sparande.\n\n"
        "Exempel: ladder wizard --answers svar.yaml --skip-answered",
        "en": "The interview: one question at a time, with back, a summary and saving.\n\n"
        "Example: ladder wizard --answers answers.yaml --skip-answered",
    },
    "help.skip_answered": {
        "sv": "Fråga inte det som redan besvarats med -a eller --answers.",
        "en": "Do not ask what -a or --answers already answer.",
    },
    # check, diff and schema
    "check.text_given": {"sv": "(fritext)", "en": "(free text)"},
    "check.no_answers": {"sv": "(inga svar)", "en": "(no answers)"},
    "check.above": {"sv": "över", "en": "above"},
    "check.below": {"sv": "under", "en": "below"},
    "check.lowers": {"sv": "sänker", "en": "lowers"},
    "check.raises": {"sv": "höjer", "en": "raises"},
    "check.severity.error": {"sv": "fel", "en": "error"},
    "check.severity.warning": {"sv": "varning", "en": "warning"},
    "check.summary_unloaded": {
        "sv": "{file}: {count} fel; rätta dem först, sedan kontrolleras resten.",
        "en": "{file}: {count} errors; fix them first, then the rest is checked.",
        "sv_one": "{file}: {count} fel; rätta det först, sedan kontrolleras resten.",
        "en_one": "{file}: {count} error; fix it first, then the rest is checked.",
    },
    "check.summary": {
        "sv": "{file}: fel {errors}, varningar {warnings}; egenskaper bevisade {proved} av "
        "{properties}; exempel godkända {passed} av {examples}; {combinations} "
        "svarskombinationer i {pieces} delar.",
        "en": "{file}: errors {errors}, warnings {warnings}; properties proved {proved} of "
        "{properties}; examples passed {passed} of {examples}; {combinations} answer "
        "combinations in {pieces} pieces.",
    },
    "check.coverage_level": {
        "sv": "{count} möjliga svarskombinationer får ingen nivå, till exempel {answers}: ingen "
        "regel under level.target gäller. Lägg till en regel för dem, eller en sista regel utan "
        "`when` som standard.",
        "en": "{count} reachable answer combinations get no level, for example {answers}: no "
        "rule under level.target applies. Add a rule for them, or a last rule without `when` "
        "as the default.",
        "sv_one": "{count} möjlig svarskombination får ingen nivå: {answers}. Ingen regel under "
        "level.target gäller. Lägg till en regel för den, eller en sista regel utan `when` som "
        "standard.",
        "en_one": "{count} reachable answer combination gets no level: {answers}. No rule under "
        "level.target applies. Add a rule for it, or a last rule without `when` as the default.",
    },
    "check.coverage_structure": {
        "sv": "ingen rekryteringsstruktur passar för {answers} (nivå {level}). Vidga `when` eller "
        "`levels` för en struktur, eller lägg till en.",
        "en": "no recruitment structure fits {answers} (level {level}). Widen a structure's "
        "`when` or `levels`, or add one.",
    },
    "check.coverage_method": {
        "sv": "ingen metod passar för {answers} (nivå {level}). Vidga `when` eller `levels` för "
        "en metod, eller lägg till en.",
        "en": "no method fits {answers} (level {level}). Widen a method's `when` or `levels`, or "
        "add one.",
    },
    "check.question_never_asked": {
        "sv": "frågan '{id}' ställs aldrig: dess `when` kan aldrig uppfyllas. Rätta villkoret "
        "eller ta bort frågan.",
        "en": "question '{id}' is never asked: its `when` can never hold. Fix the condition or "
        "remove the question.",
    },
    "check.question_unused": {
        "sv": "ingen regel läser svaret på '{id}': frågan ställs men ändrar ingenting. Använd den "
        "i ett `when` eller `from`, eller ta bort den.",
        "en": "no rule reads the answer to '{id}': the question is asked but changes nothing. "
        "Use it in a `when` or `from`, or remove it.",
    },
    "check.option_alike": {
        "sv": "alternativet '{id}' behandlas precis som '{other}' av alla regler, så valet mellan "
        "dem i '{question}' ändrar ingenting. Skilj dem åt i någon regel, eller slå ihop dem.",
        "en": "option '{id}' is treated exactly like '{other}' by every rule, so choosing "
        "between them in '{question}' changes nothing. Tell them apart in some rule, or merge "
        "them.",
    },
    "check.step_never": {
        "sv": "steget '{id}' rekommenderas aldrig: inga möjliga svar leder dit. Se över målets "
        "`map`, golven och taken.",
        "en": "step '{id}' is never recommended: no reachable answers lead to it. Check the "
        "target's `map`, the floors and the caps.",
    },
    "check.item_never": {
        "sv": "{kind} '{id}' rekommenderas aldrig: dess villkor (`when`, `levels`, "
        "`capped_by`) uppfylls aldrig samtidigt. Vidga villkoren eller ta bort den.",
        "en": "{kind} '{id}' is never recommended: its conditions (`when`, `levels`, "
        "`capped_by`) never hold together. Widen them or remove it.",
    },
    "check.item_crowded": {
        "sv": "{kind} '{id}' passar ibland men väljs aldrig: tidigare poster fyller alltid de "
        "{limit} platserna först. Flytta upp den eller smalna av de tidigare.",
        "en": "{kind} '{id}' sometimes fits but is never chosen: earlier entries always fill "
        "the {limit} places first. Move it up or narrow the earlier ones.",
    },
    "check.warning_never": {
        "sv": "varningen '{id}' visas aldrig: dess villkor uppfylls aldrig samtidigt för några "
        "möjliga svar.",
        "en": "warning '{id}' is never raised: its conditions never hold together for any "
        "reachable answers.",
    },
    "check.part_never": {
        "sv": "stycket '{id}' kommer aldrig med i förväntansbeskrivningen: dess villkor uppfylls "
        "aldrig samtidigt.",
        "en": "statement part '{id}' is never used: its conditions never hold together.",
    },
    "check.mandate_unused": {
        "sv": "mandattypen '{id}' används aldrig: ingen struktur som kan rekommenderas har den.",
        "en": "mandate type '{id}' is never used: no structure that can be recommended has it.",
    },
    "check.rule_never_applies": {
        "sv": "regeln '{id}' gäller aldrig: dess `when` (och `from`-`map`) uppfylls inte för "
        "några möjliga svar.",
        "en": "rule '{id}' never applies: its `when` (and `from` map) hold for no reachable "
        "answers.",
    },
    "check.rule_shadowed": {
        "sv": "målregeln '{id}' används aldrig: tidigare regler ({earlier}) gäller alltid först. "
        "Flytta upp den eller smalna av dem.",
        "en": "target rule '{id}' never fires: earlier rules ({earlier}) always apply first. "
        "Move it up or narrow them.",
    },
    "check.rule_overlap": {
        "sv": "målreglerna '{first}' och '{id}' gäller båda för {answers} och ger olika steg "
        "({step1}, {step2}); '{first}' vinner eftersom den kommer först. Gör villkoren "
        "ömsesidigt uteslutande, eller ordna reglerna medvetet.",
        "en": "target rules '{first}' and '{id}' both apply to {answers} and set different "
        "steps ({step1}, {step2}); '{first}' wins because it comes first. Make their `when`s "
        "exclusive, or order them deliberately.",
    },
    "check.rule_duplicate": {
        "sv": "regeln '{id}' upprepar regeln '{first}' exakt (samma when, step, from och map); "
        "ta bort den ena.",
        "en": "rule '{id}' repeats rule '{first}' exactly (same when, step, from and map); "
        "remove one.",
    },
    "check.floor_no_effect": {
        "sv": "golvet '{id}' höjer aldrig nivån: målet eller andra golv är alltid minst lika "
        "höga där det gäller.",
        "en": "floor '{id}' never raises the level: the target or other floors are always at "
        "least as high where it applies.",
    },
    "check.cap_no_effect": {
        "sv": "taket '{id}' sänker aldrig nivån: nivån ligger alltid redan på eller under taket "
        "där det gäller.",
        "en": "cap '{id}' never lowers the level: the level is always already at or below it "
        "where it applies.",
    },
    "check.property_shape_bound": {
        "sv": "egenskapen '{id}': at_most och at_least behöver antingen `step` eller `from` med "
        "`map`, och ingen `question`.",
        "en": "property '{id}': at_most and at_least need either `step` or `from` with `map`, "
        "and no `question`.",
    },
    "check.property_shape_monotone": {
        "sv": "egenskapen '{id}': monotone behöver `question` (en flervalsfråga) och ingen "
        "`step`, `from` eller `map`.",
        "en": "property '{id}': monotone needs `question` (a choice question) and no `step`, "
        "`from` or `map`.",
    },
    "check.property_refuted_bound": {
        "sv": "egenskapen '{id}' håller inte: med {answers} blir nivån {level}, {relation} "
        "{bound}.",
        "en": "property '{id}' does not hold: with {answers} the level is {level}, {relation} "
        "{bound}.",
    },
    "check.property_refuted_monotone": {
        "sv": "egenskapen '{id}' håller inte: att ändra {question} från '{low}' till '{high}' "
        "{moves} nivån från {before} till {after} (övriga svar: {answers}).",
        "en": "property '{id}' does not hold: changing {question} from '{low}' to '{high}' "
        "{moves} the level from {before} to {after} (other answers: {answers}).",
    },
    "check.example_answers": {
        "sv": "exemplet '{name}' har ogiltiga svar: {reason}",
        "en": "example '{name}' has invalid answers: {reason}",
    },
    "check.example_missing": {
        "sv": "exemplet '{name}' besvarar inte {ids}.",
        "en": "example '{name}' does not answer {ids}.",
    },
    "check.example_unused": {
        "sv": "exemplet '{name}' svarar på '{id}', som inte ställs för dessa svar.",
        "en": "example '{name}' answers '{id}', which is not asked for these answers.",
    },
    "check.example_level": {
        "sv": "exemplet '{name}': väntad nivå {expected}, fick {actual}.",
        "en": "example '{name}': expected level {expected}, got {actual}.",
    },
    "check.example_items": {
        "sv": "exemplet '{name}': väntade {kind} {ids} bland de rekommenderade, fick {actual}.",
        "en": "example '{name}': expected {kind} {ids} among those recommended, got {actual}.",
    },
    "diff.summary": {
        "sv": "{old} -> {new}: {changed} av {combinations} svarskombinationer ändras; "
        "{only_old} nås bara i den gamla filen, {only_new} bara i den nya.",
        "en": "{old} -> {new}: {changed} of {combinations} answer combinations change; "
        "{only_old} are reachable only in the old file, {only_new} only in the new one.",
    },
    "diff.change": {
        "sv": "  {kind}: {old} -> {new} ({count} kombinationer)",
        "en": "  {kind}: {old} -> {new} ({count} combinations)",
        "sv_one": "  {kind}: {old} -> {new} ({count} kombination)",
        "en_one": "  {kind}: {old} -> {new} ({count} combination)",
    },
    "diff.kind.level": {"sv": "nivå", "en": "level"},
    "diff.kind.structures": {"sv": "strukturer", "en": "structures"},
    "diff.kind.methods": {"sv": "metoder", "en": "methods"},
    "diff.when": {"sv": "när {conditions}", "en": "when {conditions}"},
    "diff.always": {"sv": "alltid", "en": "always"},
    "diff.more": {
        "sv": "... och {count} villkor till",
        "en": "... and {count} more conditions",
        "sv_one": "... och {count} villkor till",
        "en_one": "... and {count} more condition",
    },
    "diff.example": {"sv": "t.ex. {answers}", "en": "e.g. {answers}"},
    "help.check": {
        "sv": "Kontrollera regelfiler: schema, täckning, överlapp, oåtkomligt innehåll, "
        "deklarerade egenskaper och exempel. Slutkod 3 vid fel (och vid varningar med "
        "--strict).\n\nExempel: ladder check --strict data/ladder.yaml",
        "en": "Verify rules files: schema, coverage, overlaps, unreachable content, declared "
        "properties and worked examples. Exit code 3 on errors (and on warnings with "
        "--strict).\n\nExample: ladder check --strict data/ladder.yaml",
    },
    "help.check_files": {
        "sv": "Regelfiler att kontrollera (annars de aktiva reglerna).",
        "en": "Rules files to check (else the active rules).",
    },
    "help.strict": {"sv": "Varningar räknas som fel.", "en": "Treat warnings as errors."},
    "help.diff": {
        "sv": "Visa vilka svarskombinationer som får annan nivå, andra strukturer eller andra "
        "metoder mellan två regelfiler.\n\nExempel: ladder diff data/ladder.yaml min.yaml",
        "en": "Show which answer combinations change their level, structures or methods "
        "between two rules files.\n\nExample: ladder diff data/ladder.yaml mine.yaml",
    },
    "help.diff_old": {"sv": "Den gamla regelfilen.", "en": "The old rules file."},
    "help.diff_new": {"sv": "Den nya regelfilen.", "en": "The new rules file."},
    "help.diff_examples": {
        "sv": "Antal exempel per ändring.",
        "en": "Examples shown per change.",
    },
    "help.schema": {
        "sv": "Skriv ut JSON Schema (draft 7) för regelfilen.\n\nExempel: ladder schema > "
        "rules.schema.json",
        "en": "Print the JSON Schema (draft 7) of the rules file.\n\nExample: ladder schema > "
        "rules.schema.json",
    },
    # batch
    "batch.unknown_suffix": {
        "sv": "{file}: formatet framgår inte av filändelsen; ange --input-format "
        "(kända ändelser: {suffixes}).",
        "en": "{file}: the format cannot be told from the extension; give --input-format "
        "(known extensions: {suffixes}).",
    },
    "batch.not_found": {
        "sv": "Indatafilen {file} finns inte.",
        "en": "The input file {file} does not exist.",
    },
    "batch.unreadable": {
        "sv": "Indata {file} kan inte läsas: {reason}",
        "en": "The input {file} cannot be read: {reason}",
    },
    "batch.too_large": {"sv": "större än {limit} byte", "en": "larger than {limit} bytes"},
    "batch.not_object": {
        "sv": "raden ska vara ett objekt fråga: svar, inte {kind}",
        "en": "the row must be an object of question: answer, not {kind}",
    },
    "batch.bad_line": {
        "sv": "rad {line} kan inte läsas: {reason}",
        "en": "line {line} cannot be read: {reason}",
    },
    "batch.csv_no_header": {
        "sv": "{file}: CSV-filen saknar rubrikrad med fråge-id.",
        "en": "{file}: the CSV file lacks a header row of question ids.",
    },
    "batch.csv_bad_header": {
        "sv": "{file}:1: rubrikraden har en tom eller upprepad kolumn '{column}'.",
        "en": "{file}:1: the header row has an empty or repeated column '{column}'.",
    },
    "batch.csv_width": {
        "sv": "rad {line} har {found} fält; rubrikraden har {width}",
        "en": "line {line} has {found} fields; the header row has {width}",
    },
    "batch.yaml_not_list": {
        "sv": "{file}: YAML-indata ska vara en lista av mappningar fråga: svar.",
        "en": "{file}: YAML input must be a list of mappings question: answer.",
    },
    "batch.summary": {
        "sv": "Batch: {rows} rader, {done} rekommendationer, {failed} fel "
        "({distinct} olika svarsuppsättningar).",
        "en": "Batch: {rows} rows, {done} recommended, {failed} failed "
        "({distinct} distinct answer sets).",
    },
    "batch.failed_rows": {"sv": "Rader med fel: {rows}.", "en": "Rows that failed: {rows}."},
    "batch.progress": {"sv": "Utvärderar rader", "en": "Evaluating rows"},
    "help.batch": {
        "sv": "Många svarsuppsättningar på en gång: JSON Lines, CSV eller en YAML-lista in "
        "(FIL eller - för standard in), ett resultat per rad ut. En felaktig rad blir en "
        "felpost och körningen fortsätter; slutkoden är 4 om någon rad hade fel.\n\n"
        "Exempel: ladder batch projekt.csv --format csv --output resultat.csv",
        "en": "Many answer sets at once: JSON Lines, CSV or a YAML list in (FILE, or - for "
        "stdin), one result per row out. A bad row becomes an error record and the run goes "
        "on; the exit code is 4 if any row failed.\n\n"
        "Example: ladder batch projects.csv --format csv --output results.csv",
    },
    "help.batch_file": {
        "sv": "Indatafil (.jsonl, .csv, .yaml) eller - för standard in.",
        "en": "Input file (.jsonl, .csv, .yaml), or - for standard input.",
    },
    "help.input_format": {
        "sv": "Indataformat (annars från filändelsen; standard in: jsonl).",
        "en": "Input format (else from the extension; stdin: jsonl).",
    },
    "help.batch_format": {
        "sv": "Utdataformat: jsonl (en rad per resultat), json (en lista) eller csv (sammandrag).",
        "en": "Output format: jsonl (one line per result), json (a list) or csv (a summary).",
    },
    # robustness: limits, interrupts
    "yaml.limit": {"sv": "YAML-filen avvisas: {problem}", "en": "YAML refused: {problem}"},
    "yaml.too_deep": {
        "sv": "strukturen är nästlad djupare än {limit} nivåer",
        "en": "the structure is nested deeper than {limit} levels",
    },
    "yaml.too_many_nodes": {
        "sv": "alias (*namn) växer till fler än {limit} noder; är det en aliasbomb?",
        "en": "aliases (*name) expand to more than {limit} nodes; is this an alias bomb?",
    },
    "cli.terminated": {"sv": "Avslutat (SIGTERM).", "en": "Terminated (SIGTERM)."},
    "yaml.duplicate_key": {
        "sv": "nyckeln '{key}' finns redan på rad {line} i samma mappning",
        "en": "the key '{key}' is already given on line {line} of the same mapping",
    },
    "json.too_deep": {
        "sv": "strukturen är för djupt nästlad",
        "en": "the structure is nested too deeply",
    },
    "answers.not_utf8": {
        "sv": "svaret på {id} är inte giltig UTF-8-text",
        "en": "the answer to {id} is not valid UTF-8 text",
    },
    # command-line help
    "help.app": {
        "sv": "Välj hur patienter och närstående ska involveras: nivå på delaktighetstrappan, "
        "rekryteringsstruktur, metod och ett förväntansbeskrivning. I en terminal startar "
        "`ladder` utan kommando intervjun.",
        "en": "Decide how to involve patients and relatives: the level on the participation "
        "ladder, where to recruit, the method, and an expectations statement. In a terminal, "
        "`ladder` with no command starts the interview.",
    },
    "help.recommend": {
        "sv": "Rekommendation utan frågor, från -a/--answer och --answers.\n\n"
        "Exempel: ladder recommend -a arena=care_meeting -a patient_wish=share_decisions "
        "-a relatives=no --format json",
        "en": "Recommend without questions, from -a/--answer and --answers.\n\n"
        "Example: ladder recommend -a arena=care_meeting -a patient_wish=share_decisions "
        "-a relatives=no --format json",
    },
    "help.questions": {
        "sv": "Visa frågorna med id, alternativ och villkor.\n\n"
        "Exempel: ladder questions --format json",
        "en": "List the questions with their ids, options and conditions.\n\n"
        "Example: ladder questions --format json",
    },
    "help.steps": {
        "sv": "Visa delaktighetstrappan och löftet på varje steg.\n\n"
        "Exempel: ladder steps --lang sv",
        "en": "Show the participation ladder and the promise of each step.\n\n"
        "Example: ladder steps --lang sv",
    },
    "help.answer": {
        "sv": "Ett svar som FRÅGA=SVAR, till exempel arena=unit_development (kan upprepas).",
        "en": "An answer as KEY=VALUE, e.g. arena=unit_development (repeatable).",
    },
    "help.answers": {
        "sv": "En YAML- eller JSON-fil med svar (fråga: svar); -a vinner över filen.",
        "en": "A YAML or JSON file of answers (question: answer); -a wins over the file.",
    },
    "help.rules": {
        "sv": "Regelfil (annars $LADDER_RULES, annars den inbyggda).",
        "en": "Rules file (else $LADDER_RULES, else the built-in rules).",
    },
    "help.lang": {
        "sv": "Språk: sv eller en (annars $LADDER_LANG, annars LANG).",
        "en": "Language: sv or en (else $LADDER_LANG, else the locale).",
    },
    "help.format": {"sv": "Utdataformat.", "en": "Output format."},
    "help.format_by_suffix": {
        "sv": "Utdataformat (annars efter filändelsen i --output: .md, .json, .yaml; annars text).",
        "en": "Output format (else from the --output file's extension: .md, .json, .yaml; "
        "else text).",
    },
    "help.output": {
        "sv": "Skriv till FIL (atomärt) i stället för standard ut.",
        "en": "Write to FILE (atomically) instead of standard output.",
    },
    "help.force": {
        "sv": "Skriv över en befintlig --output-fil.",
        "en": "Overwrite an existing --output file.",
    },
    "help.no_color": {"sv": "Ingen färg (även NO_COLOR).", "en": "No colour (NO_COLOR works too)."},
    "help.version": {"sv": "Visa versionen och avsluta.", "en": "Show the version and exit."},
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in; the singular form when count is 1."""
    texts = MESSAGES[key]
    if values.get("count") == 1 and f"{lang}_one" in texts:
        return texts[f"{lang}_one"].format(**values)
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def choose_language(option: str | None, environ: dict[str, str] | None = None) -> str:
    """--lang, else LADDER_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    if option:
        return option
    if env.get("LADDER_LANG"):
        return env["LADDER_LANG"]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "sv" if value.lower().startswith("sv") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
