#!/usr/bin/env bash
# Installs the five npm agent CLIs at the pins of protocol/agent-packages.ts (agents.md "Pin these
# versions") into a cached prefix, never globally and never into package.json. The real-CLI tests
# (test/agents-real/) run them from <prefix>/node_modules/.bin and skip when the prefix is absent.
# Usage: scripts/install-agent-clis.sh [prefix]   (default: .cache/agent-clis; env AGENT_CLIS_PREFIX)
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-${AGENT_CLIS_PREFIX:-.cache/agent-clis}}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

# "<package>@<version>" per npm CLI, read from the single source of the pins.
mapfile -t specs < <(node -e '
  const src = require("fs").readFileSync("protocol/agent-packages.ts", "utf8");
  for (const m of src.matchAll(/npm: \x27([^\x27]+)\x27, version: \x27([^\x27]+)\x27/g)) console.log(`${m[1]}@${m[2]}`);
')
[ "${#specs[@]}" -ge 5 ] || { echo "install-agent-clis: could not read the pins" >&2; exit 1; }

installed() { # package@version -> true when <prefix>/node_modules/<package>/package.json has that version
  local pkg="${1%@*}" ver="${1##*@}"
  node -e 'const p=require(process.argv[1]); process.exit(p.version===process.argv[2]?0:1)' \
    "$prefix/node_modules/$pkg/package.json" "$ver" 2>/dev/null
}

missing=()
for s in "${specs[@]}"; do installed "$s" || missing+=("$s"); done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-agent-clis: all pinned CLIs present in $prefix"
  exit 0
fi
echo "install-agent-clis: installing ${missing[*]} into $prefix"
[ -f "$prefix/package.json" ] || echo '{"name":"gump-agent-clis","private":true}' > "$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --save-exact "${missing[@]}"
for s in "${specs[@]}"; do installed "$s" || { echo "install-agent-clis: $s did not install" >&2; exit 1; }; done
echo "install-agent-clis: done"
