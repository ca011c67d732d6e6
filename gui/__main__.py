"""`python -m gui [FILE]` and the installed `backprop-playground` command: the desktop app."""

import sys

from gui.app import main


def run() -> int:
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
