// The two references of the Python comparison (#18) on a fixture holding every form and
// resolution case: python/ast-edges.py (Python's own rules, #18's sites) and
// python/importlab-edges.py (importlab), and the classes compare-python.mjs puts their
// differences in. The script tests need python3 and the tools fetch-python.mjs unpacks; without
// them they are skipped (with the reason), never failed. `node --test` in bench/.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { classifyKindDifference, classifyOnlyImportlab, classifyOnlyTool, classifyPythonDifferences } from "../lib/python-difference-classes.mjs";
import { pythonToolsDir } from "../lib/python-corpora.mjs";
import { kindDifferences, pythonEdgeKey, pythonVersion, referenceView, runReference } from "../lib/python-edges.mjs";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "python-references-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FILES = {
  "pkg/__init__.py": "from . import sub\nfrom .mod import attr\nfrom . import X\nX = 1\n",
  "pkg/mod.py": [
    "import os, json",
    "import pkg.sub.deep",
    "from pkg.sub import deep as d2",
    "from pkg.sub import value",
    "from .. import toplevel",
    "from typing import TYPE_CHECKING",
    "if TYPE_CHECKING:",
    "    import decimal",
    "else:",
    "    import numbers",
    "try:",
    "    import simplejson",
    "except ImportError:",
    "    simplejson = None",
    "import importlib",
    "",
    "",
    "def f(name):",
    "    import csv",
    '    importlib.import_module("pkg.lazy")',
    '    __import__("fractions")',
    "    return importlib.import_module(name)",
    "",
    "",
    "class C:",
    "    import pkg.both",
    "    from .missing import nothing",
    "attr = 1",
    "",
  ].join("\n"),
  "pkg/sub/__init__.py": "value = 1\n",
  "pkg/sub/deep.py": "",
  "pkg/lazy.py": "",
  "pkg/both.py": "",
  "pkg/both/__init__.py": "",
  "pkg/stub.py": "",
  "pkg/stub.pyi": "import fractions\nfrom . import sub\n",
  "pkg/uses_ns.py": "import ns.part\nimport ns\nfrom pkg import stub\nimport typing as t\nif t.TYPE_CHECKING:\n    import zipfile\n",
  "ns/part.py": "",
  "toplevel.py": "",
};
const root = path.join(tmp, "corpus");
for (const [rel, text] of Object.entries(FILES)) {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** The edges of a reference's document as "from → kind:to" lines, sorted. */
const edgeLines = (doc) => doc.edges.map((e) => `${e.from} → ${e.kind}:${e.to}`).sort();

const noPython = pythonVersion() === null ? "python3 does not run" : false;
const noImportlab = noPython || (fs.existsSync(path.join(pythonToolsDir, "importlab")) ? false : "importlab is not fetched (node fetch-python.mjs)");

describe("ast-edges.py: Python's own rules", { skip: noPython }, () => {
  const { doc } = noPython ? { doc: null } : runReference("ast-edges.py", root, path.join(tmp, "ast.json"));

  it("resolves each form as the import system would", () => {
    assert.deepEqual(edgeLines(doc), [
      "pkg/__init__.py → local:pkg/__init__.py", // from . import X: the package itself
      "pkg/__init__.py → local:pkg/mod.py",
      "pkg/__init__.py → local:pkg/sub/__init__.py",
      "pkg/mod.py → builtin:csv",
      "pkg/mod.py → builtin:decimal",
      "pkg/mod.py → builtin:fractions",
      "pkg/mod.py → builtin:importlib",
      "pkg/mod.py → builtin:json",
      "pkg/mod.py → builtin:numbers",
      "pkg/mod.py → builtin:os",
      "pkg/mod.py → builtin:typing",
      "pkg/mod.py → external:simplejson",
      "pkg/mod.py → local:pkg/both/__init__.py", // the package folder before both.py, as FileFinder
      "pkg/mod.py → local:pkg/lazy.py",
      "pkg/mod.py → local:pkg/sub/__init__.py", // from pkg.sub import value: an attribute
      "pkg/mod.py → local:pkg/sub/deep.py", // import pkg.sub.deep, from pkg.sub import deep
      "pkg/mod.py → unresolved:..", // beyond the top package
      "pkg/mod.py → unresolved:pkg.missing",
      "pkg/stub.py → builtin:fractions", // the stub's imports belong to the module it types
      "pkg/stub.py → local:pkg/sub/__init__.py",
      "pkg/uses_ns.py → builtin:typing",
      "pkg/uses_ns.py → builtin:zipfile",
      "pkg/uses_ns.py → local:ns/part.py",
      "pkg/uses_ns.py → local:pkg/stub.py", // the module, not its stub
      "pkg/uses_ns.py → namespace:ns",
    ]);
  });

  it("gives each site its form and flags, and a computed import_module a problem", () => {
    const site = (to, line, from = "pkg/mod.py") => doc.edges.find((e) => e.from === from && e.to === to).sites.find((s) => s.line === line);
    assert.deepEqual([site("csv", 19).kind, site("pkg/lazy.py", 20).kind, site("fractions", 21).kind], ["deferred", "dynamic", "dynamic"]);
    assert.equal(site("decimal", 8).typeOnly, true);
    assert.equal(site("numbers", 10).typeOnly, false); // the else of TYPE_CHECKING runs
    assert.equal(site("simplejson", 12).optional, true);
    assert.equal(site("pkg/both/__init__.py", 26).kind, "static"); // a class body runs at import time
    assert.equal(site("fractions", 1, "pkg/stub.py").typeOnly, true); // every site of a stub
    assert.equal(site("zipfile", 6, "pkg/uses_ns.py").typeOnly, true); // if t.TYPE_CHECKING:, typing imported as t
    assert.deepEqual(
      doc.problems.map((p) => [p.file, p.line, p.code]),
      [["pkg/mod.py", 22, "non-literal-import"]],
    );
  });
});

describe("importlab-edges.py: importlab's graph", { skip: noImportlab }, () => {
  const { doc } = noImportlab ? { doc: null } : runReference("importlab-edges.py", root, path.join(tmp, "importlab.json"));

  it("reads every import statement, nothing else, and resolves by path", () => {
    assert.deepEqual(edgeLines(doc), [
      "pkg/__init__.py → local:pkg/mod.py",
      "pkg/__init__.py → local:pkg/sub/__init__.py",
      "pkg/__init__.py → unresolved:.X", // a file cannot import itself, to importlab
      "pkg/mod.py → builtin:csv", // in a function: read all the same
      "pkg/mod.py → builtin:decimal", // under TYPE_CHECKING: read all the same
      "pkg/mod.py → builtin:importlib",
      "pkg/mod.py → builtin:json",
      "pkg/mod.py → builtin:numbers",
      "pkg/mod.py → builtin:os",
      "pkg/mod.py → builtin:typing",
      "pkg/mod.py → external:simplejson", // unresolved to importlab: not installed
      "pkg/mod.py → local:pkg/both/__init__.py",
      "pkg/mod.py → local:pkg/sub/__init__.py",
      "pkg/mod.py → local:pkg/sub/deep.py",
      "pkg/mod.py → local:toplevel.py", // from .. import toplevel: beyond the top package, taken as a path
      "pkg/mod.py → unresolved:.missing.nothing",
      "pkg/uses_ns.py → builtin:typing",
      "pkg/uses_ns.py → builtin:zipfile",
      "pkg/uses_ns.py → local:ns/part.py",
      "pkg/uses_ns.py → local:pkg/stub.py",
      "pkg/uses_ns.py → unresolved:ns", // a namespace package has no file
    ]);
    // No dynamic import (pkg/lazy.py, fractions), no stub (pkg/stub.pyi is never read).
    assert.deepEqual(doc.files, ["ns/part.py", "pkg/__init__.py", "pkg/both.py", "pkg/both/__init__.py", "pkg/lazy.py", "pkg/mod.py", "pkg/stub.py", "pkg/sub/__init__.py", "pkg/sub/deep.py", "pkg/uses_ns.py", "toplevel.py"]);
  });

  it("differs from Python's rules only in the known classes", () => {
    const python = referenceView(runReference("ast-edges.py", root, path.join(tmp, "ast2.json")).doc);
    const importlab = referenceView(doc);
    const onlyA = [...python.edges.keys()].filter((k) => !importlab.edges.has(k)).sort();
    const onlyB = [...importlab.edges.keys()].filter((k) => !python.edges.has(k)).sort();
    const { classOf } = classifyPythonDifferences({ onlyA, onlyB }, importlab, python);
    assert.deepEqual(Object.fromEntries([...classOf].map(([k, c]) => [k.replace("\u0000", " → "), c])), {
      "pkg/__init__.py → pkg/__init__.py": "self-import",
      "pkg/mod.py → module:fractions": "dynamic-import",
      "pkg/mod.py → pkg/lazy.py": "dynamic-import",
      "pkg/stub.py → module:fractions": "pyi-stub",
      "pkg/stub.py → pkg/sub/__init__.py": "pyi-stub",
      "pkg/mod.py → toplevel.py": "relative-beyond-top",
    });
  });
});

describe("python difference classes", () => {
  const pythonEdge = (from, to, sites) => ({ from, to, detail: sites });
  it("claims a tool-only edge by what Python's rules have for it", () => {
    assert.equal(classifyOnlyTool(undefined), "layermap-not-python");
    assert.equal(classifyOnlyTool(pythonEdge("a/x.py", "a/y.py", [{ file: "a/x.pyi", kind: "static" }])), "pyi-stub");
    assert.equal(classifyOnlyTool(pythonEdge("a/x.py", "a/y.py", [{ file: "a/x.py", kind: "dynamic" }, { file: "a/x.pyi", kind: "static" }])), "dynamic-import");
    assert.equal(classifyOnlyTool(pythonEdge("a/__init__.py", "a/__init__.py", [{ file: "a/__init__.py", kind: "static" }])), "self-import");
    // A plain static import Python resolves: importlab should have had it.
    assert.equal(classifyOnlyTool(pythonEdge("a/x.py", "a/y.py", [{ file: "a/x.py", kind: "static" }, { file: "a/x.py", kind: "dynamic" }])), null);
  });
  it("claims an importlab-only edge by Python's verdict and the dots", () => {
    assert.equal(classifyOnlyImportlab({ from: "a/x.py", detail: ["import y"] }, true), "layermap-misses");
    assert.equal(classifyOnlyImportlab({ from: "a/x.py", detail: ["import ..y[.] as y"] }, false), "relative-beyond-top");
    assert.equal(classifyOnlyImportlab({ from: "a/b/x.py", detail: ["import ..y[.] as y"] }, false), null);
    assert.equal(classifyOnlyImportlab({ from: "a/x.py", detail: ["import y"] }, false), null);
  });
  it("sets a builtin/external label apart, by Python version or not", () => {
    const view = (kind) => ({ edges: new Map([[pythonEdgeKey("a.py", kind, "dummy_threading"), { from: "a.py", to: "dummy_threading", kind }]]) });
    assert.deepEqual(kindDifferences(view("builtin"), view("external")), [{ key: "a.py\u0000module:dummy_threading", from: "a.py", name: "dummy_threading", a: "builtin", b: "external" }]);
    assert.deepEqual(kindDifferences(view("builtin"), view("builtin")), []);
    assert.equal(classifyKindDifference("dummy_threading"), "stdlib-removed");
    assert.equal(classifyKindDifference("cgi"), "stdlib-removed");
    assert.equal(classifyKindDifference("__main__"), "main-module");
    assert.equal(classifyKindDifference("tomllib"), "stdlib-list");
  });
  it("keys local targets by path and others by name, whatever their label", () => {
    assert.equal(pythonEdgeKey("a.py", "local", "b.py"), "a.py\u0000b.py");
    assert.equal(pythonEdgeKey("a.py", "builtin", "os"), "a.py\u0000module:os");
    assert.equal(pythonEdgeKey("a.py", "external", "os"), "a.py\u0000module:os");
  });
});
