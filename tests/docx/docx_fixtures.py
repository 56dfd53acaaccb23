"""Word fixtures made from real texts: pandoc turns the seeds' Markdown into a .docx with
real footnotes, then the operative paragraphs get Word's automatic list numbering (the
typed "1. " removed, a w:numPr added with a numbering definition), as in a Word draft.

Shared by the tests in this folder; pandoc is Debian's package (installed in CI by .ci/run).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "A_RES_76_47.txt"
SEED_78_32 = FIXTURES / "A_RES_78_32.txt"


def need_pandoc() -> str:
    path = shutil.which("pandoc")
    if path is None and os.environ.get("CI"):
        pytest.fail("pandoc is not installed: .ci/run installs Debian's package")
    if path is None:
        pytest.skip("pandoc is not installed (CI installs Debian's package)")
    return path


def word_markdown(markdown: str) -> str:
    """The seed's Markdown as a Word author would have typed it: heading fields the
    converter glued with `***` are separate paragraphs, `<sup>n</sup>` footnotes become
    Markdown footnotes (which pandoc turns into real Word footnotes), typed paragraph
    numbers are kept as text (escaped) so that the test, not pandoc, numbers them."""
    head, sep, body = markdown.partition("*The General Assembly,*")
    if not sep:
        head, sep, body = markdown.partition("The General Assembly,")
    head = re.sub(r"\*{2,}", "\n\n", head).replace("*", "")
    head = re.sub(r"(?m)^\s*(?:-{3,}|\\)\s*$", "", head)
    out = head + "\n\n*The General Assembly,*" + body
    out = re.sub(r"(?m)^<sup>(\d+)</sup>\s*", r"[^\1]: ", out)
    out = re.sub(r"<sup>(\d+)</sup>", r"[^\1]", out)
    out = re.sub(r"(?m)^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*", lambda m: f"[^{_digits(m[1])}]: ", out)
    out = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", lambda m: f"[^{_digits(m[0])}]", out)
    # one paragraph per numbered line (Markdown would join them; the parser splits them)
    out = re.sub(r"(?m)^(?=\d{1,3}\.\s|\(\w{1,4}\)\s)", "\n", out)
    out = re.sub(r"(?m)^(\d{1,3})\.(\s)", r"\1\\.\2", out)
    out = re.sub(r"(?m)^\((\w{1,4})\)(\s)", r"\\(\1)\2", out)
    return re.sub(r"(?m)^\s*-{3,}\s*$", "", out)


def _digits(superscript: str) -> str:
    return superscript.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))


def pandoc_docx(markdown: str, out: Path) -> Path:
    """Markdown -> .docx with pandoc (real Word footnotes, italics as w:i runs)."""
    src = out.with_suffix(".md")
    src.write_text(markdown, encoding="utf-8")
    subprocess.run(
        [need_pandoc(), "-f", "markdown-auto_identifiers", "-t", "docx", "-o", str(out),
         str(src)],
        check=True, capture_output=True,
    )
    src.unlink()
    return out


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="90">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
</w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
<w:lvlText w:val="(%2)"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
<w:lvlText w:val="(%3)"/><w:lvlRestart w:val="2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
</w:numbering>"""
NUMBERING_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
)
NUMBERING_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
)
TYPED = re.compile(r"^(\d{1,3})\\?\.\s*|^\\?\((?P<sub>[a-z]{1,2}|[ivx]{1,5})\)\s*")


