#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes model manifests for the mof-check benchmark, in two shapes.

--shape mot (the default) follows the distribution measured on 273 records of
the Model Openness Tool (MOT) in 2026 (figures only; no record is copied):
  - components per record: median 6, mean 6.7, range 1-17, drawn from the
    measured histogram (COUNTS); which components, from their measured
    frequencies (MOT_COMPONENTS), in the MOT form's order;
  - 78 % of components carry their own license, most of them the text
    `unlicensed` (57 % of all license strings); 19 % of records have a
    global license (almost always `distribution`, path empty), the others
    `license: {}`;
  - license strings: 158 distinct ones in all, a few SPDX ids and many
    names, misspellings and free text (LICENSES, plus variants of it);
  - every component has the definition's description; a few carry a
    license_path or component_path (URLs); release fields empty as often
    as measured;
  - 7 % of records hold non-ASCII text (CJK, curly quotes, a middle dot);
    half of those are written with \\u escapes, and some strings hold
    escaped quotes;
  - about 1.2 kB per record as one compact JSON line.
--shape synthetic is the earlier generator: 10.8 components per record,
42 % own licenses, 97 % global licenses, 35 clean SPDX-like strings.
Component names and descriptions come from the framework definition
(data/mof-1.0.yaml). The output is deterministic for a given seed.

    gen-manifests.py ndjson COUNT > stream.jsonl     one compact manifest per line
    gen-manifests.py yaml-stream COUNT > stream.yml  MOT-style YAML documents, '---' between
    gen-manifests.py files COUNT DIR                 one pretty-printed file each, in subfolders
    gen-manifests.py one FILE                        one pretty-printed manifest
Options: --shape mot|synthetic, --seed N (default 1), --yaml-share F (files:
share written as YAML, default 0).
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


def synthetic_manifest(rng, index, components):
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


# --shape mot: figures measured on 273 MOT records (see the docstring).

# Components per record: count -> records.
COUNTS = {1: 20, 2: 24, 3: 39, 4: 15, 5: 21, 6: 22, 7: 22, 8: 24, 9: 29, 10: 13, 11: 5, 12: 6,
          13: 12, 15: 12, 16: 1, 17: 8}
# In the MOT form's order: (name, records listing it, of those with an own
# license, of those `unlicensed`).
MOT_COMPONENTS = [
    ("Model architecture", 210, 158, 19),
    ("Data preprocessing code", 35, 25, 6),
    ("Training code", 42, 31, 6),
    ("Inference code", 106, 74, 5),
    ("Evaluation code", 51, 39, 9),
    ("Supporting libraries and tools", 81, 61, 32),
    ("Model parameters (Final)", 190, 140, 34),
    ("Model parameters (Intermediate)", 44, 24, 10),
    ("Datasets", 123, 105, 79),
    ("Evaluation data", 68, 50, 45),
    ("Model metadata", 77, 56, 43),
    ("Sample model outputs", 30, 27, 19),
    ("Model card", 172, 127, 107),
    ("Data card", 83, 50, 45),
    ("Technical report", 129, 112, 103),
    ("Research paper", 252, 250, 198),
    ("Evaluation results", 141, 96, 84),
]
# License strings other than `unlicensed`, with weights of the measured kind:
# a few ids and names recur, most strings occur once or twice. Our own
# wording where the MOT's records hold free text.
LICENSES = [
    ("Apache-2.0", 196), ("Undisclosed", 64), ("MIT", 52), ("CC-BY-4.0", 32), ("BSD-3", 20),
    ("Gemma Terms of Use", 18), ("Apache 2.0", 15), ("arXiv.org perpetual non-exclusive license 1.0", 15),
    ("apple-sample-code-license", 16), ("OpenRAIL", 14), ("Llama 2 Community License", 12),
    ("Meta Llama 3 Community License Agreement", 12), ("gemma", 10), ("Proprietary", 10),
    ("CC-BY-SA-4.0", 9), ("Component not included", 9), ("Llama 3.2 Community License", 8),
    ("MIT license", 6), ("Llama 3.1 Community License", 4), ("Qwen License Agreement", 4),
    ("tongyi-qianwen-research", 5), ("DeepSeek License Agreement", 4), ("Llama 3 Community License", 4),
    ("Databricks Open Model License", 4), ("bigscience-bloom-rail-1.0", 3), ("Gemma", 3),
    ("CC-BY-NC-4.0", 3), ("arXiv.org - non-exclusive license", 3), ("CDLA-Permissive-2.0", 2),
    ("Creative Commons Attribution Non Commercial 4.0", 2), ("NVIDIA Open Model License", 2),
    ("CC BY-SA 4.0", 2), ("Apache license 2.0", 2), ("MIT License", 2), ("Other License", 2),
    ("BigCode OpenRAIL-M v1 license agreement", 2), ("BSD", 1), ("ODC-By-1.0", 1),
    ("apache-2.0", 1), ("BigScience-BLOOM-RAIL-1.0", 1), ("Falcon-180B TII License", 1),
    ("Creative Commons Attribution Non Commercial Share Alike 4.0", 1), ("license", 1),
    ("ChatGLM-6B License", 1), ("Baichuan-7B License", 1), ("BAAI Aquila Model License", 1),
    ("see the original datasets' licenses", 2), ("https://arxiv.org/abs/0000.00000", 1),
    ("training data: web crawl, books, code (mixed licenses)", 1),
    ("Component not included, sources listed in the paper", 1),
    ("data sets under \"mit\", “apache-2”, “bsd-3-clause”, “cc0-1.0”", 5),
    ("research use only; Apache 2.0, 模型社区许可协议", 2),
    ("Ünïcode Model Licence — draft", 1), ("non-commercial \\ research", 1),
    ("CC-BY-NC-SA-4.0 (commercial use restricted)", 1),
]
DISTINCT_LICENSES = 158  # measured distinct strings, `unlicensed` included


