"""The interview's strings, in Swedish and English."""

WIZARD: dict[str, dict[str, str]] = {
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
        "sv": "(tangenten framför svaret eller ↑↓, sedan Enter; 0 godkänner, Esc går tillbaka)",
        "en": "(the key before an answer or ↑↓, then Enter; 0 accepts, Esc goes back)",
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
    # a result taller than the screen
    "wizard.more": {
        "sv": "Hela resultatet, med rekrytering, metoder och motivering: välj "
        "”Visa hela resultatet” nedan.",
        "en": "The whole result, with recruitment, methods and the reasons: choose "
        "'Show the whole result' below.",
    },
    "wizard.save_whole": {
        "sv": "Visa hela resultatet sida för sida (q avslutar visningen)",
        "en": "Show the whole result page by page (q ends the view)",
    },
}
