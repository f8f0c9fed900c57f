"""The `tvatakt` command: a few answers without Django, everything else through Django's command line.

Commands may be written with hyphens (`tvatakt import-organisations`); Django's names use underscores.
"""

import os
import sys

from tvatakt import __version__


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in {"version", "--version"}:
        print(f"tvatakt {__version__}")
        return
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tvatakt.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tvatakt", *args])


if __name__ == "__main__":
    main()
