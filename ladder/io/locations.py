"""Where a reading error is: the line and column of a byte that is not text, or of a YAML
error. One definition for every reader (rules, answers files, batch inputs); each reader
words its own message around it."""

from __future__ import annotations

from typing import Any


def at(name: str, line: int, column: int = 0) -> str:
    """`name:line:column`, `name:line` without a column, `name` without a line."""
    if not line:
        return name
    return f"{name}:{line}:{column}" if column else f"{name}:{line}"


def undecodable_at(data: bytes, error: UnicodeDecodeError) -> tuple[int, int]:
    """Line and column (in bytes, 1-based) of the first byte that does not decode."""
    line_start = data.rfind(b"\n", 0, error.start) + 1
    return data.count(b"\n", 0, error.start) + 1, error.start - line_start + 1


def yaml_error_at(text: str, error: Exception) -> tuple[int, int]:
    """Line and column (1-based; 0 when unknown) of an error PyYAML raised reading `text`:
    a syntax error's mark, the line of an unacceptable character (no column: the reader
    reports none), the scalar that could not be built (a ValueError, which has no mark)."""
    import yaml

    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        return (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_error_line(text, error), 0
    if isinstance(error, ValueError):
        return _value_error_mark(text)
    return 0, 0


def _reader_error_line(text: str, error: Any) -> int:
    """The line of an unacceptable character (the reader reports no mark, only a position)."""
    index = text.find(chr(error.character)) if isinstance(error.character, int) else -1
    if index < 0:
        index = min(max(error.position, 0), len(text))
    return text.count("\n", 0, index) + 1


def _value_error_mark(text: str) -> tuple[int, int]:
    """Where a scalar cannot be built (a date like 2024-13-01, an integer of 5000 digits)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    constructor = yaml.constructor.SafeConstructor()
    stack = [yaml.compose(text, Loader=loader)]
    seen = set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                constructor.construct_object(node)
            except ValueError:
                return node.start_mark.line + 1, node.start_mark.column + 1
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        else:
            stack.extend(reversed(node.value))
    return 1, 1


def key_at(text: str, path: tuple[str | int, ...]) -> tuple[int, int]:
    """Line and column (1-based; 0 when not found) of the value at `path` (keys and list
    indexes) in a YAML or JSON text that has already been read without error."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:  # JSON that YAML does not read alike (a tab): no location
        return 0, 0
    for part in path:
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
            node = node.value[part] if part < len(node.value) else None
        elif isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        else:
            node = None
        if node is None:
            return 0, 0
    if node is None:
        return 0, 0
    return node.start_mark.line + 1, node.start_mark.column + 1
