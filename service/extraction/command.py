"""`claimdesk extract FILE [--sides sides.json] [--no-auto-sides] [--model NAME]`."""

import argparse
import json
import sys
from pathlib import Path

from service.extraction.extractor import Extractor
from service.extraction.pipeline import DEFAULT_MODEL


def parser() -> argparse.ArgumentParser:
    """Arguments of the extract command."""
    parse = argparse.ArgumentParser(
        prog="claimdesk extract", description="Print the claims extracted from an article as JSON."
    )
    parse.add_argument("file", help="article body as plain text ('-' reads standard input)")
    parse.add_argument(
        "--sides",
        help="JSON file: a list of sides {id, name, aliases} (or an object with an 'items' list)",
    )
    parse.add_argument(
        "--no-auto-sides",
        action="store_true",
        help="do not propose sides for countries that are not registered",
    )
    parse.add_argument("--model", default=DEFAULT_MODEL, help="installed spaCy pipeline to use")
    return parse


def read_sides(path: str | None) -> list[dict]:
    """Sides from a JSON file, as a list."""
    if not path:
        return []
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sides = data.get("items", []) if isinstance(data, dict) else data
    if not isinstance(sides, list) or not all(isinstance(s, dict) and "name" in s for s in sides):
        raise ValueError("sides must be a list of objects with a name")
    return sides


def run(argv: list[str]) -> int:
    """Run the command; return the process exit status."""
    args = parser().parse_args(argv)
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        sides = read_sides(args.sides)
    except (OSError, ValueError) as error:
        print(f"claimdesk extract: {error}", file=sys.stderr)
        return 2
    extractor = Extractor(model=args.model)
    try:
        result = extractor.extract(text, sides=sides, auto_sides=not args.no_auto_sides)
    except OSError as error:  # spaCy raises OSError for a model that is not installed
        print(f"claimdesk extract: {error}", file=sys.stderr)
        return 2
    output = {
        "extractor": {"name": extractor.name, "version": extractor.version},
        "claims": result.claims,
        "new_sides": result.new_sides,
    }
    print(json.dumps(output, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
