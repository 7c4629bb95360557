"""Draws the photos of `sample_archive/`: seeded, photograph-like scenes with no text in them.

Run `python tools/make_sample_photos.py` from the repository root. The output is deterministic (each
photo has its own seed) and the script is idempotent: a file whose bytes would not change is not
rewritten. Every photo is kept under `MAX_BYTES` so the archive stays small.
"""

from __future__ import annotations

import io
import math
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ARCHIVE = Path(__file__).resolve().parent.parent / "sample_archive"
MAX_BYTES = 150 * 1024
SIZE = (1200, 800)

RGB = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class PhotoSpec:
    """One photo: where it goes (relative to the archive), what it shows, and its seed."""

    path: str
    scene: str
    seed: int
    mood: str = "day"


PHOTOS = (
    PhotoSpec("telesur-2022/argentina-soy-harvest-falls-short/photo.jpg", "field", 11, "dry"),
    PhotoSpec("telesur-2022/caracas-metro-line-2-reopens/IMG_2041.JPG", "skyline", 12, "day"),
    PhotoSpec("telesur-2022/chile-copper-miners-vote-to-strike/lead-image.png", "terrain", 13, "mine"),
    PhotoSpec("telesur-2022/cuba-sugar-harvest-begins-late/photo.jpg", "field", 14, "green"),
    PhotoSpec("telesur-2022/amazon-fire-season-report/photo.jpg", "forest", 15, "smoke"),
    PhotoSpec("telesur-2024/lithium-triangle-summit-la-paz/photo.jpg", "terrain", 16, "salt"),
    PhotoSpec("telesur-2024/brics-finance-ministers-local-currencies/IMG_0087.jpeg", "skyline", 17, "night"),
    PhotoSpec("telesur-2024/mexico-heatwave-power-demand/photo.jpg", "skyline", 18, "haze"),
    PhotoSpec("mercopress/falklands-loligo-squid-season-opens/photo.jpg", "harbour", 19, "grey"),
    PhotoSpec("mercopress/antarctic-krill-survey-returns/krill-survey.png", "harbour", 20, "ice"),
    PhotoSpec("agency-wires/caracas-power-grid-upgrade/photo.jpg", "skyline", 21, "dusk"),
    PhotoSpec("agency-wires/havana-tourism-slow-recovery/IMG_3310.JPG", "street", 22, "day"),
    PhotoSpec("agency-wires/beirut-port-rebuilding-plan/photo.jpg", "harbour", 23, "day"),
    PhotoSpec("agency-wires/nairobi-marathon-course-record/finish-line.jpg", "stadium", 24, "day"),
    PhotoSpec("agency-wires/dhaka-flood-shelters/photo.webp", "flood", 25, "grey"),
    PhotoSpec("agency-wires/mexico-dengue-brigades/dengue-brigade.jpg", "street", 26, "dusk"),
    PhotoSpec("regional-portals/tripoli-souk-reopens/photo.jpg", "market", 27, "warm"),
    PhotoSpec("reposts/market-women-of-la-paz/photo.jpg", "market", 28, "cool"),
    PhotoSpec("spanish/festival-de-cine-de-cartagena/photo.jpg", "harbour", 29, "dusk"),
    PhotoSpec("spanish/recife-obras-contra-enchentes/foto-principal.jpg", "flood", 30, "day"),
    PhotoSpec("science-desk/thermostable-vaccine-trial-pune/lab-bench.png", "lab", 31, "cool"),
    PhotoSpec("science-desk/nazca-drone-survey/photo.jpg", "terrain", 32, "desert"),
    PhotoSpec("science-desk/morocco-desalination-plant/IMG_5520.jpg", "harbour", 33, "plant"),
    PhotoSpec("science-desk/japan-seismic-retrofit-schools/photo.jpg", "skyline", 34, "day"),
    PhotoSpec("science-desk/lagos-mobile-payments-growth/photo.jpg", "market", 35, "warm"),
    PhotoSpec("science-desk/kazan-ice-hockey-school/photo.jpg", "stadium", 36, "night"),
)

SKIES: dict[str, tuple[RGB, RGB]] = {
    "day": ((88, 142, 204), (196, 220, 236)),
    "dry": ((110, 160, 210), (226, 222, 200)),
    "green": ((70, 130, 200), (210, 230, 240)),
    "dusk": ((52, 62, 120), (246, 170, 110)),
    "night": ((8, 12, 34), (40, 48, 86)),
    "haze": ((170, 170, 160), (236, 214, 170)),
    "grey": ((120, 130, 140), (196, 200, 204)),
    "ice": ((120, 150, 180), (222, 230, 236)),
    "smoke": ((150, 120, 90), (238, 170, 100)),
    "salt": ((30, 80, 170), (150, 190, 230)),
    "mine": ((80, 130, 200), (214, 220, 226)),
    "desert": ((120, 160, 205), (236, 226, 206)),
    "plant": ((96, 150, 210), (230, 232, 226)),
}


