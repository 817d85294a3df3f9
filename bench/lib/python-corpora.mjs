/**
 * The Python corpora of #18 and the reference tool they are compared with, as Debian packages:
 * PyPI is not reachable from the development machines, Debian's archive is (`apt-get download`).
 * Each package is pinned to the exact version and the sha256 of the .deb it was measured with;
 * fetch-python.mjs refuses a .deb whose digest differs.
 *
 * A corpus entry:
 *   name     the corpus's name: its folder is .cache/python/<name>/ (the mapped root), holding
 *            the package folder <pkg>/ as it is installed (.cache/python/werkzeug/werkzeug/…)
 *   deb      the Debian package and its exact version (the epoch included, as apt spells it)
 *   sha256   of the .deb
 *   pkg      the import package inside dist-packages
 * A tool entry (importlab and the networkx it needs) has the same fields; its `pkg` folder goes
 * into .cache/python/tools/, with the importlab command-line script in tools/bin/.
 *
 * Debian's security archive keeps only the newest update of a package: when werkzeug or django
 * get another (deb12u8, …), `apt-get download` of the pinned version fails and the pins must be
 * moved (and the figures in bench/README.md measured again).
 */
import path from "node:path";
import { benchDir } from "../corpora.mjs";

/** Where fetch-python.mjs keeps everything: .deb files, corpora, tools. */
export const pythonCacheDir = path.join(benchDir, ".cache", "python");
/** The downloaded .deb files. */
export const debDir = path.join(pythonCacheDir, "debs");
/** importlab and networkx: the PYTHONPATH of the reference scripts. */
export const pythonToolsDir = path.join(pythonCacheDir, "tools");

export const pythonCorpora = [
  {
    name: "werkzeug",
    deb: { package: "python3-werkzeug", version: "2.2.2-3+deb12u1" },
    sha256: "283e2d849e93531581948b0c49ebdd3831c0a5fc22edb7bc08efd3c38ae055b8",
    pkg: "werkzeug",
  },
  {
    name: "flask",
    deb: { package: "python3-flask", version: "2.2.2-3" },
    sha256: "2c8c9a408c2373d8b42f0d3434f17fc1a710bc81e52273b96597b25c57b399d7",
    pkg: "flask",
  },
  {
    name: "requests",
    deb: { package: "python3-requests", version: "2.28.1+dfsg-1" },
    sha256: "c75b5c05d8d4a813bd83c3d432ffe65a2ca13e771bc91d4b9787690097598603",
    pkg: "requests",
  },
  {
    name: "django",
    deb: { package: "python3-django", version: "3:3.2.25-0+deb12u7" },
    sha256: "9ad8ed29d9026207970777e194f658c39b3a7a96a932967f043503fc25bdc319",
    pkg: "django",
  },
];

export const pythonTools = [
  {
    name: "importlab",
    deb: { package: "python3-importlab", version: "0.7-3" },
    sha256: "bdba7f51af97d34d8711fef61358b78a2b3175a4cf578938f015c7b6645b090c",
    pkg: "importlab",
    bin: "importlab",
  },
  {
    name: "networkx",
    deb: { package: "python3-networkx", version: "2.8.8-1" },
    sha256: "69888603d1b54696f5c3d02d05527628d2d18661d845109a62fe24aff241aa7b",
    pkg: "networkx",
  },
];

/** The mapped root of a corpus (it holds the package folder). */
export function pythonRoot(corpus) {
  return path.join(pythonCacheDir, corpus.name);
}

/** Look a corpus up by name; throws with the known names when there is none. */
export function findPythonCorpus(name) {
  const corpus = pythonCorpora.find((c) => c.name === name);
  if (!corpus) throw new Error(`unknown Python corpus "${name}" (known: ${pythonCorpora.map((c) => c.name).join(", ")})`);
  return corpus;
}

/** The Python interpreter the reference scripts run with: $PYTHON, else python3 on the PATH. */
export const pythonCommand = process.env.PYTHON || "python3";
