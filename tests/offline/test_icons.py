"""offline/icons.py: the SVG of rectangles rasterised to PNG, edges blended by coverage."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from safeguarding_site.offline.icons import png, rasterise

ROOT = Path(__file__).resolve().parents[2]


def decode(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB PNG whose rows all use filter 0 (what png() writes)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, idat, width, height = 8, b"", 0, 0
    while at < len(data):
        (length,), kind = struct.unpack(">I", data[at:at + 4]), data[at + 4:at + 8]
        body = data[at + 8:at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0] == zlib.crc32(kind + body)
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + 3 * width
    rows = [raw[i * stride:(i + 1) * stride] for i in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, [row[1:] for row in rows]


def pixel(rows: list[bytes], x: int, y: int) -> tuple[int, int, int]:
    return tuple(rows[y][3 * x:3 * x + 3])


def svg(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "icon.svg"
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4">{body}</svg>', encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [192, 512])
def test_site_icon_is_indigo_with_a_white_page(size):
    width, height, rows = decode(png(rasterise(ROOT / "docs/images/app-icon.svg", size)))
    assert (width, height) == (size, size)
    assert pixel(rows, 0, 0) == (0x40, 0x51, 0xB5)
    assert pixel(rows, size * 120 // 512, size * 160 // 512) == (255, 255, 255)  # inside the left page


def test_edges_blend_by_the_area_covered(tmp_path):
    # A white square from 1.5 to 3 on a black ground, drawn at 4 pixels: pixel 1 is half covered.
    source = svg(tmp_path, '<rect x="0" y="0" width="4" height="4" fill="#000000"/>'
                           '<rect x="1.5" y="1.5" width="1.5" height="1.5" fill="#ffffff"/>')
    _, _, rows = decode(png(rasterise(source, 4)))
    assert pixel(rows, 2, 2) == (255, 255, 255)
    assert pixel(rows, 1, 2) == (128, 128, 128)
    assert pixel(rows, 1, 1) == (64, 64, 64)
    assert pixel(rows, 3, 3) == (0, 0, 0)


def test_same_picture_same_bytes():
    source = ROOT / "docs/images/app-icon.svg"
    assert png(rasterise(source, 192)) == png(rasterise(source, 192))


def test_anything_but_rectangles_is_refused(tmp_path):
    with pytest.raises(ValueError, match="only <rect>"):
        rasterise(svg(tmp_path, '<circle cx="2" cy="2" r="1" fill="#ffffff"/>'), 8)
