"""Draws the demo article's images with Pillow: the schematic (Figure 1) and a lead image."""

import io
import math

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 600
INK = (38, 50, 56)
UP = (46, 125, 50)
DOWN = (198, 40, 40)
CELLS = {"MSC": (0, 137, 123), "NSC": (94, 53, 177)}
FACTORS = ("VEGF", "FGF-2", "CNTF", "BDNF")


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


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


def _neuron(draw, centre, colour=UP, scale=1.0):
    x, y = centre
    reach, knob, body = 110 * scale, 9 * scale, 42 * scale
    for i in range(7):
        angle = i * 2 * math.pi / 7 + 0.3
        tip = (x + reach * math.cos(angle), y + reach * math.sin(angle))
        draw.line([(x, y), tip], fill=colour, width=round(8 * scale))
        draw.ellipse([tip[0] - knob, tip[1] - knob, tip[0] + knob, tip[1] + knob], fill=colour)
    draw.ellipse([x - body, y - body, x + body, y + body], fill=colour)


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

    return _png(image)


def lead_png():
    """A wordless 1200 by 630 lead image: stem cells drifting towards a neuron."""
    width, height = 1200, 630
    top, bottom = (0, 77, 64), (0, 137, 123)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        share = y / (height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True)),
        )
    cells = [(150, 160, 70), (330, 420, 95), (520, 210, 55), (140, 500, 45), (640, 470, 60)]
    colours = [list(CELLS.values())[i % len(CELLS)] for i in range(len(cells))]
    for (x, y, _radius), colour in zip(cells, colours, strict=True):
        draw.line([(x, y), (930, 315)], fill=_tint(colour, 0.5), width=3)
    for (x, y, radius), colour in zip(cells, colours, strict=True):
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=_tint(colour, 0.35),
            outline="white",
            width=4,
        )
        nucleus = radius // 3
        draw.ellipse([x - nucleus, y - nucleus, x + nucleus, y + nucleus], fill=colour)
    _neuron(draw, (930, 315), colour=(200, 230, 201), scale=1.6)
    return _png(image)
