"""Publish Working Together (2010) and Lord Laming's recommendations as one cross-linked MkDocs site.

Everything in this package except ``plugin.py`` is plain Python and does not import MkDocs.
"""
