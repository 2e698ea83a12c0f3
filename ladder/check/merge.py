"""Boxes joined where they differ in one question only, so that a change's conditions read
short (`ladder diff`)."""

from __future__ import annotations

import heapq

from ladder.check.boxes import Box
from ladder.check.budget import spend


def merge_boxes(boxes: list[Box]) -> list[Box]:
    """Join boxes that differ in one question only, so that conditions read short.

    Always the first pair in list order is joined (into the first of the two), as a plain
    pairwise scan would. Pairs are found through an index of each box with one question left
    out (a sum of one number per question and values, confirmed by comparing), so thousands
    of pieces take about linear time, not quadratic. The numbers come from the order values
    are met in, not from `hash`, so that the work done never depends on PYTHONHASHSEED.
    """
    out: dict[int, Box] = dict(enumerate(boxes))
    buckets: dict[tuple[int, int], set[int]] = {}
    heap: list[tuple[int, int]] = []
    cached: dict[int, list[tuple[int, int]]] = {}
    numbers: dict[tuple[int, frozenset[str]], int] = {}
    # Only questions on which the boxes differ can tell two boxes apart, now and later.
    first = boxes[0] if boxes else ()
    varying = [d for d in range(len(first)) if any(box[d] != first[d] for box in boxes)]

    def number(d: int, values: frozenset[str]) -> int:
        if (d, values) not in numbers:
            numbers[d, values] = _scramble(len(numbers))
        return numbers[d, values]

    def keys(i: int) -> list[tuple[int, int]]:
        """Box `i` with each question left out in turn (kept until the box changes)."""
        if i not in cached:
            box = out[i]
            parts = [(d, number(d, box[d])) for d in varying]
            total = sum(part for _, part in parts)
            cached[i] = [(d, total - part) for d, part in parts]
        return cached[i]

    def alike(i: int, j: int, d: int) -> bool:
        one, two = out[i], out[j]
        return one[d] != two[d] and one[:d] == two[:d] and one[d + 1 :] == two[d + 1 :]

    def partner(i: int) -> int | None:
        """The first box after `i` that differs from it in one question only."""
        spend()
        found = None
        for key in keys(i):
            bucket = buckets[key]
            if len(bucket) > 1:  # most hold box `i` alone
                later = sorted(j for j in bucket if i < j and (found is None or j < found))
                found = next((j for j in later if alike(i, j, key[0])), found)
        return found

    def push(i: int) -> None:
        j = partner(i)
        if j is not None:
            heapq.heappush(heap, (i, j))

    for i in out:
        for key in keys(i):
            buckets.setdefault(key, set()).add(i)
    for i in out:
        push(i)
    while heap:
        # Each box with a partner has an entry no later than its first partner, so the first
        # entry whose boxes still differ in one question only is the first pair.
        i, j = heapq.heappop(heap)
        spend()
        differ = []
        if i in out and j in out:
            differ = [d for d, (x, y) in enumerate(zip(out[i], out[j], strict=True)) if x != y]
        if len(differ) != 1:
            if i in out:
                push(i)
            continue
        d = differ[0]
        for k in (i, j):
            for key in keys(k):
                buckets[key].discard(k)
        out[i] = (*out[i][:d], out[i][d] | out[j][d], *out[i][d + 1 :])
        del out[j], cached[i], cached[j]
        for key in keys(i):
            found = buckets.setdefault(key, set())
            for k in found:
                if k < i:
                    heapq.heappush(heap, (k, i))  # confirmed when it is taken
            found.add(i)
        push(i)
    return list(out.values())


def _scramble(n: int) -> int:
    """A well-mixed 64-bit number for `n` (splitmix64), so that sums of them rarely collide."""
    mask = (1 << 64) - 1
    z = (n + 0x9E3779B97F4A7C15) & mask
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
    return z ^ (z >> 31)
