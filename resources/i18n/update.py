"""Refresh the pt_BR translation: extract gui/ strings (pyside6-lupdate), fill them from pt_BR.tsv, compile.

Run: .venv/bin/python resources/i18n/update.py   (writes backprop_pt_BR.ts and backprop_pt_BR.qm)
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = Path(sys.executable).parent
TS, QM, TSV = HERE / "backprop_pt_BR.ts", HERE / "backprop_pt_BR.qm", HERE / "pt_BR.tsv"


def add_dynamic_strings(root) -> None:
    """Put the strings the GUI builds at run time (palette names, registry docs) into the .ts file."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from gui.i18n import dynamic_strings

    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for context, text in dynamic_strings():
        ctx = contexts.get(context)
        if ctx is None:
            ctx = contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = context
        if any(m.findtext("source") == text for m in ctx.iter("message")):
            continue
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], cwd=ROOT, check=True)
    table = dict(line.split("\t", 1) for line in TSV.read_text(encoding="utf-8").splitlines() if "\t" in line)
    tree = ET.parse(TS)
    add_dynamic_strings(tree.getroot())
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        comment = message.findtext("comment")  # tr(text, disambiguation): "comment|text" in the table wins
        if comment and f"{comment}|{source}" in table:
            source = f"{comment}|{source}"
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
            numerus = [f for f in translation.findall("numerusform")]
            for form in numerus:
                form.text = table[source]
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
