#!/usr/bin/env python3
"""Writes a wide CSV of synthetic cases for the speed comparison in README.md.

    python3 benches/gen_cases.py 100000 30 > cases.csv

Columns: case,segment,tp1..tpN; scores on -5..+5 with one decimal; three curve shapes
(content, a trough in the middle, a steady decline) plus noise; about 5 % of the cells are
empty (touchpoint not experienced). Fixed seed: the same arguments give the same file.
"""
import random
import sys


def main():
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    touchpoints = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(42)
    segments = ["platinum", "gold", "regular"]
    out = sys.stdout
    out.write("case,segment," + ",".join(f"tp{i + 1}" for i in range(touchpoints)) + "\n")
    for c in range(cases):
        shape = rng.choices((0, 1, 2), weights=(5, 3, 2))[0]
        cells = []
        for t in range(touchpoints):
            x = t / max(touchpoints - 1, 1)
            base = (2.5, 2.0 - 6.0 * (1.0 - abs(2.0 * x - 1.0)), 3.0 - 7.0 * x)[shape]
            if rng.random() < 0.05:
                cells.append("")
            else:
                cells.append(f"{max(-5.0, min(5.0, base + rng.gauss(0.0, 1.0))):.1f}")
        out.write(f"c{c + 1},{rng.choice(segments)}," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main()
