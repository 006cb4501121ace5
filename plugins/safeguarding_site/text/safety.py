"""Markup no page or data file may publish: scripts, frames, plug-ins, event handlers and script URLs.

Python-Markdown passes raw HTML and attribute lists through untouched, so anything written here reaches
readers' browsers. Pages are words and links; the site's behaviour comes from the theme alone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .markdown_scan import Lines, attr_list_tokens, html_tags, links, without_code

_THEME = "behaviour and styles come from the theme (overrides/, docs/stylesheets/), never from a page"
_EMBED = "link to it instead, e.g. [its title](https://...)"
FORBIDDEN_TAGS = {
    "script": _THEME, "style": _THEME, "link": _THEME, "meta": _THEME, "base": _THEME,
    "iframe": _EMBED, "frame": _EMBED, "frameset": _EMBED, "object": _EMBED, "embed": _EMBED, "applet": _EMBED,
    "portal": _EMBED,
    "svg": "save the picture as a file in docs/ and show it with ![description](picture.svg)",
    "math": "write the formula in words",
}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_SCRIPT_WORD = re.compile(r"(?i)\b(?:java|vb|live)script\s*:")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these, so "java\tscript:" still runs


@dataclass(frozen=True)
class Unsafe:
    line: int
    message: str


def _script_scheme(value: str) -> str | None:
    url = _IGNORED_IN_URL.sub("", html.unescape(value)).lower()
    return next((scheme for scheme in _SCRIPT_SCHEMES if url.startswith(scheme)), None)


def _url_problem(value: str) -> str | None:
    if scheme := _script_scheme(value):
        return (f"a {scheme} URL is not allowed: link only to pages of this site or to http://, https:// "
                "or mailto: addresses")
    return None


def _attribute_problem(name: str, value: str | None) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"the event handler {name}= is not allowed: pages may not run script; remove it"
    if name == "srcdoc":
        return "srcdoc= is not allowed: it embeds a whole page; link to it instead"
    return _url_problem(value.strip("\"'")) if value else None


def unsafe_markup(markdown: str, *, code_blanked: str | None = None) -> list[Unsafe]:
    """Each forbidden tag, handler or script URL in ``markdown``, with its line (code is only shown: skipped).

    ``code_blanked`` is ``without_code(markdown)`` when the caller has it already.
    """
    text = without_code(markdown) if code_blanked is None else code_blanked
    found: dict[int, list[str]] = {}
    line_at = Lines(text).at

    def add(offset: int, message: str) -> None:
        line = line_at(offset)
        if message not in found.setdefault(line, []):
            found[line].append(message)

    for offset, tag, attributes in html_tags(text):
        if tag in FORBIDDEN_TAGS:
            add(offset, f"raw HTML <{tag}> is not allowed: {FORBIDDEN_TAGS[tag]}")
        for match in _ATTRIBUTE.finditer(attributes):
            if problem := _attribute_problem(match.group(1), match.group(2)):
                add(offset, problem)
    for closing in re.finditer(r"(?i)</\s*(script|style|iframe|object|embed|svg)\b", text):
        add(closing.start(), f"raw HTML <{closing.group(1).lower()}> is not allowed: "
                             f"{FORBIDDEN_TAGS[closing.group(1).lower()]}")
    for offset, tokens in attr_list_tokens(text):
        for token in tokens:
            if "=" in token and (problem := _attribute_problem(*token.split("=", 1))):
                add(offset, problem)
    lines = text.split("\n")
    for link in links(text):
        if problem := _url_problem(link.target):
            found.setdefault(link.line, [])
            if problem not in found[link.line]:
                found[link.line].append(problem)
    # Whatever form it was smuggled in (an entity, a reference link, a tag the patterns above missed).
    for number, line in enumerate(lines, start=1):
        if not found.get(number) and (match := _SCRIPT_WORD.search(html.unescape(line))):
            found[number] = [_url_problem(re.sub(r"\s", "", match.group(0))) or ""]
    return [Unsafe(line, message) for line, messages in sorted(found.items()) for message in messages]
