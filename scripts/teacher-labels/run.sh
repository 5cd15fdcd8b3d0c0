#!/usr/bin/env bash
# Teacher labels for the starter data set: a reproducible data-preparation step, run by hand.
# Neither CI nor the Maven build runs it; its output is committed as
#   trainer/src/main/resources/io/asmnet/trainer/data/teacher_with_face_landmarks.xml
# and StarterDataset adds those faces to the training split (never to the held-out split).
#
# What it does: installs Debian's libdlib-dev and libdlib-data if missing (apt-get, needs root),
# compiles label.cpp, unpacks dlib's example photos with scripts/fetch-starter-data.sh (into
# .cache/dlib, not committed), and runs dlib's HOG frontal face detector plus the 68-point
# shape predictor /usr/share/dlib/shape_predictor_68_face_landmarks.dat over the photos that
# dlib's own label files do not cover: examples/johns/*/*.jpg (55 crops, 150x150, one face each),
# faces/bald_guys.jpg and faces/Tom_Cruise_avp_2014_4.jpg. (faces/dogs.jpg has no human face;
# the 9 PASCAL photos are left out on purpose: 5 are the held-out set.) Paths in the XML are
# relative to the examples folder, so no photo and no local path is committed. Prints the count.
#
# Licence of the teacher, as /usr/share/doc/libdlib-data/copyright (Debian 19.24+dfsg-1) states:
#   Files: dlib-models/shape_predictor_68_face_landmarks.dat
#   Copyright: 2015-2018 Davis E King <davis@dlib.net>
#   License: Creative-Commons-0-1.0
# That file says nothing about the model's training data. Upstream's dlib-models README (not
# shipped in the package) says the model was trained on iBUG 300-W, whose licence excludes
# commercial use, that one of its creators asked for a note that the model "can't be used in a
# commercial product", and to ask a lawyer or Imperial College London. Neither text says whether
# that reaches the model's outputs (these labels, and any network trained on them): treat them
# as research / non-commercial unless you have legal advice. dlib's own faces/*_with_face_
# landmarks.xml come from the same model, so the starter data set carries the same caveat.
# The photos stay under their owners' rights (the package's copyright file lists examples/* as
# public domain, but they are third-party pictures: we never redistribute them).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/trainer/src/main/resources/io/asmnet/trainer/data/teacher_with_face_landmarks.xml"
model=/usr/share/dlib/shape_predictor_68_face_landmarks.dat

if ! dpkg -s libdlib-dev >/dev/null 2>&1 || ! dpkg -s libdlib-data >/dev/null 2>&1; then
  apt-get install -y libdlib-dev libdlib-data >/dev/null || {
    apt-get update -qq && apt-get install -y libdlib-dev libdlib-data >/dev/null; }
fi

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# pkg-config's dlib-1.pc names libblas.so/liblapack.so, which only the -dev BLAS packages
# provide; dlib's headers call cblas directly, so link the runtime sonames instead.
g++ -O2 -std=c++17 -o "$work/label" "$root/scripts/teacher-labels/label.cpp" \
  -ldlib -l:libblas.so.3 -l:liblapack.so.3 -lpthread

examples="$("$root/scripts/fetch-starter-data.sh")"
cd "$examples"
mapfile -t images < <(find johns -name '*.jpg' | LC_ALL=C sort)
images+=(faces/bald_guys.jpg faces/Tom_Cruise_avp_2014_4.jpg)
mkdir -p "$(dirname "$out")"
"$work/label" "$model" . "${images[@]}" > "$work/labels.xml"
mv "$work/labels.xml" "$out"
echo "teacher labels: $(grep -c '<box ' "$out") faces in ${#images[@]} photos -> $out"
