"""Compares two folders of reference values: the same files, the same text, and numbers equal to 1e-12
relative (or 1e-15 absolute).

The reference libraries' last digits depend on the processor they run on (numpy picks SIMD kernels at run
time, so a sum or a cube root may differ in its last bit between machines): a byte-for-byte diff would fail
on a machine other than the one that wrote the stored values, while any real change is far larger.

Usage: same_values.py FRESH STORED   (exit 1 and the first differences on stderr when they differ)
"""
import math
import os
import re
import sys

NUMBER = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|NaN|-?Infinity|-?inf|nan")


def tokens(text):
    """Splits text into alternating non-number and number pieces."""
    pieces, last = [], 0
    for match in NUMBER.finditer(text):
        pieces.append(("text", text[last:match.start()]))
        pieces.append(("number", match.group()))
        last = match.end()
    pieces.append(("text", text[last:]))
    return pieces


def close(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    if math.isnan(x) and math.isnan(y):
        return True
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= max(1e-15, 1e-12 * max(abs(x), abs(y)))


def same_file(fresh, stored):
    with open(fresh, encoding="utf-8") as f:
        a = f.read()
    with open(stored, encoding="utf-8") as f:
        b = f.read()
    if a == b:
        return None
    ta, tb = tokens(a), tokens(b)
    if len(ta) != len(tb):
        return "different structure"
    for (kind_a, x), (kind_b, y) in zip(ta, tb):
        if kind_a != kind_b:
            return "different structure"
        if kind_a == "text" and x != y:
            return f"text {x[:60]!r} against {y[:60]!r}"
        if kind_a == "number" and not close(x, y):
            return f"{x} against {y}"
    return None


def files(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def main():
    fresh, stored = sys.argv[1], sys.argv[2]
    a, b = files(fresh), files(stored)
    problems = [f"only in the fresh run: {p}" for p in sorted(a - b)] + [f"only stored: {p}" for p in sorted(b - a)]
    for path in sorted(a & b):
        difference = same_file(os.path.join(fresh, path), os.path.join(stored, path))
        if difference:
            problems.append(f"{path}: {difference}")
    for line in problems[:20]:
        print(line, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
