"""Accessible names for the numbered-paragraph self-links, so a screen reader says "Paragraph 23", not "23"."""

from __future__ import annotations

import re

_TAG = re.compile(r"<a\b[^>]*>")
_CLASS = re.compile(r'\sclass="([^"]*)"')
# Working Together's paragraphs are numbered per chapter: #para-5-23 is paragraph 5.23.
_HREF = re.compile(r'\shref="#(para|item)-(\d+(?:-\d+)?)"')
_WORD = {"para": "Paragraph", "item": "Item"}


def _label(match: re.Match[str]) -> str:
    tag = match.group(0)
    classes = _CLASS.search(tag)
    href = _HREF.search(tag)
    if not classes or "para-num" not in classes.group(1).split() or not href or "aria-label=" in tag:
        return tag
    # The visible number stays in the name (WCAG 2.5.3, label in name); the word says what it numbers.
    return f'{tag[:-1]} aria-label="{_WORD[href.group(1)]} {href.group(2).replace("-", ".")}">'


def label_paragraph_numbers(html: str) -> str:
    """Give each ``a.para-num`` linking to ``#para-N`` or ``#item-N`` the name "Paragraph N" or "Item N"."""
    return _TAG.sub(_label, html)
