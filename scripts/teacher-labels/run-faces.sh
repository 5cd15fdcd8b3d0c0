#!/usr/bin/env bash
# dlib's 68-point teacher on the extra face sources (scripts/fetch-face-data.sh), for the
# fusion in `trainer label --dlib`. A data-preparation step run by hand, like run.sh (same
# program, same model, same licence caveats: read run.sh). Run `trainer label --frames-only`
# first so the sampled video frames exist under .cache/faces/frames/.
# Labels the photos of the manifest's faces: rows plus every sampled frame, and writes
# .cache/faces/dlib_teacher.xml (paths relative to .cache/faces; not committed: the committed
# product is the fused label file). Prints the count.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
faces="${ASMNET_FACES_DIR:-$root/.cache/faces}"
manifest="$root/trainer/src/main/resources/io/asmnet/trainer/teacher/face_sources.tsv"
model=/usr/share/dlib/shape_predictor_68_face_landmarks.dat
out="$faces/dlib_teacher.xml"

if ! dpkg -s libdlib-dev >/dev/null 2>&1 || ! dpkg -s libdlib-data >/dev/null 2>&1; then
  apt-get install -y libdlib-dev libdlib-data >/dev/null || {
    apt-get update -qq && apt-get install -y libdlib-dev libdlib-data >/dev/null; }
fi
bin="$root/.cache/teacher/label"
if [ ! -x "$bin" ] || [ "$root/scripts/teacher-labels/label.cpp" -nt "$bin" ]; then
  mkdir -p "$(dirname "$bin")"
  # See run.sh for why the runtime BLAS/LAPACK sonames are linked.
  g++ -O2 -std=c++17 -o "$bin" "$root/scripts/teacher-labels/label.cpp" \
    -ldlib -l:libblas.so.3 -l:liblapack.so.3 -lpthread
fi
[ -d "$faces/frames" ] || { echo "run-faces: no $faces/frames: run 'trainer label --frames-only' first" >&2; exit 1; }
cd "$faces"
mapfile -t images < <(grep -v '^#' "$manifest" | cut -f1 | grep '^faces:' | sed 's/^faces://' | grep -v -E '\.(mp4|webm)$')
mapfile -t frames < <(find frames -name '*.png' | LC_ALL=C sort)
images+=("${frames[@]}")
"$bin" "$model" . "${images[@]}" > "$out.tmp"
mv "$out.tmp" "$out"
echo "dlib teacher: $(grep -c '<box ' "$out") faces in ${#images[@]} images -> $out"
