"""Every user edit as an undoable command: the public name of engine.circuit.commands.

The commands live inside the circuit package (they change a Circuit and nothing else), so
engine.circuit never imports upward; scripts and the GUI import them from here.
"""

from .circuit.commands import *  # noqa: F403
from .circuit.commands import __all__  # noqa: F401
