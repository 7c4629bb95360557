"""Writes the tiny JPEG photos the independent saved pages point to (their `<name>_files/` folders).

    python tests/data/web_eval/independent/make_images.py

Each photo is a small gradient with a coloured band, so every file is a different valid JPEG. The
SingleFile page carries its photo inline; `--inline NAME` prints that photo as a data: URI.
"""

from __future__ import annotations

import base64
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent

# page name -> the photo files its HTML points to
PHOTOS = {
    "wp_town_council_en": ["council-chamber-768x512.jpg"],
    "wp_mercado_es": ["mercado-1024x683.jpg", "logo-header.jpg"],
    "arc_harbour_dredging_en": ["dredger.jpg"],
    "next_transit_en": ["tram-depot.jpg"],
    "next_portal_pt": ["ponte-rio.jpg"],
    "drupal_library_en": ["library-reading-room.jpg"],
    "drupal_volanta_es": ["cosecha.jpg"],
    "amp_wildfire_en": ["fire-crews.jpg"],
    "amp_feria_es": ["feria-libro.jpg"],
    "divsoup_market_en": ["img_0042.jpg", "gazette_logo.jpg"],
    "table_portal_pt": ["foto1.jpg"],
    "ghost_essay_en": ["allotment.jpg"],
    "substack_newsletter_en": ["silo.jpg"],
    "blogger_barrio_es": ["plaza.jpg"],
    "joomla_prefeitura_pt": ["obra-escola.jpg"],
    "microdata_museum_en": ["museum-hall.jpg"],
    "nuxt_agua_es": ["presa.jpg"],
    "magazine_longread_en": ["hero-orchard.jpg"],
    "caribbean_wp_en": ["cruise-pier.jpg"],
    "opengraph_only_es": ["lobos.jpg"],
    "wire_html_en": ["quay.jpg"],
    "wp_jornal_pt": ["lagar.jpg"],
}


def photo(seed: int, size: tuple[int, int] = (48, 32)) -> bytes:
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for x in range(size[0]):
        shade = (seed * 37 + x * 5) % 256
        draw.line([(x, 0), (x, size[1])], fill=(shade, (shade + seed * 11) % 256, 160))
    draw.rectangle([0, size[1] // 3, size[0], size[1] // 3 + 4], fill=((seed * 53) % 256, 40, 90))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--inline"]:
        print("data:image/jpeg;base64," + base64.b64encode(photo(99)).decode())
        return 0
    seed = 1
    for page, files in sorted(PHOTOS.items()):
        folder = HERE / f"{page}_files"
        folder.mkdir(exist_ok=True)
        for name in files:
            (folder / name).write_bytes(photo(seed))
            seed += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
