"""Services, rules, Vietnamese text, reports and exports; returns plain dataclasses (no widgets)."""

__version__ = "0.1.0"
