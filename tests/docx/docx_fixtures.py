"""Word fixtures made from real texts: pandoc turns the seeds' Markdown into a .docx with
real footnotes, then the operative paragraphs get Word's automatic list numbering (the
typed "1. " removed, a w:numPr added with a numbering definition), as in a Word draft.

Shared by the tests in this folder; pandoc is Debian's package (installed in CI by .ci/run).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_76_47 = FIXTURES / "000_e973e94cc6f22ecb.txt"
SEED_78_32 = FIXTURES / "002_6fba7e12700cdceb.txt"


def need_pandoc() -> str:
    path = shutil.which("pandoc")
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
            if not texts[0].text:
                texts[0].getparent().remove(texts[0])
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
