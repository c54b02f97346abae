"""tmru-kg: news about Turkmenistan-Russia relations as a knowledge graph.

Pipeline: documents -> extract -> resolve -> graph -> store -> export.
"""

__version__ = "0.1.0"
