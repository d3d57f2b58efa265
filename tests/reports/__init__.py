"""Tests of the document builders (plan, …) through the files they produce."""
