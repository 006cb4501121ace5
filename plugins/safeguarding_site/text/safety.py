"""What rendered page content may carry: a written allowlist, judged on the HTML the build produces.

Python-Markdown passes raw HTML and attribute lists through untouched, so anything an editor writes in docs/
or in cross_refs/ reaches readers' browsers. Judging the Markdown misses what only rendering reveals (a
comment a browser closes early, a tag inside backticks inside a raw <div>), so the build (the plugin's
``on_page_content``) and ``build.py check`` (``checks/rendering.py``) both hand this module the HTML of each
page's content, and it fails on every element, attribute or URL scheme the tables below do not list.

The parser is the standard library's. Where it and a browser disagree, this module takes the browser's
side or the safe one: text the parser hides from us (comments, CDATA, processing instructions,
declarations) is judged again as markup, and a ``<`` the parser could not read as a tag is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes any allowed element may carry. ``aria-*`` and ``data-*`` (below) too: they describe or label,
# and only the theme's and docs/javascripts/ scripts read them.
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "translate"})
ATTRIBUTE_PREFIXES = ("aria-", "data-")

# Element -> the attributes it may carry besides the global ones. What Python-Markdown and our extensions
# make (headings with permalinks, tables, footnotes, abbreviations, definition lists, details), and the
# site's own markup: the recommendation-number box on the home page (form, label, input, button), the
# organisation filter (section data-sector), toggletips (button, aria-*), download links (a download).
ALLOWED_ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "kbd", "samp", "var", "em",
         "strong", "b", "i", "u", "s", "mark", "small", "sub", "sup", "abbr", "dfn", "span", "div", "section",
         "article", "aside", "ul", "dl", "dt", "dd", "thead", "tbody", "tfoot", "tr", "caption", "summary",
         "figure", "figcaption"],
        frozenset()),
    "a": frozenset({"href", "download", "rel", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}), "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}), "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "ol": frozenset({"start", "type", "reversed"}), "li": frozenset({"value"}),
    "table": frozenset(), "colgroup": frozenset({"span"}), "col": frozenset({"span"}),
    "th": frozenset({"style", "align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"style", "align", "colspan", "rowspan"}),
    "details": frozenset({"open"}),
    "form": frozenset({"action", "method", "novalidate", "autocomplete"}),
    "label": frozenset({"for"}),
    "input": frozenset({"type", "name", "value", "size", "autocomplete", "inputmode", "spellcheck", "placeholder",
                        "required", "min", "max", "maxlength", "pattern", "disabled", "readonly", "checked"}),
    "button": frozenset({"type", "name", "value", "disabled"}),
}

# Attributes holding a URL, and the schemes such a URL may have; a URL with no scheme is a link within the site.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "cite"})
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Python-Markdown's tables extension aligns columns with this style, and it is the only style a page may set.
ALLOWED_STYLE = re.compile(r"\s*text-align\s*:\s*(?:left|right|center)\s*;?\s*", re.IGNORECASE)
INPUT_TYPES = frozenset({"text", "search", "number", "submit", "button", "checkbox", "radio", "hidden"})

_THEME = "behaviour and styles come from the theme (overrides/, docs/stylesheets/, docs/javascripts/), never " \
         "from a page"
_EMBED = "link to it instead, e.g. [its title](https://...)"
# The elements most often tried, with advice; every other element not in ALLOWED_ELEMENTS is refused too.
FORBIDDEN_ELEMENTS = {
    "script": _THEME, "noscript": _THEME, "style": _THEME, "link": _THEME, "meta": _THEME, "base": _THEME,
    "template": _THEME,
    "iframe": _EMBED, "frame": _EMBED, "frameset": _EMBED, "object": _EMBED, "embed": _EMBED, "applet": _EMBED,
    "portal": _EMBED,
    "svg": "save the picture as a file in docs/ and show it with ![description](picture.svg)",
    "math": "write the formula in words",
}
# Browsers drop these from a URL before reading its scheme, so "java\tscript:" and " javascript:" still run.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_TAG_START = re.compile(r"<[a-zA-Z/!?]")


@dataclass(frozen=True)
class Unsafe:
    message: str
    # Texts to look for in the page's source to say where the problem is: the most telling first.
    needles: tuple[str, ...] = ()


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read from ``value`` (an attribute value, entities already decoded), or None."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", value).lower())
    return match.group(1) if match else None


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    if name.startswith("on"):
        return f"the event handler {name}= is not allowed: pages may not run script; remove it"
    if name == "srcdoc":
        return "srcdoc= is not allowed: it embeds a whole page; link to it instead"
    if name in URL_ATTRIBUTES:
        scheme = url_scheme(value)
        if scheme is not None and scheme not in ALLOWED_SCHEMES:
            return (f"a {scheme}: URL is not allowed: link only to pages of this site or to http://, https:// "
                    "or mailto: addresses")
    if not tag:
        return None  # an element that is refused whatever it carries
    if name not in GLOBAL_ATTRIBUTES and name not in ALLOWED_ELEMENTS[tag] and not name.startswith(ATTRIBUTE_PREFIXES):
        return f"the attribute {name}= is not allowed on <{tag}>: remove it (text/safety.py lists what pages may carry)"
    if name == "style" and not ALLOWED_STYLE.fullmatch(value):
        return f"style=\"{value[:40]}\" is not allowed: a page may only align table columns; {_THEME}"
    if tag == "form" and name == "action" and (url_scheme(value) or _IGNORED_IN_URL.sub("", value).startswith("//")):
        return f"a form may only send to a page of this site, not to '{value[:60]}'"
    if tag == "form" and name == "method" and value.strip().lower() != "get":
        return f"method=\"{value}\" is not allowed on a form: a page's form may only look things up (method get)"
    if tag == "input" and name == "type" and value.strip().lower() not in INPUT_TYPES:
        return f"<input type=\"{value}\"> is not allowed: use one of {', '.join(sorted(INPUT_TYPES))}"
    return None


class _Judge(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # so that an escaped &lt; in text stays escaped
        self.found: list[Unsafe] = []

    def add(self, message: str, *needles: str) -> None:
        if all(finding.message != message for finding in self.found):
            self.found.append(Unsafe(message, tuple(n for n in needles if n)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        if tag not in ALLOWED_ELEMENTS:
            advice = FORBIDDEN_ELEMENTS.get(tag, "write it in Markdown, or use an element text/safety.py allows")
            self.add(f"raw HTML <{tag}> is not allowed: {advice}", f"<{tag}", raw)
            tag_known = False
        else:
            tag_known = True
        for name, value in attrs:
            # On an element refused already, only what would run or load is worth naming too.
            if tag_known or name.startswith("on") or name == "srcdoc" or url_scheme(value or "") is not None:
                problem = _attribute_problem(tag if tag_known else "", name, value or "")
                if problem:
                    self.add(problem, _raw_value(raw, name) or "", f"{name}=", raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_ELEMENTS:
            advice = FORBIDDEN_ELEMENTS.get(tag, "write it in Markdown, or use an element text/safety.py allows")
            self.add(f"raw HTML <{tag}> is not allowed: {advice}", f"</{tag}", f"<{tag}")

    def handle_data(self, data: str) -> None:
        if match := _TAG_START.search(data):
            # The parser could not read this as a tag; a browser might. Escaped text reaches us as &lt;.
            snippet = data[match.start(): match.start() + 30]
            self.add(f"'{snippet.strip()}' is markup the safety check cannot read, and a browser might run: "
                     "write it in Markdown, or as &lt; if it is text", snippet.split()[0] if snippet.split() else "")

    def _hidden(self, text: str, what: str) -> None:
        # A browser may end a comment or bogus comment earlier than this parser does (--!>, <!-->): whatever
        # would be refused outside it is refused inside it too.
        for inner in unsafe_html(text):
            self.add(f"{inner.message} (inside {what}, which browsers may end early)", *inner.needles)

    def handle_comment(self, data: str) -> None:
        self._hidden(data, "an HTML comment")

    def handle_decl(self, decl: str) -> None:
        self._hidden(decl, "a <!...> declaration")

    def unknown_decl(self, data: str) -> None:
        self._hidden(data, "a <![...]> section")

    def handle_pi(self, data: str) -> None:
        self._hidden(data, "a <?...> instruction")


def _raw_value(raw_tag: str, name: str) -> str | None:
    """The attribute's value as written (entities still encoded), to find it in the page's source."""
    match = re.search(rf"""(?i)(?:^|[\s/"']){re.escape(name)}\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", raw_tag)
    return match.group(1).strip("\"'") if match else None


def unsafe_html(html: str) -> list[Unsafe]:
    """Each element, attribute or URL in ``html`` (a page's rendered content) that the allowlist refuses."""
    judge = _Judge()
    judge.feed(html)
    judge.close()
    return judge.found
