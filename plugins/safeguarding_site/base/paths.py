"""Where the project is: the folder holding mkdocs.yml, cross_refs/ and docs/ (three levels above this package)."""

from __future__ import annotations

from pathlib import Path

# plugins/safeguarding_site/base/paths.py -> the project's root. Commands take --root to work on another copy.
PROJECT_ROOT = Path(__file__).resolve().parents[3]
