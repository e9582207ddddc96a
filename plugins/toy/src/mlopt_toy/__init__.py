"""mlopt-toy: the Toy language of MLIR's tutorial as an mlopt plugin.

Importing this package is cheap; :mod:`mlopt_toy.plugin` holds the hooks and
everything else loads when mlopt first needs it.
"""

__version__ = "0.1.0"