# -- building blocks ---------------------------------------------------------------------------


def gradient(size: tuple[int, int], top: RGB, bottom: RGB, curve: float = 1.0) -> Image.Image:
    w, h = size
    t = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None] ** curve
    rows = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    return Image.fromarray(np.repeat(rows[:, None, :], w, axis=1).astype(np.uint8))


def glow(img: Image.Image, centre: tuple[float, float], radius: float, colour: RGB, strength: float) -> Image.Image:
    """Adds a soft light (sun, floodlight, window): a radial falloff added to the pixels."""
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.hypot(xx - centre[0], yy - centre[1]) / radius
    falloff = (np.exp(-d * d) * strength)[:, :, None]
    arr = np.asarray(img, np.float32) + falloff * np.array(colour, np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def ridge(rng: random.Random, width: int, base: float, amplitude: float, step: int = 12) -> list[tuple[float, float]]:
    """A skyline of hills: a sum of random sines sampled every `step` pixels."""
    waves = [(rng.uniform(0.002, 0.02), rng.uniform(0, 6.3), rng.uniform(0.2, 1.0)) for _ in range(5)]
    norm = sum(a for _, _, a in waves)
    return [
        (x, base - amplitude * sum(a * math.sin(f * x + p) for f, p, a in waves) / norm)
        for x in range(0, width + step, step)
    ]


def shade(colour: RGB, factor: float, rng: random.Random | None = None, jitter: int = 0) -> RGB:
    j = (lambda: rng.randint(-jitter, jitter)) if rng and jitter else (lambda: 0)
    return tuple(max(0, min(255, int(c * factor) + j())) for c in colour)  # type: ignore[return-value]


def layer(img: Image.Image, draw_fn: Callable[[ImageDraw.ImageDraw], None], blur: float = 0.0) -> Image.Image:
    """Draws on a transparent layer, softens it (depth of field), and lays it over `img`."""
    top = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(top))
    if blur:
        # Blurring premultiplied pixels keeps transparent black from darkening the edges.
        top = top.convert("RGBa").filter(ImageFilter.GaussianBlur(blur)).convert("RGBA")
    return Image.alpha_composite(img.convert("RGBA"), top).convert("RGB")


def hills(img: Image.Image, rng: random.Random, base: float, amp: float, colour: RGB, blur: float) -> Image.Image:
    w, h = img.size
    points = ridge(rng, w, base, amp) + [(w, h), (0, h)]
    return layer(img, lambda d: d.polygon(points, fill=colour + (255,)), blur)


