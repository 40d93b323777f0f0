"""Compiled translations (ctidesk_<lang>.qm), package data built by tools/i18n.py compile."""
