"""The tool's own user-facing strings, in every supported language, and the language choice."""

from __future__ import annotations

import errno
import os

from ladder.errors import NotAFileError
from ladder.i18n.messages_batch import BATCH
from ladder.i18n.messages_check import CHECK
from ladder.i18n.messages_wizard import WIZARD
from ladder.i18n.pending_io import PENDING

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "en"


CORE: dict[str, dict[str, str]] = {
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
    "yaml.tab": {
        "sv": "ett tabbtecken används för indrag; YAML kräver mellanslag",
        "en": "a tab is used for indentation; YAML needs spaces",
    },
    "yaml.token": {
        "sv": "ett tecken här kan inte inleda ett värde: ofta ett tabbtecken (YAML kräver "
        "mellanslag) eller ett specialtecken som kräver citattecken kring texten",
        "en": "a character here cannot start a value: often a tab (YAML needs spaces) or a "
        "special character that needs the text in quotes",
    },
    "yaml.colon": {
        "sv": "ett kolon (:) saknas efter en nyckel",
        "en": "a colon (:) is missing after a key",
    },
    "yaml.key": {
        "sv": "indraget stämmer inte, eller ett citattecken är inte stängt",
        "en": "the indentation is off, or a quote is not closed",
    },
    "yaml.node": {"sv": "ett värde saknas här", "en": "a value is missing here"},
    "yaml.end": {
        "sv": "filen tar slut mitt i ett värde: ett citattecken eller en parentes är inte stängd",
        "en": "the file ends in the middle of a value: a quote or a bracket is not closed",
    },
    "yaml.list": {
        "sv": "en lista [ ... ] är inte stängd eller saknar ett kommatecken",
        "en": "a list [ ... ] is not closed or lacks a comma",
    },
    "yaml.mapping": {
        "sv": "en mappning { ... } är inte stängd eller saknar ett kommatecken",
        "en": "a mapping { ... } is not closed or lacks a comma",
    },
    "yaml.colon_inside": {
        "sv": "ett kolon står där det inte får stå: sätt texten inom citattecken",
        "en": "a colon stands where it may not: put the text in quotes",
    },
    "yaml.indent": {
        "sv": "indraget stämmer inte med raderna ovanför",
        "en": "the indentation does not match the lines above",
    },
    "json.invalid": {"sv": "ogiltig JSON ({reason})", "en": "invalid JSON ({reason})"},
    "os.no_such": {"sv": "filen eller mappen finns inte", "en": "no such file or folder"},
    "os.permission": {"sv": "behörighet saknas", "en": "permission denied"},
    "os.full": {"sv": "disken är full", "en": "the disk is full"},
    "os.is_folder": {"sv": "det är en mapp", "en": "it is a folder"},
    "os.not_folder": {
        "sv": "en del av sökvägen är ingen mapp",
        "en": "part of the path is not a folder",
    },
    "os.read_only": {"sv": "filsystemet är skrivskyddat", "en": "the file system is read-only"},
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
    "answers.quote_it": {
        "sv": 'skriv värdet inom citattecken: "{value}"',
        "en": 'write the value in quotes: "{value}"',
    },
    "answers.option": {"sv": "alternativ", "en": "option"},
    "kind.null": {"sv": "tomt (null)", "en": "empty (null)"},
    "kind.bool": {"sv": "ett sant/falskt-värde", "en": "a true/false value"},
    "kind.number": {"sv": "ett tal", "en": "a number"},
    "kind.list": {"sv": "en lista", "en": "a list"},
    "kind.mapping": {"sv": "en mappning", "en": "a mapping"},
    "kind.date": {"sv": "ett datum", "en": "a date"},
    "kind.bytes": {"sv": "binära data (!!binary)", "en": "binary data (!!binary)"},
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
        "rekryteringsstruktur, metod och en förväntansbeskrivning. I en terminal startar "
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
    # strict JSON (ladder/io/strict_json.py)
    "json.duplicate_key": {
        "sv": "nyckeln '{value}' finns två gånger i samma objekt",
        "en": "the key '{value}' is given twice in the same object",
    },
    "rules.not_stdin": {
        "sv": "Regler läses inte från standard in (-): ange en regelfil.",
        "en": "Rules are not read from standard input (-): give a rules file.",
    },
    "answers.not_stdin": {
        "sv": "Svar läses inte från standard in (-): ange en svarsfil, eller använd "
        "ladder batch - för svar från standard in.",
        "en": "Answers are not read from standard input (-): give an answers file, or use "
        "ladder batch - for answers from standard input.",
    },
    "json.long_number": {
        "sv": "talet {value} är för långt eller för stort för ett svar; skriv svaret som text "
        "inom citattecken",
        "en": "the number {value} is too long or too large for an answer; write the answer as "
        "text in quotes",
    },
    "json.not_a_number": {
        "sv": "{value} är inte ett JSON-värde; skriv det som text inom citattecken",
        "en": "{value} is not a JSON value; write it as text in quotes",
    },
    # files, links and the environment
    "os.not_a_file": {
        "sv": "det är ingen vanlig fil utan en enhet eller en socket; ange en fil",
        "en": "it is not a regular file but a device or a socket; give a file",
    },
    "os.empty_pipe": {
        "sv": "det är ett rör (pipe) som ingen skriver till",
        "en": "it is a pipe that nothing is written to",
    },
    "os.name_too_long": {"sv": "filnamnet är för långt", "en": "the file name is too long"},
    "os.link_loop": {
        "sv": "för många symboliska länkar i rad (en länk som pekar på sig själv?)",
        "en": "too many symbolic links in a row (a link that points to itself?)",
    },
    "rules.larger_than": {
        "sv": "Regelfilen är större än {limit} byte, den största tillåtna storleken.",
        "en": "The rules file is larger than {limit} bytes, the largest accepted size.",
    },
    "output.through_link": {
        "sv": "Skrev {file}, en symbolisk länk: filen som skrevs är {target}",
        "en": "Wrote {file}, a symbolic link: the file written is {target}",
    },
    "output.foreign_link": {
        "sv": "{link} är en symbolisk länk som en annan användare (uid {owner}) har lagt i en "
        "delad mapp; ladder följer den inte. Ta bort länken eller välj ett annat namn.",
        "en": "{link} is a symbolic link that another user (uid {owner}) put in a shared "
        "folder; ladder does not follow it. Remove the link or choose another name.",
    },
    "env.bad_epoch": {
        "sv": "SOURCE_DATE_EPOCH ska vara ett heltal sekunder sedan 1970-01-01, men är '{value}'",
        "en": "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not '{value}'",
    },
    # untrusted text: templates, invisible characters
    "rules.placeholder_plain": {
        "sv": "platshållaren '{field}' är inte tillåten: skriv bara namnet inom klamrar, som "
        "{{level}}, utan format (:), konvertering (!), attribut (.) eller index ([ ])",
        "en": "the placeholder '{field}' is not allowed: write just the name in braces, such as "
        "{{level}}, without a format (:), conversion (!), attribute (.) or index ([ ])",
    },
    "rules.invisible_chars": {
        "sv": "texten innehåller ett osynligt tecken eller ett tecken som ändrar textens "
        "riktning ({code}), så att den kan visas som en annan text; ta bort det",
        "en": "the text contains an invisible or direction-changing character ({code}), which "
        "can make it display as a different text; remove it",
    },
    "answers.invisible_chars": {
        "sv": "svaret på {id} innehåller ett osynligt tecken eller ett tecken som ändrar "
        "textens riktning ({code}), så att det kan visas som ett annat svar; ta bort det",
        "en": "the answer to {id} contains an invisible or direction-changing character "
        "({code}), which can make it display as a different answer; remove it",
    },
    "answers.unchecked": {
        "sv": "… och {count} svar till, som inte har kontrollerats: rätta felen ovan först",
        "en": "… and {count} more answers, not checked: correct the problems above first",
        "sv_one": "… och {count} svar till, som inte har kontrollerats: rätta felen ovan först",
        "en_one": "… and {count} more answer, not checked: correct the problems above first",
    },
}

