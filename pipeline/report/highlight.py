"""Article text with spans highlighted by displaCy: the span style for overlaps, the ent style for snippets.

displaCy escapes the text it is given; labels and links are built here and escaped here. The span
style is token-based, so each paragraph is cut into tokens at whitespace and at every span boundary;
a span that crosses a line break is drawn in each paragraph it touches. Whitespace is kept exactly
(tokens carry it), so "($3 billion)" reads as written, not as "( $3 billion )".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import pairwise

from spacy import displacy

_PARAGRAPH = re.compile(r"[^\n]+")
_PIECE = re.compile(r"\S+|\s+")
#: displaCy appends a space to every token drawn without a span; tokens carry their own whitespace
#: here, so that space is marked with this private-use character and removed after rendering.
_NO_SPACE = "\ue000"

# displaCy's own span templates (spacy/displacy/templates.py) with class names added, so the page's
# CSS, script and tests can find highlighted tokens and labels.
TEMPLATES = {
    "span": (
        '<span class="nf-tok" style="font-weight: bold; display: inline-block; position: relative; '
        'height: {total_height}px;">{text}{span_slices}{span_starts}</span>'
    ),
    "slice": (
        '<span class="nf-slice" style="background: {bg}; top: {top_offset}px; height: 4px; left: -1px; '
        'width: calc(100% + 2px); position: absolute;"></span>'
    ),
    "start": (
        '<span class="nf-start" style="background: {bg}; top: {top_offset}px; height: 4px; '
        "border-top-left-radius: 3px; border-bottom-left-radius: 3px; left: -1px; width: calc(100% + 2px); "
        'position: absolute;"><span class="nf-label" style="background: {bg}; z-index: 10; color: #000; '
        "top: -0.5em; padding: 2px 3px; position: absolute; font-size: 0.6em; font-weight: bold; "
        'line-height: 1; border-radius: 3px; white-space: nowrap">{label}{kb_link}</span></span>'
    ),
}


@dataclass(frozen=True)
class Mark:
    """A span to draw: offsets into the text, a label, a CSS background, and the side-table row it links to."""

    start: int
    end: int
    label: str
    background: str
    row: int | None = None


def render_text(text: str, marks: list[Mark]) -> str:
    """The whole text as displaCy span-style HTML, one block per paragraph."""
    colors = {html.escape(m.label).upper(): m.background for m in marks}
    blocks = []
    for para in _PARAGRAPH.finditer(text):
        lo, hi = para.span()
        inside = [m for m in marks if m.start < hi and lo < m.end]
        blocks.append(f'<div class="nf-para">{_render_paragraph(text[lo:hi], lo, inside, colors)}</div>')
    return "\n".join(blocks)


def _render_paragraph(para: str, offset: int, marks: list[Mark], colors: dict[str, str]) -> str:
    cuts = {0, len(para)}
    for m in marks:
        cuts.update((max(0, m.start - offset), min(len(para), m.end - offset)))
    bounds: list[tuple[int, int]] = []
    for piece in _PIECE.finditer(para):
        inner = sorted(c for c in cuts if piece.start() < c < piece.end())
        edges = [piece.start(), *inner, piece.end()]
        bounds.extend(pairwise(edges))
    starts = {s: i for i, (s, _) in enumerate(bounds)}
    ends = {e: i + 1 for i, (_, e) in enumerate(bounds)}
    spans = []
    for m in marks:
        s, e = max(0, m.start - offset), min(len(para), m.end - offset)
        first = next((starts[c] for c in range(s, e) if c in starts), None)
        last = next((ends[c] for c in range(e, s, -1) if c in ends), None)
        if first is None or last is None or last <= first or not para[s:e].strip():
            continue  # whitespace only
        span = {"start_token": first, "end_token": last, "label": html.escape(m.label)}
        if m.row is not None:
            span.update(kb_id=f"#{m.row}", kb_url=f"#m{m.row}")
        spans.append(span)
    covered = {i for sp in spans for i in range(sp["start_token"], sp["end_token"])}
    tokens = []
    for i, (a, b) in enumerate(bounds):
        # displaCy draws a token without a span as text + " ": mark that space for removal. Whitespace
        # inside a span is drawn the same way but must stay whitespace-only, so it keeps the extra
        # space (collapsed by HTML).
        plain = i not in covered and _NO_SPACE not in para
        tokens.append(para[a:b] + (_NO_SPACE if plain else ""))
    doc = {"text": para, "tokens": tokens, "spans": spans}
    options = {"colors": colors, "template": TEMPLATES}
    markup = displacy.render(doc, style="span", manual=True, options=options, jupyter=False)
    return markup.replace(_NO_SPACE + " ", "")


def render_snippet(text: str, start: int, end: int, label: str, background: str) -> str:
    """One sentence with one number marked, in displaCy's entity style (no overlaps possible)."""
    ents = [{"start": start, "end": end, "label": html.escape(label)}] if 0 <= start < end <= len(text) else []
    options = {"colors": {html.escape(label).upper(): background}}
    return displacy.render({"text": text, "ents": ents}, style="ent", manual=True, options=options, jupyter=False)
