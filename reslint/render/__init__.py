"""Rendering a Document as clean Markdown (`reslint export`, the draft `reslint next` writes).

One renderer for every input, so that last year's official PDF text and a converter's
Markdown give the same drafting file; reslint.text.edits keeps a Markdown input's own
style instead.
"""

from reslint.render.markdown import render_heading, render_markdown

__all__ = ["render_heading", "render_markdown"]
