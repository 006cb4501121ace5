"""The plugin package's layers (plugins/safeguarding_site/ARCHITECTURE.md): every import points downward.

Counted: every ``import`` and ``from … import`` anywhere in a module, inside functions and
``if TYPE_CHECKING:`` blocks too, since an import cycle can close through any of them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "safeguarding_site"
NAME = "safeguarding_site"

# Lower layers first. A module may import its own subpackage and any layer with a smaller rank.
RANK = {
    "base": 0,
    "text": 1,
    "data": 2,
    "linking": 3,
    "pages": 4,
    "search": 5, "serve": 5, "offline": 5, "checks": 5,
    "commands": 6, "plugin": 6,
}
# The importers turn sources/ into docs/ and cross_refs/: they need only the foundations, and only the
# commands use them.
IMPORTING_USES = {"base", "text"}
IMPORTING_USED_BY = {"commands"}


def layer_of(module: str) -> str:
    """``safeguarding_site.pages.site`` -> ``pages``; ``safeguarding_site.plugin`` -> ``plugin``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every package module that ``path`` imports, absolute, with the line of the import."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target == NAME or target.startswith(NAME + "."):
                if target == NAME or node.module is None:  # from . import x: x is a module
                    found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
                else:
                    found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names
                      if alias.name == NAME or alias.name.startswith(NAME + ".")]
    return found


def violation(importer: str, imported: str) -> str | None:
    """Why ``importer`` may not import ``imported``, or None if it may."""
    here, there = layer_of(importer), layer_of(imported)
    if not here or not there or here == there:
        return None
    if there in ("commands", "plugin"):
        return f"nothing imports {there}"
    if here == "importing":
        return None if there in IMPORTING_USES else f"importing/ uses only {', '.join(sorted(IMPORTING_USES))}"
    if there == "importing":
        return None if here in IMPORTING_USED_BY else "only the commands use importing/"
    if there not in RANK or here not in RANK:
        return f"{there if there not in RANK else here} is not a layer in tests/test_architecture.py's RANK"
    if RANK[there] >= RANK[here]:
        return f"{here} (layer {RANK[here]}) may not import {there} (layer {RANK[there]})"
    return None


def upward_imports(package: Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(package.rglob("*.py")):
        importer = module_name(path)
        for line, imported in imported_modules(path):
            why = violation(importer, imported)
            if why:
                problems.append(f"{path.relative_to(package.parent)}:{line}: imports {imported}: {why}")
    return problems


def test_every_import_points_down_the_layers() -> None:
    assert upward_imports() == []


def test_every_subpackage_is_a_known_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders == set(RANK) - {"plugin"} | {"importing"}


@pytest.mark.parametrize(("line", "where", "why"), [
    ("from ..pages.site import generated_pages", "text/blocks.py", "text (layer 1) may not import pages"),
    ("from ..commands.main import main", "offline/bundle_zip.py", "nothing imports commands"),
    ("from ..search import engine", "checks/x.py", "checks (layer 5) may not import search (layer 5)"),
    ("from ..data.documents import Document", "importing/x.py", "importing/ uses only base, text"),
])
def test_an_upward_import_fails(tmp_path: Path, line: str, where: str, why: str) -> None:
    """The test above would catch each kind of mistake, including one hidden inside a function."""
    package = tmp_path / NAME
    for folder in [*RANK, "importing"]:
        (package / folder).mkdir(parents=True, exist_ok=True)
        (package / folder / "__init__.py").write_text("")
    (package / where).write_text(f"def later():\n    {line}\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, package
    try:
        found = upward_imports(package)
    finally:
        PACKAGE = saved
    assert len(found) == 1 and why in found[0], found


def test_only_the_plugin_imports_mkdocs() -> None:
    """The core stays engine-free (MkDocs 2 drops plugins): only plugin.py, the hooks, imports MkDocs."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "plugin.py" and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.relative_to(PACKAGE)}:{node.lineno}: {n}" for n in names
                      if n == "mkdocs" or n.startswith("mkdocs.")]
    assert found == []
