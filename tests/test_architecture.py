"""The import graph of ``service``: no cycles, layers point one way, resources stay apart."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "service"
# Packages that each own one resource (routes, schemas, repository).
RESOURCES = (
    "service.articles",
    "service.claims",
    "service.sides",
    "service.speakers",
    "service.auth",
    "service.webhooks",
)
WEB = ("flask", "flask_smorest", "flask_cors", "flask_limiter", "werkzeug", "service.http")


def module_name(path: Path) -> str:
    """``service/claims/routes.py`` -> ``service.claims.routes``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path) -> set[str]:
    """Every module ``path`` imports anywhere in its body (absolute names)."""
    names = set()
    tree = ast.parse(path.read_text("utf-8"))
    # Imports for type checkers only never run, so they cannot close a cycle.
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports are not used; resolve them anyway
                base = module_name(path).split(".")[: -node.level or None]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the ``service`` modules it imports (a package import is its __init__)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = {n for n in imported_names(path) if n in modules and n != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` as a path of module names, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def all_imports() -> dict[str, set[str]]:
    """Module -> every name it imports, ``service`` or not."""
    return {module_name(p): imported_names(p) for p in PACKAGE.rglob("*.py")}


def within(name: str, prefixes) -> bool:
    """Whether ``name`` is one of ``prefixes`` or inside one."""
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_no_import_cycle_between_service_modules():
    assert find_cycle(import_graph()) is None


def test_no_import_cycle_between_service_packages_below_the_web_layer():
    """Packages, with views left out: storage and extraction never import back upwards."""
    graph: dict[str, set[str]] = {}
    for module, imports in import_graph().items():
        if module.endswith((".routes", ".schemas", ".commands", ".context")):
            continue
        package = ".".join(module.split(".")[:2])
        graph.setdefault(package, set()).update(
            ".".join(i.split(".")[:2]) for i in imports if not i.startswith(package)
        )
    assert find_cycle(graph) is None


@pytest.mark.parametrize("kind", ["repository", "extraction", "persistence"])
def test_storage_and_extraction_import_neither_flask_nor_service_http(kind):
    imports = all_imports()
    checked = [
        m
        for m in imports
        if (kind == "repository" and m.endswith(".repository"))
        or (kind == "extraction" and within(m, ["service.extraction"]))
        or (kind == "persistence" and m in {"service.persistence", "service.clock"})
    ]
    assert checked
    offenders = {m: sorted(n for n in imports[m] if within(n, WEB)) for m in checked}
    assert {m: names for m, names in offenders.items() if names} == {}


def test_repositories_do_not_import_other_repositories_or_the_newsroom():
    imports = all_imports()
    for module in (m for m in imports if m.endswith(".repository")):
        reached = {n for n in imports[module] if n.startswith("service.")}
        assert not {n for n in reached if n.endswith(".repository")}, module
        assert not {n for n in reached if within(n, ["service.newsroom"])}, module


def test_no_resource_package_imports_a_sibling_resource_package():
    imports = all_imports()
    crossings = {
        module: sorted(n for n in names if within(n, RESOURCES) and not within(n, [own]))
        for own in RESOURCES
        for module, names in imports.items()
        if within(module, [own])
    }
    assert {m: names for m, names in crossings.items() if names} == {}


def test_the_cycle_finder_finds_cycles():
    """The checks above can fail: a two-module and a three-module cycle are found."""
    assert find_cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
