/**
 * Python's resolution, site by site, on trees written for each case: packages before modules,
 * stubs only where no module is, `from a import b` as the submodule or the attribute, relative
 * imports up to the top package and no further, namespace packages, the standard library and
 * installed packages by their top-level names, and the source roots a project's settings name.
 */
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportSite } from "../../src/extract/types.js";
import { createPythonResolver } from "../../src/resolve/python/python-resolver.js";
import { sourceRootsByProject } from "../../src/resolve/python/source-roots.js";
import { tempTree } from "../helpers/temp-tree.js";

const site = (specifier: string, names?: string[]): ImportSite => ({ specifier, kind: "static", typeOnly: false, line: 1, ...(names === undefined ? {} : { names }) });

/** `file` asks for `specifier` (and `names`): "<kind> <id>", plus " as <specifier>" when the record names another module, or the reason. */
function resolver(root: string, configured: string[] = []): (file: string, specifier: string, names?: string[]) => string {
  const python = createPythonResolver(root, sourceRootsByProject(root, [], configured).rootsOf);
  return (file, specifier, names) => {
    const target = python.resolve(file, site(specifier, names));
    return `${target.kind} ${target.id}${target.specifier === undefined ? "" : ` as ${target.specifier}`}${target.reason === undefined ? "" : ` (${target.reason})`}`;
  };
}

const flat = {
  "pkg/__init__.py": "",
  "pkg/core.py": "",
  "pkg/sub/__init__.py": "",
  "pkg/sub/leaf.py": "",
  "pkg/both.py": "",
  "pkg/both/__init__.py": "",
  "pkg/typed.py": "",
  "pkg/typed.pyi": "",
  "pkg/_ext.pyi": "",
  "ns/part.py": "",
  "top.py": "",
  "json.py": "",
  "docs/conf.py": "",
};

