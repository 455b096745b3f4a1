// SPDX-License-Identifier: Apache-2.0
// Identifying the licenses of a text: Dice similarity of word 3-gram sets
// against every index entry, then a greedy cover (best license, then the
// best one for what is left, ...), then the text no found license explains,
// sorted into variable text (names) and added terms (riders).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <mofcheck/license_text.hpp>

#include "license/text_normalize.hpp"

namespace mofcheck {

namespace {

std::size_t log2_of(std::uint32_t s) {
  std::size_t k = 0;
  while ((1u << k) < s) ++k;
  return k;
}

constexpr std::size_t kSamples = 16;  // sample sizes 1, 2, 4, ... 2^15

bool ends_with(std::string_view s, std::string_view e) {
  return s.size() >= e.size() && s.substr(s.size() - e.size()) == e;
}

// "GPL-2.0-or-later", "GPL-2.0+" and "GPL-2.0" -> "GPL-2.0".
std::string_view base_id(std::string_view id) {
  for (std::string_view suffix : {"+", "-only", "-or-later"}) {
    if (ends_with(id, suffix)) return id.substr(0, id.size() - suffix.size());
  }
  return id;
}

// "GPL-2.0-only" -> "GPL".
std::string_view family(std::string_view id) {
  return id.substr(0, id.find('-'));
}

}  // namespace

int license_id_rank(std::string_view id) {
  if (ends_with(id, "-only")) return 0;
  if (ends_with(id, "-or-later")) return 2;
  if (id.find('+') != std::string_view::npos || id.find("-with-") != std::string_view::npos)
    return 4;
  const std::size_t dash = id.find('-');
  const bool gnu = id.rfind("GPL-", 0) == 0 || id.rfind("LGPL-", 0) == 0 ||
                   id.rfind("AGPL-", 0) == 0 || id.rfind("GFDL-", 0) == 0;
  const bool bare_version =
      gnu && id.find_first_not_of("0123456789.", dash + 1) == std::string_view::npos;
  return bare_version ? 3 : 1;
}

TextIdentification LicenseMatcher::identify(std::string_view text) const {
  TextIdentification r;
  std::vector<NormWord> norm = normalize_words(text, equivalents_);
  std::vector<TextWord> words;
  words.reserve(norm.size());
  for (const NormWord& w : norm) words.push_back({word_hash(w.text), w.begin, w.end});
  r.words = words.size();

  // Model licenses outside SPDX: every phrase of one clause set.
  std::string joined = " ";
  for (const NormWord& w : norm) joined += w.text + ' ';
  for (const ModelRule& m : models_) {
    bool hit = std::any_of(m.clauses.begin(), m.clauses.end(), [&](const auto& set) {
      return std::all_of(set.begin(), set.end(), [&](const std::string& phrase) {
        return joined.find(phrase) != std::string::npos;
      });
    });
    if (hit) {
      FoundLicense f;
      f.id = m.name;
      f.model_license = true;
      f.known = m.known;
      f.reason = m.reason;
      f.coverage = 1;
      r.licenses.push_back(std::move(f));
      break;  // rules run from the most specific; one model license per text
    }
  }
  const bool model = !r.licenses.empty();

  if (words.size() < 3 || classes_.empty()) {
    r.confident = model;
    return r;
  }
  const std::size_t n = words.size() - 2;
  std::vector<std::uint32_t> sh(n);
  for (std::size_t i = 0; i < n; ++i) sh[i] = shingle_at(words, i);

  auto in_class = [&](std::uint32_t h, std::uint32_t c) {
    return std::binary_search(postings_.begin(), postings_.end(), std::make_pair(h, c));
  };
  // Hits of every class among the distinct fingerprints of the chosen positions.
  struct Score {
    std::uint32_t cls;
    double dice, coverage, containment;
  };
  auto score_all = [&](const std::vector<char>& use) {
    std::vector<std::uint32_t> u;
    for (std::size_t i = 0; i < n; ++i) {
      if (use[i]) u.push_back(sh[i]);
    }
    std::sort(u.begin(), u.end());
    u.erase(std::unique(u.begin(), u.end()), u.end());
    std::vector<std::uint32_t> hits(classes_.size(), 0);
    std::size_t counts[kSamples] = {};
    for (std::uint32_t h : u) {
      for (std::size_t k = 0; k < kSamples; ++k) {
        if ((h & ((1u << k) - 1)) == 0) ++counts[k];
      }
      auto lo = std::lower_bound(postings_.begin(), postings_.end(), std::make_pair(h, 0u));
      for (; lo != postings_.end() && lo->first == h; ++lo) ++hits[lo->second];
    }
    std::vector<Score> s;
    s.reserve(classes_.size());
    for (std::uint32_t c = 0; c < classes_.size(); ++c) {
      const Class& k = classes_[c];
      const double t = static_cast<double>(counts[std::min(log2_of(k.sample), kSamples - 1)]);
      const double h = hits[c];
      if (h == 0) continue;
      s.push_back({c, 2 * h / (t + k.stored), h / k.stored, t > 0 ? h / t : 0});
    }
    std::sort(s.begin(), s.end(), [](const Score& a, const Score& b) {
      return a.dice != b.dice ? a.dice > b.dice : a.cls < b.cls;
    });
    return s;
  };

  std::vector<char> use(n, 1);
  std::vector<Score> first = score_all(use);
  // Deprecated ids ("GPL-2.0+") keep older copies of a text: between two
  // near-equal copies of one license, the current id wins.
  if (first.size() > 1 && first[1].dice >= first[0].dice - margin_) {
    const std::string& a = classes_[first[0].cls].ids.front();
    const std::string& b = classes_[first[1].cls].ids.front();
    if (base_id(a) == base_id(b) && license_id_rank(b) < license_id_rank(a))
      std::swap(first[0], first[1]);
  }
  for (std::size_t i = 0; i < first.size() && i < 5; ++i) {
    const Class& k = classes_[first[i].cls];
    r.closest.push_back({k.ids, first[i].dice, first[i].coverage, first[i].containment});
  }
  if (!first.empty()) r.score = first.front().dice;

  // Greedy cover. state: 0 not looked at, 1 explained, 2 sampled and missed.
  std::vector<char> state(n, 0);
  std::vector<std::uint32_t> accepted;
  std::vector<Score> round = first;
  for (int pass = 0; pass < 5 && !round.empty(); ++pass) {
    const Score& best = round.front();
    const double need = pass == 0 ? accept_coverage_ : next_coverage_;
    const Class& k = classes_[best.cls];
    // A long passage wholly from one license (LGPL-3.0's own part, which
    // SPDX publishes together with GPL-3.0) is that license, as a guess.
    const bool part = pass == 0 && best.containment >= 0.95 &&
                      best.coverage * k.stored >= static_cast<double>(part_fingerprints_);
    if ((best.coverage < need && !part) ||
        std::find(accepted.begin(), accepted.end(), best.cls) != accepted.end())
      break;
    if (best.coverage < need) {
      r.note = "the text is only a part of " + k.ids.front();
    }
    accepted.push_back(best.cls);
    FoundLicense f;
    f.id = k.ids.front();
    f.same_text.assign(k.ids.begin() + 1, k.ids.end());
    f.coverage = best.coverage;
    r.licenses.push_back(std::move(f));
    for (std::size_t i = 0; i < n; ++i) {
      if (state[i] == 1 || (sh[i] & (k.sample - 1)) != 0) continue;
      state[i] = in_class(sh[i], best.cls) ? 1 : 2;
    }
    // Positions the sample skipped are missed only between two misses.
    std::size_t prev = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (state[i] != 0) {
        prev = i;
        continue;
      }
      std::size_t next = i + 1;
      while (next < n && state[next] == 0) ++next;
      const bool before_missed = prev == n || state[prev] == 2;
      const bool after_missed = next == n || state[next] == 2;
      const char fill = before_missed && after_missed && !(prev == n && next == n) ? 2 : 1;
      for (std::size_t j = i; j < next; ++j) state[j] = fill;
      i = next - 1;
    }
    std::size_t left = 0;
    for (std::size_t i = 0; i < n; ++i) {
      use[i] = state[i] != 1;
      left += use[i] ? 1 : 0;
    }
    if (left < 20) break;
    round = score_all(use);
  }

