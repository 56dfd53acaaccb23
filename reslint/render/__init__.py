"""Rendering a Document as clean Markdown (`reslint export`, the draft `reslint next` writes).

One renderer for every input, so that last year's official PDF text and a converter's
Markdown give the same drafting file; `edits` keeps a Markdown input's own style instead.
"""

from reslint.render.edits import apply_edits
from reslint.render.markdown import render_heading, render_markdown

__all__ = ["apply_edits", "render_heading", "render_markdown"]
