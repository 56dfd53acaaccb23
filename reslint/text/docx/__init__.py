"""Word (.docx) drafts: one more reader behind the same source map.

A .docx is read into a `DocxSource` (reslint.text.docx.source): its `text` is a Markdown
rendering of the document (the view the Markdown parser already reads: one paragraph per
line, the italic lead in `*…*`, Word's list numbers as typed labels, footnote references
as `[^n]` and the footnotes as `[^n]: …` lines), and every character of that rendering
points at a place in the *plain* text of the Word file: Word paragraph N is line N (body
paragraphs in document order, then the footnotes' paragraphs), and the column is the
character offset in that paragraph plus one.  So spans, facts and reports work unchanged,
and a finding's "line 12, column 41" reads "paragraph 12, offset 40".

python-docx is an optional extra (`reslint[docx]`): nothing here imports it until a .docx
is read, so the plain hook stays light.
"""

from __future__ import annotations


def is_docx(path: str) -> bool:
    """Whether `path` names a Word file (by extension, as drafters save them).

    The fix code uses it to refuse writing: reslint never rewrites a .docx."""
    return str(path).lower().endswith(".docx")