  // Ambiguity: another license about as close as the best one.
  if (first.size() > 1 && first[1].dice >= first[0].dice - margin_ &&
      base_id(classes_[first[0].cls].ids.front()) != base_id(classes_[first[1].cls].ids.front()) &&
      std::find(accepted.begin(), accepted.end(), first[1].cls) == accepted.end()) {
    r.note = classes_[first[0].cls].ids.front() + " and " + classes_[first[1].cls].ids.front() +
             " are about as close";
  }

  // What the found licenses do not explain: runs of missed positions.
  if (!accepted.empty()) {
    auto explained_by_insertion = [&](std::size_t f, std::size_t l) {
      // Pure insertion: the words around the run join up in the license.
      if (f + 1 >= words.size() || l + 1 >= words.size()) return false;
      std::vector<TextWord> j1 = {words[f], words[f + 1], words[l + 1]};
      std::uint32_t a = shingle_at(j1, 0);
      std::uint32_t b = 0;
      bool has_b = l + 2 < words.size();
      if (has_b) {
        std::vector<TextWord> j2 = {words[f + 1], words[l + 1], words[l + 2]};
        b = shingle_at(j2, 0);
      }
      for (std::uint32_t c : accepted) {
        if (in_class(a, c) || (has_b && in_class(b, c))) return true;
      }
      return false;
    };
    // Most of the run is text of another license of the found one's family.
    const std::string_view fam = family(classes_[accepted.front()].ids.front());
    auto related_text = [&](std::size_t f, std::size_t l) {
      for (std::uint32_t c = 0; c < classes_.size(); ++c) {
        const Class& k = classes_[c];
        if (family(k.ids.front()) != fam) continue;
        std::size_t sampled = 0, hit = 0;
        for (std::size_t p = f; p <= l; ++p) {
          if ((sh[p] & (k.sample - 1)) != 0) continue;
          ++sampled;
          hit += in_class(sh[p], c) ? 1 : 0;
        }
        if (sampled >= 2 && hit * 10 >= sampled * 6) return true;
      }
      return false;
    };
    std::size_t i = 0;
    std::size_t last_explained = n;  // none yet
    while (i < n) {
      if (state[i] != 2) {
        if (state[i] == 1) last_explained = i;
        ++i;
        continue;
      }
      std::size_t f = i, l = i;
      std::size_t j = i;
      // A run goes on across up to two hits: common word triples of the
      // license ("with the licensor") inside a rider do not split it.
      std::size_t hits_between = 0;
      while (j < n) {
        if (state[j] == 2) {
          l = j;
          hits_between = 0;
        } else if ((sh[j] & (classes_[accepted.front()].sample - 1)) == 0 && ++hits_between > 2) {
          break;
        }
        ++j;
      }
      j = l + 1;
      while (j < n && state[j] == 0) ++j;
      const bool prefix = last_explained == n;
      const bool suffix = j == n;
      // Words the run adds: a..b with a = f + 2, b = l (see shingle_at).
      // With a sample size p the run may begin and end up to p - 1 words
      // beyond its first and last missed fingerprint.
      const std::size_t slack = classes_[accepted.front()].sample - 1;
      std::size_t a = prefix ? 0 : f + 2 > slack ? f + 2 - slack : 0;
      std::size_t b = suffix ? words.size() - 1 : std::min(l + slack, words.size() - 1);
      if (a > b) a = b;
      TextDifference d;
      d.begin = words[a].begin;
      d.end = words[b].end;
      d.words = b - a + 1;
      std::string run;
      for (std::size_t w = a; w <= b; ++w) run += ' ' + norm[w].text;
      run += ' ';
      const bool restricts =
          std::any_of(restriction_words_.begin(), restriction_words_.end(),
                      [&](const std::string& p) { return run.find(p) != std::string::npos; });
      if (!prefix && !restricts && d.words >= insertion_words_ && related_text(f, l)) {
        // Optional text another version of the license holds (the FSF's
        // closing paragraph, a "How to apply" appendix): not added terms.
        r.differences.push_back(d);
        i = j;
        continue;
      }
      if (prefix) {
        d.added = d.words > edge_words_ || (restricts && d.words >= 3);
      } else if (suffix) {
        d.added = d.words > tail_words_ || (restricts && d.words >= 3);
      } else {
        d.added = d.words >= rider_words_ || (restricts && d.words >= 3) ||
                  (d.words >= insertion_words_ && explained_by_insertion(f, l));
      }
      if (d.added) r.added_words += d.words;
      r.differences.push_back(d);
      i = j;
    }
  }
  r.adds_terms = r.added_words > 0;
  if (model && accepted.empty()) {
    // The clauses explain the text; no SPDX text to compare against.
    r.differences.clear();
    r.added_words = 0;
    r.adds_terms = false;
  }

