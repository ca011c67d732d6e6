"""Test set-up: Qt runs offscreen with a private runtime dir; screenshots go to tests/screenshots."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "XDG_RUNTIME_DIR" not in os.environ:
    _runtime = tempfile.mkdtemp(prefix="bpp-xdg-")
    os.chmod(_runtime, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = _runtime

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Property tests are seeded: every run (CI included) tries the same cases, so a failure reproduces.
# HYPOTHESIS_PROFILE=explore draws fresh random cases for a local hunt.
from hypothesis import settings  # noqa: E402

settings.register_profile("seeded", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "seeded"))

SCREENSHOTS = ROOT / "tests" / "screenshots"
EXAMPLES = ROOT / "resources" / "examples"