describe("Python resolution", () => {
  it("finds modules and packages by their dotted names, the package before a module of the same name", () => {
    const resolve = resolver(tempTree(flat));
    expect(resolve("top.py", "pkg")).toBe("local pkg/__init__.py");
    expect(resolve("top.py", "pkg.core")).toBe("local pkg/core.py");
    expect(resolve("top.py", "pkg.sub.leaf")).toBe("local pkg/sub/leaf.py");
    // CPython's FileFinder tries the folder's __init__ before the module file.
    expect(resolve("top.py", "pkg.both")).toBe("local pkg/both/__init__.py");
    // The stub types the module; the module is what runs. A stub alone is the module.
    expect(resolve("top.py", "pkg.typed")).toBe("local pkg/typed.py");
    expect(resolve("top.py", "pkg._ext")).toBe("local pkg/_ext.pyi");
    expect(resolve("top.py", "ns.part")).toBe("local ns/part.py");
  });

  it("takes `from a import b` as the submodule a.b when it is a file, else the name b of a", () => {
    const resolve = resolver(tempTree(flat));
    expect(resolve("top.py", "pkg", ["core"])).toBe("local pkg/core.py as pkg.core");
    expect(resolve("top.py", "pkg", ["helper"])).toBe("local pkg/__init__.py");
    expect(resolve("top.py", "pkg", ["*"])).toBe("local pkg/__init__.py");
    expect(resolve("top.py", "pkg.sub", ["leaf"])).toBe("local pkg/sub/leaf.py as pkg.sub.leaf");
    expect(resolve("top.py", "os", ["path"])).toBe("builtin os");
    expect(resolve("top.py", "flask", ["Flask"])).toBe("external flask");
  });

  it("counts relative imports from the file's package, a package's __init__ being in it", () => {
    const resolve = resolver(tempTree(flat));
    expect(resolve("pkg/sub/leaf.py", ".", ["leaf"])).toBe("local pkg/sub/leaf.py as .leaf");
    expect(resolve("pkg/sub/leaf.py", "..", ["core"])).toBe("local pkg/core.py as ..core");
    expect(resolve("pkg/sub/leaf.py", "..core")).toBe("local pkg/core.py");
    expect(resolve("pkg/sub/__init__.py", ".leaf")).toBe("local pkg/sub/leaf.py");
    expect(resolve("pkg/sub/__init__.py", ".")).toBe("local pkg/sub/__init__.py");
    expect(resolve("pkg/__init__.py", ".", ["core"])).toBe("local pkg/core.py as .core");
    expect(resolve("pkg/core.py", ".", ["missing"])).toBe("local pkg/__init__.py");
    expect(resolve("pkg/core.py", ".gone")).toBe("unresolved pkg.gone (no module pkg.gone)");
  });

  it("says where a relative import goes beyond the top package, or has no package", () => {
    const resolve = resolver(tempTree(flat));
    expect(resolve("pkg/sub/leaf.py", "...", ["x"])).toBe("unresolved ... (relative import beyond the top-level package)");
    expect(resolve("pkg/core.py", "..", ["x"])).toBe("unresolved .. (relative import beyond the top-level package)");
    expect(resolve("top.py", ".", ["pkg"])).toBe("unresolved . (relative import in a module that is in no package)");
  });

  it("gives the standard library and installed packages by top-level name; a local module shadows the library, as on sys.path", () => {
    const resolve = resolver(tempTree(flat));
    expect(resolve("top.py", "os.path")).toBe("builtin os");
    expect(resolve("top.py", "xml.etree.ElementTree")).toBe("builtin xml");
    // Removed from CPython (3.12, 3.13) but still the standard library's in code written for older versions.
    expect(resolve("top.py", "distutils.core")).toBe("builtin distutils");
    expect(resolve("top.py", "__main__")).toBe("builtin __main__");
    expect(resolve("top.py", "requests.adapters")).toBe("external requests");
    expect(resolve("top.py", "json")).toBe("local json.py");
    expect(resolve("top.py", "pkg.nothing")).toMatch(/^unresolved pkg\.nothing \(no module pkg\.nothing: /);
    expect(resolve("top.py", "docs")).toBe("unresolved docs (a namespace package (a folder without __init__.py): no file to map)");
  });

  it("starts absolute imports in src/, in the folders pyproject.toml or setup.cfg name, and in the config's roots", () => {
    const srcLayout = tempTree({ "src/lib/__init__.py": "", "src/lib/a.py": "", "tests/test_a.py": "" });
    expect(resolver(srcLayout)("tests/test_a.py", "lib.a")).toBe("local src/lib/a.py");

    const pyproject = tempTree({ "pyproject.toml": '[tool.setuptools.packages.find]\nwhere = ["code"]\n', "code/lib/__init__.py": "", "src/other.py": "" });
    expect(sourceRootsByProject(pyproject, []).rootsOf("x.py").map((root) => root.slice(pyproject.length))).toEqual(["/code", ""]);
    expect(resolver(pyproject)("x.py", "lib")).toBe("local code/lib/__init__.py");

    const poetry = tempTree({ "pyproject.toml": '[tool.poetry]\npackages = [{ include = "app", from = "source" }]\n', "source/app/__init__.py": "" });
    expect(resolver(poetry)("x.py", "app")).toBe("local source/app/__init__.py");

    const setupCfg = tempTree({ "setup.cfg": "[metadata]\nname = tool\n\n[options]\npackage_dir =\n    =code\npackages = find:\n", "code/tool/__init__.py": "", "code/tool/cli.py": "" });
    expect(resolver(setupCfg)("x.py", "tool.cli")).toBe("local code/tool/cli.py");

    const configured = tempTree({ "services/api/app/__init__.py": "", "services/api/app/views.py": "" });
    expect(resolver(configured)("services/api/app/views.py", "app")).toBe("external app");
    expect(resolver(configured, ["services/api"])("services/api/app/views.py", "app")).toBe("local services/api/app/__init__.py");
  });

  it("reports a broken pyproject.toml and a configured root that is not there, and goes on", () => {
    const root = tempTree({ "pyproject.toml": "[tool.setuptools\nwhere = ", "pkg/__init__.py": "" });
    const found = sourceRootsByProject(root, [], ["nowhere"], "layermap.config.json");
    expect(found.problems.map((problem) => `${problem.file}: ${problem.message.split(":")[0]!}`)).toEqual([
      "pyproject.toml: cannot read the package folders",
      "layermap.config.json: python.roots",
    ]);
    expect(found.rootsOf("x.py")).toEqual([root]);
    expect(resolver(root)("x.py", "pkg")).toBe("local pkg/__init__.py");
  });

  it("maps a package folder itself: its parent is where `werkzeug.serving` starts", () => {
    const top = tempTree({ "werkzeug/__init__.py": "", "werkzeug/serving.py": "", "werkzeug/sansio/http.py": "", "other/__init__.py": "" });
    const resolve = resolver(join(top, "werkzeug"));
    expect(resolve("sansio/http.py", "werkzeug.serving")).toBe("local serving.py");
    expect(resolve("sansio/http.py", "..", ["serving"])).toBe("local serving.py as ..serving");
    expect(resolve("serving.py", "other")).toBe("unresolved ../other/__init__.py (it is outside the root (map a folder that holds both to follow it))");
  });

  it("looks up only module names: a string given to import_module() that is not one is unresolved, and nothing crashes", () => {
    const resolve = resolver(tempTree(flat));
    for (const specifier of ["../../etc/passwd", "pkg/core", "pkg\0core", "pkg..core", "pkg.", "1pkg", "", "pkg.core\n"]) {
      expect(resolve("top.py", specifier)).toBe(`unresolved ${specifier} (not a Python module name)`);
    }
    expect(resolve("top.py", "pkg", ["a\0b"])).toBe("local pkg/__init__.py");
    expect(resolve("top.py", "café.naïve")).toBe("external café");
    // A file where the dotted name needs a folder: stat says ENOTDIR, and the name is simply not there.
    const withData = resolver(tempTree({ ...flat, "pkg/data": "not a folder" }));
    expect(withData("top.py", "pkg.data.x")).toMatch(/^unresolved pkg\.data\.x \(no module pkg\.data\.x/);
  });

  it("starts a nested project's imports in its own folders first: an example app, a package of a monorepo", () => {
    const root = tempTree({
      "src/lib/__init__.py": "",
      "examples/app/pyproject.toml": "[project]\nname = \"app\"\n",
      "examples/app/src/app/__init__.py": "",
      "examples/app/src/app/views.py": "",
      "examples/app/run.py": "",
      "examples/bad/setup.cfg": "[options]\npackage_dir =\n    =nowhere\n",
      "examples/bad/bad.py": "",
      "examples/plain/script.py": "",
    });
    const files = ["src/lib/__init__.py", "examples/app/src/app/views.py", "examples/app/run.py", "examples/bad/bad.py", "examples/plain/script.py"];
    const projects = sourceRootsByProject(root, files);
    const python = createPythonResolver(root, projects.rootsOf);
    const resolve = (file: string, specifier: string): string => {
      const target = python.resolve(file, site(specifier));
      return `${target.kind} ${target.id}`;
    };
    expect(resolve("examples/app/run.py", "app.views")).toBe("local examples/app/src/app/views.py");
    expect(resolve("examples/app/src/app/views.py", "lib")).toBe("local src/lib/__init__.py");
    expect(resolve("examples/plain/script.py", "app")).toBe("external app");
    expect(resolve("src/lib/__init__.py", "app")).toBe("external app");
    expect(projects.rootsOf("examples/app/run.py")).toBe(projects.rootsOf("examples/app/src/app/views.py"));
    expect(projects.problems).toEqual([]);
  });

  it("follows a symbolic link to the file it names: inside the root, by its own path; outside, unresolved", () => {
    const top = tempTree({ "app/real/__init__.py": "", "app/real/mod.py": "", "shared/lib/__init__.py": "" });
    symlinkSync(join(top, "app", "real"), join(top, "app", "alias"));
    symlinkSync(join(top, "shared", "lib"), join(top, "app", "lib"));
    mkdirSync(join(top, "app", "empty"));
    const resolve = resolver(join(top, "app"));
    expect(resolve("x.py", "alias.mod")).toBe("local real/mod.py");
    expect(resolve("x.py", "lib")).toBe("unresolved ../shared/lib/__init__.py (it is outside the root (map a folder that holds both to follow it))");
  });
});
