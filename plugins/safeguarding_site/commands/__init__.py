"""The editors' command line (``build.py``): one module per command, each imported only when it runs."""