def rewrite(docx: Path, edit_document, extra: dict[str, str] | None = None) -> None:
    """Rewrite word/document.xml (and add parts) inside the package, in place."""
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = edit_document(parts["word/document.xml"].decode()).encode()
    for name, text in (extra or {}).items():
        parts[name] = text.encode()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def apply_numbering(docx: Path) -> int:
    """Replace typed operative numbers ("1. ", "(a) ") by Word list numbering; return how
    many paragraphs were renumbered.  Uses lxml, as python-docx does."""
    from lxml import etree

    count = 0

    def edit(xml: str) -> str:
        nonlocal count
        root = etree.fromstring(xml.encode())
        ns = {"w": W}
        for p in root.iter(f"{{{W}}}p"):
            texts = p.findall(".//w:t", ns)
            if not texts:
                continue
            m = TYPED.match(texts[0].text or "")
            if not m:
                continue
            texts[0].text = texts[0].text[m.end():]
            if not texts[0].text:  # pandoc put the number in a run of its own
                texts[0].getparent().remove(texts[0])
                if len(texts) > 1:
                    texts[1].text = (texts[1].text or "").lstrip()
            ilvl = "0" if m.group(1) else ("2" if _roman(m.group("sub")) else "1")
            ppr = p.find("w:pPr", ns)
            if ppr is None:
                ppr = etree.SubElement(p, f"{{{W}}}pPr")
                p.remove(ppr)
                p.insert(0, ppr)
            num_pr = etree.SubElement(ppr, f"{{{W}}}numPr")
            etree.SubElement(num_pr, f"{{{W}}}ilvl").set(f"{{{W}}}val", ilvl)
            etree.SubElement(num_pr, f"{{{W}}}numId").set(f"{{{W}}}val", "90")
            # w:numPr comes right after w:pStyle (the schema's order)
            ppr.remove(num_pr)
            style = ppr.find("w:pStyle", ns)
            ppr.insert(1 if style is not None else 0, num_pr)
            count += 1
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                              standalone=True).decode()

    with zipfile.ZipFile(docx) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        has_numbering = "word/numbering.xml" in z.namelist()
        numbering = z.read("word/numbering.xml").decode() if has_numbering else None
    extra: dict[str, str] = {}
    if numbering is None:
        extra["word/numbering.xml"] = NUMBERING
        extra["[Content_Types].xml"] = types.replace(
            "</Types>", f'<Override PartName="/word/numbering.xml" '
                        f'ContentType="{NUMBERING_TYPE}"/></Types>')
        extra["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>", f'<Relationship Id="rIdNum90" Type="{NUMBERING_REL}" '
                                f'Target="numbering.xml"/></Relationships>')
    else:  # pandoc's own numbering part: add our definition to it
        body = NUMBERING.split(f'<w:numbering xmlns:w="{W}">', 1)[1].rsplit("</w:numbering>")[0]
        abstract, num = body.split("</w:abstractNum>")
        merged = re.sub(r"(<w:numbering[^>]*>)", lambda m: m.group(1) + abstract
                        + "</w:abstractNum>", numbering, count=1)
        extra["word/numbering.xml"] = merged.replace("</w:numbering>", num + "</w:numbering>")
    rewrite(docx, edit, extra)
    return count


def _roman(label: str | None) -> bool:
    return bool(label) and label != "i" and set(label) <= set("ivx")


def seed_docx(seed: Path, out: Path) -> tuple[Path, Path]:
    """(the Markdown a Word author typed, the .docx with real footnotes and list numbering)."""
    md = word_markdown(seed.read_text(encoding="utf-8"))
    source = out.with_suffix(".md.txt")
    source.write_text(md.replace("1\\.", "1.").replace("\\.", ".").replace("\\(", "("),
                      encoding="utf-8")
    docx = pandoc_docx(md, out)
    apply_numbering(docx)
    return source, docx


# --- a .docx written by hand (no pandoc): for tracked changes ---------------------------
# The Markdown subset of `word_markdown` output, plus CriticMarkup-like tracked changes:
# `{+inserted+}` becomes w:ins, `{-deleted-}` w:del (a footnote reference may sit inside).

CHANGE = re.compile(r"\{([+-])(.*?)\1\}", re.S)
INLINE = re.compile(r"\*(?P<it>[^*]+)\*|\[\^(?P<fn>\d+)\]|\[(?P<link>[^\]]*)\]\(#\)"
                    r"|\\(?P<esc>.)|(?P<text>[^*\[\\]+|.)")
