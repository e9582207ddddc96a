"""lit suite of the Toy plugin: `lit plugins/toy/test`."""

import os

from mlopt.testing.lit import configure_plugin_lit

here = os.path.dirname(__file__)
configure_plugin_lit(
    config,
    lit_config,
    name="mlopt-toy",
    plugin="mlopt_toy.plugin",
    test_root=here,
    suffixes=[".toy", ".mlir"],
    python_path=(os.path.join(here, "..", "src"),),
)
