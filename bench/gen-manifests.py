#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes synthetic model manifests for the mof-check benchmark.

The manifests have the shape and size of the Model Openness Tool's records
(about 1.4 kB each as one JSON line) and a realistic variety: open and
non-open licenses, SPDX expressions, misspelt ids, global and per-component
licenses, missing components, unknown component names, numbers written for
strings. The component names come from the framework definition
(data/mof-1.0.yaml), so the data follows the definition. The output is
deterministic for a given seed.

    gen-manifests.py ndjson COUNT > stream.jsonl     one compact manifest per line
    gen-manifests.py files COUNT DIR                 one pretty-printed file each, in subfolders
    gen-manifests.py one FILE                        one pretty-printed manifest
Options: --seed N (default 1), --yaml-share F (files: share written as YAML, default 0).
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFINITION = os.path.join(HERE, "..", "data", "mof-1.0.yaml")


def load_components(path):
    """(name, description, type) of each component, read from the definition."""
    comps = []
    in_components = False
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^components:\s*$", line):
                in_components = True
                continue
            if in_components and re.match(r"^\S", line) and not line.startswith("#"):
                break
            if not in_components:
                continue
            m = re.match(r"^  - id:\s*(.+?)\s*$", line)
            if m:
                current = {"id": m.group(1)}
                comps.append(current)
                continue
            m = re.match(r"^    (name|description|type):\s*(.+?)\s*$", line)
            if m and current is not None:
                current[m.group(1)] = m.group(2).strip("'\"")
    return [(c["name"], c.get("description", ""), c.get("type", "code")) for c in comps]


OPEN = {
    "code": ["Apache-2.0", "MIT", "BSD-3-Clause", "BSD-2-Clause", "GPL-3.0-only", "MPL-2.0",
             "Apache-2.0 OR MIT", "LGPL-2.1-or-later", "GPL-2.0-or-later WITH Classpath-exception-2.0"],
    "data": ["CDLA-Permissive-2.0", "CC-BY-4.0", "ODC-By-1.0", "CC0-1.0", "CDLA-Sharing-1.0",
             "Apache-2.0", "ODbL-1.0"],
    "document": ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "Apache-2.0"],
}
NOT_OPEN = ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "Llama 3 Community License", "llama2", "OpenRAIL-M",
            "Gemma Terms of Use", "Proprietary", "Undisclosed", "Research only", "CC-BY-ND-4.0"]
SLOPPY = ["Apache 2.0", "apache-2", "MIT License", "CC BY 4.0", "BSD", "GPLv3", "Apache License 2.0",
          "cc-by-4.0"]
PRODUCERS = ["Example AI Lab", "Open Research Collective", "Nordic Language Institute",
             "Acme Machine Learning", "University of Examples", "Helios Compute", "Kestrel Labs",
             "Datawise Foundation", "Mistletoe AI", "Tessellate Research", "Vector Foundry",
             "Lighthouse NLP Group", "Quantum Meadow", "Polyglot Systems", "Riverbank AI"]
TYPES = ["language", "vision", "multimodal", "speech", "code", "embedding"]
ARCHS = ["transformer decoder", "transformer encoder-decoder", "mixture of experts",
         "state space model", "diffusion", "convolutional network", "transformer encoder"]
STEMS = ["Aurora", "Borealis", "Cirrus", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris",
         "Juniper", "Kite", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quill", "Raven",
         "Sierra", "Tundra", "Umber", "Vega", "Willow", "Xenon", "Yarrow", "Zephyr"]
SIZES = ["125M", "350M", "1B", "1.3B", "3B", "7B", "8B", "13B", "34B", "70B", "8x7B"]
UNKNOWN = ["Model weights", "Tokenizer", "Training logs", "Evaluation harness", "Model parametres (Final)"]


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def license_for(rng, ctype, openness):
    roll = rng.random()
    if roll < openness:
        return rng.choice(OPEN[ctype])
    if roll < openness + 0.05:
        return rng.choice(SLOPPY)
    if roll < openness + 0.08:
        return ""
    return rng.choice(NOT_OPEN)


