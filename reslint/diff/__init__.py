"""`reslint diff`: what a draft changes against last year's resolution.

compare.diff_documents aligns the paragraphs by content (align), diffs their words
(tokens), and classifies every change as technical or substantive (classify); model holds
the result and its verdict.  Renderings: reslint/diff/formats/.
"""

from __future__ import annotations

from reslint.diff.compare import diff_documents

__all__ = ["diff_documents"]
