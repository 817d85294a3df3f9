/**
 * Why an edge of a Python corpus is found by layermap or by importlab only (compare-python.mjs,
 * #18). The judge is the third view, ast-edges.py: CPython's own parser and PathFinder, sites
 * as #18's contract defines them. Each class says whose the difference is:
 *
 *   beyond importlab  importlab cannot see the import at all (a file or a form it does not read):
 *                     Python's rules have the edge, layermap is right
 *   importlab         importlab reads the import and resolves it where Python's rules do not
 *   layermap          Python's rules side with importlab: layermap's answer is wrong, a bug
 *
 * A difference no rule claims is "unexplained" and listed as such. The rules read only the
 * views (lib/python-edges.mjs), so they are pure and tested in test/python-difference-classes.
 */

export const PYTHON_DIFFERENCE_CLASSES = [
  {
    id: "pyi-stub",
    fault: "beyond importlab",
    text:
      "an import only a .pyi stub makes (werkzeug/datastructures.pyi): #18 maps a stub's imports, type-only, onto " +
      "the module it types; importlab reads .py files only (its expand_source_files) and resolves to them",
  },
  {
    id: "dynamic-import",
    fault: "beyond importlab",
    text:
      "importlib.import_module(\"x\") or __import__(\"x\") with a literal name: importlab reads import statements " +
      "only (its ImportFinder visits Import and ImportFrom nodes)",
  },
  {
    id: "self-import",
    fault: "beyond importlab",
    text:
      "`from . import x` in a package's __init__.py where x is no submodule: the import lands on the importing " +
      "file itself, which importlab drops (\"we cannot import a file from itself\") and then counts unresolved",
  },
  {
    id: "relative-beyond-top",
    fault: "importlab",
    text:
      "a relative import with more dots than the importing module has packages: Python raises ImportError " +
      "(beyond the top-level package), importlab joins the dots to the file's folder as a path and takes what is there",
  },
  {
    id: "layermap-not-python",
    fault: "layermap",
    text: "layermap maps an edge that neither Python's rules (ast + PathFinder) nor importlab find",
  },
  {
    id: "layermap-misses",
    fault: "layermap",
    text: "Python's rules and importlab find an edge layermap does not",
  },
];

const BY_ID = new Map(PYTHON_DIFFERENCE_CLASSES.map((c) => [c.id, c]));

/**
 * Put every difference between a tool's view (`a`: layermap, or the ast view itself when
 * layermap is not there) and importlab's (`b`) in its class, with Python's rules (`python`, the
 * ast view) as the judge.
 *
 * @param {{ onlyA: string[], onlyB: string[] }} cmp compareViews(a, importlab)
 * @returns {{ classOf: Map<string, string>, counts: Map<string, number>, byFault: Record<string, number> }}
 */
export function classifyPythonDifferences(cmp, importlab, python) {
  const classOf = new Map();
  for (const key of cmp.onlyA) classOf.set(key, classifyOnlyTool(python.edges.get(key)) ?? "unexplained");
  for (const key of cmp.onlyB) classOf.set(key, classifyOnlyImportlab(importlab.edges.get(key), python.edges.has(key)) ?? "unexplained");
  const counts = new Map();
  for (const id of [...PYTHON_DIFFERENCE_CLASSES.map((c) => c.id), "unexplained"]) {
    const n = [...classOf.values()].filter((c) => c === id).length;
    if (n > 0) counts.set(id, n);
  }
  const byFault = { "beyond importlab": 0, importlab: 0, layermap: 0, unexplained: 0 };
  for (const id of classOf.values()) byFault[BY_ID.get(id)?.fault ?? "unexplained"]++;
  return { classOf, counts, byFault };
}

/**
 * Names the standard library had in some Python since 3.8 but not in 3.11 (the references'
 * interpreter) or both: removed before it (dummy_threading, formatter, parser, symbol, macpath,
 * binhex, …) or after it (3.12: PEP 632's distutils, imp, asynchat, asyncore, smtpd; 3.13: PEP
 * 594's dead batteries, lib2to3).
 */
const STDLIB_IN_ANOTHER_VERSION = new Set(
  ("_bootsubprocess _dummy_thread dummy_threading formatter parser symbol macpath binhex " +
    "distutils imp asynchat asyncore smtpd aifc audioop cgi cgitb chunk crypt _crypt imghdr mailcap msilib _msi nis nntplib " +
    "ossaudiodev pipes sndhdr spwd sunau telnetlib uu xdrlib lib2to3").split(" "),
);

/**
 * Why a module one side calls builtin and the other external is labelled so: "main-module" for
 * __main__ (the interpreter's); "stdlib-removed" when some Python since 3.8 had it in its
 * standard library and 3.11 not, or the reverse (a question of Python version, neither side
 * wrong); else "stdlib-list" (layermap's list is off).
 */
export function classifyKindDifference(name) {
  if (name === "__main__") return "main-module";
  return STDLIB_IN_ANOTHER_VERSION.has(name) ? "stdlib-removed" : "stdlib-list";
}

export const KIND_DIFFERENCE_CLASSES = [
  {
    id: "stdlib-removed",
    fault: "Python version",
    text:
      "the standard library of another Python than the references' 3.11 (Debian bookworm's) had it: layermap's list is " +
      "current CPython's plus the modules removed since 3.8 (an import of dummy_threading, gone in 3.9, still names the " +
      "standard library's), sys.stdlib_module_names of 3.11 is the references'",
  },
  {
    id: "main-module",
    fault: "neither",
    text:
      "`import __main__`: the running program's own module, which the interpreter makes: neither a file of the " +
      "standard library (not in sys.stdlib_module_names) nor a package; layermap calls it builtin, the references " +
      "external (importlab finds it in sys.modules: its own script)",
  },
  {
    id: "stdlib-list",
    fault: "layermap",
    text: "builtin to one side and external to the other, and no Python version since 3.8 explains it",
  },
];

/**
 * The class of an edge the tool found and importlab did not, given Python's edge (or undefined):
 * its sites all in a stub → pyi-stub; all the others dynamic → dynamic-import; Python has no
 * such edge → layermap-not-python; Python has it from plain import statements → null (importlab
 * should have found it: unexplained).
 */
export function classifyOnlyTool(pythonEdge) {
  if (pythonEdge === undefined) return "layermap-not-python";
  const sites = pythonEdge.detail;
  if (pythonEdge.from === pythonEdge.to) return "self-import";
  if (sites.length > 0 && sites.every((s) => s.file?.endsWith(".pyi"))) return "pyi-stub";
  const inPython = sites.filter((s) => !s.file?.endsWith(".pyi"));
  if (inPython.length > 0 && inPython.every((s) => s.kind === "dynamic")) return "dynamic-import";
  return null;
}

/**
 * The class of an edge importlab found and the tool did not, given importlab's edge (its detail:
 * the import statements as importlab prints them, `import ..x[.] as x`) and whether Python's
 * rules have it: Python has it → layermap-misses; every statement relative with more dots than
 * the importing file has packages → relative-beyond-top; else null.
 */
export function classifyOnlyImportlab(importlabEdge, inPython) {
  if (inPython) return "layermap-misses";
  if (importlabEdge === undefined) return null;
  const packages = importlabEdge.from.split("/").length - 1;
  const dots = (statement) => /^import (\.*)/.exec(statement)?.[1].length ?? 0;
  if (importlabEdge.detail.length > 0 && importlabEdge.detail.every((s) => dots(s) > packages)) return "relative-beyond-top";
  return null;
}

/** The class's record (fault, text) by id. */
export function pythonDifferenceClass(id) {
  return BY_ID.get(id);
}
