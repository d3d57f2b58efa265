"""Bundled files: fonts with their licence, icons, templates."""
