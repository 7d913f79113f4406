#!/usr/bin/env bash
# Copies the checkout (as it is on disk, uncommitted edits included) into DIR without node_modules
# and build output, so a second Node can run `npm ci` there without touching this one's native
# builds.
set -euo pipefail

dir=${1:?usage: copy-checkout.sh DIR}
mkdir -p "$dir"
tar --create --exclude=./node_modules --exclude=./dist --exclude=./data --exclude=./.demo \
  --exclude=./coverage . | tar --extract --directory="$dir"
