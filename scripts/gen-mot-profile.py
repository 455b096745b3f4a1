#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates data/mot-profile.json, the facts behind the `mot` profile.

The Model Openness Tool (github.com/lfai/model_openness_tool) judges a
license by exact string comparison against the license entities it imports
from web/modules/mof/licenses.json and then mof-licenses.json (LicenseImporter:
an entry of the second file replaces every field of the first, its
ContentType included), and counts it open when the entity is FSF libre or
OSI approved, or the id is in LicenseHandler's OPEN_DATA_LICENSES or
OPEN_LICENSES. This script reads those files of a MOT checkout and writes
the resulting facts (ids, flags, labels): no code or text of the MOT.

Usage: scripts/gen-mot-profile.py MOT_CHECKOUT [--output PATH]
"""

import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = "web/modules/mof"
TYPES = ("code", "data", "document")
# The same license under another id: SPDX's id -> the MOT's (curated; the
# Open Data Commons PDDL 1.0 is SPDX's PDDL-1.0, the MOT lists ODC-PDDL-1.0).
SPELLINGS = {"PDDL-1.0": "ODC-PDDL-1.0"}


def fail(message):
    sys.exit("gen-mot-profile: " + message)


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as e:
        fail(str(e))


def php_constant(php, name):
    """The string items of `const NAME = [...]` in a PHP class."""
    m = re.search(r"const\s+" + name + r"\s*=\s*\[(.*?)\];", php, re.S)
    if not m:
        fail(f"LicenseHandler.php has no constant {name}")
    return re.findall(r"'([^']*)'", m.group(1))


def build(mot):
    module = os.path.join(mot, MODULE)
    entities = {}
    versions = []
    for name in ("licenses.json", "mof-licenses.json"):
        data = json.loads(read(os.path.join(module, name)))
        versions.append(f"{name} (list {data.get('licenseListVersion', '?')})")
        for entry in data["licenses"]:
            types = entry.get("ContentType") or []
            if isinstance(types, str):
                types = [types]
            entities[entry["licenseId"]] = {
                "osi": bool(entry.get("isOsiApproved")),
                "fsf": bool(entry.get("isFsfLibre")),
                "types": [t for t in types if t],
            }
    handler = read(os.path.join(module, "src", "LicenseHandler.php"))
    listed = set(php_constant(handler, "OPEN_DATA_LICENSES")) | set(
        php_constant(handler, "OPEN_LICENSES"))
    open_ids = sorted((i for i, e in entities.items() if e["osi"] or e["fsf"] or i in listed),
                      key=str.lower)
    open_ids += sorted(listed - set(open_ids), key=str.lower)  # listed but never imported

    suits = {t: sorted((i for i, e in entities.items() if t in e["types"]), key=str.lower)
             for t in TYPES}

    evaluator = read(os.path.join(module, "src", "ModelEvaluator.php"))
    labels = {m.group(1): m.group(2) for m in
              re.finditer(r"case\s+(\d+):\s*return\s+\$this->t\('([^']*)'\)", evaluator)}
    if sorted(labels) != ["0", "1", "2", "3"]:
        fail(f"unexpected class labels in ModelEvaluator.php: {labels}")

    settings = read(os.path.join(module, "config", "install", "mof.settings.yml"))
    first = re.search(r"components:\s*\n\s*-\s*\n\s*id:\s*\d+\s*\n\s*name:\s*(.+)", settings)
    if not first:
        fail("mof.settings.yml: cannot find the first component")

    commit = ""
    try:
        commit = subprocess.run(["git", "-C", mot, "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return {
        "format": 1,
        "source": "Model Openness Tool (github.com/lfai/model_openness_tool"
                  + (f" at {commit}" if commit else "") + "): " + MODULE + "/"
                  + " then ".join(versions)
                  + " as LicenseImporter loads them; LicenseHandler.php (open: FSF libre or OSI"
                  " approved or OPEN_DATA_LICENSES or OPEN_LICENSES, compared exactly;"
                  " isTypeAppropriate: the entity's ContentType); ModelEvaluator.php"
                  " (getClassLabel; resolveLicense reads '' and '0' as no license);"
                  " ModelUpdater.php ('unlicensed' stored as no license);"
                  " ComponentManager.php (getComponentByName: a name it does not know gives the"
                  " first component of config/install/mof.settings.yml); spellings: the same"
                  " license under SPDX's id and the MOT's (curated)",
        "labels": labels,
        # ModelUpdater stores 'unlicensed' as '', and ModelEvaluator::resolveLicense
        # reads it with PHP's ?: operator, which takes '0' for empty too.
        "unlicensed": ["", "0", "unlicensed"],
        "spellings": {k: v for k, v in SPELLINGS.items() if v in open_ids},
        "unknown_component_filed_under": first.group(1).strip().strip("'\""),
        "open": open_ids,
        "suits": suits,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mot", help="a checkout of lfai/model_openness_tool")
    parser.add_argument("--output", default=os.path.join(ROOT, "data", "mot-profile.json"))
    args = parser.parse_args()
    data = build(args.mot)
    lines = ["{"]
    for key in ("format", "source", "labels", "unlicensed", "unknown_component_filed_under",
                "spellings"):
        lines.append(f"{json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    lines.append('"open": [')
    lines.append(",\n".join(json.dumps(i) for i in data["open"]))
    lines.append("],")
    lines.append(f'"suits": {json.dumps(data["suits"])}')
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{args.output}: {len(data['open'])} open ids, labels {data['labels']}")


if __name__ == "__main__":
    main()
