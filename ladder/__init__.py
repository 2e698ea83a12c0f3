"""ladder: decide how to involve patients and relatives, on the participation ladder.

The library API (what the command line uses too)::

    import ladder

    rules = ladder.load_rules()                      # or load_rules("my-region.yaml")
    rec = ladder.recommend(rules, {"arena": "care_meeting",
                                   "patient_wish": "share_decisions",
                                   "relatives": "no"}, lang="en")
    print(rec.level.name)                            # Influence
    print(ladder.dumps(rec, "markdown"))            # or "text", "html", "json", "yaml"

Names are imported lazily so that `import ladder` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "AnswerError",
    "LadderError",
    "LoadedRules",
    "Recommendation",
    "RulesError",
    "__version__",
    "dumps",
    "dumps_bytes",
    "follow_up",
    "load_rules",
    "plan",
    "portfolio",
    "recommend",
]

if TYPE_CHECKING:
    from ladder.api import dumps, dumps_bytes, follow_up, load_rules, plan, portfolio, recommend
    from ladder.errors import AnswerError, LadderError, RulesError
    from ladder.load.loader import LoadedRules
    from ladder.result import Recommendation

_HOMES = {
    "load_rules": "api",
    "recommend": "api",
    "plan": "api",
    "dumps": "api",
    "dumps_bytes": "api",
    "follow_up": "api",
    "portfolio": "api",
    "AnswerError": "errors",
    "LadderError": "errors",
    "RulesError": "errors",
    "Recommendation": "result",
    "LoadedRules": "load.loader",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'ladder' has no attribute {name!r}")
