"""The Toy plugin's passes, one module per pass."""
