"""A Markdown extension that shows each footnote with the number the source gives it, not its place on the page.

Python-Markdown numbers footnotes 1, 2, 3 … on every page, so One Year On's footnotes 6–11 in chapter 2 showed
as 1–6 and a reader could not match them with the printed report. The source's number is the Markdown label
(``[^6]``): this shows it in the reference, in the list (``<li value="6">``) and in the "back" link's title.
Labels that are not numbers are left as Python-Markdown numbers them. Listed in mkdocs.yml's
``markdown_extensions`` as ``safeguarding_site.text.footnote_labels``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_REF = re.compile(r"^#fn:(\d+)$")
_ITEM = re.compile(r"^fn:(\d+)$")
_BACK_TITLE = re.compile(r"\b\d+\b")


class FootnoteLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and "footnote-ref" in element.get("class", "").split():
                match = _REF.match(element.get("href", ""))
                if match:
                    element.text = match.group(1)
            elif element.tag == "li":
                match = _ITEM.match(element.get("id", ""))
                if match:
                    element.set("value", match.group(1))
                    for back in element.iter("a"):
                        if "footnote-backref" in back.get("class", "").split() and back.get("title"):
                            back.set("title", _BACK_TITLE.sub(match.group(1), back.get("title", ""), count=1))


class FootnoteLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the inline treeprocessor (priority 20), which makes the references, and so after the footnotes
        # extension's own treeprocessor (50), which adds the list of footnotes.
        md.treeprocessors.register(FootnoteLabels(md), "footnote_labels", 15)


def makeExtension(**kwargs: object) -> FootnoteLabelsExtension:  # noqa: N802 - Python-Markdown's name
    return FootnoteLabelsExtension(**kwargs)