DOC_NS = (f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
          'relationships"')
PKG_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs(markdown: str, deleted: bool = False) -> str:
    out = []
    tag = "w:delText" if deleted else "w:t"
    for m in INLINE.finditer(markdown):
        if m["it"] is not None:
            out.append(f'<w:r><w:rPr><w:i/></w:rPr><{tag} xml:space="preserve">'
                       f'{_esc(m["it"])}</{tag}></w:r>')
        elif m["fn"] is not None:
            out.append('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                       f'<w:footnoteReference w:id="{m["fn"]}"/></w:r>')
        else:
            text = m["link"] if m["link"] is not None else m["esc"] or m["text"]
            out.append(f'<w:r><{tag} xml:space="preserve">{_esc(text)}</{tag}></w:r>')
    return "".join(out)


def _tracked_runs(markdown: str) -> str:
    out, last = [], 0
    for k, m in enumerate(CHANGE.finditer(markdown), 1):
        out.append(_runs(markdown[last : m.start()]))
        kind = "ins" if m[1] == "+" else "del"
        out.append(f'<w:{kind} w:id="{100 + k}" w:author="Drafter" '
                   f'w:date="2024-10-01T10:00:00Z">{_runs(m[2], kind == "del")}</w:{kind}>')
        last = m.end()
    out.append(_runs(markdown[last:]))
    return "".join(out)


def write_docx(markdown: str, out: Path) -> Path:
    """A minimal Word package: one w:p per Markdown paragraph, typed operative numbers
    turned into list numbering, `[^n]: text` into real footnotes."""
    body, notes = [], []
    for block in re.split(r"\n\s*\n", markdown):
        block = " ".join(block.split())
        if not block:
            continue
        if m := re.match(r"\[\^(\d+)\]:\s*(.*)", block):
            notes.append(
                f'<w:footnote w:id="{m[1]}"><w:p><w:r><w:rPr><w:vertAlign '
                f'w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t '
                f'xml:space="preserve"> </w:t></w:r>{_tracked_runs(m[2])}</w:p></w:footnote>')
            continue
        ppr = ""
        if m := re.match(r"(\d{1,3})\\?\.\s+", block):
            ppr, block = ('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/>'
                          '</w:numPr></w:pPr>'), block[m.end():]
        body.append(f"<w:p>{ppr}{_tracked_runs(block)}</w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
                f'{DOC_NS}><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {DOC_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f'<w:continuationSeparator/></w:r></w:p></w:footnote>{"".join(notes)}</w:footnotes>')
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
        'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
        'Extension="xml" ContentType="application/xml"/><Override PartName="/word/document'
        f'.xml" ContentType="{CT}.document.main+xml"/><Override PartName="/word/footnotes.xml"'
        f' ContentType="{CT}.footnotes+xml"/><Override PartName="/word/numbering.xml" '
        f'ContentType="{CT}.numbering+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{PKG_REL}/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{PKG_REL}/footnotes" Target="footnotes.xml"/>'
                f'<Relationship Id="rId2" Type="{PKG_REL}/numbering" Target="numbering.xml"/>'
                '</Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/footnotes.xml", footnotes)
        z.writestr("word/numbering.xml", NUMBERING)
    return out


def resolve_changes(markdown: str, accept: bool) -> str:
    """The Markdown with every tracked change accepted (or rejected), footnotes renumbered
    by first reference as Word numbers them, unreferenced footnote texts dropped."""
    text = CHANGE.sub(lambda m: m[2] if (m[1] == "+") == accept else "", markdown)
    order: dict[str, int] = {}
    for m in re.finditer(r"\[\^(\d+)\](?!:)", text):
        order.setdefault(m[1], len(order) + 1)
    text = re.sub(r"(?m)^\[\^(\d+)\]:.*(?:\n|$)",
                  lambda m: m[0] if m[1] in order else "", text)
    return re.sub(r"\[\^(\d+)\]", lambda m: f"[^{order.get(m[1], m[1])}]", text)
