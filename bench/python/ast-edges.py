"""A Python corpus's import edges by Python's own rules: #18's cross-check of importlab and layermap.

    python3 -S ast-edges.py <root> [--out <file>]

<root> is the source root: the folder that holds the corpus's packages (bench/.cache/python/
werkzeug holds werkzeug/). Every .py and .pyi file under it is parsed with CPython's own `ast`
(no code of the corpus runs: nothing is imported), and each import is resolved the way the
import system would, without executing anything: `importlib.machinery.PathFinder.find_spec(name,
path)` walked one package at a time, each step searching only the folders the package before it
gave (its __path__: submodule_search_locations), starting from [<root>]. That is the finder
`import` itself uses for path entries (FileFinder: the package folder before the module file,
namespace packages, extension modules); importlib.util.find_spec is not used, because it
imports the parent packages.

The sites are those of #18's contract (docs in python-contract-18.md, src/extract/types.ts):
- `import a.b.c` (`as` or not) → one site a.b.c; `import a, b` → two;
- `from a.b import c, d` → a site per name: the submodule a.b.c when it is a module, else a.b;
  `from a import *` → a; relative forms resolved against the importing module's package, as
  importlib._bootstrap._resolve_name does (beyond the top package: unresolved);
- `importlib.import_module("x")`, `import_module("x")` when the file imports it from importlib,
  and `__import__("x")` with a literal string → "dynamic" (a relative one with `package=` or a
  second argument `__package__`/`__name__`); a computed argument, or a relative name with a
  computed package (Django's `import_module(".management", app_config.name)`) → a
  "non-literal-import" problem, no edge;
- kind "static" at module or class level, "deferred" inside a function or lambda, "dynamic" for
  the calls above; typeOnly inside the body of `if TYPE_CHECKING:` / `if typing.TYPE_CHECKING:`
  (not its else) and for every site of a .pyi stub — here under any alias too: Werkzeug and
  Flask write `import typing as t` … `if t.TYPE_CHECKING:` (41 files), which the contract's two
  spellings miss, though the block never runs all the same; optional inside a `try:` body one of whose
  handlers catches ImportError, ModuleNotFoundError, Exception, BaseException or everything.
- A .pyi stub's sites belong to the module it types (x.pyi → x.py when there is one).

Targets: a module found under <root> is its POSIX path relative to <root> (kind "local"); a
namespace package (a folder without __init__.py) has no file and is kind "namespace"; a top-level
name not under <root> is kind "builtin" when it is in sys.stdlib_module_names, else "external",
by that top-level name; a local top-level package whose submodule is missing, or a relative
import that goes beyond the top package, is kind "unresolved". Run with `python3 -S` so that
nothing this machine installed can matter (only the standard library's module list is read).
"""

import argparse
import ast
import importlib.machinery
import os
import sys

from edges_document import write_document

# Folders never mapped (#18: virtual environments, caches, build output).
SKIP_DIRS = {"__pycache__", ".venv", "venv", "site-packages", "build", "dist", ".git"}
# Handlers that make the imports of their try: body optional.
CATCH_ALL = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


class Resolver:
    """Module names → files under one source root, by PathFinder alone."""

    def __init__(self, root):
        self.root = root
        self.cache = {}

    def spec(self, name):
        """The spec of the absolute dotted `name` under the root, or None."""
        if name in self.cache:
            return self.cache[name]
        parts = name.split(".")
        if len(parts) == 1:
            locations = [self.root]
        else:
            parent = self.spec(".".join(parts[:-1]))
            locations = None if parent is None else parent.submodule_search_locations
        found = None
        if locations is not None:
            try:
                found = importlib.machinery.PathFinder.find_spec(name, list(locations))
            except (ImportError, ValueError):
                found = None
        self.cache[name] = found
        return found

    def target(self, name):
        """(kind, id) of the absolute dotted module `name`."""
        spec = self.spec(name)
        if spec is not None:
            if spec.origin is None or spec.origin == "namespace":
                return "namespace", name
            return "local", self.relative(spec.origin)
        top = name.split(".")[0]
        if self.spec(top) is not None:
            return "unresolved", name
        return ("builtin" if top in sys.stdlib_module_names else "external"), top

    def relative(self, path):
        return os.path.relpath(path, self.root).replace(os.sep, "/")


def module_name(rel):
    """`pkg/sub/mod.py` → ("pkg.sub.mod", "pkg.sub"); `pkg/__init__.py` → ("pkg", "pkg")."""
    parts = rel[: rel.rindex(".")].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return ".".join(parts), ".".join(parts)
    return ".".join(parts), ".".join(parts[:-1])


def absolute(level, module, package):
    """The absolute name of a relative import, as importlib._bootstrap._resolve_name, or None."""
    if level == 0:
        return module
    bits = package.rsplit(".", level - 1) if package else []
    if len(bits) < level or not package:
        return None
    base = bits[0]
    return "%s.%s" % (base, module) if module else base


def typing_names(tree):
    """The names a module binds to the typing module and to TYPE_CHECKING, whatever the alias."""
    modules, flags = {"typing"}, {"TYPE_CHECKING"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names if a.name in ("typing", "typing_extensions"))
        elif isinstance(node, ast.ImportFrom) and node.module in ("typing", "typing_extensions"):
            flags.update(a.asname or a.name for a in node.names if a.name == "TYPE_CHECKING")
    return modules, flags


