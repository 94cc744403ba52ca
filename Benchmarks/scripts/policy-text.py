#!/usr/bin/env python3
"""Writes a large, valid policy program: the policy library copied with renamed names.

Copy k of every library file goes to OUTPUT/cK/<same path>, with each declared name `x`
renamed `x_ck` (copy 0 keeps the names), until the files hold at least --bytes bytes. The
folder is one program that checks cleanly (a file holds one policy, so the copies are
separate files). Used by frontend.sh and the package-benchmark suite.

    Benchmarks/scripts/policy-text.py [--bytes N] [--policies DIR] OUTPUT
"""
import argparse
import pathlib
import re

DECLARATION = re.compile(
    r"^(?:scale|param|fact|let|stack|fund|equivalence)\s+([A-Za-z_]\w*)", re.M)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--bytes", type=int, default=1_048_576)
    parser.add_argument(
        "--policies", default=str(pathlib.Path(__file__).resolve().parents[2] / "policies"))
    args = parser.parse_args()

    root = pathlib.Path(args.policies)
    files = [(p.relative_to(root), p.read_text()) for p in sorted(root.rglob("*.credence"))]
    names = sorted({m.group(1) for _, t in files for m in DECLARATION.finditer(t)},
                   key=len, reverse=True)
    # A name is renamed where it is a whole word and not a field (`x.name`).
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")(?!\w)")

    output = pathlib.Path(args.output)
    size = 0
    copy = 0
    while size < args.bytes:
        for relative, text in files:
            if copy > 0:
                text = pattern.sub(lambda m: f"{m.group(1)}_c{copy}", text)
            target = output / f"c{copy}" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            size += len(text.encode())
        copy += 1


if __name__ == "__main__":
    main()
