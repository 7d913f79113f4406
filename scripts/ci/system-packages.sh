#!/usr/bin/env bash
# Debian packages CI needs when the machine lacks them: Chromium (the browser tests) and PostgreSQL
# (a throwaway cluster for the PostgreSQL tests). Skips apt entirely when both are there.
set -euo pipefail

missing=()
if [ -z "${CHROME_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then missing+=(postgresql); fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "chromium and postgresql are installed"
  exit 0
fi

# The package would create and start a "main" cluster on port 5432; CI starts its own.
mkdir -p /etc/postgresql-common/createcluster.d
echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/eleapi-ci.conf
echo "installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
