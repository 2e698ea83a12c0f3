"""A decision in one language: the worded Recommendation, its statement and its explanation.

The engine decides with ids only; here the rules' texts fill in the names, the statement's
templates and the "because" of every rule in the trace (the contract's `trace` strings are
written here too, from the typed entries).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ladder.conditions import chosen
from ladder.i18n.messages import t
from ladder.model import LevelRule, Method, Rules, StatementPart, Step, Structure, WarningRule
from ladder.readers import fallbacks, for_reader
from ladder.result import (
    STANDARD,
    AnswerOut,
    Decision,
    InvitationOut,
    MethodOut,
    Recommendation,
    RulesInfo,
    StepOut,
    StructureOut,
    TraceEntry,
    TraceLine,
    WarningOut,
)
from ladder.templates import fill

TextFn = Callable[[dict[str, str]], str]


def texts(rules: Rules, lang: str) -> TextFn:
    """The rules' texts in `lang` (else in the file's first language), as one function."""

    def text(value: dict[str, str]) -> str:
        return rules.text(value, lang)

    return text


def word(
    rules: Rules,
    info: RulesInfo,
    answers: dict[str, str],
    decision: Decision,
    lang: str,
    reader: str | None = None,
    variants: bool = True,
) -> Recommendation:
    """The recommendation for a decision on these (complete, validated) answers, in `lang`; its
    invitation for `reader` (a reader the rules declare; None: the standard text). Without
    `variants`, only that one invitation is worded (a batch's contract never shows others)."""
    text = texts(rules, lang)
    items = _items(rules)
    structures = [items.structures[i] for i in decision.structures]
    methods = [items.methods[i] for i in decision.methods]
    level = _worded(rules.step(decision.level), decision.variant)
    parts = [items.parts[i] for i in decision.parts]
    shown = [STANDARD, *(decision.readers if variants else ())]
    if reader is not None and reader not in shown:
        shown.append(reader)  # asked for where its conditions do not hold: still honoured
    worded = {
        r: _invitation(rules, answers, decision, level, structures, methods, parts, text, r)
        for r in shown
    }
    gaps = worded[STANDARD][1]
    chosen_text, chosen_gaps = worded[reader or STANDARD]
    gaps = tuple(dict.fromkeys((*gaps, *chosen_gaps)))
    values = _values(rules, answers, decision, level, structures, methods, text, ())
    staff = [_sentence(fill(text(p.text), values)) for p in parts if p.audience == "staff"]
    title = text(rules.expectations.title)
    names = {r.id: text(r.name) for r in rules.expectations.readers}
    return Recommendation(
        rules=info,
        lang=lang,
        answers=_answers_out(rules, answers, text),
        level=_level_out(rules, level, text),
        recruitment=tuple(
            StructureOut(
                s.id,
                text(s.name),
                s.mandate,
                text(s.description),
                text(s.how),
                *_serves(rules, decision.structure_serves, i, text),
            )
            for i, s in enumerate(structures)
        ),
        methods=tuple(
            MethodOut(
                m.id,
                text(m.name),
                text(m.description),
                text(m.how),
                text(m.time),
                *_serves(rules, decision.method_serves, i, text),
            )
            for i, m in enumerate(methods)
        ),
        expectations_title=title,
        expectations=chosen_text,
        warnings=tuple(
            WarningOut(i, fill(text(items.warnings[i].text), values)) for i in decision.warnings
        ),
        trace=_trace_out(rules, decision, text, lang),
        steps=steps_out(rules, lang),
        staff_notes=(
            *staff,
            *_mandate_note(rules, decision, structures, text, lang),
            *([t("wording.gaps", lang, gaps=", ".join(gaps))] if gaps else []),
        ),
        gaps=gaps,
        reader=reader,
        invitations=tuple(InvitationOut(r, names.get(r, ""), title, worded[r][0]) for r in shown),
    )


def _invitation(
    rules: Rules,
    answers: dict[str, str],
    decision: Decision,
    level: Step,
    structures: list[Structure],
    methods: list[Method],
    parts: list[StatementPart],
    text: TextFn,
    reader: str,
) -> tuple[str, tuple[str, ...]]:
    """The invitation for one reader, and the marked gaps its templates leave."""
    chain = fallbacks(rules, reader)
    values = _values(rules, answers, decision, level, structures, methods, text, chain)
    templates = [
        text(for_reader(p.readers, p.text, chain)) for p in parts if p.audience == "participants"
    ]
    statement = "\n\n".join(_sentence(fill(template, values)) for template in templates)
    return statement, _gaps(templates)


GAP = re.compile(r"\[[^\[\]{}\n]{1,60}\]")


def _gaps(templates: Iterable[str]) -> tuple[str, ...]:
    """The marked gaps ("[kontaktperson]") in the texts of the parts chosen, each once, in
    order: read from the rules' templates, so that brackets in an answer are no gap."""
    return tuple(dict.fromkeys(g for template in templates for g in GAP.findall(template)))


def _mandate_note(
    rules: Rules, decision: Decision, structures: list[Structure], text: TextFn, lang: str
) -> tuple[str, ...]:
    """A staff note when the structures bring more than one mandate and a part of the
    invitation states the first: those recruited through the others need their own."""
    first = structures[0].mandate if structures else None
    others = [s for s in structures if s.mandate != first]
    stated = any(
        "{mandate}" in "".join(_items(rules).parts[i].text.values()) for i in decision.parts
    )
    if not (others and stated):
        return ()
    return (
        t(
            "wording.mandate_other",
            lang,
            first=text(structures[0].name),
            mandate=t(f"render.mandate.{first}", lang),
            others=", ".join(text(s.name) for s in others),
        ),
    )


def _serves(
    rules: Rules, serves: tuple[tuple[str, ...], ...], index: int, text: TextFn
) -> tuple[tuple[str, ...], str]:
    """The groups (options chosen for a multiple question) one item serves, as ids and texts."""
    if not serves:
        return (), ""
    names = {o.id: text(o.text) for q in rules.questions if q.multiple for o in q.options}
    return serves[index], ", ".join(names[o] for o in serves[index])


def _values(
    rules: Rules,
    answers: dict[str, str],
    decision: Decision,
    level: Step,
    structures: list[Structure],
    methods: list[Method],
    text: TextFn,
    chain: tuple[str, ...],
) -> dict[str, str]:
    """What the statement's and the warnings' templates may name, for the reader whose
    fallbacks are `chain` (empty: the standard texts)."""
    # The invitation states one mandate, that of the first structure recruited through; the
    # staff notes say when another structure brings the other mandate (see _mandate_note).
    mandates = [s.mandate for s in structures[:1]]
    mandate_texts = for_reader(rules.mandate_types.readers, rules.mandate_types, chain)
    return {
        "region": text(rules.region.name),
        "level": text(level.name),
        "promise": text(for_reader(level.readers, level.promise, chain)),
        "level_description": text(level.description),
        "target": text(rules.step(decision.target).name),
        "structures": ", ".join(text(s.name) for s in structures),
        "methods": ", ".join(text(m.name) for m in methods),
        "method_times": "; ".join(f"{text(m.name)}: {text(m.time)}" for m in methods),
        "time_asked": " ".join(_time_asked(m, text, chain) for m in methods),
        "mandate": " ".join(text(getattr(mandate_texts, m)) for m in mandates),
        **{q.id: inline(answers.get(q.id, "")) for q in rules.questions if q.kind == "text"},
    }


def _time_asked(method: Method, text: TextFn, chain: tuple[str, ...]) -> str:
    """One short sentence per method: a letter reads better than a chain of colons. A reader's
    variant is a whole sentence that names the method itself."""
    variant = for_reader(method.readers, None, chain)
    if variant is not None:
        return _sentence(text(variant))
    return _sentence(f"{text(method.name)}: {text(method.time)}")


@dataclass(frozen=True)
class _Items:
    """The rules' items by id, for wording a decision that names them."""

    structures: dict[str, Structure]
    methods: dict[str, Method]
    warnings: dict[str, WarningRule]
    parts: dict[str, StatementPart]
    level_rules: dict[str, LevelRule]  # level rule ids are unique across target, floors, caps


_ITEMS: dict[int, tuple[Rules, _Items]] = {}


def _items(rules: Rules) -> _Items:
    kept = _ITEMS.get(id(rules))
    if kept is not None and kept[0] is rules:  # holding `rules` keeps its id from being reused
        return kept[1]
    logic = rules.level
    items = _Items(
        {s.id: s for s in rules.structures},
        {m.id: m for m in rules.methods},
        {w.id: w for w in rules.warnings},
        {p.id: p for p in rules.expectations.parts},
        {r.id: r for r in [*logic.target, *logic.floors, *logic.caps]},
    )
    if len(_ITEMS) >= 16:
        _ITEMS.clear()
    _ITEMS[id(rules)] = (rules, items)
    return items


def _worded(step: Step, variant: int | None) -> Step:
    """The step with the wording of the variant the decision chose, if any."""
    if variant is None:
        return step
    chosen = step.variants[variant]
    update = {"description": chosen.description, "promise": chosen.promise}
    return step.model_copy(update={**update, "readers": chosen.readers})


def steps_out(rules: Rules, lang: str) -> tuple[StepOut, ...]:
    """The ladder in one language (the same immutable tuple for the same rules and language)."""
    key = (id(rules), lang)
    kept = _STEPS_OUT.get(key)
    if kept is not None and kept[0] is rules:  # holding `rules` keeps its id from being reused
        return kept[1]
    text = texts(rules, lang)
    ladder = tuple(_level_out(rules, s, text) for s in rules.steps)
    if len(_STEPS_OUT) >= 16:
        _STEPS_OUT.clear()
    _STEPS_OUT[key] = (rules, ladder)
    return ladder


_STEPS_OUT: dict[tuple[int, str], tuple[Rules, tuple[StepOut, ...]]] = {}


QUOTES = "\"'”“„«»’‘"


def inline(answer: str) -> str:
    """A free-text answer as it sits inside a sentence of the statement: without a full stop
    of its own or quotes around it, since the template supplies both."""
    text = answer.strip().rstrip(".").strip()
    if len(text) >= 2 and text[0] in QUOTES and text[-1] in QUOTES:
        text = text[1:-1].strip()
    return text


def _sentence(paragraph: str) -> str:
    """A paragraph ends like a sentence, also when it ends with a free-text answer."""
    return (
        paragraph
        if paragraph.endswith((".", "!", "?", "…", ")", "”", '"', "»"))
        else paragraph + "."
    )


def _level_out(rules: Rules, step: Step, text: TextFn) -> StepOut:
    return StepOut(
        step.id, rules.rank(step.id), text(step.name), text(step.promise), text(step.description)
    )


def answers_out(rules: Rules, answers: dict[str, str], lang: str) -> tuple[AnswerOut, ...]:
    """The answers with their question and option texts in `lang`, in the rules' order."""
    return _answers_out(rules, answers, texts(rules, lang))


def _answers_out(rules: Rules, answers: dict[str, str], text: TextFn) -> tuple[AnswerOut, ...]:
    out = []
    for question in rules.questions:
        if question.id in answers:
            value = answers[question.id]
            shown, several = value, False
            for option in question.options:  # a loop, not next(genexpr): runs per answer
                if option.id == value:
                    shown = text(option.text)
                    break
            else:
                if question.multiple:  # several chosen: each option's text
                    names = {o.id: text(o.text) for o in question.options}
                    shown, several = ", ".join(names[o] for o in chosen(value)), True
            out.append(AnswerOut(question.id, value, text(question.text), shown, several))
    return tuple(out)


def contract_effect(entry: TraceEntry) -> str:
    """A trace entry's effect as the JSON contract writes it: "target:x", "cap:x:lowers"."""
    if entry.kind == "target":
        return f"target:{entry.step}"
    return f"{entry.kind}:{entry.step}:{entry.effect}"


def _trace_out(rules: Rules, decision: Decision, text: TextFn, lang: str) -> tuple[TraceLine, ...]:
    lines = []
    rules_by_id = _items(rules).level_rules
    for entry in decision.trace:
        rule = rules_by_id[entry.rule]
        answer = ""
        if entry.question is not None:
            question = rules.question(entry.question)
            option = next(o for o in question.options if o.id == entry.answer)
            answer = text(option.text)
        step = text(rules.step(entry.step).name)
        because = fill(text(rule.because), {"step": step, "answer": answer})
        rule_name = f"{entry.kind}.{entry.rule}"
        effect = contract_effect(entry)
        lines.append(TraceLine(rule_name, effect, because, entry.kind, entry.step, entry.effect))
    level = decision.level
    because = _result_sentence(rules, decision, text, lang)
    lines.append(TraceLine("level", f"level:{level}", because, "level", level, "sets"))
    return tuple(lines)


def _result_sentence(rules: Rules, decision: Decision, text: TextFn, lang: str) -> str:
    """The trace's last line: the level, and whether floors raised or caps lowered it."""
    names = {
        "level": text(rules.step(decision.level).name),
        "target": text(rules.step(decision.target).name),
        "raised": text(rules.step(decision.raised).name),
    }
    result = [t("engine.result", lang, **names)]
    if decision.raised != decision.target:
        result.append(t("engine.result_raised", lang, **names))
    if decision.level != decision.raised:
        result.append(t("engine.result_capped", lang, **names))
    if len(result) == 1:
        result.append(t("engine.result_unchanged", lang, **names))
    return " ".join(result)
