"""The Toy plugin's tests run from a checkout, whether or not it is installed."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
