"""The bundle's entry point: the same `main` as the installed `krakow-desk` script."""

import sys

from krakow_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