# The wizard's, check's and batch's strings are kept in modules of their own; `t` reads them
# all from this one dictionary.
CORE.update(PENDING)  # new and changed texts, until the catalogue moves to gettext
MESSAGES = CORE | WIZARD | CHECK | BATCH


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
        return _language_code(option)
    if env.get("LADDER_LANG"):
        return _language_code(env["LADDER_LANG"])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "sv" if value.lower().startswith("sv") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def _language_code(value: str) -> str:
    """`sv`, `SV`, `sv_SE`, `sv-SE.UTF-8` all mean Swedish; an unknown value is kept as given."""
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else value


# Problems reported by libraries and the OS, in the user's language; unknown ones keep their
# own words.
YAML_PROBLEMS = (
    ("found a tab character", "yaml.tab"),
    ("that cannot start any token", "yaml.token"),
    ("could not find expected ':'", "yaml.colon"),
    ("did not find expected key", "yaml.key"),
    ("did not find expected node content", "yaml.node"),
    ("found unexpected end of stream", "yaml.end"),
    ("did not find expected ',' or ']'", "yaml.list"),
    ("did not find expected ',' or '}'", "yaml.mapping"),
    ("mapping values are not allowed here", "yaml.colon_inside"),
    ("expected <block end>", "yaml.indent"),
)
OS_PROBLEMS = {
    errno.ENOENT: "os.no_such",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOSPC: "os.full",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.EROFS: "os.read_only",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.ELOOP: "os.link_loop",
}


def yaml_problem(problem: str, lang: str) -> str:
    """PyYAML's description of a syntax error, explained in `lang`."""
    for found, key in YAML_PROBLEMS:
        if found in problem:
            return f"{t(key, lang)} ({problem})"
    return problem


def os_problem(error: OSError, lang: str) -> str:
    """The reason an OS call failed, in `lang`."""
    key = error.key if isinstance(error, NotAFileError) else OS_PROBLEMS.get(error.errno or 0)
    return t(key, lang) if key else str(error.strerror or error)
