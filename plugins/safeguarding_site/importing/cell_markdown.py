"""Turn one HTML (or bare-text) table cell into Markdown blocks: paragraphs, lists, italics and safe links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

# Tags that end a paragraph. They are kept through sanitising only so that text on either side of them
# is not glued together ("<div>a</div><div>b</div>" must give two words, not "ab").
_BLOCK_TAGS = frozenset(
    "address article aside blockquote caption center dd details dl dt figcaption figure footer h1 h2 h3 h4"
    " h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul div".split()
)
_EMPHASIS_TAGS = frozenset({"i", "em"})
# Elements whose content is code or chrome, never document text: dropped with everything inside them.
_DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "noscript", "template", "object", "textarea", "select", "title", "svg", "math"}
)
_KEPT_TAGS = _BLOCK_TAGS | _EMPHASIS_TAGS | {"a", "b", "strong", "br", "span"}
_SAFE_URL = re.compile(r"(?i)^(?:https?://|mailto:)\S")
# The source sets each list item's bullet as a literal glyph; in Markdown the "- " is the bullet.
_BULLET_GLYPH = re.compile(r"^[\s\u00a0]*[\u25cf\u2022][\s\u00a0]*")
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_INDENT = "    "


@dataclass
class Paragraph:
    text: str  # inline Markdown, one line


@dataclass
class ListItem:
    blocks: list[Block] = field(default_factory=list)


@dataclass
class ListBlock:
    items: list[ListItem] = field(default_factory=list)
    ordered: bool = False


Block = Paragraph | ListBlock


# ---- inline nodes -------------------------------------------------------------------------------


@dataclass
class _Span:
    kind: str  # "root", "em" or "link"
    href: str | None = None
    children: list[_Span | str] = field(default_factory=list)


def _escape_text(text: str) -> str:
    """Backslash-escape what Markdown (with our extensions) would read as markup inside a line."""
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in "\\`*[]{}|":  # "|" could start a table; the site's tables extension makes "\|" escapable
            out.append("\\" + ch)
        elif ch == "_":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            # An underscore inside a word (DH_102864) is never emphasis; at a word edge it could be.
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif ch == "<":
            # Python-Markdown has no backslash escape for "<"; escape every one, since the character after
            # it may come from the next span (a "<" before a dropped tag's text) and so is not known here.
            out.append("&lt;")
        elif ch == "&" and re.match(r"#?\w+;", text[i + 1 :]):
            out.append("&amp;")  # literal "&amp;" in the text must not become "&"
        else:
            out.append(ch)
    return "".join(out)


def _render_span(span: _Span, in_emphasis: bool = False) -> str:
    parts: list[str] = []
    for child in span.children:
        if isinstance(child, str):
            parts.append(_escape_text(_SPACES.sub(" ", child)))
        else:
            parts.append(_render_child(child, in_emphasis))
    return "".join(parts)


def _render_child(span: _Span, in_emphasis: bool) -> str:
    if span.kind == "em":
        inner = _render_span(span, in_emphasis=True)
        if in_emphasis:
            return inner  # nested italics: one level of emphasis is all Markdown can say
        core = inner.strip()
        if not core:
            return inner
        # Spaces just inside the tags go outside the markers, so "<i>Working Together </i>," stays valid.
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        return f"{lead}*{core}*{trail}"
    text = _render_span(span, in_emphasis)
    href = span.href
    core = text.strip()
    if not core or not href or not _SAFE_URL.match(href):
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    url = href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
    return f"{lead}[{core}]({url.replace('>', '%3E')}){trail}"


def _escape_line_start(line: str) -> str:
    """Escape a block's first characters that Markdown would read as a list, heading, quote, etc."""
    if m := re.match(r"(\d+)([.)])(\s|$)", line):
        return f"{m.group(1)}\\{m.group(2)}{line[m.end(2) :]}"
    if re.match(r"[-+#>]|!!!", line):
        return "\\" + line
    if re.match(r":(\s|$)", line):
        return "&#58;" + line[1:]  # a definition-list marker; ":" has no backslash escape
    if line.startswith("~~~"):
        return "&#126;" + line[1:]
    return line


