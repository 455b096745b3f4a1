#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# License text identification: mof-check against Debian's licensecheck on
#  1. the texts of the SPDX License List (npm spdx-license-list, fetched with
#     `npm pack` into the work folder, never into the repository);
#  2. real license files of this machine whose package declares one SPDX id
#     (npm package.json "license", Python METADATA, /usr/share/common-licenses);
#  3. variants written here: reflowed, Markdown, CRLF, a copyright line
#     added, and riders (use restrictions) appended or inserted;
# and the speed targets: time per license file, a 10,000-file checkout.
#   bench/license-bench.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
work=${2:-$build/license-bench}
bin=$build/mof-check
version=6.12.0
command -v licensecheck >/dev/null || { echo "licensecheck is not installed (apt-get install licensecheck)" >&2; exit 2; }
[ -x "$bin" ] || { echo "build mof-check first: $bin" >&2; exit 2; }
mkdir -p "$work"
if [ ! -f "$work/package/spdx-full.json" ]; then
  (cd "$work" && npm pack --silent "spdx-license-list@$version" >/dev/null && tar xzf spdx-license-list-*.tgz)
fi
exec python3 -u - "$bin" "$work" "$root" <<'PY'
import glob, json, os, random, re, shutil, subprocess, sys, time

bin, work, root = sys.argv[1:4]
spdx = json.load(open(os.path.join(work, "package/spdx-full.json")))
db = json.load(open(os.path.join(root, "data/licenses.json")))
open_ids = {l["id"].lower() for l in db["licenses"] if l.get("open")}

def key(i):
    """One spelling per license for comparing answers: GPL-2 = GPL-2.0-only = GPL-2.0+."""
    i = i.lower()
    for s in ("-only", "-or-later", "+"):
        if i.endswith(s):
            i = i[: -len(s)]
    return re.sub(r"\.0$", "", i)

