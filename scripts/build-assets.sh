#!/usr/bin/env bash
# Copy GOV.UK Frontend and htmx from their npm packages into the static folder.
# The copies are build output (git-ignored): the npm lock file pins what they are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/src/lineofsight/static/vendor"
stamp="$out/.built-from"
lock="$root/frontend/package-lock.json"
if [ -f "$stamp" ] && cmp -s "$stamp" "$lock"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed to fetch GOV.UK Frontend; installing Debian's nodejs and npm" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
(cd "$root/frontend" && npm ci --no-audit --no-fund --loglevel=error)
govuk="$root/frontend/node_modules/govuk-frontend/dist/govuk"
rm -rf "$out" && mkdir -p "$out/govuk" "$out/htmx"
# The compiled CSS points at /assets/; point it at the copy beside it instead. The GDS
# Transport typeface is licensed for GOV.UK services only, so its @font-face rules are
# dropped and text falls back to Arial, as GOV.UK Frontend advises for other services.
sed -e 's#url(/assets/#url(assets/#g' -e 's#@font-face{[^}]*}##g' \
  "$govuk/govuk-frontend.min.css" > "$out/govuk/govuk-frontend.min.css"
cp "$govuk/govuk-frontend.min.js" "$out/govuk/"
cp -r "$govuk/assets" "$out/govuk/assets"
rm -rf "$out/govuk/assets/fonts"
cp "$root/frontend/node_modules/htmx.org/dist/htmx.min.js" "$out/htmx/"
cp "$lock" "$stamp"
echo "GOV.UK Frontend and htmx copied to $out"
