"""``python -m syndtrace`` runs the command line."""

from syndtrace.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
