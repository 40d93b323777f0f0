"""Entry script of the frozen app (PyInstaller): the same ``ctidesk`` command line as from source."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
