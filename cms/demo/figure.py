"""Draws the demo article's schematic figure (Figure 1) as a PNG with Pillow."""

import io
import math

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 600
INK = (38, 50, 56)
UP = (46, 125, 50)
DOWN = (198, 40, 40)
CELLS = {"MSC": (0, 137, 123), "NSC": (94, 53, 177)}
FACTORS = ("VEGF", "FGF-2", "CNTF", "BDNF")


def _font(size):
    return ImageFont.load_default(size=size)


def _label(draw, centre, text, size, fill=INK):
    draw.text(centre, text, font=_font(size), fill=fill, anchor="mm")


def _triangle(draw, centre, size, *, up):
    x, y = centre
    tip = -size if up else size
    draw.polygon(
        [(x - size, y - tip / 2), (x + size, y - tip / 2), (x, y + tip / 2)],
        fill=UP if up else DOWN,
    )


def _arrow(draw, start, end):
    draw.line([start, end], fill=INK, width=6)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = [
        end,
        (end[0] - 26 * math.cos(angle - 0.45), end[1] - 26 * math.sin(angle - 0.45)),
        (end[0] - 26 * math.cos(angle + 0.45), end[1] - 26 * math.sin(angle + 0.45)),
    ]
    draw.polygon(head, fill=INK)


def _tint(colour, share=0.2):
    return tuple(round(255 - (255 - c) * share) for c in colour)


def _cell(draw, centre, name, colour):
    x, y = centre
    draw.ellipse([x - 85, y - 85, x + 85, y + 85], fill=_tint(colour), outline=colour, width=6)
    draw.ellipse([x - 30, y - 30, x + 30, y + 30], fill=colour)
    _label(draw, (x, y + 115), name, 36, colour)


def _neuron(draw, centre):
    x, y = centre
    for i in range(7):
        angle = i * 2 * math.pi / 7 + 0.3
        tip = (x + 110 * math.cos(angle), y + 110 * math.sin(angle))
        draw.line([(x, y), tip], fill=UP, width=8)
        draw.ellipse([tip[0] - 9, tip[1] - 9, tip[0] + 9, tip[1] + 9], fill=UP)
    draw.ellipse([x - 42, y - 42, x + 42, y + 42], fill=UP)


def schematic_png():
    """The figure: MSCs and NSCs raise VEGF, FGF-2, CNTF and BDNF signalling; MDD symptoms fall."""
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 251, 252))
    draw = ImageDraw.Draw(image)
    for (name, colour), y in zip(CELLS.items(), (150, 420), strict=True):
        _cell(draw, (170, y), name, colour)
        _arrow(draw, (280, y), (420, 300 + (y - 285) // 3))

    draw.rounded_rectangle([440, 80, 760, 520], radius=28, outline=INK, width=5, fill="white")
    for i, factor in enumerate(FACTORS):
        y = 145 + i * 105
        _label(draw, (565, y), factor, 44)
        _triangle(draw, (705, y), 22, up=True)

    _arrow(draw, (780, 300), (900, 300))
    _neuron(draw, (1040, 240))
    _label(draw, (1010, 455), "MDD", 48)
    _triangle(draw, (1110, 455), 22, up=False)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
