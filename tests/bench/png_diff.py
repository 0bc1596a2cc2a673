#!/usr/bin/env python3
"""Compares two folders of PNG screenshots pixel for pixel (issue 17: a lighter font atlas must not
change what anybody sees). Prints, per file, identical or how many pixels differ and where.
Decodes with tests/packaging/png_check.py (zlib only: no imaging library on the build machine).
Usage: tests/bench/png_diff.py BEFORE_DIR AFTER_DIR   (exit 1 when any file differs or is missing)"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging"))
from png_check import decode  # noqa: E402  (one PNG decoder for the tests)


def main():
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    names = sorted({p.name for p in before.glob("*.png")} | {p.name for p in after.glob("*.png")})
    bad = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: missing in {'before' if not a.exists() else 'after'}")
            bad += 1
            continue
        if a.read_bytes() == b.read_bytes():
            print(f"{name}: identical")
            continue
        wa, ha, bpp, ra = decode(a)
        wb, hb, _, rb = decode(b)
        if (wa, ha) != (wb, hb):
            print(f"{name}: size {wa}x{ha} -> {wb}x{hb}")
            bad += 1
            continue
        diff = [(x, y) for y in range(ha) if ra[y] != rb[y] for x in range(wa)
                if ra[y][x * bpp:(x + 1) * bpp] != rb[y][x * bpp:(x + 1) * bpp]]
        if diff:
            xs, ys = [p[0] for p in diff], [p[1] for p in diff]
            most = max(abs(ra[y][i] - rb[y][i]) for x, y in diff for i in range(x * bpp, (x + 1) * bpp))
            print(f"{name}: {len(diff)} pixels differ, within x {min(xs)}-{max(xs)}, y {min(ys)}-{max(ys)},"
                  f" by at most {most} of 255 in a channel")
            bad += 1
        else:
            print(f"{name}: identical pixels (encoded differently)")
    print(f"{len(names) - bad} of {len(names)} identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
