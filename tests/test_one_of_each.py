"""One of each: the package defines each shared piece of logic, and writes each phrase of ours, in one place.

Copies that start identical drift apart (issue 11 found seven regexes pasted from the block parser into the
backlinks, front matter read four ways, slugify written twice). This test reads the package's source (AST,
nothing is imported) and fails when a second definition of any of these appears.
"""

from __future__ import annotations

import ast
import functools
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "safeguarding_site"

# A phrase of ours is a string literal of three or more words; the same literal in two modules is one too many.
PHRASE_WORDS = 3
# Phrases still written twice, each for a reason that is not "nobody merged them".
REPEATED_PHRASES = {
    # base/yaml_lines.py reads data files, checks/ reads mkdocs.yml (with its !ENV tags) and pages with their
    # own advice; merging needs an edit to yaml_lines.py, which another change is rewriting.
    "not UTF-8 text (": {"base/yaml_lines.py", "checks/pages.py"},
    "YAML syntax error:": {"base/yaml_lines.py", "checks/nav.py"},
    # The publication's running header, which the importer removes from the text: a fact of its layout that
    # importing/ (which may not import data/) must know, not a phrase the site shows twice.
    "Working Together to Safeguard Children": {"data/working_together.py", "importing/working_together_layout.py"},
}


@dataclass(frozen=True)
class Module:
    name: str  # relative to the package, e.g. "text/blocks.py"
    nodes: tuple[ast.AST, ...]  # every node of its tree, walked once
    strings: tuple[str, ...]  # every string literal and f-string part, docstrings left out (they are not shown)


