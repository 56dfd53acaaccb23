"""`reslint server`: the language server (LSP over stdio) that editors run.

It needs the `lsp` extra (pygls, with lsprotocol's types): `pip install 'reslint[lsp]'`.
The modules that build protocol values (`convert`, `actions`, `hover`) are plain functions
of reslint's findings and documents; `server` wires them to pygls and calls the library
pipeline (`reslint.lint`), never a command.
"""
