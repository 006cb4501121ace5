"""Every web address in docs/ has its host on one of the editors' lists, so no typo domain becomes a link.

The lists are in cross_refs/guidance.yaml: official_domains, retired_domains and misprinted_domains. The
register's own addresses are checked as it loads (data/guidance.py); this checks the pages editors write.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..base.errors import DataError
from ..data.guidance import Register
from ..text.markdown_scan import without_code
from .pages import Page

# An address with a scheme, or a bare www. host as the documents print them ("www.dcsf.gov.uk/nsdu").
_ADDRESS = re.compile(r"\bhttps?://[^\s<>()\[\]\"'`]+|(?<![/\w.@-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
# The preview's own address (`build.py serve`), which the editors' guide gives: not a site on the web.
_LOCAL = {"127.0.0.1", "localhost"}
LISTS = "official_domains, retired_domains or misprinted_domains in cross_refs/guidance.yaml"


def unknown_hosts(pages: Iterable[Page], register: Register) -> list[DataError]:
    problems = []
    for page in pages:
        if page.generated or page.source is None:
            continue
        # Addresses in code are examples for editors, not addresses the site publishes as links.
        for number, line in enumerate(without_code(page.source).splitlines(), start=1):
            for match in _ADDRESS.finditer(line):
                address = match.group(0).rstrip(".,;:")
                host = (urlsplit(address if "://" in address else f"http://{address}").hostname or "").lower()
                if _HOST.fullmatch(host) and host not in _LOCAL and register.host_list(address) is None:
                    problems.append(DataError(page.name, f"the address {address} is on a host ({host}) that no "
                                              f"list of the editors names: add it to {LISTS}, after checking "
                                              "that it is what the source means", line=number))
    return problems