def write(path, text, newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.replace("\n", newline).encode()
    try:
        if open(path, "rb").read() == data:
            return  # unchanged: keeps licensecheck's cache valid
    except OSError:
        pass
    with open(path, "wb") as f:
        f.write(data)

def ours(path):
    out = subprocess.run([bin, "license", "--file", path, "--format", "json"],
                         capture_output=True, text=True)
    return json.loads(out.stdout)

def ours_ids(r):
    """The ids of the first license found, including those with the same text."""
    if not r["licenses"]:
        return set()
    f = r["licenses"][0]
    return {key(f["id"])} | {key(x) for x in f.get("same_text", [])}

cache_file = os.path.join(work, "licensecheck-cache.json")
try:
    cache = json.load(open(cache_file))
except (OSError, ValueError):
    cache = {}

def licensecheck(paths):
    """licensecheck's answers, cached by path, size and modification time (it is slow)."""
    stamp = lambda p: f"{p}:{os.path.getsize(p)}:{os.path.getmtime(p)}"
    todo = [p for p in paths if stamp(p) not in cache]
    for i in range(0, len(todo), 200):
        out = subprocess.run(["licensecheck", "--check=.", "--shortname-scheme=spdx", "-m",
                              "--lines=0"] + todo[i:i + 200], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            p, _, lic = line.partition("\t")
            cache[stamp(p)] = lic
    json.dump(cache, open(cache_file, "w"))
    return {p: cache.get(stamp(p), "") for p in paths}

def lc_ids(answer):
    if not answer or answer.startswith("UNKNOWN"):
        return set()
    first = re.split(r" and/or | or | and ", answer)[0]
    first = first.replace(" with ", "-with-").split(" ")[0]
    return {key(first)}

report = []

# 1. The SPDX texts.
spdx_dir = os.path.join(work, "spdx")
paths = {}
for lid, info in spdx.items():
    p = os.path.join(spdx_dir, lid + ".txt")
    write(p, info["licenseText"])
    paths[lid] = p
lc = licensecheck(list(paths.values()))
exact = lc_right = wrong_open = 0
misses = []
for lid, p in paths.items():
    r = ours(p)
    got = ours_ids(r)
    if key(lid) in got and len(r["licenses"]) == 1 and not r["adds_terms"]:
        exact += 1
    else:
        misses.append((lid, [f["id"] for f in r["licenses"]], r["adds_terms"]))
    # Named as an open license the text is not.
    if r["licenses"] and not r["adds_terms"] and key(lid) not in got:
        if any(f["id"].lower() in open_ids for f in r["licenses"]):
            wrong_open += 1
            print("WRONG OPEN:", lid, "->", [f["id"] for f in r["licenses"]])
    if key(lid) in lc_ids(lc.get(p, "")):
        lc_right += 1
n = len(paths)
report.append(f"SPDX texts: {n}; mof-check exact {exact} ({100*exact/n:.1f} %), "
              f"named an open license they are not: {wrong_open}; licensecheck right {lc_right}")
for m in misses[:40]:
    print("miss:", m)

# 2. Real license files with a declared license.
real = []
for f in glob.glob("/usr/share/common-licenses/*"):
    name = os.path.basename(f)
    if name in {"GPL", "LGPL", "GFDL", "BSD", "Artistic"}:
        continue  # symbolic links to a version, or no version in the name
    real.append((f, name))
pats = ["/usr/lib/node_modules/**/LICEN[CS]E*", "/usr/share/nodejs/**/LICEN[CS]E*"]
for pat in pats:
    for f in glob.glob(pat, recursive=True):
        pj = os.path.join(os.path.dirname(f), "package.json")
        try:
            lic = json.load(open(pj)).get("license")
        except Exception:
            continue
        if isinstance(lic, str) and re.fullmatch(r"[A-Za-z0-9.\-+]+", lic):
            real.append((f, lic))
# Python packages: one walk, license files inside *.dist-info folders.
for top in glob.glob("/usr/lib/python3*") + ["/usr/lib/google-cloud-sdk"]:
    for d, dirs, files in os.walk(top):
        if not d.endswith(".dist-info"):
            continue
        dirs[:] = []
        try:
            meta = open(os.path.join(d, "METADATA"), errors="replace").read().split("\n\n")[0]
        except OSError:
            continue
        m = re.search(r"^License-Expression: *([A-Za-z0-9.\-+]+) *$", meta, re.M) or \
            re.search(r"^License: *([A-Za-z0-9.\-+]+) *$", meta, re.M)
        if not m:
            continue
        for sub in [d, os.path.join(d, "licenses")]:
            for f in glob.glob(os.path.join(sub, "LICEN[CS]E*")) + glob.glob(os.path.join(sub, "COPYING*")):
                real.append((f, m.group(1)))
known = {key(i) for i in spdx}
real = [(f, l) for f, l in sorted(set(real)) if os.path.isfile(f) and key(l) in known]
lc = licensecheck([f for f, _ in real])
ok = lc_ok = 0
for f, lic in real:
    r = ours(f)
    if key(lic) in ours_ids(r):
        ok += 1
    else:
        print("real miss:", f, lic, "->", [x["id"] for x in r["licenses"]], r["adds_terms"])
    if key(lic) in lc_ids(lc.get(f, "")):
        lc_ok += 1
report.append(f"real files with a declared SPDX id: {len(real)}; mof-check right {ok}, "
              f"licensecheck right {lc_ok}")

# 3. Variants of common licenses.
base = ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD", "Unlicense", "Zlib",
        "BSL-1.0", "MPL-2.0", "EPL-2.0", "GPL-2.0-only", "GPL-3.0-only", "LGPL-2.1-only",
        "AGPL-3.0-only", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CDLA-Permissive-2.0",
        "PostgreSQL", "X11", "Artistic-2.0", "OFL-1.1", "ECL-2.0", "NCSA", "Python-2.0", "UPL-1.0",
        "MIT-0", "BSD-1-Clause", "WTFPL"]
riders = [
    "Additional restriction: the Software may not be used for military purposes or by any "
    "organisation that develops weapons.",
    "Notwithstanding the above, you may not sell the Software or offer a hosted service whose "
    "value derives substantially from it without a separate commercial agreement with the "
    "Licensor.",
    "The model weights may only be used for non-commercial research; any other use requires the "
    "prior written permission of the authors.",
    "Licensees must not use the Software to train, improve or evaluate a competing product.",
]
def reflow(t):
    return "\n\n".join(reflow_paragraph(p) for p in t.split("\n\n"))
def reflow_paragraph(t):
    words = t.split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + 1 > 60:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w).strip()
    return "\n".join(lines + [cur]) + "\n"