class _CellParser(HTMLParser):
    """Builds blocks from sanitised HTML; every tag it does not know is dropped, its text kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._frames: list[ListBlock | ListItem] = []
        self._inline = _Span("root")
        self._open: list[_Span] = []  # open em/link spans, outermost first
        self._skip = 0

    # -- containers --
    def _container(self) -> list[Block]:
        if not self._frames:
            return self.blocks
        top = self._frames[-1]
        if isinstance(top, ListItem):
            return top.blocks
        item = ListItem()  # text directly inside <ul>: give it an item of its own rather than lose it
        top.items.append(item)
        self._frames.append(item)
        return item.blocks

    def _flush(self) -> None:
        text = _SPACES.sub(" ", _render_span(self._inline)).strip()
        reopen = [_Span(s.kind, s.href) for s in self._open]
        self._inline = _Span("root")
        self._open = []
        for span in reopen:  # an <i> left open across a block boundary goes on italicising
            self._push(span)
        if text:
            self._container().append(Paragraph(text))

    def _push(self, span: _Span) -> None:
        parent = self._open[-1] if self._open else self._inline
        parent.children.append(span)
        self._open.append(span)

    def _pop_frames(self, kind: type) -> None:
        if not any(isinstance(f, kind) for f in self._frames):
            return
        while self._frames:
            frame = self._frames.pop()
            if isinstance(frame, kind):
                return

    # -- HTMLParser hooks --
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in _EMPHASIS_TAGS:
            self._push(_Span("em"))
        elif tag == "a":
            self._push(_Span("link", dict(attrs).get("href")))
        elif tag == "br":
            self._add_text(" ")
        elif tag in ("ul", "ol"):
            self._flush()
            lst = ListBlock(ordered=tag == "ol")
            self._container().append(lst)
            self._frames.append(lst)
        elif tag == "li":
            self._flush()
            if self._frames and isinstance(self._frames[-1], ListItem):
                self._frames.pop()  # an unclosed <li> ends where the next one starts
            if not self._frames or not isinstance(self._frames[-1], ListBlock):
                lst = ListBlock()
                self._container().append(lst)
                self._frames.append(lst)
            item = ListItem()
            self._frames[-1].items.append(item)  # type: ignore[union-attr]
            self._frames.append(item)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            return
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "ul", "ol", "li"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in _EMPHASIS_TAGS or tag == "a":
            kind = "link" if tag == "a" else "em"
            for i in range(len(self._open) - 1, -1, -1):
                if self._open[i].kind == kind:
                    del self._open[i:]
                    break
        elif tag == "li":
            self._flush()
            self._pop_frames(ListItem)
        elif tag in ("ul", "ol"):
            self._flush()
            self._pop_frames(ListBlock)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._add_text(data)

    def _add_text(self, data: str) -> None:
        parent = self._open[-1] if self._open else self._inline
        parent.children.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(_KEPT_TAGS),
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        strip_comments=True,
    )


def _tidy(blocks: list[Block]) -> list[Block]:
    """Remove bullet glyphs and empty items/lists, escape the start of every block."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(_escape_line_start(block.text)))
            continue
        items: list[ListItem] = []
        for item in block.items:
            if item.blocks and isinstance(item.blocks[0], Paragraph):
                item.blocks[0] = Paragraph(_BULLET_GLYPH.sub("", item.blocks[0].text))
                if not item.blocks[0].text:
                    item.blocks.pop(0)
            kept = _tidy(item.blocks)
            if kept:
                items.append(ListItem(kept))
        if items:
            out.append(ListBlock(items, block.ordered))
    return out


def cell_to_blocks(html: str) -> list[Block]:
    """Parse one cell (HTML or bare text) into blocks; unknown tags dropped, unsafe links unlinked."""
    parser = _CellParser()
    parser.feed(_sanitise(html))
    parser.close()
    return _tidy(parser.blocks)


def render_blocks(blocks: list[Block], indent: str = "") -> str:
    """Markdown for blocks: one paragraph per line, blank lines between blocks, "- " lists nested by 4."""
    return "\n\n".join(_render_block(b, indent) for b in blocks)


def _render_block(block: Block, indent: str) -> str:
    if isinstance(block, Paragraph):
        return indent + block.text
    lines: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}. " if block.ordered else "- "
        first, rest = item.blocks[0], item.blocks[1:]
        if isinstance(first, Paragraph):
            entry = indent + marker + first.text
        else:  # an item that opens with a sub-list
            entry = indent + marker.rstrip() + "\n" + _render_block(first, indent + _INDENT)
        for block_after in rest:
            separator = "\n" if isinstance(block_after, ListBlock) else "\n\n"
            entry += separator + _render_block(block_after, indent + _INDENT)
        lines.append(entry)
    return "\n".join(lines)


def cell_to_markdown(html: str) -> str:
    """The Markdown for one cell: ``render_blocks(cell_to_blocks(html))``."""
    return render_blocks(cell_to_blocks(html))
