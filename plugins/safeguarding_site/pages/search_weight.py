"""How much the site's search weighs the generated register pages, set in their front matter."""

from __future__ import annotations

# Front matter for register pages (glossary, supporting guidance, who must act): they name every term in
# one place, so at full weight they outrank the passages a reader is looking for.
REGISTER_SEARCH_BOOST = ("search:", "  boost: 0.3")
