"""Pack tests: the fixture cases that live beside each rule pack (docs/rule-tests.md).

`discover` turns command-line paths into packs and cases, `annotations` reads the
`<!-- expect: ... -->` / `<!-- ok: ... -->` comments of a draft, `case` runs one case
and compares its findings with them.  `reslint test` (reslint.commands.test) only prints.
"""