def license_vocabulary():
    """LICENSES plus spelling variants of its names (case, spaces, a full
    stop, a typo) up to DISTINCT_LICENSES - 1 strings; the same for every seed."""
    rng = random.Random(0)
    vocab = dict(LICENSES)
    names = [n for n, _ in LICENSES]
    variants = [str.lower, str.upper, lambda s: s + ".", lambda s: " " + s, lambda s: s + " ",
                lambda s: s.replace(" ", "  ", 1), lambda s: s.replace("e", "", 1),
                lambda s: s.replace("-", " "), lambda s: "the " + s]
    while len(vocab) < DISTINCT_LICENSES - 1:
        text = rng.choice(variants)(rng.choice(names))
        vocab.setdefault(text, 1)
    return list(vocab), list(vocab.values())


VOCAB, VOCAB_WEIGHTS = license_vocabulary()
MOT_PRODUCERS = ["LLM Lab", "Open Research Collective", "Nordic Language Institute",
                 "University of Examples", "Helios Compute", "Kestrel Labs", "Datawise Foundation",
                 "Mistletoe AI", "Tessellate Research", "Vector Foundry", "Lighthouse NLP Group",
                 "Polyglot Systems", "Riverbank AI"]
EXOTIC_PRODUCERS = ["Beijing Example Academy（BEA）", "Zürich Models", "研究所 Example"]
MOT_TYPES = [("language", 178), ("", 61), ("code", 21), ("multimodal", 5), ("vision", 5),
             ("image", 3)]
MOT_ARCHS = [("transformer decoder", 99), ("decoder", 68), ("", 37), ("transformer", 24),
             ("undisclosed", 13), ("RNN", 7), ("transformer encoder-decoder", 7),
             ("diffusion", 4), ("mixture of experts", 4)]
MOT_VERSIONS = [("7B", 39), ("13B", 14), ("3B", 12), ("Undisclosed", 11), ("", 11), ("1.0", 20),
                ("70B", 10), ("1B", 10), ("2", 8), ("v0.1", 8), ("8x7B", 4), ("1.3B", 6)]


def pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def mot_license(rng):
    return rng.choices(VOCAB, VOCAB_WEIGHTS)[0]


