#!/usr/bin/env python3
"""Says whether a PNG screenshot shows something: at least MIN distinct colours and not one
colour over most of the picture. Standard library only (zlib), 8-bit RGB/RGBA as the kiosk writes.
Usage: png_check.py FILE [MIN_COLOURS]"""
import struct
import sys
import zlib


def decode(path):
    """Width, height, bytes per pixel and the rows of an 8-bit RGB/RGBA PNG, unfiltered."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise SystemExit(f"{path}: expected 8-bit RGB or RGBA, got depth {depth} type {ctype}")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
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


def pixels(path):
    width, height, bpp, rows = decode(path)
    return width, height, [bytes(r[x:x + 3]) for r in rows[::4] for x in range(0, width * bpp, bpp * 4)]


def main():
    path, minimum = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8
    width, height, sample = pixels(path)
    counts = {}
    for p in sample:
        counts[p] = counts.get(p, 0) + 1
    top = max(counts.values()) / len(sample)
    print(f"{path}: {width}x{height}, {len(counts)} colours in the sample, the commonest covers {top:.0%}")
    if len(counts) < minimum or top > 0.97:
        raise SystemExit(f"{path}: blank (fewer than {minimum} colours, or one colour over 97%)")


if __name__ == "__main__":
    main()