def fractal(nprng: np.random.Generator, size: tuple[int, int], base: int, octaves: int) -> np.ndarray:
    """Smooth random variation (sum of upscaled noise grids), roughly in -1..1."""
    w, h = size
    total = np.zeros((h, w), np.float32)
    amplitude, norm = 1.0, 0.0
    for octave in range(octaves):
        cells = base * 2**octave
        grid = nprng.standard_normal((max(2, cells * h // w), cells)).astype(np.float32)
        total += amplitude * np.asarray(Image.fromarray(grid, mode="F").resize(size, Image.Resampling.BICUBIC))
        norm += amplitude
        amplitude *= 0.55
    return total / norm


def mist(img: Image.Image, y: float, colour: RGB, strength: float, spread: float = 90.0) -> Image.Image:
    """Atmospheric haze around the horizon, which is what gives a landscape its depth."""
    _w, h = img.size
    rows = np.exp(-(((np.arange(h, dtype=np.float32) - y) / spread) ** 2)) * strength
    arr = np.asarray(img, np.float32)
    arr = arr * (1 - rows[:, None, None]) + np.array(colour, np.float32) * rows[:, None, None]
    return Image.fromarray(arr.astype(np.uint8))


def finish(img: Image.Image, nprng: np.random.Generator, grain: float) -> Image.Image:
    """What makes a drawing read as a photo: uneven light, surface texture, bloom, a tone curve,
    lens softness, vignette and sensor grain."""
    w, h = img.size
    arr = np.asarray(img.filter(ImageFilter.GaussianBlur(0.8)), np.float32) / 255.0
    light = 1.0 + 0.07 * fractal(nprng, (w, h), 2, 3) + 0.025 * fractal(nprng, (w, h), 32, 3)
    arr = arr * light[:, :, None]
    bright = np.clip(arr - 0.82, 0, None)
    bloom = np.asarray(
        Image.fromarray((np.clip(bright, 0, 1) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(18)),
        np.float32,
    ) / 255.0
    arr = arr + 0.35 * bloom
    arr = np.clip(arr, 0, 1)
    arr = arr + 0.35 * arr * (1 - arr) * (arr - 0.5) * 2  # gentle S-curve: film-like contrast
    grey = arr.mean(axis=2, keepdims=True)
    arr = grey + (arr - grey) * 0.85  # real photos are less saturated than flat paint
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2))
    arr = arr * (1.0 - 0.3 * np.clip(r - 0.4, 0, None) ** 1.5)[:, :, None]
    arr = arr * 255.0 + nprng.normal(0.0, grain, (h, w, 1)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# -- scenes ------------------------------------------------------------------------------------


def sky(spec: PhotoSpec) -> Image.Image:
    top, bottom = SKIES.get(spec.mood, SKIES["day"])
    return gradient(SIZE, top, bottom, 0.8)


def clouds(img: Image.Image, rng: random.Random, count: int, colour: RGB, y_max: float) -> Image.Image:
    def draw(d: ImageDraw.ImageDraw) -> None:
        for _ in range(count):
            cx, cy = rng.uniform(-100, SIZE[0] + 100), rng.uniform(30, y_max)
            for _ in range(rng.randint(4, 8)):
                rx, ry = rng.uniform(50, 140), rng.uniform(18, 45)
                ox, oy = rng.uniform(-120, 120), rng.uniform(-20, 20)
                d.ellipse((cx + ox - rx, cy + oy - ry, cx + ox + rx, cy + oy + ry), fill=colour + (rng.randint(70, 140),))
    return layer(img, draw, 18)


def scene_field(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = clouds(sky(spec), rng, 6, (250, 250, 250), 260)
    img = glow(img, (rng.uniform(200, 1000), 120), 260, (60, 50, 20), 0.8)
    horizon = h * 0.5
    img = hills(img, rng, horizon - 20, 40, (120, 140, 150), 3)
    img = mist(img, horizon - 10, SKIES[spec.mood][1], 0.55, 50)
    crop = (190, 160, 80) if spec.mood == "dry" else (70, 130, 50)
    img = hills(img, rng, horizon, 15, shade(crop, 0.8), 1.5)
    vx = rng.uniform(400, 800)

    def rows(d: ImageDraw.ImageDraw) -> None:
        for i in range(-40, 41):
            x_bottom = vx + i * 60
            colour = shade(crop, 1.1 if i % 2 else 0.75, rng, 12)
            d.polygon([(vx + i * 3, horizon + 8), (vx + i * 3 + 2, horizon + 8), (x_bottom + 26, h), (x_bottom, h)], fill=colour + (255,))
        for _ in range(rng.randint(1, 3)):
            tx, ty = rng.uniform(50, w - 50), horizon + rng.uniform(0, 30)
            d.rectangle((tx - 3, ty - 40, tx + 3, ty), fill=(60, 45, 30, 255))
            d.ellipse((tx - 40, ty - 90, tx + 40, ty - 25), fill=(40, 80, 35, 255))
    return mist(layer(img, rows, 1.2), horizon + 10, SKIES[spec.mood][1], 0.4, 35)


def scene_forest(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = glow(sky(spec), (rng.uniform(300, 900), 200), 300, (90, 40, 0), 1.0)
    for depth in range(4):
        tone = shade((40, 70, 35), 0.6 + 0.25 * (3 - depth))

        def canopy(d: ImageDraw.ImageDraw, depth: int = depth, tone: RGB = tone) -> None:
            base = h * (0.45 + 0.12 * depth)
            for _ in range(90 + 40 * depth):
                x, r = rng.uniform(-50, w + 50), rng.uniform(20, 45 + 25 * depth)
                y = base + rng.uniform(-30, 30)
                d.ellipse((x - r, y - r, x + r, y + r), fill=shade(tone, 1.0, rng, 14) + (255,))
                d.rectangle((x - 3 - depth, y, x + 3 + depth, h), fill=shade(tone, 0.5) + (255,))
        img = layer(img, canopy, 4 - depth)
        img = layer(img, lambda d: d.rectangle((0, 0, w, h), fill=(200, 140, 90, 40)), 0)
    return img


def scene_terrain(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    """Mountains over a plain: an open-pit mine, a salt flat or a desert, by mood."""
    w, h = SIZE
    img = clouds(sky(spec), rng, 3, (255, 255, 255), 200)
    img = hills(img, rng, h * 0.42, 90, (150, 150, 175), 4)
    img = mist(img, h * 0.46, SKIES[spec.mood][1], 0.5, 60)
    img = hills(img, rng, h * 0.5, 50, (120, 110, 110), 2)
    ground = {"salt": (232, 234, 236), "mine": (176, 130, 92), "desert": (206, 170, 126)}[spec.mood]
    img.paste(gradient((w, h - int(h * 0.55)), shade(ground, 0.92), shade(ground, 1.08)), (0, int(h * 0.55)))

    def details(d: ImageDraw.ImageDraw) -> None:
        if spec.mood == "mine":
            cx, cy = w * rng.uniform(0.4, 0.6), h * 0.8
            for i in range(9, 0, -1):
                # Terraces narrow and recede unevenly, as the walls of a real pit do.
                rx, ry = 70 * i + rng.uniform(-15, 15), 22 * i + rng.uniform(-4, 4)
                cx += rng.uniform(-12, 12)
                cy -= 3
                # Alternating light benches and dark walls read as the terraces of an open pit.
                factor = 0.95 - 0.03 * (9 - i) if i % 2 else 0.7 - 0.03 * (9 - i)
                d.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=shade(ground, factor) + (255,))
            for _ in range(6):
                x, y = rng.uniform(100, w - 100), h * rng.uniform(0.6, 0.95)
                d.rectangle((x, y, x + 22, y + 12), fill=(230, 180, 40, 255))
        elif spec.mood == "salt":
            for i in range(6):
                y = h * (0.6 + 0.06 * i)
                x0 = rng.uniform(-100, 500)
                d.polygon([(x0, y), (x0 + 300 + 60 * i, y), (x0 + 360 + 80 * i, y + 20 + 8 * i), (x0 - 40, y + 20 + 8 * i)], fill=(90 + 10 * i, 200, 200 - 8 * i, 255))
            for i in range(60):
                y = h * 0.56 + (i ** 1.6) * 0.6
                d.line((0, y, w, y), fill=(205, 210, 216, 90), width=1)
        else:
            for _ in range(400):
                x, y = rng.uniform(0, w), rng.uniform(h * 0.56, h)
                r = 1 + (y - h * 0.55) / 60
                d.ellipse((x - r * 2, y - r, x + r * 2, y + r), fill=shade(ground, 0.7, rng, 10) + (255,))
            for i in range(3):
                y = h * (0.7 + 0.08 * i)
                d.line((rng.uniform(0, w / 2), y, rng.uniform(w / 2, w), y + rng.uniform(-30, 30)), fill=(236, 214, 180, 200), width=3)
    return mist(layer(img, details, 1.5), h * 0.56, SKIES[spec.mood][1], 0.45, 30)


def buildings(img: Image.Image, rng: random.Random, base: float, height: float, tone: RGB, lit: float, blur: float) -> Image.Image:
    w = img.size[0]

    def draw(d: ImageDraw.ImageDraw) -> None:
        x = -20.0
        while x < w:
            bw, bh = rng.uniform(40, 110), rng.uniform(0.3, 1.0) * height
            colour = shade(tone, rng.uniform(0.8, 1.15))
            d.rectangle((x, base - bh, x + bw, base + 400), fill=colour + (255,))
            d.rectangle((x + bw * 0.68, base - bh, x + bw, base + 400), fill=shade(colour, 0.78) + (255,))
            for wy in range(int(base - bh + 8), int(base), 14):
                for wx in range(int(x + 6), int(x + bw - 8), 12):
                    if rng.random() < lit:
                        d.rectangle((wx, wy, wx + 5, wy + 7), fill=(255, 214, 140, 220))
                    elif lit < 0.3:
                        d.rectangle((wx, wy, wx + 5, wy + 7), fill=shade(colour, 0.75) + (255,))
            x += bw + rng.uniform(-10, 6)
    return layer(img, draw, blur)


def scene_skyline(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    night = spec.mood in ("night", "dusk")
    img = sky(spec)
    if spec.mood == "dusk":
        img = glow(img, (rng.uniform(300, 900), h * 0.55), 320, (120, 60, 10), 1.0)
    elif not night:
        img = clouds(img, rng, 5, (250, 250, 250), 220)
    img = hills(img, rng, h * 0.45, 110, shade(SKIES[spec.mood][1], 0.7), 5)
    far, near = (60, 70, 100) if night else (150, 160, 175), (25, 28, 40) if night else (110, 110, 118)
    img = buildings(img, rng, h * 0.7, 300, far, 0.35 if night else 0.0, 2.5)
    img = mist(img, h * 0.68, SKIES[spec.mood][1], 0.25 if night else 0.45, 110)
    img = buildings(img, rng, h * 0.82, 260, near, 0.45 if night else 0.05, 1.0)

    def street(d: ImageDraw.ImageDraw) -> None:
        d.rectangle((0, h * 0.82, w, h), fill=(40, 40, 45, 255) if night else (90, 90, 92, 255))
        for i in range(12):
            x = i * 110 + rng.uniform(0, 40)
            d.line((x, h * 0.84, x + 40, h * 0.84), fill=(220, 200, 120, 200), width=3)
        if spec.mood == "dusk":
            for i in range(5):
                x = 60 + i * 260
                d.line((x, h * 0.5, x, h * 0.82), fill=(30, 30, 40, 255), width=6)
                d.line((x - 30, h * 0.5, x + 30, h * 0.5), fill=(30, 30, 40, 255), width=4)
            for j in range(3):
                pts = [(60 + i * 26, h * 0.5 + 6 * j + 14 * math.sin(i / 10 * math.pi) ** 2) for i in range(41)]
                d.line(pts, fill=(20, 20, 28, 255), width=2)
    img = layer(img, street, 0.8)
    if night:
        for _ in range(10):
            img = glow(img, (rng.uniform(0, w), h * rng.uniform(0.7, 0.9)), 30, (90, 70, 30), 0.9)
    return img


def water(img: Image.Image, rng: random.Random, top: float, colour: RGB) -> Image.Image:
    w, h = img.size
    sea = gradient((w, int(h - top)), shade(colour, 1.15), shade(colour, 0.6))
    img.paste(sea, (0, int(top)))

    def ripples(d: ImageDraw.ImageDraw) -> None:
        for _ in range(900):
            y = rng.uniform(top, h)
            length = 6 + (y - top) / 6
            x = rng.uniform(0, w)
            d.line((x, y, x + length, y), fill=(255, 255, 255, rng.randint(20, 70)), width=1 + int((y - top) / 160))
    return layer(img, ripples, 0.8)


def scene_harbour(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = clouds(sky(spec), rng, 4, (245, 245, 245), 220)
    if spec.mood == "dusk":
        img = glow(img, (w * 0.7, h * 0.5), 280, (110, 60, 20), 1.0)
    horizon = h * 0.55
    if spec.mood != "ice":
        img = hills(img, rng, horizon - 10, 50, (110, 125, 120), 3)
    sea_colour = {"ice": (40, 70, 100), "dusk": (70, 70, 110), "grey": (60, 80, 95)}.get(spec.mood, (40, 90, 130))
    img = mist(img, horizon - 5, SKIES[spec.mood][1], 0.5, 40)
    img = water(img, rng, horizon, sea_colour)

    def structures(d: ImageDraw.ImageDraw) -> None:
        if spec.mood == "ice":
            for _ in range(5):
                x, y, s = rng.uniform(0, w), horizon + rng.uniform(-5, 60), rng.uniform(40, 160)
                pts = [(x - s, y), (x - s * 0.6, y - s * 0.4), (x - s * 0.1, y - s * 0.55), (x + s * 0.5, y - s * 0.3), (x + s, y)]
                d.polygon(pts, fill=(236, 242, 248, 255))
                d.polygon([(x - s, y), (x + s, y), (x + s * 0.7, y + s * 0.15), (x - s * 0.7, y + s * 0.15)], fill=(120, 170, 200, 160))
        if spec.mood == "plant":
            for i in range(5):
                x = 150 + i * 150
                d.rectangle((x, horizon - 90, x + 110, horizon + 10), fill=(210, 212, 214, 255))
                d.ellipse((x, horizon - 100, x + 110, horizon - 80), fill=(225, 226, 228, 255))
            d.rectangle((0, horizon + 4, w, horizon + 14), fill=(120, 120, 125, 255))
        if spec.mood in ("day", "grey"):
            for i in range(rng.randint(2, 4)):
                x = 120 + i * 260 + rng.uniform(-40, 40)
                d.line((x, horizon - 210, x, horizon + 10), fill=(200, 90, 40, 255), width=9)
                d.line((x - 60, horizon - 200, x + 170, horizon - 200), fill=(200, 90, 40, 255), width=8)
        if spec.mood == "dusk":
            for i in range(30):
                x = i * 40
                d.rectangle((x, horizon - rng.uniform(40, 120), x + 38, horizon + 5), fill=(50, 45, 60, 255))
        sx, sy = rng.uniform(150, w - 400), horizon + rng.uniform(70, 140)
        d.polygon([(sx, sy), (sx + 360, sy), (sx + 330, sy + 50), (sx + 20, sy + 50)], fill=(160, 40, 40, 255))
        d.rectangle((sx + 240, sy - 70, sx + 320, sy), fill=(235, 235, 230, 255))
        for i in range(6 if spec.mood != "ice" else 0):
            d.rectangle((sx + 20 + i * 36, sy - 30, sx + 52 + i * 36, sy), fill=shade((60, 110, 160), 1.0, rng, 60) + (255,))
        d.rectangle((0, h - 60, w, h), fill=(70, 65, 60, 255))
    return layer(img, structures, 1.0)


def scene_flood(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = clouds(sky(spec), rng, 8, (200, 200, 205), 300)
    img = buildings(img, rng, h * 0.58, 200, (150, 140, 130), 0.0, 2.0)
    img = mist(img, h * 0.55, SKIES[spec.mood][1], 0.5, 80)
    img = water(img, rng, h * 0.58, (110, 95, 70))

    def emerging(d: ImageDraw.ImageDraw) -> None:
        for _ in range(7):
            x, y = rng.uniform(0, w), h * rng.uniform(0.6, 0.85)
            s = 40 + (y - h * 0.58) / 2
            d.polygon([(x - s, y), (x, y - s * 0.6), (x + s, y)], fill=shade((150, 60, 50), 1.0, rng, 20) + (255,))
            d.rectangle((x - s * 0.8, y, x + s * 0.8, y + 6), fill=(200, 190, 170, 255))
        for _ in range(6):
            x, y, r = rng.uniform(0, w), h * rng.uniform(0.6, 0.9), rng.uniform(30, 70)
            d.ellipse((x - r, y - r * 1.2, x + r, y + r * 0.2), fill=(50, 90, 45, 255))
        bx, by = rng.uniform(200, w - 300), h * 0.82
        d.polygon([(bx, by), (bx + 160, by), (bx + 140, by + 28), (bx + 16, by + 28)], fill=(40, 80, 140, 255))
    return layer(img, emerging, 1.2)


def scene_street(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = sky(spec)
    palette = [(230, 120, 90), (90, 170, 190), (240, 200, 90), (150, 200, 120), (220, 150, 190), (240, 230, 210)]

    def facades(d: ImageDraw.ImageDraw) -> None:
        x = -30.0
        while x < w:
            fw, fh = rng.uniform(140, 260), rng.uniform(300, 520)
            colour = shade(rng.choice(palette), 0.85 if spec.mood == "dusk" else 1.0, rng, 15)
            d.rectangle((x, h * 0.8 - fh, x + fw, h * 0.8), fill=colour + (255,))
            d.rectangle((x, h * 0.8 - fh, x + fw, h * 0.8 - fh + 18), fill=shade(colour, 0.8) + (255,))
            for wy in range(int(h * 0.8 - fh + 50), int(h * 0.8 - 120), 110):
                for wx in range(int(x + 25), int(x + fw - 50), 70):
                    d.rectangle((wx, wy, wx + 36, wy + 64), fill=(50, 50, 60, 255))
                    d.rectangle((wx - 6, wy + 64, wx + 42, wy + 70), fill=shade(colour, 0.7) + (255,))
            d.rectangle((x + fw / 2 - 30, h * 0.8 - 110, x + fw / 2 + 30, h * 0.8), fill=(60, 40, 30, 255))
            x += fw
        d.rectangle((0, h * 0.8, w, h), fill=(120, 115, 110, 255))
        for _ in range(rng.randint(2, 4)):
            cx, cy = rng.uniform(50, w - 300), h * rng.uniform(0.84, 0.92)
            colour = rng.choice(palette)
            d.rounded_rectangle((cx, cy - 50, cx + 240, cy), 22, fill=colour + (255,))
            d.rounded_rectangle((cx + 50, cy - 85, cx + 180, cy - 40), 18, fill=shade(colour, 0.9) + (255,))
            for wx in (cx + 45, cx + 195):
                d.ellipse((wx - 22, cy - 22, wx + 22, cy + 22), fill=(25, 25, 25, 255))
        for _ in range(6):
            px, py = rng.uniform(0, w), h * rng.uniform(0.82, 0.95)
            d.ellipse((px - 9, py - 80, px + 9, py - 62), fill=(90, 60, 45, 255))
            d.rounded_rectangle((px - 14, py - 62, px + 14, py), 8, fill=shade(rng.choice(palette), 0.6) + (255,))
    img = layer(img, facades, 1.0)
    return glow(img, (w * 0.8, 0), 420, (60, 50, 20), 0.8) if spec.mood != "dusk" else img


def scene_market(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    base = (120, 90, 70) if spec.mood == "warm" else (110, 110, 120)
    img = gradient(SIZE, shade(base, 0.6), shade(base, 1.2))
    img = glow(img, (w * 0.5, -100), 500, (90, 70, 40), 1.0)
    produce = [(230, 120, 30), (200, 40, 30), (80, 150, 50), (240, 200, 60), (120, 60, 120), (180, 140, 90)]

    def stalls(d: ImageDraw.ImageDraw) -> None:
        for i in range(5):
            x0 = i * 250 - 30 + rng.uniform(-20, 20)
            stripe = rng.choice([(200, 40, 40), (40, 90, 170), (230, 190, 40), (40, 140, 90)])
            for s in range(8):
                colour = stripe if s % 2 else (240, 236, 226)
                d.polygon([(x0 + s * 34, 140), (x0 + s * 34 + 34, 140), (x0 + s * 38 + 38, 260), (x0 + s * 38, 260)], fill=colour + (255,))
            d.rectangle((x0, 420, x0 + 300, 520), fill=(110, 80, 50, 255))
            for _ in range(120):
                px, py, r = x0 + rng.uniform(10, 290), rng.uniform(380, 440), rng.uniform(7, 14)
                d.ellipse((px - r, py - r, px + r, py + r), fill=shade(rng.choice(produce), 1.0, rng, 20) + (255,))
    img = layer(img, stalls, 2.0)

    def people(d: ImageDraw.ImageDraw) -> None:
        for _ in range(9):
            px, scale = rng.uniform(0, w), rng.uniform(0.9, 1.5)
            top = h - 330 * scale
            colour = shade(rng.choice(produce + [(40, 40, 60)]), 0.7, rng, 20)
            d.ellipse((px - 28 * scale, top, px + 28 * scale, top + 60 * scale), fill=(110, 75, 55, 255))
            d.rounded_rectangle((px - 60 * scale, top + 62 * scale, px + 60 * scale, h + 20), int(30 * scale), fill=colour + (255,))
    return layer(img, people, 5.0)


def scene_lab(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    img = gradient(SIZE, (200, 212, 220), (150, 165, 175))
    img = glow(img, (w * 0.8, h * 0.3), 300, (50, 55, 60), 1.0)

    def room(d: ImageDraw.ImageDraw) -> None:
        d.rectangle((w * 0.62, 80, w * 0.95, 380), fill=(236, 244, 250, 255))
        for y in (170, 300):
            d.rectangle((0, y, w * 0.55, y + 10), fill=(170, 175, 180, 255))
            for _ in range(14):
                x = rng.uniform(20, w * 0.5)
                d.rectangle((x, y - rng.uniform(40, 80), x + rng.uniform(20, 40), y), fill=shade((120, 150, 190), 1.0, rng, 40) + (255,))
    img = layer(img, room, 6.0)

    def bench(d: ImageDraw.ImageDraw) -> None:
        d.rectangle((0, h * 0.68, w, h), fill=(60, 66, 72, 255))
        d.rectangle((0, h * 0.66, w, h * 0.69), fill=(225, 228, 230, 255))
        for i in range(7):
            x = 90 + i * 150 + rng.uniform(-20, 20)
            liquid = rng.choice([(80, 160, 220), (220, 90, 110), (120, 200, 120), (240, 200, 80)])
            if i % 2:
                d.rectangle((x, h * 0.4, x + 70, h * 0.66), fill=(230, 240, 246, 110))
                d.rectangle((x + 3, h * 0.52, x + 67, h * 0.66), fill=liquid + (200,))
            else:
                d.polygon([(x + 25, h * 0.42), (x + 45, h * 0.42), (x + 90, h * 0.66), (x - 20, h * 0.66)], fill=(230, 240, 246, 110))
                d.polygon([(x + 3, h * 0.56), (x + 67, h * 0.56), (x + 90, h * 0.66), (x - 20, h * 0.66)], fill=liquid + (210,))
        d.rectangle((w * 0.7, h * 0.45, w * 0.9, h * 0.66), fill=(235, 235, 236, 255))
        d.ellipse((w * 0.75, h * 0.5, w * 0.85, h * 0.62), fill=(40, 44, 50, 255))
    return layer(img, bench, 1.0)


def scene_stadium(spec: PhotoSpec, rng: random.Random) -> Image.Image:
    w, h = SIZE
    night = spec.mood == "night"
    img = sky(spec)
    crowd = [(200, 40, 40), (240, 240, 240), (40, 60, 160), (240, 200, 40), (30, 30, 30), (60, 140, 70)]

    def stands(d: ImageDraw.ImageDraw) -> None:
        for tier in range(3):
            top, bottom = 150 + tier * 110, 260 + tier * 110
            d.rectangle((0, top, w, bottom), fill=(70, 70, 80, 255))
            for _ in range(1400):
                x, y = rng.uniform(0, w), rng.uniform(top + 6, bottom - 6)
                d.rectangle((x, y, x + 4 + tier, y + 5 + tier), fill=shade(rng.choice(crowd), 0.8, rng, 30) + (255,))
            d.rectangle((0, bottom - 8, w, bottom), fill=(200, 200, 205, 255))
        for x in (120, w - 120):
            d.line((x, 0, x, 160), fill=(80, 80, 90, 255), width=10)
            d.rectangle((x - 70, 10, x + 70, 60), fill=(250, 250, 235, 255))
    img = layer(img, stands, 1.8)
    surface = (225, 235, 242) if night else (170, 80, 60)

    def field(d: ImageDraw.ImageDraw) -> None:
        d.polygon([(-200, h), (w + 200, h), (w - 40, 480), (40, 480)], fill=surface + (255,))
        for i in range(1, 8):
            y = 480 + i * 45
            d.line((40 - i * 35, y, w - 40 + i * 35, y), fill=(250, 250, 250, 160) if not night else (200, 60, 60, 150), width=2 + i // 3)
        if not night:
            for i in range(6):
                rx = rng.uniform(200, w - 200)
                d.ellipse((rx - 12, 560 + i * 25, rx + 12, 590 + i * 25), fill=(60, 40, 30, 255))
                d.rounded_rectangle((rx - 16, 590 + i * 25, rx + 16, 660 + i * 25), 10, fill=shade(rng.choice(crowd), 1.0) + (255,))
    img = layer(img, field, 0.8)
    for x in (120, w - 120):
        img = glow(img, (x, 35), 160, (120, 120, 100), 1.0 if night else 0.4)
    return img


SCENES: dict[str, Callable[[PhotoSpec, random.Random], Image.Image]] = {
    "field": scene_field,
    "forest": scene_forest,
    "terrain": scene_terrain,
    "skyline": scene_skyline,
    "harbour": scene_harbour,
    "flood": scene_flood,
    "street": scene_street,
    "market": scene_market,
    "lab": scene_lab,
    "stadium": scene_stadium,
}


# -- encoding ----------------------------------------------------------------------------------


def render(spec: PhotoSpec) -> Image.Image:
    rng = random.Random(spec.seed)
    nprng = np.random.default_rng(spec.seed)
    img = SCENES[spec.scene](spec, rng)
    # A lossless PNG would keep every speck of grain and grow past MAX_BYTES, so PNGs get none.
    return finish(img, nprng, 0.0 if spec.path.lower().endswith(".png") else 4.0)


def encode(img: Image.Image, suffix: str) -> bytes:
    """The smallest good-looking encoding under MAX_BYTES, tried from best quality down."""
    for quality in (84, 78, 72, 66, 60):
        out = io.BytesIO()
        if suffix in (".jpg", ".jpeg"):
            img.save(out, "JPEG", quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
        elif suffix == ".webp":
            img.save(out, "WEBP", quality=quality, method=6)
        else:
            colours = {84: 256, 78: 192, 72: 128, 66: 96, 60: 64}[quality]
            img.quantize(colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
        if out.tell() <= MAX_BYTES:
            return out.getvalue()
    raise ValueError(f"cannot encode a {suffix} photo under {MAX_BYTES} bytes")


def write_photo(spec: PhotoSpec, archive: Path) -> str:
    """Renders one photo and writes it unless the file already holds exactly those bytes."""
    target = archive / spec.path
    data = encode(render(spec), target.suffix.lower())
    if target.is_file() and target.read_bytes() == data:
        return "unchanged"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return "written"


def main(argv: list[str]) -> int:
    archive = Path(argv[1]) if len(argv) > 1 else ARCHIVE
    for spec in PHOTOS:
        status = write_photo(spec, archive)
        size = (archive / spec.path).stat().st_size
        print(f"{status:9} {size / 1024:6.1f} KB  {spec.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
