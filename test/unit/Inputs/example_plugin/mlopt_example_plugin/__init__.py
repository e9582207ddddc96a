"""An example plugin: a dialect with one op and a pass that rewrites it."""

from mlopt import hookimpl


def _dialect():
    from mlopt_example_plugin.dialect import Example

    return Example


def _pass():
    from mlopt_example_plugin.passes import LowerAnswer

    return LowerAnswer


@hookimpl
def mlopt_register_dialects():
    return {"example": _dialect}


@hookimpl
def mlopt_register_passes():
    return {"example-lower-answer": _pass}
