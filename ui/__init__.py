"""The PySide6 interface: main window, tabs, table models and dialogs (no queries here)."""
