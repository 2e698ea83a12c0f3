"""`ladder check` and `ladder diff` on chains of follow-up questions: time and peak memory.

For chains of 8, 12, 16 and 20 (bench/gen_chain.py): `check` without properties, with one and
with three monotone properties, and `diff` of a chain against its variant (every cap moved one
step). Each run is a fresh `python -m ladder` process, timed with `time.perf_counter`; its
peak resident memory comes from `os.wait4`. A run past `--timeout` is stopped and shown as such.

    python bench/bench_chain.py
    python bench/bench_chain.py --package /tmp/old --timeout 60   # another copy of the package
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_chain import generate

SIZES = (8, 12, 16, 20)
CASES = ("check", "check, 1 monotone", "check, 3 monotone", "diff")
TARGETS = {"check": (20, 2.0), "diff": (12, 2.0)}  # chain length -> seconds
TARGET_MB = 300


def measure(
    args: list[str], env: dict[str, str], timeout: float, cwd: Path
) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB and exit code (-1: stopped at the timeout)."""
    started = time.perf_counter()
    # Run outside the checkout, so that `-m ladder` finds the package asked for.
    process = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
    timer = threading.Timer(timeout, os.kill, (process.pid, signal.SIGKILL))
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    killed = process.returncode == -signal.SIGKILL
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes or KiB
    return seconds, usage.ru_maxrss / scale, -1 if killed else process.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", help="folder holding the `ladder` package to measure")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args(argv)
    env = {**os.environ, "LADDER_NO_CACHE": "1"}
    if args.package:
        env["PYTHONPATH"] = args.package
    missed = 0
    print("| chain | " + " | ".join(CASES) + " |")
    print("|---" * (len(CASES) + 1) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in args.sizes:
            files = {}
            for name, text in (
                ("plain", generate(n)),
                ("m1", generate(n, monotone=1)),
                ("m3", generate(n, monotone=3)),
                ("variant", generate(n, variant=True)),
            ):
                files[name] = folder / f"chain{n}_{name}.yaml"
                files[name].write_text(text, encoding="utf-8")
            ladder = [sys.executable, "-m", "ladder"]
            runs = [
                [*ladder, "check", str(files["plain"])],
                [*ladder, "check", str(files["m1"])],
                [*ladder, "check", str(files["m3"])],
                [*ladder, "diff", str(files["plain"]), str(files["variant"])],
            ]
            cells = []
            for case, command in zip(CASES, runs, strict=True):
                seconds, mb, code = measure(command, env, args.timeout, folder)
                kind = case.split(",")[0]
                if kind in TARGETS and TARGETS[kind][0] == n:
                    missed += code == -1 or seconds > TARGETS[kind][1] or mb > TARGET_MB
                if code == -1:
                    cells.append(f"> {args.timeout:.0f} s (stopped), {mb:.0f} MB")
                else:
                    cells.append(
                        f"{seconds:.2f} s, {mb:.0f} MB" + ("" if code == 0 else f" (exit {code})")
                    )
            print(f"| {n} | " + " | ".join(cells) + " |", flush=True)
    print(
        f"targets: check of a 20-chain and diff of two 12-chains under 2 s and {TARGET_MB} MB: "
        + ("met" if not missed else "MISSED")
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
