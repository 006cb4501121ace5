"""Our own words that more than one page generator writes: each is written here once, so they cannot drift."""

from __future__ import annotations

# After a Working Together chapter or appendix title that no source document has been seen to print.
TITLE_UNCONFIRMED = "(title unconfirmed)"
# Before an editors' note in the glossary and the supporting-guidance register.
EDITORS_NOTE = "*Editors' note:*"
# The previous / index / next line of a recommendation or chapter page (styled, and kept out of search).
PAGE_NAVIGATION = "{ .rec-nav data-search-exclude }"
# What a recommendation's short title is, in the open data's JSON schema and CSV column table alike.
SHORT_TITLE_MEANING = ("A short title by the site's editors (their words, not the source's), unique to the "
                       "recommendation.")


def title_not_confirmed(what: str) -> list[str]:
    """The one quiet line under an unconfirmed chapter's or appendix's heading (``what``: "chapter", "appendix")."""
    return [f"The {what}'s title is not yet confirmed: none of the documents on this site gives it in full.",
            "{ .wt-title-status }", ""]


def shown_title(title: str, confirmed: bool) -> str:
    """A chapter's or appendix's title as the site shows it: flagged when no source has confirmed it."""
    return title if confirmed else f"{title} {TITLE_UNCONFIRMED}"
