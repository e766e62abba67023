"""Build the default Word template of the annual report (templates/annual_report.docx) with
python-docx. Run once after changing it, and commit the .docx:

    python -m gonghui.reports.annual.build_template

The template is plain docxtpl (Jinja inside Word): a county may open the .docx, restyle it,
reword the text around the variables, and use its own (docs/annual-report.md lists them)."""

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TEMPLATE = Path(__file__).resolve().parent / "templates" / "annual_report.docx"
BODY_FONT, HEADING_FONT = "宋体", "黑体"


def _east_asian(style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    style.font.name = name
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def build(path: Path = TEMPLATE) -> Path:
    doc = Document()
    for section in doc.sections:
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(2.8)
    _east_asian(doc.styles["Normal"], BODY_FONT, 12)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.5
    _east_asian(doc.styles["Title"], HEADING_FONT, 20, True)
    _east_asian(doc.styles["Heading 1"], HEADING_FONT, 15, True)
    _east_asian(doc.styles["Caption"], BODY_FONT, 10)

    title = doc.add_paragraph("{{ title }}", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub = doc.add_paragraph("{{ period }}　{{ generated }}")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{{ intro }}")
    doc.add_paragraph("{%p for section in sections %}")
    doc.add_paragraph("{{ section.number }}、{{ section.title }}", style="Heading 1")
    doc.add_paragraph("{%p for sentence in section.sentences %}")
    body = doc.add_paragraph("{{ sentence }}")
    body.paragraph_format.first_line_indent = Pt(24)
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if section.table %}")
    doc.add_paragraph("{{ section.table_title }}", style="Caption")
    doc.add_paragraph("{{p section.table }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if section.chart %}")
    chart = doc.add_paragraph("{{ section.chart }}")
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ closing }}")
    # Fixed document properties: the same template gives the same file.
    props = doc.core_properties
    props.author = props.last_modified_by = "gonghui"
    props.title = "年度工作统计报告"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE))