def _module(name: str, tree: ast.Module) -> Module:
    nodes = tuple(ast.walk(tree))
    docstrings = {id(node.body[0].value) for node in nodes
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    strings = tuple(node.value for node in nodes
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)
    return Module(name, nodes, strings)


@functools.cache
def read_package(package: Path = PACKAGE) -> list[Module]:
    return [_module(path.relative_to(package).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(package.rglob("*.py"))]


def functions_named(modules: list[Module], name: str) -> list[str]:
    return [m.name for m in modules for node in m.nodes
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name]


def literals_matching(modules: list[Module], pattern: str) -> list[str]:
    found = re.compile(pattern)
    return [m.name for m in modules for text in m.strings if found.search(text)]


def names_bound(modules: list[Module], pattern: str) -> list[str]:
    """Modules binding a name that matches ``pattern``: by assignment, or by ``import ... as`` it."""
    found = re.compile(pattern)
    places = []
    for m in modules:
        for node in m.nodes:
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
            places += [m.name for t in targets if isinstance(t, ast.Name) and found.fullmatch(t.id)]
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                places += [m.name for a in node.names if a.asname and found.fullmatch(a.asname)]
    return places


def importers_of(modules: list[Module], module: str) -> list[str]:
    return sorted({m.name for m in modules for node in m.nodes
                   if (isinstance(node, ast.ImportFrom) and node.module == module)
                   or (isinstance(node, ast.Import) and any(a.name == module for a in node.names))})


def repeated_phrases(modules: list[Module]) -> dict[str, set[str]]:
    where: dict[str, set[str]] = defaultdict(set)
    for m in modules:
        for text in m.strings:
            phrase = " ".join(text.split())
            if sum(1 for word in phrase.split() if re.search(r"[A-Za-z]", word)) >= PHRASE_WORDS:
                where[phrase].add(m.name)
    return {phrase: found for phrase, found in where.items()
            if len(found) > 1 and found != REPEATED_PHRASES.get(phrase)}


def duplicates(modules: list[Module]) -> dict[str, list[str]]:
    """Each piece that must be defined once, and the modules that define it."""
    found = {
        # Python-Markdown's toc slugify, as the site renders with it: one wrapper, and no copy of its regex.
        "slugify": functions_named(modules, "slugify") + literals_matching(modules, r"^\[\^\\w\\s-\]$"),
        # (``from markdown.extensions import toc``; other extensions' imports, such as Extension, are not it.)
        "toc import": importers_of(modules, "markdown.extensions.toc") + sorted(
            {m.name for m in modules for node in m.nodes if isinstance(node, ast.ImportFrom)
             and node.module == "markdown.extensions" and any(a.name == "toc" for a in node.names)}),
        "front-matter pattern": literals_matching(modules, r"^(?:\\A|\^)(?:---|-\{3\})"),
        "document: key": literals_matching(modules, r"\^document:"),
        "project root": names_bound(modules, r"\w*ROOT")
        # A path worked out from this file's place (``Path(__file__).parents[…]``); a file's own bytes are not it.
        + [m.name for m in modules for node in m.nodes if isinstance(node, ast.Attribute)
           and node.attr in ("parent", "parents") and "__file__" in ast.unparse(node)],
        "SOURCE_DATE_EPOCH fallback": names_bound(modules, r"FALLBACK_EPOCH")
        + [m.name for m in modules for node in m.nodes
           if isinstance(node, ast.Constant) and node.value == 1268784000],
        "page-block splitter": functions_named(modules, "page_blocks")
        + literals_matching(modules, r"#\(\(para\|item\)-"),  # the numbered-paragraph pattern
        "heading text": functions_named(modules, "heading_text") + functions_named(modules, "heading_words")
        + functions_named(modules, "_heading_text") + literals_matching(modules, r"\(#\{1,6\}\)"),
        "date parser": names_bound(modules, r"_?MONTHS"),
        "addressed_to check": functions_named(modules, "validate_addressed_to")
        + literals_matching(modules, r"^addressed_to must be a list"),
        "(title unconfirmed)": literals_matching(modules, r"title unconfirmed"),
    }
    return {what: sorted(set(where)) for what, where in found.items()}


def test_each_is_defined_exactly_once() -> None:
    found = duplicates(read_package())
    assert {what: len(where) for what, where in found.items()} == dict.fromkeys(found, 1), found


def test_each_is_where_the_architecture_says() -> None:
    found = duplicates(read_package())
    assert found["slugify"] == ["text/headings.py"]
    assert found["toc import"] == ["text/headings.py"]
    assert found["front-matter pattern"] == ["text/front_matter.py"]
    assert found["project root"] == ["base/paths.py"]
    assert found["SOURCE_DATE_EPOCH fallback"] == ["base/dates.py"]
    assert found["page-block splitter"] == ["text/blocks.py"]
    assert found["heading text"] == ["text/headings.py"]
    assert found["(title unconfirmed)"] == ["pages/phrases.py"]


def test_no_phrase_of_ours_is_written_in_two_modules() -> None:
    assert repeated_phrases(read_package()) == {}


def test_the_front_matter_pattern_is_mkdocs_own() -> None:
    from mkdocs.utils.meta import YAML_RE
    from safeguarding_site.text.front_matter import FRONT_MATTER

    assert (FRONT_MATTER.pattern, FRONT_MATTER.flags) == (YAML_RE.pattern, YAML_RE.flags)


def test_slugify_is_python_markdowns() -> None:
    from markdown.extensions.toc import slugify as toc_slugify
    from safeguarding_site.text.headings import slugify

    for words in ("1. Introduction", "Children’s Trusts – the new duty", "Café ‘quotes’", "A&E: what's new?"):
        assert slugify(words) == toc_slugify(words, "-")


@pytest.mark.parametrize(("module", "code", "what"), [
    ("importing/extra.py", "def slugify(text):\n    return text.lower()\n", "slugify"),
    ("linking/extra.py", "import re\n_F = re.compile(r'\\A---\\n(.*?)\\n---\\n')\n", "front-matter pattern"),
    ("commands/extra.py", "from pathlib import Path\nROOT = Path(__file__).parent\n", "project root"),
    ("search/extra.py", "EPOCH = 1268784000\n", "SOURCE_DATE_EPOCH fallback"),
    ("linking/extra.py", "def page_blocks(markdown):\n    return markdown.split('\\n\\n')\n", "page-block splitter"),
    ("linking/extra.py", "def _heading_text(raw):\n    return raw.strip('# ')\n", "heading text"),
    ("data/extra.py", "_MONTHS = ('january',)\n", "date parser"),
    ("pages/extra.py", "def flag(title):\n    return f'{title} (title unconfirmed)'\n", "(title unconfirmed)"),
])
def test_a_second_definition_fails(module: str, code: str, what: str) -> None:
    package = read_package()
    with_copy = duplicates([*package, _module(module, ast.parse(code))])
    assert with_copy[what] == sorted({module, *duplicates(package)[what]}), with_copy[what]


def test_a_phrase_written_twice_fails(tmp_path: Path) -> None:
    # On a copy of the package's files, as an editor of the code would add them.
    copy = tmp_path / "safeguarding_site"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "pages" / "extra.py").write_text('NOTE = "*Editors\' note:*  "\nX = "No passage refers to it."\n'
                                             'Y = "No passage refers to it."\n', encoding="utf-8")
    (copy / "linking" / "extra.py").write_text('X = "No passage   refers to it."\n', encoding="utf-8")
    assert repeated_phrases(read_package(copy)) == {"No passage refers to it.": {"pages/extra.py",
                                                                                 "linking/extra.py"}}
