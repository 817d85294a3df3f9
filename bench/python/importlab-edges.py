"""importlab's module graph of a Python corpus, as JSON edges (#18's reference).

    python3 -S importlab-edges.py <root> [--tools <dir>] [--out <file>]

<root> is the folder that holds the corpus's packages (bench/.cache/python/werkzeug holds
werkzeug/); it is importlab's only search path (its -P), and every .py file under it is an input,
as `importlab --tree --trim -P <root> <root>` takes them. importlab 0.7 and networkx are imported
from --tools (default: ../.cache/python/tools beside this script, where fetch-python.mjs puts
Debian's python3-importlab and python3-networkx).

Run it with `python3 -S`: importlab asks the running interpreter (importlib.util.find_spec, which
imports the parent packages) about every import, so whatever that interpreter has installed
would both answer and run; without site-packages only the standard library is there, and a
third-party import stays unresolved (then "external" here), whatever this machine has installed.
The corpus itself is never on sys.path, so none of its code runs.

How importlab reads and resolves (importlab/import_finder.py, resolve.py, graph.py):
- It walks the whole tree with ast.NodeVisitor (parsed by the running Python, python_version =
  its own, so no subprocess per file): every import statement counts, at module level, in a
  function, under `if TYPE_CHECKING:`, in a `try:` or its handlers; it has no notion of any of
  these. importlib.import_module() and __import__() calls are not imports to it.
- `import a.b.c` is one import of a.b.c: the file a/b/c/__init__.py or a/b/c.py (the package
  first, as Python's FileFinder), in each search path in order; the parents a/ and a/b/ are not
  edges, and need no __init__.py.
- `from a.b import c` is an import of "a.b.c" that may name an attribute: a.b.c's file is tried,
  then a.b's. `from a import *` is a.
- Relative imports are joined to the importing file's folder, by path: `from . import x` is
  ./x then ./__init__.py; `from ..p import y` is ../p/y then ../p. An import that lands on the
  importing file itself is skipped ("we cannot import a file from itself"), and then falls to
  the unresolved ones. A relative import beyond the top package is not checked: a path above it
  that exists would be taken.
- A name not found under a search path is asked of the running Python: sys.builtin_module_names
  (and __future__) are "Builtin", left out of importlab's graph; a module find_spec locates is
  "System" (the standard library here); anything else is unresolved (its broken_deps).

This script runs importlab's own ImportGraph (the same add_file_recursive, trim=True, and build()
the command line runs) and records what each file's get_file_deps resolved, every import kept,
Builtin ones included. An edge's target is normalised as #18's comparison wants it:
- a module under <root>: its POSIX path relative to <root>, kind "local";
- otherwise the top-level name: kind "builtin" when it is in sys.stdlib_module_names, else
  "external" — except an absolute import whose top-level name is a local module or package
  (its submodule is missing): kind "unresolved", as is any relative import importlab did not
  resolve.
"""

import argparse
import os
import sys

from edges_document import write_document


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root")
    parser.add_argument("--tools", default=os.path.join(here, "..", ".cache", "python", "tools"))
    parser.add_argument("--out", default="-")
    args = parser.parse_args()

    root = os.path.realpath(args.root)
    if not os.path.isdir(root):
        print("importlab-edges: %s is not a folder" % args.root, file=sys.stderr)
        return 2
    sys.path.insert(0, os.path.realpath(args.tools))
    try:
        from importlab import environment, fs, graph, resolve, utils
    except ImportError as error:
        print("importlab-edges: cannot import importlab (%s): run `node fetch-python.mjs` in bench/" % error, file=sys.stderr)
        return 2

    records = {}

    class RecordingGraph(graph.ImportGraph):
        """importlab's ImportGraph, keeping what each import of a file resolved to."""

        def get_file_deps(self, filename):
            resolved = []
            unresolved = []
            parent = self.provenance[filename]
            resolver = resolve.Resolver(self.path, parent)
            # A file can be read more than once (as an input, and as a dependency before that);
            # importlab's graph keeps the union of the edges, and so does this.
            seen = records.setdefault(filename, [])
            # The body of ImportGraph.get_file_deps, the results kept.
            from importlab import parsepy
            for imp in parsepy.get_imports(filename, self.env.python_version):
                try:
                    f = resolver.resolve_import(imp)
                except resolve.ImportException:
                    unresolved.append(imp)
                    seen.append((imp, None))
                    continue
                seen.append((imp, f))
                if isinstance(f, resolve.Builtin):
                    continue
                full_path = os.path.abspath(f.path)
                resolved.append(full_path)
                self.provenance[full_path] = f
            return (resolved, unresolved)

    path = fs.Path()
    path.add_path(root, "os")
    env = environment.Environment(path, sys.version_info[:2])
    inputs = utils.expand_source_files([root])
    import_graph = RecordingGraph.create(env, inputs, trim=True)

    def local(p):
        rel = os.path.relpath(os.path.abspath(p), root)
        return None if rel.startswith("..") else rel.replace(os.sep, "/")

    def by_name(name):
        top = name.lstrip(".").split(".")[0]
        if name.startswith(".") or os.path.exists(os.path.join(root, top)) or os.path.exists(os.path.join(root, top + ".py")):
            return "unresolved", name
        return ("builtin" if top in sys.stdlib_module_names else "external"), top

    edges = {}
    for filename, seen in records.items():
        source = local(filename)
        for imp, f in seen:
            if f is None:
                kind, target = by_name(imp.name)
                how = "unresolved"
            elif isinstance(f, resolve.Builtin):
                kind, target, how = "builtin", imp.name.split(".")[0], "Builtin"
            else:
                target = local(f.path)
                how = type(f).__name__
                if target is not None:
                    kind = "local"
                else:
                    kind, target = by_name(f.module_name or imp.name)
            edge = edges.setdefault((source, kind, target), {"from": source, "to": target, "kind": kind, "how": set(), "imports": set()})
            edge["how"].add(how)
            edge["imports"].add(str(imp))

    document = {
        "tool": "importlab",
        "root": root,
        "files": sorted(local(f) for f in inputs),
        "unreadable": sorted(local(f) for f in import_graph.unreadable_files),
        "edges": [
            dict(e, how=sorted(e["how"]), imports=sorted(e["imports"]))
            for _, e in sorted(edges.items(), key=lambda item: (item[0][0], item[0][1], item[0][2]))
        ],
    }
    write_document(document, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