  bool covered = !r.licenses.empty();
  for (const FoundLicense& f : r.licenses) {
    if (!f.model_license && f.coverage < confident_score_) covered = false;
  }
  r.confident = covered && r.note.empty();
  if (!r.licenses.empty() && !covered && r.note.empty()) {
    r.note = "parts of the license text are missing";
  }
  r.exact = r.licenses.size() == 1 && !model && r.licenses.front().coverage >= 0.97 &&
            !r.adds_terms && r.note.empty();
  return r;
}

}  // namespace mofcheck

namespace mofcheck {

namespace {

std::string score_text(double s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string license_list(const TextIdentification& id) {
  std::string s;
  for (const FoundLicense& f : id.licenses) {
    if (!s.empty()) s += " and ";
    s += f.id;
    if (!f.model_license && f.coverage < 0.995) s += " (" + score_text(f.coverage) + " of it)";
  }
  return s;
}

}  // namespace

std::string describe_identification(const TextIdentification& id) {
  std::string s;
  if (id.licenses.empty()) {
    s = "license text not recognised";
    if (!id.closest.empty() && id.closest.front().score >= 0.3) {
      s += " (closest: " + id.closest.front().ids.front() + ", score " +
           score_text(id.closest.front().score) + ")";
    }
    return s + "; write its license by hand";
  }
  s = "license text of " + license_list(id);
  if (id.licenses.size() == 1 && !id.licenses.front().same_text.empty()) {
    std::string others;
    for (const auto& o : id.licenses.front().same_text) others += (others.empty() ? "" : ", ") + o;
    s += " (same text as " + others + "; the text alone does not tell them apart)";
  }
  if (id.licenses.front().model_license) {
    s += ", a model license: " + id.licenses.front().reason;
  } else {
    s += " (score " + score_text(id.score) + ")";
  }
  if (id.adds_terms) {
    s += "; it also holds " + std::to_string(id.added_words) +
         " words no license of the list has (added terms): it is not the plain license; "
         "write its license by hand";
  } else if (!id.confident) {
    s += "; a guess to confirm" + (id.note.empty() ? std::string() : ": " + id.note);
  }
  return s;
}

std::string draft_license(const TextIdentification& id) {
  if (id.licenses.empty() || id.adds_terms) return "";
  std::string s;
  for (const FoundLicense& f : id.licenses) s += (s.empty() ? "" : " AND ") + f.id;
  return s;
}

}  // namespace mofcheck
