"""A handwritten signature as strokes: smoothing and the PNG kept as evidence.

A stroke is the list of points the pen went through between pressing and
lifting, each point ``[x, y]`` in the pad's pixels, optionally followed by the
milliseconds since the signature's first point and the pen's pressure (0 to 1).
The same smoothing draws the stroke on the pad (qt) and in the PNG (here,
without Qt, so the service renders what it stores): a quadratic curve through
the midpoints of successive points, the points themselves as control points,
which takes the corners off a mouse or a finger sampled at a few dozen hertz.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from itertools import pairwise

from PIL import Image, ImageDraw

Point = Sequence[float]
Stroke = Sequence[Point]
Strokes = Sequence[Stroke]
Segment = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]

# The stored image: the ink scaled into this box (sheet cells are about 3:1).
IMAGE_SIZE = (600, 200)
MARGIN = 12
INK = (16, 32, 110, 255)  # dark blue, as a pen: tells a signature from print
PEN_WIDTH = 4.5  # pixels of the stored image at pressure 1 (or unknown)
# Drawn this many times larger, then reduced: smooth (anti-aliased) edges.
SUPERSAMPLING = 4
_ALPHA_LEVELS = [round(v / 17) * 17 for v in range(256)]
# A signature shorter than this (pad pixels of ink) is a tap, not a signature.
MIN_INK_LENGTH = 40.0


def _xy(point: Point) -> tuple[float, float]:
    return (float(point[0]), float(point[1]))


def pressure_of(point: Point) -> float:
    """The pen's pressure at *point*, 1 when the device gave none (mouse, finger)."""
    if len(point) >= 4 and 0 < point[3] <= 1:
        return float(point[3])
    return 1.0


def smooth_segments(stroke: Stroke) -> list[Segment]:
    """The stroke as quadratic curves (start, control, end) through its midpoints.

    A stroke of one point gives one degenerate segment (a dot); of two, a
    straight one. The curve starts at the first point and ends at the last.
    """
    points = [_xy(p) for p in stroke]
    if not points:
        return []
    if len(points) <= 2:
        return [(points[0], points[0], points[-1])]
    segments: list[Segment] = []
    start = points[0]
    for control, after in pairwise(points[1:]):
        end = ((control[0] + after[0]) / 2, (control[1] + after[1]) / 2)
        segments.append((start, control, end))
        start = end
    segments.append((start, points[-1], points[-1]))
    return segments


def _sampled(segment: Segment, scale: float) -> list[tuple[float, float]]:
    """Points along a quadratic segment, about every two output pixels."""
    (x0, y0), (cx, cy), (x1, y1) = segment
    length = math.dist((x0, y0), (cx, cy)) + math.dist((cx, cy), (x1, y1))
    steps = max(1, min(64, int(length * scale / 2)))
    out = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        out.append((a * x0 + b * cx + c * x1, a * y0 + b * cy + c * y1))
    return out


def compact(strokes: Strokes) -> list[list[list[float]]]:
    """The strokes as stored: coordinates to a tenth of a pixel, times to the
    millisecond, pressure to the hundredth (enough for any later check, and
    a third of the size of the raw floats)."""
    out: list[list[list[float]]] = []
    for stroke in strokes:
        kept: list[list[float]] = []
        for point in stroke:
            values = [round(float(point[0]), 1), round(float(point[1]), 1)]
            if len(point) >= 3:
                values.append(round(float(point[2])))
            if len(point) >= 4:
                values.append(round(float(point[3]), 2))
            kept.append(values)
        if kept:
            out.append(kept)
    return out


def ink_length(strokes: Strokes) -> float:
    """How far the pen travelled on the pad, in pad pixels."""
    return sum(math.dist(_xy(a), _xy(b)) for stroke in strokes for a, b in pairwise(stroke))


def is_signature(strokes: Strokes) -> bool:
    """Enough ink to be a signature rather than a tap or a slip."""
    return ink_length(strokes) >= MIN_INK_LENGTH


def _polyline(draw: ImageDraw.ImageDraw, line: list[tuple[float, float]], width: float) -> None:
    """One run of ink, round at its joints and ends (runs join without notches, a dot shows)."""
    if not line:
        return
    radius = width / 2
    draw.line(line, fill=255, width=max(1, round(width)))
    # A disc at each point rounds the joints (ImageDraw's joint="curve" does the
    # same in Python, three times slower) and the ends.
    for x, y in line:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)


def render_png(strokes: Strokes, size: tuple[int, int] = IMAGE_SIZE) -> bytes:
    """The strokes as a PNG on a transparent background, the ink scaled (not
    stretched) into *size* and centred; what the sheet prints."""
    width, height = size
    points = [_xy(p) for stroke in strokes for p in stroke]
    if not points:
        raise ValueError("a signature needs at least one stroke")
    left = min(x for x, _ in points)
    top = min(y for _, y in points)
    ink_width = max(x for x, _ in points) - left
    ink_height = max(y for _, y in points) - top
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN
    # Never enlarged more than twice: a small signature stays small-ish, not blotted.
    scale = min(room_w / max(ink_width, 1.0), room_h / max(ink_height, 1.0), 2.0)
    offset_x = MARGIN + (room_w - ink_width * scale) / 2
    offset_y = MARGIN + (room_h - ink_height * scale) / 2
    big = SUPERSAMPLING
    # The ink is drawn as a coverage mask, then given one colour: the PNG then
    # varies only in its alpha channel and compresses to a few kilobytes.
    mask = Image.new("L", (width * big, height * big), 0)
    draw = ImageDraw.Draw(mask)

    def placed(x: float, y: float) -> tuple[float, float]:
        return ((offset_x + (x - left) * scale) * big, (offset_y + (y - top) * scale) * big)

    for stroke in strokes:
        pressures = [pressure_of(p) for p in stroke]
        # Runs of segments drawn at one width make one polyline (a mouse or a
        # finger: the whole stroke), joined round; a pen's pressure changes it.
        run: list[tuple[float, float]] = []
        run_width = 0.0
        for index, segment in enumerate(smooth_segments(stroke)):
            # The pressure of the point that shapes this segment (its control point).
            pen = PEN_WIDTH * (0.45 + 0.55 * pressures[min(index + 1, len(pressures) - 1)])
            line = [placed(x, y) for x, y in _sampled(segment, scale)]
            if run and abs(pen - run_width) > 0.05:
                _polyline(draw, run, run_width * big)
                run = run[-1:]
            run_width = pen
            run.extend(line if not run else line[1:])
        _polyline(draw, run, run_width * big)
    coverage = mask.reduce(big)  # the mean of each block: anti-aliased edges
    # 16 levels of coverage are as smooth to the eye and halve the file.
    image = Image.new("RGBA", (width, height), INK)
    image.putalpha(coverage.point(_ALPHA_LEVELS))
    out = io.BytesIO()
    # zlib level 6: a few milliseconds; 9 or "optimize" saves 5 % for twenty times as long.
    image.save(out, format="PNG", compress_level=6)
    return out.getvalue()
