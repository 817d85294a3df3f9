"""What ast-edges.py and importlab-edges.py share: how their JSON document is written.

Imported by name: a script's own folder is the first entry of sys.path, so this module is found
beside them without the corpus, or anything installed, on the path.
"""

import json
import sys


def write_document(document, out):
    """The document as JSON (sorted keys, one file), to stdout for "-", else to the file `out`."""
    document = dict(document, python="%d.%d.%d" % sys.version_info[:3])
    text = json.dumps(document, indent=1, sort_keys=True) + "\n"
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
