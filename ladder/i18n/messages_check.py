"""The strings of check, diff and schema, in Swedish and English."""

CHECK: dict[str, dict[str, str]] = {
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
    # The work budget of check and diff.
    "check.budget": {
        "sv": "hann inte kontrollera {what}: arbetsbudgeten på {limit} steg tog slut. Förenkla "
        "villkoren eller höj gränsen med {name}.",
        "en": "could not finish checking {what}: the work budget of {limit} steps ran out. "
        "Simplify the conditions, or raise the limit with {name}.",
    },
    "check.budget_setting": {
        "sv": "{name} ska vara ett positivt heltal (antal steg), inte '{value}'.",
        "en": "{name} must be a positive whole number (of steps), not '{value}'.",
    },
    "check.stage.space": {
        "sv": "svarsrymden och dess nivåer",
        "en": "the answer space and its levels",
    },
    "check.stage.coverage": {
        "sv": "att varje svarskombination får en nivå, strukturer och metoder",
        "en": "that every answer combination gets a level, structures and methods",
    },
    "check.stage.target": {
        "sv": "om målreglerna överlappar eller skuggar varandra",
        "en": "whether the target rules overlap or shadow each other",
    },
    "check.stage.floors_caps": {
        "sv": "om varje golv och tak har någon verkan",
        "en": "whether each floor and cap has an effect",
    },
    "check.stage.outputs": {
        "sv": "om varje struktur, metod, varning och stycke i förväntansbeskrivningen kan "
        "komma med",
        "en": "whether each structure, method, warning and statement part can be chosen",
    },
    "check.stage.property": {
        "sv": "egenskapen '{id}'",
        "en": "property '{id}'",
    },
    "diff.budget": {
        "sv": "{old} -> {new}: hann inte jämföra filerna: arbetsbudgeten på {limit} steg tog "
        "slut. Förenkla villkoren eller höj gränsen med {name}.",
        "en": "{old} -> {new}: could not finish the comparison: the work budget of {limit} "
        "steps ran out. Simplify the conditions, or raise the limit with {name}.",
    },
    "check.pieces": {
        "sv": "hann inte kontrollera {what}: svarsrymden delas i fler än {limit} bitar på en gång, "
        "vilket ingen inställning höjer. Förenkla villkoren, till exempel genom att göra "
        "följdfrågor obligatoriska eller slå ihop frågor.",
        "en": "could not finish checking {what}: the answer space splits into more than {limit} "
        "pieces at once, which no setting raises. Simplify the conditions, for example by making "
        "follow-up questions required or by joining questions.",
    },
    "diff.pieces": {
        "sv": "{old} -> {new}: hann inte jämföra filerna: svarsrymden delas i fler än {limit} "
        "bitar på en gång, vilket ingen inställning höjer. Förenkla villkoren.",
        "en": "{old} -> {new}: could not finish the comparison: the answer space splits into "
        "more than {limit} pieces at once, which no setting raises. Simplify the conditions.",
    },
}
