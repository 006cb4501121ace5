"""The web app's PNG icons, rasterised at build time from one SVG made of rectangles (docs/images/app-icon.svg).

Why not Pillow or cairosvg: neither is in the editors' set-up, and Chromium wants PNG icons of 192 and 512
pixels to offer installation. An icon of filled rectangles needs only exact edge coverage (anti-aliasing)
and a PNG writer, which zlib and struct provide.
"""

from __future__ import annotations

import math
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path

_SVG = "{http://www.w3.org/2000/svg}"
_COLOUR = re.compile(r"^#([0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: tuple[int, int, int]


def read_rects(svg: Path) -> tuple[float, float, list[Rect]]:
    """The viewBox's width and height and the rectangles, in drawing order; anything else is an error."""
    root = ET.parse(svg).getroot()
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    rects = []
    for element in root:
        if not isinstance(element.tag, str):
            continue  # a comment
        if element.tag != f"{_SVG}rect":
            raise ValueError(f"{svg}: <{element.tag.removeprefix(_SVG)}>: only <rect> can be rasterised; "
                             "draw the icon with rectangles")
        colour = _COLOUR.match(element.get("fill", ""))
        if not colour:
            raise ValueError(f"{svg}: <rect>: fill must be #rrggbb, not {element.get('fill')!r}")
        value = colour.group(1)
        rects.append(Rect(*(float(element.get(a, "0")) for a in ("x", "y", "width", "height")),
                          fill=(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))))
    return width, height, rects


def _spans(start: float, end: float, limit: int) -> list[tuple[int, int, float]]:
    """Runs of pixels [a, b) along one axis and how much of each the interval [start, end) covers."""
    start, end = max(0.0, start), min(float(limit), end)
    if end <= start:
        return []
    first, last = math.floor(start), math.ceil(end) - 1
    if first == last:
        return [(first, first + 1, end - start)]
    runs = [(first, first + 1, first + 1 - start)]
    if last > first + 1:
        runs.append((first + 1, last, 1.0))
    runs.append((last, last + 1, end - last))
    return [run for run in runs if run[2] > 0]


def rasterise(svg: Path, size: int) -> list[bytearray]:
    """RGB rows of a size×size picture of the SVG, each rectangle's edges blended by the area they cover."""
    width, height, rects = read_rects(svg)
    rows = [bytearray(3 * size) for _ in range(size)]
    sx, sy = size / width, size / height
    for rect in rects:
        colour = bytes(rect.fill)
        columns = _spans(rect.x * sx, (rect.x + rect.width) * sx, size)
        for y0, y1, cover_y in _spans(rect.y * sy, (rect.y + rect.height) * sy, size):
            for y in range(y0, y1):
                row = rows[y]
                for x0, x1, cover_x in columns:
                    cover = cover_x * cover_y
                    if cover >= 1.0:
                        row[3 * x0:3 * x1] = colour * (x1 - x0)
                        continue
                    for x in range(x0, x1):
                        for c in range(3):
                            old = row[3 * x + c]
                            row[3 * x + c] = round(old + (rect.fill[c] - old) * cover)
    return rows


def png(rows: list[bytearray]) -> bytes:
    """An 8-bit RGB PNG of the rows, byte for byte the same for the same picture."""
    height, width = len(rows), len(rows[0]) // 3

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
