#!/usr/bin/env bash
# Which release the major tag of a release (v1 for v1.2.3) must name: the highest vX.Y.Z of that major among the
# released tags read from stdin, one per line, so the major tag only ever moves forward: releasing v1.0.9 after
# v1.2.0 leaves v1 on v1.2.0. Prints nothing when no release of that major is listed. Usage:
#   gh release list --json tagName --jq '.[].tagName' | major-tag.sh v1.0.9
set -euo pipefail

tag="${1:-}"
if ! [[ "$tag" =~ ^v[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "major-tag.sh: \"$tag\" is not a release tag vX.Y.Z" >&2
  exit 2
fi
major="${tag%%.*}"
# Only plain releases of this major (no v1.3.0-rc.1, no v10.x for v1); sort -V orders v1.10.0 after v1.9.0.
{ grep -E "^${major}\.[0-9]+\.[0-9]+$" || true; } | sort -V | tail -n 1
