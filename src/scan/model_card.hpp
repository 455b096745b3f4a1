// SPDX-License-Identifier: Apache-2.0
// A Hugging Face style model card (README.md): its YAML front matter, its
// headings and its arXiv links. Private.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mofcheck {

struct ModelCard {
  bool has_front_matter = false;
  std::string front_matter_error;  ///< why the front matter could not be read, or empty
  std::string license, license_name, license_link, pipeline_tag, model_name;
  std::vector<std::string> datasets, base_model, tags;
  std::size_t model_index_results = 0;  ///< results listed under model-index

  struct Heading {
    int line = 0;
    std::string text;
  };
  std::vector<Heading> headings;

  struct Link {
    int line = 0;
    std::string url;        ///< https://arxiv.org/abs/<id>
    std::string line_text;  ///< its line from the previous link on (its context)
  };
  std::vector<Link> arxiv;
};

/// Reads a model card. Never throws: unreadable front matter is reported in
/// `front_matter_error` and the rest of the card is still read.
ModelCard parse_model_card(std::string_view text);

}  // namespace mofcheck
