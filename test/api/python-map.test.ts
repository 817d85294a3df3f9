/**
 * A Python project mapped end to end, beside TypeScript in one document: the sites' forms and
 * flags, from-imports landing on submodules (one record for names of one module), the standard
 * library and packages by top-level name, a deferred import that closes no cycle, and the picture.
 */
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { map } from "../../src/api/map.js";
import { buildDiagram } from "../../src/report/diagram/build-diagram.js";
import { toDot } from "../../src/report/diagram/to-dot.js";
import { loadDiagramInput } from "../../src/api/render.js";
import type { MapDocument } from "../../src/model/document.js";
import { tempTree } from "../helpers/temp-tree.js";

const project = {
  "pyproject.toml": '[project]\nname = "shop"\n\n[tool.setuptools.packages.find]\nwhere = ["src"]\n',
  "src/shop/__init__.py": "from .app import create_app\n",
  "src/shop/app.py": [
    "import os.path",
    "from typing import TYPE_CHECKING",
    "from . import models, views",
    "from .models import Order, Item",
    "try:",
    "    import ujson as json",
    "except ImportError:",
    "    import json",
    "if TYPE_CHECKING:",
    "    from .forms import OrderForm",
    "",
    "def create_app():",
    "    from flask import Flask",
    "    return Flask(__name__)",
    "",
  ].join("\n"),
  "src/shop/models.py": "def save(order):\n    from .app import create_app\n    return create_app\n",
  "src/shop/views.py": "from shop.models import save\n",
  "src/shop/forms.py": "",
  "web/client.ts": 'export const api = "/api";\n',
  ".venv/pyvenv.cfg": "home = /usr/bin\n",
  ".venv/lib/python3.11/site-packages/flask/__init__.py": "",
};

type Edge = MapDocument["imports"][number];
const sitesOf = (document: MapDocument, from: string, to: string): Edge["sites"] => document.imports.find((edge) => edge.from === from && edge.to === to)?.sites ?? [];

describe("a Python project, mapped", () => {
  it("records each import with its form, flags and line; a from-import of submodules lands on each", async () => {
    const root = tempTree(project);
    const { document } = await map({ root, cache: false });
    expect(document.modules.filter((module) => module.kind === "local").map((module) => module.id)).toEqual([
      "src/shop/__init__.py",
      "src/shop/app.py",
      "src/shop/forms.py",
      "src/shop/models.py",
      "src/shop/views.py",
      "web/client.ts",
    ]);
    expect(document.modules.filter((module) => module.kind !== "local").map((module) => `${module.kind} ${module.id}`)).toEqual([
      "external flask",
      "builtin json",
      "builtin os",
      "builtin typing",
      "external ujson",
    ]);
    const app = "src/shop/app.py";
    // `from . import models, views` is two submodules; `from .models import Order, Item` one module, recorded once.
    expect(sitesOf(document, app, "src/shop/models.py")).toEqual([
      { line: 3, specifier: ".models", kind: "static" },
      { line: 4, specifier: ".models", kind: "static" },
    ]);
    expect(sitesOf(document, app, "src/shop/views.py")).toEqual([{ line: 3, specifier: ".views", kind: "static" }]);
    expect(sitesOf(document, app, "ujson")).toEqual([{ line: 6, specifier: "ujson", kind: "static", optional: true }]);
    expect(sitesOf(document, app, "json")).toEqual([{ line: 8, specifier: "json", kind: "static" }]);
    expect(sitesOf(document, app, "src/shop/forms.py")).toEqual([{ line: 10, specifier: ".forms", kind: "static", typeOnly: true }]);
    expect(sitesOf(document, app, "flask")).toEqual([{ line: 13, specifier: "flask", kind: "deferred" }]);
    expect(sitesOf(document, "src/shop/views.py", "src/shop/models.py")).toEqual([{ line: 1, specifier: "shop.models", kind: "static" }]);
    expect(document.diagnostics).toEqual([]);
  });

  it("counts no cycle that only a deferred import closes, and draws that import dotted", async () => {
    const root = tempTree(project);
    const report = await check({ root, cache: false });
    expect(report.violations.filter((violation) => violation.rule === "cycles")).toEqual([]);

    const dot = toDot(buildDiagram(await loadDiagramInput({ source: root, cache: false })));
    expect(dot).toMatch(/"import:src\/shop\/models\.py->src\/shop\/app\.py"[^\n]*style=dotted/);
    expect(dot).toContain("deferred (imported in a function)");
  });
});
