"""Addresses a source misprints: shown as printed, never linked, with an editors' note giving the one it meant.

The Chief Adviser's report prints Ofsted's address as ``ofstedgov.com``, a domain that is not Ofsted's. A
link would send readers to whoever holds that domain, so wherever such an address would become a link, on
any page, it stays plain text and our note (visibly the editors') gives the address the source plainly
meant, through the UK Government Web Archive when that site has closed. The hosts and their corrections
are the editors' list ``misprinted_domains`` in cross_refs/guidance.yaml.
"""

from __future__ import annotations

import datetime as dt
import re

from ..data.guidance import Register, archive_url, is_retired
from ..text.external_links import external_link, printed_address
from ..text.markdown_escape import escape

_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_LINK = re.compile(r"\[([^\]\n]*)\]\(<?(https?://[^)\s>]+)>?(?:\s+\"[^\"]*\")?\)(\{[^}\n]*\})?")


def misprint_note(url: str, meant: str, archive: str | None) -> str:
    """The editors' note after a misprinted address (Markdown)."""
    target = external_link("archived copy", archive) if archive else external_link(printed_address(meant), meant)
    host = printed_address(url).split("/")[0]
    return (f"*[Editors' note: {escape(host)} is a misprint in the source, not the organisation's own site. "
            f"The address it meant is {escape(printed_address(meant))}: {target}.]*{{ .editors-note }}")


def unlink_misprints(markdown: str, register: Register, on: dt.date | None) -> str:
    """``markdown`` with every link to a misprinted host made plain text followed by the editors' note.

    ``on`` is the date of the document that prints the address, which finds the archive's copy of its time.
    """
    if not any(host in markdown for host in register.misprints):
        return markdown  # the common case, at no cost

    def replacement(text: str, url: str) -> str | None:
        meant = register.meant(url)
        if meant is None:
            return None
        archive = archive_url(meant, on) if on and is_retired(meant, register.retired_domains) else None
        return f"{text} {misprint_note(url, meant, archive)}"

    def autolink(match: re.Match[str]) -> str:
        return replacement(escape(match.group(1)), match.group(1)) or match.group(0)

    def link(match: re.Match[str]) -> str:
        return replacement(match.group(1), match.group(2)) or match.group(0)

    # Links first: a link may hold its address in angle brackets, which alone would read as an autolink.
    return _AUTOLINK.sub(autolink, _LINK.sub(link, markdown))
