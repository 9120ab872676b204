"""Fonts for printed documents: the shipped CJK face, fallbacks for rare characters, and
drawing text run by run so that no character silently disappears.

WenQuanYi Micro Hei covers the Basic Multilingual Plane. Names sometimes hold characters
outside it (CJK Extension B and later, e.g. 赵孟𫖯); those are drawn in a fallback face,
and a character no available face has is drawn as an outlined box with the real
character kept, invisibly, in the text layer (so the PDF's text stays exact). The desk
calls ``missing_glyphs`` before printing to warn the clerk.

Registering a TrueType font costs ~120 ms, so nothing is loaded at import: the first
document (or the first ``missing_glyphs`` call) does it, and fallbacks load only when a
character needs them.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app import RESOURCES

FONT_DIR = RESOURCES / "fonts"
PRIMARY = "StationSans"
PLACEHOLDER = "StationPlaceholder"


@dataclass(frozen=True)
class FontSource:
    """Where a face lives; ``.gz`` files are decompressed in memory when loaded."""

    name: str
    path: Path
    subfont_index: int = 0


PRIMARY_SOURCE = FontSource(PRIMARY, FONT_DIR / "wqy-microhei.ttc", 0)
# Tried in order, each only when an earlier one lacks a character. The system faces are
# optional: Debian's full HanaMinB (fonts-hanazono) and the SimSun-ExtB every Windows has.
FALLBACKS: tuple[FontSource, ...] = (
    FontSource("StationExtB", FONT_DIR / "HanaMinB-names.ttf.gz"),
    FontSource("SystemHanaMinB", Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")),
    FontSource("SystemSimSunExtB",
               Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "simsunb.ttf"),
)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with code points beyond U+FFFF written as UTF-16
    surrogate pairs; reportlab writes them as five hex digits, which readers reject, and
    the name would vanish from the extracted text."""
    pairs = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>"
             for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *pairs, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


# reportlab's registry is process-wide and silently keeps the first face registered under a
# name: a face registered again (a chain built anew by ``reset_cache``) would bring a table
# of characters printing never uses. So each name is registered once, and every chain reads
# the table of the face reportlab actually holds.
_registry_lock = threading.Lock()
_registered: dict[str, FontSource] = {}


def _register(source: FontSource) -> dict[int, int]:
    """The character table of ``source``'s face, registering the face on first use."""
    with _registry_lock:
        known = _registered.get(source.name)
        if known is None:
            if source.path.suffix == ".gz":
                data = io.BytesIO(gzip.decompress(source.path.read_bytes()))
                font = TTFont(source.name, data)
            else:
                font = TTFont(source.name, str(source.path), subfontIndex=source.subfont_index)
            # reportlab keys a subset's PDF objects by the face's own name: two faces both
            # called HanaMinB (the shipped subset and the system's full font) would share
            # one font file and the second one's glyphs would print blank.
            font.face.name = font.face.name + b"-" + source.name.encode("ascii")
            pdfmetrics.registerFont(font)
            _registered[source.name] = source
        elif known != source:
            raise ValueError(f"font name {source.name} already stands for {known.path}")
        cmap: dict[int, int] = pdfmetrics.getFont(source.name).face.charToGlyph
        return cmap


class _Chain:
    """The faces loaded so far, in order, and the ones not yet needed."""

    def __init__(self, fallbacks: tuple[FontSource, ...]) -> None:
        self.lock = threading.Lock()
        self.loaded: list[tuple[str, dict[int, int]]] = []
        self.pending = list(fallbacks)
        self.memo: dict[str, str | None] = {}
        self.primary_ready = False
        self.placeholder_map: dict[int, int] | None = None

    def ensure_primary(self) -> None:
        with self.lock:
            if not self.primary_ready:
                ttfonts.makeToUnicodeCMap = _to_unicode_cmap
                self.loaded.append((PRIMARY, _register(PRIMARY_SOURCE)))
                self.primary_ready = True

    def placeholder(self, ch: str) -> str:
        """A face that maps ``ch`` to the empty .notdef glyph, so the invisible text
        layer can carry a character no face draws (reportlab writes an unmapped
        character as code 0, and the text would read "\\x00")."""
        with self.lock:
            if self.placeholder_map is None:
                self.placeholder_map = _register(
                    FontSource(PLACEHOLDER, PRIMARY_SOURCE.path, PRIMARY_SOURCE.subfont_index))
            self.placeholder_map.setdefault(ord(ch), 0)
        return PLACEHOLDER

    def font_for(self, ch: str) -> str | None:
        if ch in self.memo:
            return self.memo[ch]
        self.ensure_primary()
        code = ord(ch)
        with self.lock:
            found = next((name for name, cmap in self.loaded if code in cmap), None)
            while found is None and self.pending:
                source = self.pending.pop(0)
                if source.path.is_file():
                    self.loaded.append((source.name, _register(source)))
                    found = source.name if code in self.loaded[-1][1] else None
            self.memo[ch] = found
        return found


