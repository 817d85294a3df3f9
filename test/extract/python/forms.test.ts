/**
 * The Python extractor (src/extract/python/) on every form of the contract
 * (docs/ARCHITECTURE.md, extract): each import statement, each call that imports, and each
 * context that changes a site's kind or flags, alone and nested.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Extraction } from "../../../src/extract/types.js";
import { describeSites, python, pythonExtractor } from "./python-helpers.js";

let extract: (path: string, text: string) => Extraction;
beforeAll(async () => {
  extract = await pythonExtractor();
});
const sitesOf = (text: string, path = "m.py"): string[] => describeSites(extract(path, text));

describe("import statements", () => {
  it("gives a site per module of `import`, the module as written without its alias", () => {
    expect(sitesOf(python("import a.b.c", "import a.b as c", "import a, b.c as d", "import  os . path"))).toEqual([
      "1 static a.b.c",
      "2 static a.b",
      "3 static a",
      "3 static b.c",
      "4 static os.path",
    ]);
  });

  it("gives a site per imported name of `from`, the name as imported (not its alias)", () => {
    expect(sitesOf(python("from a.b import c, d as e", "from x import (", "    y,", "    z as w,", ")", "from m import *"))).toEqual([
      "1 static a.b [c]",
      "1 static a.b [d]",
      "2 static x [y]",
      "2 static x [z]",
      "6 static m [*]",
    ]);
  });

  it("keeps a relative import's dots, however they are spaced", () => {
    expect(sitesOf(python("from . import x", "from ..pkg import y", "from .a.b import c", "from . . import z", "from ...import w"))).toEqual([
      "1 static . [x]",
      "2 static ..pkg [y]",
      "3 static .a.b [c]",
      "4 static .. [z]",
      "5 static ... [w]",
    ]);
  });

  it("reads `from __future__ import` as the module __future__", () => {
    expect(sitesOf(python("from __future__ import annotations, division"))).toEqual(["1 static __future__ [annotations]", "1 static __future__ [division]"]);
  });

  it("gives the line of the statement, also after line continuations, `;` and CRLF or CR line ends", () => {
    expect(sitesOf("x = 1 \\\n  + 2\r\nimport a; import b\rfrom c import \\\n  d\n")).toEqual(["3 static a", "3 static b", "4 static c [d]"]);
  });

  it("gives no export table", () => {
    expect(extract("m.py", python("import a", "__all__ = ['x']")).exports).toBeUndefined();
  });
});

describe("imports by call", () => {
  it("reads a literal importlib.import_module, import_module imported from importlib, and __import__ as dynamic", () => {
    const source = python(
      "import importlib",
      "from importlib import import_module",
      "import importlib as il",
      "from importlib import import_module as load",
      "importlib.import_module('a.b')",
      "import_module(\"c\")",
      "il.import_module('d')",
      "load('e')",
      "__import__('f.g')",
      "x = __import__('h', globals(), locals(), ['y'], 1)",
      "builtins.__import__(name='i')",
    );
    expect(sitesOf(source).filter((site) => site.includes("dynamic"))).toEqual([
      "5 dynamic a.b",
      "6 dynamic c",
      "7 dynamic d",
      "8 dynamic e",
      "9 dynamic f.g",
      "10 dynamic .h",
      "11 dynamic i",
    ]);
  });

  it("keeps a relative name against __package__ or __name__, and joins it to a literal package", () => {
    const source = python("from importlib import import_module", "import_module('.x', __package__)", "import_module('..y', package=__name__)", "import_module('..z', 'a.b.c')");
    expect(sitesOf(source).slice(1)).toEqual(["2 dynamic .x", "3 dynamic ..y", "4 dynamic a.b.z"]);
  });

  it("joins implicitly concatenated literals and reads an f-string without fields", () => {
    expect(sitesOf(python("__import__('a' '.b')", "__import__(f'c')"))).toEqual(["1 dynamic a.b", "2 dynamic c"]);
  });

  it("reports a computed name as non-literal-import with its line, and makes no site of it", () => {
    const extraction = extract(
      "m.py",
      python("import importlib", "importlib.import_module(name)", "__import__('%s.x' % base)", "__import__(f'{a}.b')", "importlib.import_module('.x', pkg)", "importlib.import_module('.x')", "__import__(b'x')"),
    );
    expect(describeSites(extraction)).toEqual(["1 static importlib"]);
    expect(extraction.problems.map((problem) => `${problem.line} ${problem.code}`)).toEqual([
      "2 non-literal-import",
      "3 non-literal-import",
      "4 non-literal-import",
      "5 non-literal-import",
      "6 non-literal-import",
      "7 non-literal-import",
    ]);
    expect(extraction.problems[0]!.message).toBe("import_module() with a computed argument `name` cannot be followed statically");
  });

  it("takes a function named import_module only when it is importlib's", () => {
    expect(sitesOf(python("from mylib import import_module", "import_module('x')", "other.import_module('y')"))).toEqual(["1 static mylib [import_module]"]);
  });

  it("keeps a dynamic call dynamic inside a function", () => {
    expect(sitesOf(python("def f():", "    return __import__('a')"))).toEqual(["2 dynamic a"]);
  });
});

describe("where an import stands", () => {
  it("defers imports in function bodies: def, async def, methods, nested defs; not in class bodies", () => {
    const source = python(
      "def f():",
      "    import a",
      "async def g():",
      "    import b",
      "class C:",
      "    import c",
      "    def m(self):",
      "        import d",
      "        def inner():",
      "            import e",
      "        class Local:",
      "            import f",
      "@decorator",
      "def h(): import g",
    );
    expect(sitesOf(source)).toEqual([
      "2 deferred a",
      "4 deferred b",
      "6 static c",
      "8 deferred d",
      "10 deferred e",
      "12 deferred f",
      "14 deferred g",
    ]);
  });

  it("runs a lambda's default at definition: a call there is dynamic, and optional inside try", () => {
    const source = python("try:", "    f = lambda x=__import__('a'): __import__('b')", "except ImportError:", "    pass");
    expect(sitesOf(source)).toEqual(["2 dynamic a optional", "2 dynamic b"]);
  });

  it("makes imports under `if TYPE_CHECKING:` type-only, not those of its else", () => {
    const source = python(
      "from typing import TYPE_CHECKING",
      "import typing as t",
      "if TYPE_CHECKING:",
      "    import a",
      "else:",
      "    import b",
      "if typing.TYPE_CHECKING:",
      "    import c",
      "elif t.TYPE_CHECKING:",
      "    import d",
      "if not TYPE_CHECKING:",
      "    import e",
      "else:",
      "    import f",
      "if TYPE_CHECKING_X:",
      "    import g",
    );
    expect(sitesOf(source).slice(2)).toEqual(["4 static a type", "6 static b", "8 static c type", "10 static d type", "12 static e", "14 static f type", "16 static g"]);
  });

  it("makes imports in a try body optional when a handler catches a failed import, never those of the handlers", () => {
    const source = python(
      "try:",
      "    import a",
      "except ImportError:",
      "    import b",
      "try:",
      "    import c",
      "except (ValueError, ModuleNotFoundError) as error:",
      "    pass",
      "try:",
      "    import d",
      "except:",
      "    pass",
      "try:",
      "    import e",
      "except Exception:",
      "    pass",
      "try:",
      "    import f",
      "except KeyError:",
      "    pass",
      "else:",
      "    import g",
      "finally:",
      "    import h",
      "try:",
      "    import i",
      "except builtins.ImportError:",
      "    pass",
      "try:",
      "    import j",
      "except ImportError as error:",
      "    pass",
      "try:",
      "    import k",
      "except ValueError, ImportError:",
      "    pass",
    );
    expect(sitesOf(source)).toEqual([
      "2 static a optional",
      "4 static b",
      "6 static c optional",
      "10 static d optional",
      "14 static e optional",
      "18 static f",
      "22 static g",
      "24 static h",
      "26 static i optional",
      "30 static j optional",
      "34 static k",
    ]);
  });

  it("combines nested contexts: deferred optional, TYPE_CHECKING inside try, a class body inside try", () => {
    const source = python(
      "def f():",
      "    try:",
      "        import a",
      "    except ImportError:",
      "        pass",
      "try:",
      "    if TYPE_CHECKING:",
      "        import b",
      "    class C:",
      "        import c",
      "except ImportError:",
      "    pass",
      "if TYPE_CHECKING:",
      "    def g():",
      "        import d",
    );
    expect(sitesOf(source)).toEqual(["3 deferred a optional", "8 static b type optional", "10 static c optional", "15 deferred d type"]);
  });

  it("does not carry a try around a def into the function's body (the import runs when it is called)", () => {
    const source = python("try:", "    def f():", "        import a", "except ImportError:", "    pass");
    expect(sitesOf(source)).toEqual(["3 deferred a"]);
  });

  it("makes every site of a .pyi stub type-only", () => {
    expect(sitesOf(python("import a", "from b import c", "def f():", "    import d"), "m.pyi")).toEqual(["1 static a type", "2 static b [c] type", "4 deferred d type"]);
  });
});
