"""Backprop Playground launcher: the GUI by default, headless sub-commands for scripts and CI."""

import sys


def main(argv: list[str]) -> int:
    from engine.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
