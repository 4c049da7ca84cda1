"""Hostile image files, built in memory: each one once made a page answer 500."""

import functools
import io
import struct
import zlib

from PIL import Image as PILImage


def png(size=(64, 48), mode="RGB", colour="teal"):
    """A small valid PNG."""
    buffer = io.BytesIO()
    PILImage.new(mode, size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(size=(64, 48)):
    """A small valid JPEG."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "teal").save(buffer, "JPEG")
    return buffer.getvalue()


@functools.cache
def jpeg_with_long_exif(segments=2, segment_size=40_000):
    """A JPEG whose Exif is split over APP1 segments that add up to more than one segment holds."""
    tiff = b"II*\x00\x08\x00\x00\x00\x00\x00"
    payload = b"Exif\x00\x00" + tiff
    payload += b"\x00" * (segment_size - len(payload))
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    data = jpeg()
    return data[:2] + app1 * segments + data[2:]


def truncated(data):
    """The first half of an image file, as an interrupted upload leaves it."""
    return data[: len(data) // 2]


@functools.cache
def noisy_png(size=(256, 256)):
    """A PNG of random pixels, big enough that cutting it leaves the header but loses pixels."""
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", size, bytes(range(256)) * (size[0] * size[1] * 3 // 256)).save(
        buffer, "PNG"
    )
    return buffer.getvalue()


@functools.cache
def noisy_jpeg(size=(256, 256)):
    """A JPEG with detail, so that half of it still has a header but not all scans."""
    buffer = io.BytesIO()
    PILImage.effect_noise(size, 64).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def _chunk(kind, body):
    """One PNG chunk with its length and CRC."""
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


@functools.cache
def png_with_ztxt(text_size=50 * 1024 * 1024):
    """A valid PNG carrying a zTXt chunk that inflates to `text_size` bytes (a few KB stored)."""
    data = png()
    compressor = zlib.compressobj(9)
    block = b"\x00" * (1024 * 1024)
    compressed = b"".join(compressor.compress(block) for _ in range(text_size // len(block)))
    compressed += compressor.flush()
    ztxt = _chunk(b"zTXt", b"Comment\x00\x00" + compressed)
    ihdr_end = 8 + 25
    return data[:ihdr_end] + ztxt + data[ihdr_end:]


@functools.cache
def huge_png(side=11_000):
    """A 1-bit PNG of `side` by `side` pixels: a few KB on disk, over 100 megapixels decoded."""
    buffer = io.BytesIO()
    PILImage.new("1", (side, side), 0).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


NOT_AN_IMAGE = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
