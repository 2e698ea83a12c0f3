"""The strings of batch, in Swedish and English."""

BATCH: dict[str, dict[str, str]] = {
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
        "sv": "Batch: {rows} rader; rekommenderade: {done}, fel: {failed}, "
        "utvärderade svarsuppsättningar: {distinct}.",
        "en": "Batch: {rows} rows; recommended: {done}, failed: {failed}, "
        "answer sets evaluated: {distinct}.",
        "sv_one": "Batch: {rows} rad; rekommenderade: {done}, fel: {failed}, "
        "utvärderade svarsuppsättningar: {distinct}.",
        "en_one": "Batch: {rows} row; recommended: {done}, failed: {failed}, "
        "answer sets evaluated: {distinct}.",
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
    # streaming input, encodings, ids, CSV output
    "batch.line_too_long": {
        "sv": "raden är längre än {limit} byte (en rad är en uppsättning svar)",
        "en": "the line is longer than {limit} bytes (a line is one set of answers)",
    },
    "batch.save_utf8": {
        "sv": "Spara filen som UTF-8 (i Excel: ”CSV UTF-8 (kommaavgränsad)”) eller ange "
        "filens teckenkodning, till exempel --encoding cp1252 för Excels vanliga CSV.",
        "en": "Save the file as UTF-8 (in Excel: “CSV UTF-8 (Comma delimited)”) or give its "
        "encoding, for example --encoding cp1252 for Excel's plain CSV.",
    },
    "batch.not_in_encoding": {
        "sv": "texten är inte {encoding} ({reason}); spara filen som UTF-8 och utelämna --encoding",
        "en": "the text is not {encoding} ({reason}); save the file as UTF-8 and leave out "
        "--encoding",
    },
    "batch.unknown_encoding": {
        "sv": "--encoding {encoding}: okänd teckenkodning (till exempel utf-8 eller cp1252).",
        "en": "--encoding {encoding}: unknown encoding (for example utf-8 or cp1252).",
    },
    "batch.encoding_not_ascii": {
        "sv": "--encoding {encoding} stöds inte, eftersom raderna delas vid byten för ny rad; "
        "spara filen som UTF-8.",
        "en": "--encoding {encoding} is not supported, since lines are split at the newline "
        "byte; save the file as UTF-8.",
    },
    "batch.surrogate": {
        "sv": "raden innehåller ett ensamt surrogattecken (som \\ud800), som inte är text",
        "en": "the row holds a lone surrogate (such as \\ud800), which is not text",
    },
    "batch.bad_id": {
        "sv": "id ska vara text eller ett tal, inte {kind}",
        "en": "the id must be text or a number, not {kind}",
    },
    "help.encoding": {
        "sv": "Indatafilens teckenkodning, till exempel cp1252 för Excels vanliga CSV "
        "(standard: utf-8; en BOM godtas).",
        "en": "The input file's encoding, for example cp1252 for Excel's plain CSV "
        "(default: utf-8; a BOM is accepted).",
    },
    "help.csv_raw": {
        "sv": "Skriv CSV-celler som de är. Utan flaggan får en cell som börjar med = + - @, "
        "tabb eller vagnretur ett inledande ' så att ett kalkylprogram inte tolkar den som "
        "en formel.",
        "en": "Write CSV cells as they are. Without it, a cell that starts with = + - @, a "
        "tab or a carriage return gets a leading ' so that a spreadsheet does not evaluate it.",
    },
    "batch.unprintable_id": {
        "sv": "id innehåller ett styrtecken eller ett osynligt tecken ({code}) som kan få det att "
        "visas som ett annat id; ta bort det",
        "en": "the id holds a control or invisible character ({code}) that can make it display "
        "as another id; remove it",
    },
}
