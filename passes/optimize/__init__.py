"""``--optimize``: the default schedule, generated as transform IR (one
module per kernel family) and applied by the transform interpreter."""
