"""Backprop Playground launcher: the GUI by default, headless sub-commands for scripts and CI.

    python main.py                 open the app on the default example (the tanh neuron)
    python main.py FILE.json       open the app on a circuit file
    python main.py run|check|new|export ...   headless commands (python main.py --help)
"""

import sys


def main(argv: list[str]) -> int:
    from engine.cli import SUBCOMMANDS
    from engine.cli import main as cli_main

    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help")):
        return cli_main(argv)
    from gui.app import main as gui_main

    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
