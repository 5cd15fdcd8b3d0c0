#!/usr/bin/env bash
# Unpacks dlib's example faces (Debian package libdlib19.1: 9 photos, 43 faces labelled with
# 68 points, plus unlabelled faces) into .cache/dlib/ of this checkout. Nothing is installed on
# the system and nothing of it is committed: the photos' rights are not ours.
# Prints the examples folder. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${ASMNET_DATA_DIR:-$root/.cache/dlib}"
examples="$dest/usr/share/doc/libdlib19.1/examples"
if [ -f "$examples/faces/training_with_face_landmarks.xml" ]; then
  echo "$examples"; exit 0
fi
mkdir -p "$dest"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
if ! apt-get download libdlib19.1 >/dev/null 2>&1; then
  # A fresh machine may have no package lists yet.
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get download libdlib19.1 >/dev/null 2>&1 || {
    echo "fetch-starter-data: cannot download Debian package libdlib19.1 (apt-get download failed)" >&2; exit 1; }
fi
dpkg -x libdlib19.1_*.deb "$dest"
# The package gzips some examples; the XML label files must be plain.
find "$examples" -name '*.gz' -exec gunzip -f {} +
echo "$examples"
