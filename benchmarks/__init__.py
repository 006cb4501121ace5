"""Build benchmarks for the site: the real site, the plugin's own cost, scale, check and serve reload."""
