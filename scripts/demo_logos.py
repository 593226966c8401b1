#!/usr/bin/env python3
"""Draw the demo's funder logos: small, plainly fictional pictures made by the project.

The demo network's funders carry these so that its attendance sheets, roadmaps
and minutes show how logos print (size, legibility, several side by side). Each
says "logo fictif" on it: no institution's real logo is copied or imitated.

    .venv/bin/python scripts/demo_logos.py    # rewrites resources/logos/demo/*.png
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
OUT = ROOT / "resources" / "logos" / "demo"
WIDTH, HEIGHT = 640, 240

# key (demo.catalogue.FUNDER_KEYS) -> lines of the name, colour, emblem
LOGOS = {
    "region": (("Région", "Grand Est"), (0, 94, 153), "hills"),
    "ca": (("Communauté d'agglomération", "de Haguenau"), (40, 120, 60), "rings"),
    "fund": (("Fonds de revitalisation", "Tréfileries de la Moder"), (150, 70, 30), "wire"),
}


def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _emblem(draw: ImageDraw.ImageDraw, kind: str, colour: tuple[int, int, int]) -> None:
    box = (24, 40, 184, 200)
    if kind == "hills":
        draw.ellipse(box, fill=colour)
        draw.polygon([(34, 160), (84, 96), (124, 140), (150, 110), (176, 160)], fill="white")
    elif kind == "rings":
        for offset in (0, 40, 80):
            draw.ellipse((24 + offset, 80, 104 + offset, 160), outline=colour, width=12)
    else:
        draw.rounded_rectangle(box, radius=28, fill=colour)
        for y in (80, 120, 160):
            draw.arc((44, y - 30, 164, y + 10), 20, 160, fill="white", width=8)


def draw_logo(lines: tuple[str, str], colour: tuple[int, int, int], emblem: str) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    _emblem(draw, emblem, colour)
    first, second = lines
    size = 44
    while (
        size > 16 and max(draw.textlength(t, font=_font(True, size)) for t in lines) > WIDTH - 226
    ):
        size -= 2
    draw.text((210, 62), first, font=_font(True, size), fill=colour)
    draw.text((210, 62 + size + 10), second, font=_font(False, size), fill=(40, 40, 40))
    draw.text((210, 196), "LOGO FICTIF · DÉMO", font=_font(False, 18), fill=(128, 128, 128))
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for key, (lines, colour, emblem) in LOGOS.items():
        target = OUT / f"{key}.png"
        draw_logo(lines, colour, emblem).save(target, optimize=True)
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
