#!/usr/bin/env python3
"""Compares two folders of PNG screenshots pixel for pixel (issue 17: a lighter font atlas must not
change what anybody sees). Prints, per file, identical or how many pixels differ and where.
Decodes 8-bit RGB/RGBA PNGs with zlib only (no imaging library on the build machine).
Usage: tests/bench/png_diff.py BEFORE_DIR AFTER_DIR   (exit 1 when any file differs or is missing)"""
import struct
import sys
import zlib
from pathlib import Path


def decode(path):
    data = Path(path).read_bytes()
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color not in (2, 6):
                raise ValueError(f"{path}: only 8-bit RGB/RGBA")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if color == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


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
