"""Importers that turn the source documents in ``sources/`` into Markdown pages and YAML data."""
