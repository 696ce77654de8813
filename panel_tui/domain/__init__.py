"""The domain: models, banks, scoring, store and exports. No Textual here.

A test (``tests/test_architecture.py``) checks that nothing in this package
imports ``textual``, so everything here is tested without a terminal.
"""
