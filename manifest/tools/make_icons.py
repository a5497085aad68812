#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (zlib + struct).

    python3 manifest/tools/make_icons.py            # rewrites manifest/teams/color.png and outline.png

color.png   192x192, full colour: a white speech bubble with a check mark on the accent colour.
outline.png  32x32, white outline of the same bubble on a transparent background (RGBA).
The output is deterministic, so re-running it leaves the committed files unchanged.
"""
import math
import os
import struct
import zlib

ACCENT = (0x0F, 0x76, 0x6E)  # keep in sync with accentColor in manifest/teams/manifest.json
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersampling per axis, for anti-aliased edges


def png(path, width, height, rgba_rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in rgba_rows)  # filter type 0 per row
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, colour type 6
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", ihdr))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def in_rounded_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def in_triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])

    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def near_polyline(x, y, points, half_width):
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        if math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= half_width:
            return True
    return False


def bubble(x, y, box, tail, inset=0.0):
    x0, y0, x1, y1, r = box
    if in_rounded_rect(x, y, x0 + inset, y0 + inset, x1 - inset, y1 - inset, max(r - inset, 0.0)):
        return True
    if inset == 0.0:
        return in_triangle(x, y, *tail)
    # shrink the tail towards its centroid so the outline keeps its width
    cx = sum(p[0] for p in tail) / 3
    cy = sum(p[1] for p in tail) / 3
    k = 1 - inset * 4.5
    inner = [(cx + (px - cx) * k, cy + (py - cy) * k - inset) for px, py in tail]
    return in_triangle(x, y, *inner)


def render(size, paint):
    """paint(x, y) -> (r, g, b, a) in unit coordinates; averaged over SAMPLES^2 points."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    r, g, b, a = paint(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SAMPLES * SAMPLES
            alpha = acc[3] / n
            if alpha > 0:
                rgb = [round(c / acc[3]) for c in acc[:3]]
            else:
                rgb = [0, 0, 0]
            row.extend(rgb + [round(alpha * 255)])
        rows.append(row)
    return rows


def color_paint(x, y):
    box = (0.20, 0.24, 0.80, 0.68, 0.10)
    tail = ((0.30, 0.66), (0.46, 0.66), (0.27, 0.81))
    check = [(0.37, 0.46), (0.46, 0.55), (0.64, 0.37)]
    if near_polyline(x, y, check, 0.035):
        return (*ACCENT, 1.0)
    if bubble(x, y, box, tail):
        return (*WHITE, 1.0)
    return (*ACCENT, 1.0)


def outline_paint(x, y):
    box = (0.06, 0.10, 0.94, 0.74, 0.18)
    tail = ((0.20, 0.70), (0.44, 0.70), (0.16, 0.95))
    check = [(0.30, 0.42), (0.45, 0.56), (0.71, 0.29)]
    stroke = 0.085
    on = near_polyline(x, y, check, 0.05) or (bubble(x, y, box, tail) and not bubble(x, y, box, tail, stroke))
    return (*WHITE, 1.0 if on else 0.0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    teams = os.path.join(here, "..", "teams")
    png(os.path.join(teams, "color.png"), 192, 192, render(192, color_paint))
    png(os.path.join(teams, "outline.png"), 32, 32, render(32, outline_paint))
    print("wrote manifest/teams/color.png (192x192) and manifest/teams/outline.png (32x32)")


if __name__ == "__main__":
    main()
