"""The pure decision: (rules, answers) -> Recommendation, with a trace of every step.

level = min(max(target, highest floor), lowest cap). Everything else (structures, methods,
warnings, statement) is chosen by the conditions written in the rules file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ladder.answers import applies
from ladder.errors import RulesError
from ladder.i18n.messages import t
from ladder.load.loader import LoadedRules
from ladder.model import (
    Conditions,
    LevelRule,
    Method,
    Rules,
    StatementPart,
    Step,
    Structure,
    WarningRule,
)
from ladder.result import (
    AnswerOut,
    MethodOut,
    Recommendation,
    StepOut,
    StructureOut,
    TraceLine,
    WarningOut,
)
from ladder.templates import fill

TextFn = Callable[[dict[str, str]], str]


@dataclass(frozen=True)
class Decision:
    """The level and why, before any text is chosen."""

    target: str
    raised: str  # the target after floors
    lowest_cap: str | None
    level: str
    binding_caps: frozenset[str]
    trace: tuple[tuple[LevelRule, str, str], ...]  # (rule, kind, effect)


def rule_step(rule: LevelRule, answers: dict[str, str]) -> str | None:
    """The step a level rule sets for these answers, or None when it does not apply."""
    if not applies(rule.when, answers):
        return None
    if rule.step is not None:
        return rule.step
    answer = answers.get(rule.from_ or "")
    return rule.map.get(answer) if answer is not None else None


def decide(rules: Rules, answers: dict[str, str], lang: str = "en") -> Decision:
    rank = rules.rank
    trace: list[tuple[LevelRule, str, str]] = []
    target = None
    for rule in rules.level.target:
        target = rule_step(rule, answers)
        if target is not None:
            trace.append((rule, "target", f"target:{target}"))
            break
    if target is None:
        raise RulesError(t("engine.no_target", lang), [])
    raised = target
    for rule in rules.level.floors:
        step = rule_step(rule, answers)
        if step is not None:
            effect = "raises" if rank(step) > rank(raised) else "none"
            trace.append((rule, "floor", f"floor:{step}:{effect}"))
            raised = max(raised, step, key=rank)
    capped = [(rule, step) for rule in rules.level.caps if (step := rule_step(rule, answers))]
    lowest_cap = min((step for _, step in capped), key=rank, default=None)
    level = min(raised, lowest_cap, key=rank) if lowest_cap else raised
    binding = frozenset(r.id for r, step in capped if step == level and rank(level) < rank(raised))
    for rule, step in capped:
        effect = "lowers" if rule.id in binding else "none"
        trace.append((rule, "cap", f"cap:{step}:{effect}"))
    return Decision(target, raised, lowest_cap, level, binding, tuple(trace))


def matches(item: Conditions, answers: dict[str, str], decision: Decision) -> bool:
    # Plain loops and early returns: this is the engine's innermost call.
    if item.levels and decision.level not in item.levels:
        return False
    if item.capped_by and decision.binding_caps.isdisjoint(item.capped_by):
        return False
    for key in item.given:
        if key not in answers:
            return False
    for key in item.missing:
        if key in answers:
            return False
    return applies(item.when, answers)


def recommend(loaded: LoadedRules, answers: dict[str, str], lang: str) -> Recommendation:
    """The recommendation for complete, validated answers (see answers.resolve)."""
    rules = loaded.rules
    text = _texts(rules, lang)
    decision = decide(rules, answers, lang)
    limit = rules.selection
    structures, methods, warnings, parts = _at_level(rules, decision.level)
    structures = [s for s in structures if matches(s, answers, decision)][: limit.structures]
    methods = [m for m in methods if matches(m, answers, decision)][: limit.methods]
    level = _worded(rules.step(decision.level), answers)
    mandates = dict.fromkeys(s.mandate for s in structures)
    values = {
        "region": text(rules.region.name),
        "level": text(level.name),
        "promise": text(level.promise),
        "level_description": text(level.description),
        "target": text(rules.step(decision.target).name),
        "structures": ", ".join(text(s.name) for s in structures),
        "methods": ", ".join(text(m.name) for m in methods),
        "method_times": "; ".join(f"{text(m.name)}: {text(m.time)}" for m in methods),
        "mandate": " ".join(text(getattr(rules.mandate_types, m)) for m in mandates),
        **{q.id: inline(answers.get(q.id, "")) for q in rules.questions if q.kind == "text"},
    }
    statement = [
        _sentence(fill(text(p.text), values)) for p in parts if matches(p, answers, decision)
    ]
    return Recommendation(
        rules=loaded.info,
        lang=lang,
        answers=_answers_out(rules, answers, text),
        level=_level_out(rules, level, text),
        recruitment=tuple(
            StructureOut(s.id, text(s.name), s.mandate, text(s.description), text(s.how))
            for s in structures
        ),
        methods=tuple(
            MethodOut(m.id, text(m.name), text(m.description), text(m.how), text(m.time))
            for m in methods
        ),
        expectations_title=text(rules.expectations.title),
        expectations="\n\n".join(statement),
        warnings=tuple(
            WarningOut(w.id, fill(text(w.text), values))
            for w in warnings
            if matches(w, answers, decision)
        ),
        trace=_trace_out(rules, decision, answers, text, lang),
        steps=steps_out(rules, lang),
    )


AtLevel = tuple[list[Structure], list[Method], list[WarningRule], list[StatementPart]]
_AT_LEVEL: dict[int, tuple[Rules, dict[str, AtLevel]]] = {}


def _at_level(rules: Rules, level: str) -> AtLevel:
    """The structures, methods, warnings and statement parts whose `levels` allow this level,
    in order: most items name a few levels, so `matches` is spared most of them."""
    kept = _AT_LEVEL.get(id(rules))
    if kept is None or kept[0] is not rules:  # holding `rules` keeps its id from being reused
        if len(_AT_LEVEL) >= 16:
            _AT_LEVEL.clear()
        kept = _AT_LEVEL[id(rules)] = (rules, {})
    found = kept[1].get(level)
    if found is None:
        found = kept[1][level] = (
            [s for s in rules.structures if not s.levels or level in s.levels],
            [m for m in rules.methods if not m.levels or level in m.levels],
            [w for w in rules.warnings if not w.levels or level in w.levels],
            [p for p in rules.expectations.parts if not p.levels or level in p.levels],
        )
    return found


def _worded(step: Step, answers: dict[str, str]) -> Step:
    """The step with the wording of its first variant that applies to these answers."""
    variant = next((v for v in step.variants if applies(v.when, answers)), None)
    if variant is None:
        return step
    return step.model_copy(update={"description": variant.description, "promise": variant.promise})


def steps_out(rules: Rules, lang: str) -> tuple[StepOut, ...]:
    """The ladder in one language (the same immutable tuple for the same rules and language)."""
    key = (id(rules), lang)
    kept = _STEPS_OUT.get(key)
    if kept is not None and kept[0] is rules:  # holding `rules` keeps its id from being reused
        return kept[1]
    text = _texts(rules, lang)
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


def _texts(rules: Rules, lang: str) -> TextFn:
    def text(value: dict[str, str]) -> str:
        return rules.text(value, lang)

    return text


def _level_out(rules: Rules, step: Step, text: TextFn) -> StepOut:
    return StepOut(
        step.id, rules.rank(step.id), text(step.name), text(step.promise), text(step.description)
    )


def _answers_out(rules: Rules, answers: dict[str, str], text: TextFn) -> tuple[AnswerOut, ...]:
    out = []
    for question in rules.questions:
        if question.id in answers:
            value = answers[question.id]
            shown = value
            for option in question.options:  # a loop, not next(genexpr): runs per answer
                if option.id == value:
                    shown = text(option.text)
                    break
            out.append(AnswerOut(question.id, value, text(question.text), shown))
    return tuple(out)


def _trace_out(
    rules: Rules, decision: Decision, answers: dict[str, str], text: TextFn, lang: str
) -> tuple[TraceLine, ...]:
    lines = []
    for rule, kind, effect in decision.trace:
        step = effect.split(":")[1]
        answer = ""
        if rule.from_:
            question = rules.question(rule.from_)
            option = next(o for o in question.options if o.id == answers[rule.from_])
            answer = text(option.text)
        because = fill(text(rule.because), {"step": text(rules.step(step).name), "answer": answer})
        lines.append(TraceLine(f"{kind}.{rule.id}", effect, because))

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
    lines.append(TraceLine("level", f"level:{decision.level}", " ".join(result)))
    return tuple(lines)
