"""Test kit for mlopt and its plugins: lit configuration and pytest helpers."""
