"""Tests of the documents engine (app/documents)."""
