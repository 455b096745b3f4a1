// SPDX-License-Identifier: Apache-2.0
#include "report/badge.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "report/escape.hpp"

namespace mofcheck {

namespace {

struct Colour {
  const char* name;
  const char* hex;
};

// From the most complete class down; classes beyond the list take its last colour.
constexpr std::array<Colour, 5> kClassColours = {{{"brightgreen", "#44cc11"},
                                                  {"green", "#97ca00"},
                                                  {"yellowgreen", "#a4a61d"},
                                                  {"yellow", "#dfb317"},
                                                  {"orange", "#fe7d37"}}};
constexpr Colour kUnclassified = {"red", "#e05d44"};

// Approximate advance widths of 11px Verdana, the font badges are drawn in;
// textLength makes the text fill exactly this width whatever font renders it.
double char_width(unsigned char c) {
  if (c >= 0x80) return 7.0;  // per byte of a multi-byte character: rough, but never too narrow
  static constexpr std::string_view narrow = "fijlrt.,:;|!'()[]I ";
  static constexpr std::string_view wide = "mwMW%@";
  if (narrow.find(static_cast<char>(c)) != std::string_view::npos) return c == ' ' ? 3.9 : 4.0;
  if (wide.find(static_cast<char>(c)) != std::string_view::npos) return 10.5;
  if (c >= 'A' && c <= 'Z') return 7.6;
  if (c >= '0' && c <= '9') return 7.0;
  return 6.6;
}

int text_width(const std::string& s) {
  double w = 0;
  for (unsigned char c : s) w += char_width(c);
  return static_cast<int>(std::lround(w));
}

}  // namespace

Badge make_badge(const Evaluation& ev, const std::string& label) {
  const Framework& fw = *ev.framework;
  Badge b;
  b.label = label;
  const ClassDef* cls = fw.find_class(ev.model_class);
  if (ev.model_class == 0 || cls == nullptr) {
    b.message = "unclassified";
    b.color = kUnclassified.name;
    b.color_hex = kUnclassified.hex;
    return b;
  }
  b.message = "Class " + cls->roman;
  std::size_t i = static_cast<std::size_t>(ev.model_class - fw.lowest_level());
  const Colour& c = kClassColours[std::min(i, kClassColours.size() - 1)];
  b.color = c.name;
  b.color_hex = c.hex;
  return b;
}

std::string badge_svg(const Badge& b) {
  const std::string label = escape::xml(b.label), message = escape::xml(b.message);
  const std::string title = escape::xml(b.label + ": " + b.message, true);
  const int lt = text_width(b.label), mt = text_width(b.message);
  const int lw = lt + 10, mw = mt + 10, w = lw + mw;
  auto text = [&](const std::string& s, int x, int len) {
    // A faint shadow one pixel below, then the text itself.
    return "<text x=\"" + std::to_string(x) +
           "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" "
           "textLength=\"" +
           std::to_string(len) + "\" lengthAdjust=\"spacingAndGlyphs\">" + s + "</text><text x=\"" +
           std::to_string(x) + "\" y=\"14\" textLength=\"" + std::to_string(len) +
           "\" lengthAdjust=\"spacingAndGlyphs\">" + s + "</text>";
  };
  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) +
         "\" height=\"20\" role=\"img\" aria-label=\"" + title + "\">";
  svg += "<title>" + escape::xml(b.label + ": " + b.message) + "</title>";
  svg +=
      "<linearGradient id=\"shine\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" "
      "stop-color=\"#bbb\" stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/>"
      "</linearGradient>";
  svg += "<clipPath id=\"round\"><rect width=\"" + std::to_string(w) +
         "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>";
  svg += "<g clip-path=\"url(#round)\"><rect width=\"" + std::to_string(lw) +
         "\" height=\"20\" fill=\"#555\"/><rect x=\"" + std::to_string(lw) + "\" width=\"" +
         std::to_string(mw) + "\" height=\"20\" fill=\"" + b.color_hex + "\"/><rect width=\"" +
         std::to_string(w) + "\" height=\"20\" fill=\"url(#shine)\"/></g>";
  svg +=
      "<g fill=\"#fff\" text-anchor=\"middle\" "
      "font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">";
  svg += text(label, lw / 2, lt) + text(message, lw + mw / 2, mt);
  svg += "</g></svg>\n";
  return svg;
}

std::string badge_shields_json(const Badge& b) {
  nlohmann::ordered_json j = {
      {"schemaVersion", 1}, {"label", b.label}, {"message", b.message}, {"color", b.color}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace mofcheck