def markdown(t):
    out = []
    for i, line in enumerate(t.split("\n")):
        s = line.strip()
        if i == 0 and s:
            out.append("# " + s)
        elif re.match(r"^\d+\.", s):
            out.append("- **" + s + "**")
        else:
            out.append(s.replace('"', "*"))
    return "\n".join(out)
variants = {"reflowed": (reflow, "\n"), "markdown": (markdown, "\n"), "crlf": (lambda t: t, "\r\n"),
            "copyright": (lambda t: "Copyright (c) 2024 Example Research Lab\n\n" + t, "\n")}
vdir = os.path.join(work, "variants")
same = total = flagged = riders_total = 0
lc_same = 0
vpaths = []
for lid in base:
    t = spdx[lid]["licenseText"]
    for name, (fn, nl) in variants.items():
        p = os.path.join(vdir, f"{lid}.{name}")
        write(p, fn(t), nl)
        vpaths.append((p, lid, False))
    for k, rider in enumerate(riders):
        p = os.path.join(vdir, f"{lid}.rider{k}")
        if k % 2 == 0:
            write(p, t.rstrip() + "\n\n" + rider + "\n")
        else:  # inserted after the first paragraph
            paras = t.split("\n\n")
            write(p, "\n\n".join(paras[:1] + [rider] + paras[1:]))
        vpaths.append((p, lid, True))
lc = licensecheck([p for p, _, _ in vpaths])
missed_riders = []
for p, lid, rider in vpaths:
    r = ours(p)
    if rider:
        riders_total += 1
        if r["adds_terms"] or (r["licenses"] and key(lid) not in ours_ids(r)) or not r["licenses"]:
            flagged += 1
        else:
            missed_riders.append(p)
    else:
        total += 1
        if key(lid) in ours_ids(r) and not r["adds_terms"]:
            same += 1
        else:
            print("variant miss:", p, [x["id"] for x in r["licenses"]], r["adds_terms"])
        if key(lid) in lc_ids(lc.get(p, "")):
            lc_same += 1
for p in missed_riders:
    print("rider not flagged:", p)
report.append(f"variants (reflowed, Markdown, CRLF, copyright line) of {len(base)} licenses: "
              f"{total}; mof-check right {same}, licensecheck right {lc_same}")
report.append(f"rider variants: {riders_total}; mof-check flagged {flagged} "
              f"(licensecheck has no notion of added terms)")

# 4. Speed: one scan over a checkout of license files, and a 10,000-file checkout.
ck = os.path.join(work, "checkout")
shutil.rmtree(ck, ignore_errors=True)
for i, (lid, p) in enumerate(paths.items()):
    write(os.path.join(ck, f"part{i:04d}", "LICENSE"), spdx[lid]["licenseText"])
t0 = time.perf_counter()
subprocess.run([bin, "scan", ck, "-o", os.path.join(work, "scan1.json")], capture_output=True)
t_lic = time.perf_counter() - t0
t0 = time.perf_counter()
subprocess.run([bin, "scan", os.path.join(work, "empty-does-not-exist")], capture_output=True)
t_start = time.perf_counter() - t0
big = os.path.join(work, "big")
shutil.rmtree(big, ignore_errors=True)
for i in range(10000):
    d = os.path.join(big, "src" if i % 3 else "data", f"d{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, f"f{i:05d}.py" if i % 3 else f"f{i:05d}.bin"), "w").write("x\n")
write(os.path.join(big, "LICENSE"), spdx["Apache-2.0"]["licenseText"])
write(os.path.join(big, "data", "LICENSE"), spdx["CC-BY-4.0"]["licenseText"])
write(os.path.join(big, "README.md"), "---\nlicense: apache-2.0\n---\n# Model\n")
t0 = time.perf_counter()
subprocess.run([bin, "scan", big, "-o", os.path.join(work, "scan2.json")], capture_output=True)
t_big = time.perf_counter() - t0
report.append(f"speed: {len(paths)} license files scanned in {t_lic:.2f} s "
              f"({1000 * (t_lic - t_start) / len(paths):.2f} ms per file after start-up); "
              f"10,003-file checkout scanned in {t_big:.2f} s")
print()
print("\n".join(report))
PY