_chain = _Chain(FALLBACKS)


def reset_cache() -> None:
    """Build the chain anew from ``FALLBACKS`` (after tests change it); faces already
    registered with reportlab are reused, not loaded again."""
    global _chain
    _chain = _Chain(FALLBACKS)


def ensure_registered() -> None:
    """Register the primary face now (documents call this; it runs once per process)."""
    _chain.ensure_primary()


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` that no available face can draw: the desk warns the
    clerk before printing (they are printed as boxes, to be filled in by hand)."""
    return {ch for ch in set(text) if _chain.font_for(ch) is None}


def runs(text: str) -> list[tuple[str | None, str]]:
    """Split ``text`` into (face, characters) runs; face None marks missing glyphs."""
    out: list[tuple[str | None, str]] = []
    for ch in text:
        face = _chain.font_for(ch)
        if out and out[-1][0] == face:
            out[-1] = (face, out[-1][1] + ch)
        else:
            out.append((face, ch))
    return out


def _run_width(face: str | None, chars: str, size: float) -> float:
    if face is None:
        return size * len(chars)  # one em per box
    return float(pdfmetrics.stringWidth(chars, face, size))


def text_width(text: str, size: float) -> float:
    return sum(_run_width(face, chars, size) for face, chars in runs(text))


def fit_size(text: str, width: float, size: float, min_size: float) -> float:
    """The largest size not above ``size`` at which ``text`` fits ``width`` (down to
    ``min_size``: a name is never cut, at worst it is printed small)."""
    natural = text_width(text, size)
    if natural <= width:
        return size
    return max(min_size, size * width / natural)


def draw_text(c: Canvas, x: float, y: float, text: str, size: float, *,
              anchor: str = "start", bold: bool = False) -> float:
    """Draw ``text`` on the baseline at ``y``; ``anchor`` is start, middle or end.
    Returns the width drawn. Bold is the fill colour stroked around the glyphs, as the
    face has no bold weight."""
    pieces = runs(text)
    width = sum(_run_width(face, chars, size) for face, chars in pieces)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    # One text object for all runs: readers then extract the text as one word even where
    # the face changes mid-name (separate objects come back split across lines).
    text_object = c.beginText(x, y)
    boxes: list[float] = []
    cursor = x
    for face, chars in pieces:
        if face is None:
            # A visible box (drawn below) a clerk can fill in by hand; the true character
            # stays in the text layer, invisible (render mode 3), spaced to one em.
            for ch in chars:
                face_name = _chain.placeholder(ch)
                text_object.setFont(face_name, size)
                text_object.setTextRenderMode(3)
                text_object.setCharSpace(size - pdfmetrics.stringWidth(ch, face_name, size))
                text_object.textOut(ch)
                text_object.setCharSpace(0)
                boxes.append(cursor)
                cursor += size
            continue
        text_object.setFont(face, size)
        text_object.setTextRenderMode(2 if bold else 0)
        text_object.textOut(chars)
        cursor += pdfmetrics.stringWidth(chars, face, size)
    c.saveState()
    if bold:
        c.setLineWidth(size * 0.035)
        c.setStrokeColor(getattr(c, "_fillColorObj", black))
    c.drawText(text_object)
    c.setLineWidth(0.5)
    c.setStrokeColor(getattr(c, "_fillColorObj", black))
    for left in boxes:
        c.rect(left + size * 0.08, y - size * 0.1, size * 0.84, size * 0.92)
    c.restoreState()
    return width


# Latin letters, digits and serial punctuation stay together when wrapping; every CJK
# character may break.
_TOKEN = re.compile(r"[A-Za-z0-9\-./:@*]+|\s|.", re.DOTALL)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (greedy; long words split)."""
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if text_width(line + token, size) <= width:
            line += token
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = "" if token.isspace() else token
        while text_width(line, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and text_width(line[:cut], size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def fit_lines(text: str, width: float, size: float, min_size: float,
              max_lines: int = 2) -> tuple[float, list[str]]:
    """Fit ``text`` into ``width``: one line shrunk down to ``min_size`` if that is
    enough, else wrapped at ``min_size`` into at most ``max_lines`` lines, shrunk further
    only if the last line still overflows. Nothing is ever cut off."""
    single = fit_size(text, width, size, min_size)
    if text_width(text, single) <= width:
        return single, [text]
    lines = wrap(text, width, min_size)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + ["".join(lines[max_lines - 1:])]
    return min(fit_size(line, width, min_size, 1.0) for line in lines), lines