def mot_manifest(rng, index, components):
    descriptions = {name: desc for name, desc, _ in components}
    stem = rng.choice(STEMS)
    size = rng.choice(SIZES)
    name = f"{stem}-{size}-{index:06d}"
    exotic = rng.random() < 0.05  # non-ASCII text here; license strings add some more
    producer = rng.choice(EXOTIC_PRODUCERS if exotic and rng.random() < 0.3 else MOT_PRODUCERS)
    producer = producer if rng.random() < 0.985 else ""
    hf = f"https://huggingface.co/{slug(producer) or 'org'}/{name}" if rng.random() < 0.64 else ""
    if exotic and hf:
        hf += " · Hugging Face"
    if exotic and rng.random() < 0.3:
        name += "-α"
    release = {
        "name": name,
        "version": pick(rng, MOT_VERSIONS),
        "date": f"{rng.choice([2024, 2024, 2024, 2024, 2025])}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
        "type": pick(rng, MOT_TYPES),
        "architecture": pick(rng, MOT_ARCHS),
        "origin": f"{rng.choice(STEMS)}-{rng.choice(SIZES)}" if rng.random() < 0.41 else "",
        "producer": producer,
        "contact": "",
        "repository": f"https://github.com/{slug(producer) or 'org'}/{slug(stem)}"
        if rng.random() < 0.36 else "",
        "huggingface": hf,
    }
    if rng.random() < 0.19:
        kind = "distribution" if rng.random() < 0.94 else "code"
        release["license"] = {kind: {"name": mot_license(rng), "path": ""}}
    else:
        release["license"] = {}
    count = rng.choices(list(COUNTS), list(COUNTS.values()))[0]
    # Weighted choice without replacement, then the form's order.
    pool = list(range(len(MOT_COMPONENTS)))
    chosen = set()
    while len(chosen) < count:
        i = rng.choices(pool, [MOT_COMPONENTS[j][1] for j in pool])[0]
        chosen.add(i)
        pool.remove(i)
    comps = []
    for i in sorted(chosen):
        cname, listed, own, unlicensed = MOT_COMPONENTS[i]
        entry = {"name": cname, "description": descriptions.get(cname, "")}
        if rng.random() < own / listed:
            entry["license"] = "unlicensed" if rng.random() < unlicensed / own else mot_license(rng)
            if entry["license"] != "unlicensed" and rng.random() < 0.12:
                entry["license_path"] = f"https://example.org/{slug(entry['license']) or 'l'}/LICENSE"
        if rng.random() < 0.05:
            entry["component_path"] = f"https://example.org/{slug(name)}/{slug(cname)}"
        comps.append(entry)
    release["components"] = comps
    doc = {"framework": {"name": "Model Openness Framework", "version": "1.0",
                         "date": "2024-12-15"},
           "release": release}
    return doc, exotic and rng.random() < 0.5


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


PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]*$")
NUMBER = re.compile(r"^[0-9.+-]*$")


def mot_scalar(v):
    """Quoted the way the MOT's YAML export quotes: plain when safe, else single quotes."""
    s = str(v)
    if PLAIN.match(s) and not NUMBER.match(s) and s.lower() not in ("true", "false", "null", "yes", "no", "on", "off"):
        return s
    return "'" + s.replace("'", "''") + "'"


def to_mot_yaml(value, indent=0):
    """The MOT's layout: list items as a lone '-' line, empty mappings as '{  }'."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict) and not v:
                lines.append(f"{pad}{k}: {{  }}")
            elif isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}:")
                lines.extend(to_mot_yaml(v, indent + 2))
            else:
                lines.append(f"{pad}{k}: {mot_scalar(v)}")
    else:
        for item in value:
            lines.append(f"{pad}-")
            lines.extend(to_mot_yaml(item, indent + 2))
    return lines


def make(shape, rng, index, components):
    """(document, write non-ASCII as \\u escapes)."""
    if shape == "mot":
        return mot_manifest(rng, index, components)
    return synthetic_manifest(rng, index, components), False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["ndjson", "yaml-stream", "files", "one"])
    ap.add_argument("count_or_file")
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--shape", choices=["mot", "synthetic"], default="mot")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--yaml-share", type=float, default=0.0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    components = load_components(DEFINITION)
    if args.mode == "one":
        doc, escaped = make(args.shape, rng, 1, components)
        with open(args.count_or_file, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=escaped)
            f.write("\n")
        return
    count = int(args.count_or_file)
    out = sys.stdout
    if args.mode == "ndjson":
        for i in range(1, count + 1):
            doc, escaped = make(args.shape, rng, i, components)
            out.write(json.dumps(doc, ensure_ascii=escaped, separators=(",", ":")))
            out.write("\n")
        return
    if args.mode == "yaml-stream":
        for i in range(1, count + 1):
            doc, _ = make(args.shape, rng, i, components)
            if i > 1:
                out.write("---\n")
            out.write("\n".join(to_mot_yaml(doc)) + "\n")
        return
    if not args.dir:
        ap.error("files needs a directory")
    for i in range(1, count + 1):
        doc, escaped = make(args.shape, rng, i, components)
        folder = os.path.join(args.dir, slug(doc["release"]["producer"]) or "unknown")
        os.makedirs(folder, exist_ok=True)
        base = os.path.join(folder, slug(doc["release"]["name"]))
        if rng.random() < args.yaml_share:
            with open(base + ".yml", "w", encoding="utf-8") as f:
                f.write(to_yaml(doc) + "\n")
        else:
            with open(base + ".json", "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=escaped)
                f.write("\n")


if __name__ == "__main__":
    main()