def manifest(rng, index, components):
    stem = rng.choice(STEMS)
    size = rng.choice(SIZES)
    name = f"{stem}-{size}-{index:06d}"
    producer = rng.choice(PRODUCERS)
    openness = rng.choice([0.95, 0.85, 0.7, 0.5, 0.3])
    year = rng.choice([2023, 2024, 2025])
    release = {
        "name": name,
        "version": rng.choice(["1.0", "1.1", "2.0", "0.9", size, f"v{rng.randint(1, 4)}"]),
        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "type": rng.choice(TYPES),
        "architecture": rng.choice(ARCHS),
        "origin": rng.choice(["", "", f"{rng.choice(STEMS)}-{rng.choice(SIZES)}"]),
        "producer": producer,
        "contact": rng.choice(["", f"models@{slug(producer)}.example.org"]),
        "repository": f"https://github.com/{slug(producer)}/{slug(stem)}",
        "huggingface": rng.choice(["", f"https://huggingface.co/{slug(producer)}/{name}"]),
    }
    glob = {}
    if rng.random() < 0.85:
        glob["distribution"] = {"name": license_for(rng, "code", openness), "path": "LICENSE"}
    if rng.random() < 0.5:
        glob["data"] = {"name": license_for(rng, "data", openness), "path": "LICENSE-data"}
    if rng.random() < 0.6:
        glob["document"] = {"name": license_for(rng, "document", openness), "path": "LICENSE-docs"}
    release["license"] = glob if glob else []
    comps = []
    # Components of the first classes are listed more often than the rest.
    for position, (cname, desc, ctype) in enumerate(components):
        p_listed = 0.95 - 0.04 * position
        if rng.random() > p_listed:
            continue
        entry = {"name": cname}
        if rng.random() < 0.45:
            entry["description"] = desc
        if rng.random() < 0.4 or not glob:
            entry["license"] = license_for(rng, ctype, openness)
            if rng.random() < 0.3:
                entry["license_path"] = f"licenses/{slug(cname)}.txt"
        if rng.random() < 0.3:
            entry["component_path"] = f"{slug(cname)}/"
        comps.append(entry)
    if rng.random() < 0.05:
        comps.append({"name": rng.choice(UNKNOWN), "license": license_for(rng, "code", openness)})
    rng.shuffle(comps) if rng.random() < 0.1 else None
    release["components"] = comps
    doc = {"framework": {"name": "Model Openness Framework", "version": "1.0",
                         "date": "2024-12-15"},
           "release": release}
    if rng.random() < 0.02:
        release["version"] = rng.randint(1, 9)  # a number written for a string
    return doc


def yaml_scalar(v):
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def to_yaml(value, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines.append(to_yaml(v, indent + 2))
            elif isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                lines.append(f"{pad}{k}: {yaml_scalar(v)}")
    else:
        for item in value:
            inner = to_yaml(item, indent + 2).lstrip()
            lines.append(f"{pad}- {inner}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["ndjson", "files", "one"])
    ap.add_argument("count_or_file")
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--yaml-share", type=float, default=0.0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    components = load_components(DEFINITION)
    if args.mode == "one":
        with open(args.count_or_file, "w", encoding="utf-8") as f:
            json.dump(manifest(rng, 1, components), f, indent=2, ensure_ascii=False)
            f.write("\n")
        return
    count = int(args.count_or_file)
    if args.mode == "ndjson":
        out = sys.stdout
        for i in range(1, count + 1):
            out.write(json.dumps(manifest(rng, i, components), ensure_ascii=False,
                                 separators=(",", ":")))
            out.write("\n")
        return
    if not args.dir:
        ap.error("files needs a directory")
    for i in range(1, count + 1):
        doc = manifest(rng, i, components)
        folder = os.path.join(args.dir, slug(doc["release"]["producer"]))
        os.makedirs(folder, exist_ok=True)
        base = os.path.join(folder, slug(doc["release"]["name"]))
        if rng.random() < args.yaml_share:
            with open(base + ".yml", "w", encoding="utf-8") as f:
                f.write(to_yaml(doc) + "\n")
        else:
            with open(base + ".json", "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")


if __name__ == "__main__":
    main()
