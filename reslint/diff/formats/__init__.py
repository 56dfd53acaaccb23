"""The renderings of a `reslint diff` report: text, markdown, html and json, each a module
with `render(diff) -> str`; `common` holds what they share (a paragraph's key, its sides)."""