def is_type_checking(test, names):
    modules, flags = names
    return (isinstance(test, ast.Name) and test.id in flags) or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name) and test.value.id in modules
    )


def catches_import_error(handler):
    kinds = handler.type
    if kinds is None:
        return True
    names = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
    return any(
        (isinstance(n, ast.Name) and n.id in CATCH_ALL) or (isinstance(n, ast.Attribute) and n.attr in CATCH_ALL) for n in names
    )


class SiteFinder(ast.NodeVisitor):
    """Every import site of one module, with its context (function, TYPE_CHECKING, try)."""

    def __init__(self, stub, names):
        self.names = names
        self.sites = []
        self.problems = []
        self.function = 0
        self.type_only = stub
        self.optional = False
        self.import_module_names = set()

    def site(self, node, level, module, names, kind):
        self.sites.append(
            {"line": node.lineno, "level": level, "module": module, "names": names, "kind": kind, "typeOnly": self.type_only, "optional": self.optional}
        )

    def visit_Import(self, node):
        for alias in node.names:
            self.site(node, 0, alias.name, [], "deferred" if self.function else "static")

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if node.module == "importlib" and alias.name == "import_module":
                self.import_module_names.add(alias.asname or alias.name)
            self.site(node, node.level, node.module or "", [alias.name], "deferred" if self.function else "static")

    def in_function(self, node):
        # Decorators, defaults and annotations run where the function is defined.
        for child in getattr(node, "decorator_list", []):
            self.visit(child)
        if hasattr(node, "args"):
            self.visit(node.args)
        if getattr(node, "returns", None) is not None:
            self.visit(node.returns)
        self.function += 1
        body = node.body if isinstance(node.body, list) else [node.body]
        for child in body:
            self.visit(child)
        self.function -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = in_function

    def visit_If(self, node):
        self.visit(node.test)
        before = self.type_only
        self.type_only = before or is_type_checking(node.test, self.names)
        for child in node.body:
            self.visit(child)
        self.type_only = before
        for child in node.orelse:
            self.visit(child)

    def visit_Try(self, node):
        before = self.optional
        self.optional = before or any(catches_import_error(h) for h in node.handlers)
        for child in node.body:
            self.visit(child)
        self.optional = before
        for child in node.handlers + node.orelse + node.finalbody:
            self.visit(child)

    visit_TryStar = visit_Try

    def visit_Call(self, node):
        func = node.func
        dynamic = (
            (isinstance(func, ast.Attribute) and func.attr == "import_module" and isinstance(func.value, ast.Name) and func.value.id == "importlib")
            or (isinstance(func, ast.Name) and (func.id == "__import__" or func.id in self.import_module_names))
        )
        if dynamic and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                name = first.value
                package = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "package"), None)
                level = len(name) - len(name.lstrip("."))
                if level and not (isinstance(package, ast.Name) and package.id in ("__package__", "__name__")):
                    # Relative to a package computed at run time: no file to name.
                    self.problems.append({"line": node.lineno, "code": "non-literal-import", "call": ast.unparse(node)})
                else:
                    self.site(node, level, name[level:], [], "dynamic")
                    self.sites[-1]["call"] = ast.unparse(func)
            else:
                self.problems.append({"line": node.lineno, "code": "non-literal-import", "call": ast.unparse(node)[:120]})
        self.generic_visit(node)


def source_files(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg")))
        for name in sorted(files):
            if name.endswith((".py", ".pyi")):
                yield os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root")
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    if not os.path.isdir(root):
        print("ast-edges: %s is not a folder" % args.root, file=sys.stderr)
        return 2
    resolver = Resolver(root)
    files = list(source_files(root))
    edges = {}
    problems = []
    for rel in files:
        stub = rel.endswith(".pyi")
        owner = rel[:-1] if stub and rel[:-1] in files else rel
        name, package = module_name(rel)
        with open(os.path.join(root, rel), "rb") as f:
            text = f.read()
        try:
            tree = ast.parse(text, filename=rel)
        except (SyntaxError, ValueError) as error:
            problems.append({"file": rel, "line": getattr(error, "lineno", None) or 1, "code": "parse-error", "message": str(error)})
            continue
        finder = SiteFinder(stub, typing_names(tree))
        finder.visit(tree)
        problems.extend(dict(p, file=rel) for p in finder.problems)
        for site in finder.sites:
            base = absolute(site["level"], site["module"], package)
            specifier = "." * site["level"] + site["module"]
            if base is None:
                kind, target, landed = "unresolved", specifier, specifier
            else:
                kind, target = resolver.target(base)
                landed = specifier
                names = site["names"]
                if names and names != ["*"] and kind in ("local", "namespace"):
                    sub_kind, sub_target = resolver.target("%s.%s" % (base, names[0]))
                    if sub_kind in ("local", "namespace"):
                        kind, target = sub_kind, sub_target
                        landed = specifier + ("" if specifier.endswith(".") else ".") + names[0]
            key = (owner, kind, target)
            edge = edges.setdefault(key, {"from": owner, "to": target, "kind": kind, "sites": []})
            edge["sites"].append(
                dict((k, v) for k, v in site.items() if k not in ("level", "module")) | {"specifier": landed, "file": rel}
            )
    document = {
        "tool": "ast",
        "root": root,
        "files": files,
        "problems": problems,
        "edges": [edges[k] for k in sorted(edges)],
    }
    write_document(document, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
