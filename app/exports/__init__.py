"""Spreadsheet exports (XLSX, CSV) with formula injection neutralised."""
