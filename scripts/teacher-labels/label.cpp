// Teacher labeller: runs dlib's HOG frontal face detector and its 68-point shape predictor over
// the given images and writes dlib imglab XML to stdout (the format DlibXmlLoader reads).
// Data preparation only; see run.sh for how it is built and what the labels may be used for.
//
// Usage: label MODEL.dat BASE_DIR IMAGE_PATH... > out.xml
//   IMAGE_PATH is relative to BASE_DIR and is written to the XML as given, so the XML never
//   holds a path of this machine. Images under 300 px on their short side are upsampled once
//   before detection (the 150x150 "johns" crops have faces of ~70 px, the HOG detector's
//   smallest window is 80 px); bigger photos are not (upsampling a 2000 px photo costs seconds
//   and finds nothing new there).
#include <dlib/image_io.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

namespace {

// Escapes the characters XML attributes cannot hold as they are.
std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\'': out += "&apos;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: label MODEL.dat BASE_DIR IMAGE_PATH... > out.xml\n";
    return 2;
  }
  dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
  dlib::shape_predictor predictor;
  try {
    dlib::deserialize(argv[1]) >> predictor;
  } catch (const std::exception& e) {
    std::cerr << "label: cannot read model " << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
  if (predictor.num_parts() != 68) {
    std::cerr << "label: model has " << predictor.num_parts() << " parts, expected 68\n";
    return 1;
  }
  const std::string base = argv[2];
  std::cout << "<?xml version='1.0' encoding='UTF-8'?>\n<dataset>\n"
            << "<name>Teacher-labelled faces</name>\n"
            << "<comment>Boxes from dlib's frontal_face_detector, 68 points from dlib's "
               "shape_predictor_68_face_landmarks.dat (iBUG 300-W scheme). Machine-made: "
               "scripts/teacher-labels/run.sh.</comment>\n<images>\n";
  int faces = 0;
  int failed = 0;
  for (int i = 3; i < argc; ++i) {
    const std::string rel = argv[i];
    dlib::array2d<unsigned char> img;
    try {
      dlib::load_image(img, base + "/" + rel);
    } catch (const std::exception& e) {
      std::cerr << "label: skipping " << rel << ": " << e.what() << "\n";
      ++failed;
      continue;
    }
    const long width = img.nc();
    const long height = img.nr();
    const int upsample = std::min(width, height) < 300 ? 1 : 0;
    std::vector<dlib::rectangle> boxes;
    {
      dlib::array2d<unsigned char> work;
      dlib::assign_image(work, img);
      for (int u = 0; u < upsample; ++u) dlib::pyramid_up(work);
      boxes = detector(work);
      dlib::pyramid_down<2> down;  // the inverse of pyramid_up: back to original pixels
      for (auto& b : boxes) {
        for (int u = 0; u < upsample; ++u) b = down.rect_down(b);
      }
    }
    std::cout << "  <image file='" << xml_escape(rel) << "' width='" << width << "' height='"
              << height << "'>\n";
    for (const auto& box : boxes) {
      dlib::full_object_detection shape = predictor(img, box);
      std::cout << "    <box top='" << box.top() << "' left='" << box.left() << "' width='"
                << box.width() << "' height='" << box.height() << "'>\n";
      for (unsigned long p = 0; p < shape.num_parts(); ++p) {
        char name[3];
        std::snprintf(name, sizeof name, "%02lu", p);
        std::cout << "      <part name='" << name << "' x='" << shape.part(p).x() << "' y='"
                  << shape.part(p).y() << "'/>\n";
      }
      std::cout << "    </box>\n";
      ++faces;
    }
    std::cout << "  </image>\n";
  }
  std::cout << "</images>\n</dataset>\n";
  std::cerr << "label: " << faces << " faces in " << (argc - 3 - failed) << " images ("
            << failed << " unreadable)\n";
  return 0;
}
