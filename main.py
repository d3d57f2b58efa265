"""TĐKT Desk entry point: parse the arguments, then run a headless command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.cli import parse_args, run_headless

    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        return run_headless(args)
    from ui.application import run

    return run(args)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen Windows build's render worker starts here
    sys.exit(main())
