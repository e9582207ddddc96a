"""Dialects of mlopt."""
