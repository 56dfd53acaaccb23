"""The yearly technical update: last year's resolution -> the starting draft.

`plan(previous)` returns the draft text and the list of changes it made (what `reslint
diff` calls the expected technical update); `next_draft(previous)` only the text.
"""

from reslint.rollover.plan import Change, Rollover, next_draft, plan

__all__ = ["Change", "Rollover", "next_draft", "plan"]
