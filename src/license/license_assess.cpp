// SPDX-License-Identifier: Apache-2.0
// Judging a written license for one component type: an id, an SPDX
// expression or free text becomes a status, a reason, findings and the
// suggested rewrite.
#include <algorithm>
#include <string>
#include <utility>

#include <mofcheck/spdx.hpp>

#include "license/license_tables.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

using namespace license_detail;
using Status = LicenseAssessment::Status;

namespace {

// The verdict on one node of an expression.
struct Verdict {
  bool open = false;
  std::uint8_t suits = 0;  // content types it suits, when open
  std::string reason;      // why not open, when not open
  int pick = -1;           // for OR: the child chosen
};

// The rewrite of the whole expression offered to the user: only when some
// spelling changes, and certain unless a part of it is a guess.
struct Rewrite {
  spdx::Expression expression;
  bool possible = true;
  bool changed = false;
  bool certain = true;
};

// One assessment in progress; each step below is one stage of the judgement.
class Assessor {
 public:
  Assessor(const LicenseDb::Impl& db, std::string_view text, ContentType type)
      : db_(db), text_(text), type_(type) {
    a_.canonical = std::string(text);
  }

  LicenseAssessment run() {
    if (text_.empty()) return unlicensed();
    if (plain_current_id()) return std::move(a_);
    spdx::ParseResult parsed = parse();
    leaf_license_.assign(parsed.expression.nodes.size(), -1);
    leaf_exception_.assign(parsed.expression.nodes.size(), -1);
    bool all_known = parsed.ok() && resolve_leaves(parsed.expression);
    // Free text: aliases, full names, known licenses and sentinels match the
    // whole text before it counts as a malformed or unknown expression.
    if (!all_known && whole_phrase()) return std::move(a_);
    if (!parsed.ok()) return syntax_error(parsed);
    for (const spdx::Remark& r : parsed.remarks) {
      add(Severity::warning, "license-not-canonical", r.message, r.column);
    }
    Rewrite rewrite{parsed.expression, true, !parsed.remarks.empty(), true};
    spdx::Expression& expr = parsed.expression;
    for (std::size_t i = 0; i < expr.nodes.size(); ++i) {
      if (expr.nodes[i].kind != spdx::Node::Kind::license) continue;
      check_leaf(expr.nodes[i], i, rewrite);
      if (!expr.nodes[i].exception.empty()) check_exception(expr.nodes[i], i, rewrite);
    }
    conclude(expr, judge(expr), rewrite);
    return std::move(a_);
  }

 private:
  void add(Severity s, std::string code, std::string message, int column = 0) {
    a_.findings.push_back({s, std::move(code), std::move(message), column});
  }

  // Sets suits_type, with a finding when an open license does not suit the
  // type. (LicenseInfo::note is left to callers: a note on every
  // permissively licensed dataset would drown the findings that matter.)
  void judge_fit(std::uint8_t suits) {
    if (suits & type_bit(type_)) return;
    a_.suits_type = false;
    add(Severity::warning, "license-type-unsuited",
        a_.canonical + " is meant for " + describe_types(suits) + "; " + type_subject(type_) +
            " better under " + db_.advice[static_cast<int>(type_)]);
  }

  LicenseAssessment unlicensed() {
    const int* p = db_.find_phrase("unlicensed");
    a_.reason = p && *p < 0 ? db_.known[-*p - 1].reason : "no license is given";
    a_.status = Status::unlicensed;
    return std::move(a_);
  }

  // Fast path for the common case: one current id spelled canonically.
  bool plain_current_id() {
    if (!is_plain_id(text_)) return false;
    int idx = db_.find_license(text_);
    if (idx < 0 || db_.licenses[idx].id != text_ || db_.licenses[idx].deprecated) return false;
    const LicenseInfo& info = db_.licenses[idx];
    if (!info.open) {
      a_.status = Status::not_open;
      a_.reason = db_.reason_for(info);
      add(Severity::error, "license-not-open", a_.reason);
    } else {
      a_.status = Status::open;
      judge_fit(db_.suits_mask[idx]);
    }
    return true;
  }

  // Single ids skip the expression parser.
  spdx::ParseResult parse() const {
    spdx::ParseResult parsed;
    if (!is_plain_id(text_)) return spdx::parse(text_);
    spdx::Node leaf;
    leaf.id = std::string(text_);
    leaf.column = 1;
    parsed.expression.nodes.push_back(std::move(leaf));
    parsed.expression.root = 0;
    return parsed;
  }

  // Finds every leaf's license and exception; true when all are known.
  bool resolve_leaves(spdx::Expression& expr) {
    bool all_known = true;
    for (std::size_t i = 0; i < expr.nodes.size(); ++i) {
      spdx::Node& n = expr.nodes[i];
      if (n.kind != spdx::Node::Kind::license || spdx::is_license_ref(n.id)) continue;
      int idx = -1;
      // "GPL-2.0+" is itself a (deprecated) id in the SPDX list.
      if (n.or_later) idx = db_.find_license(n.id + "+");
      if (idx >= 0) {
        n.id += '+';
        n.or_later = false;
      } else {
        idx = db_.find_license(n.id);
      }
      leaf_license_[i] = idx;
      if (idx < 0) all_known = false;
      if (!n.exception.empty()) {
        leaf_exception_[i] = db_.find_exception(n.exception);
        if (leaf_exception_[i] < 0) all_known = false;
      }
    }
    return all_known;
  }

  void from_known(const KnownLicense& k) {
    a_.reason = k.reason;
    if (k.kind == kSentinelUnlicensed) {
      a_.status = Status::unlicensed;
    } else if (k.kind == kSentinelNotIncluded) {
      a_.status = Status::not_included;
    } else {
      a_.status = Status::not_open;
      add(Severity::error, "license-not-open", k.reason);
    }
  }

  // The whole text as an alias, full name or known license; false if none.
  bool whole_phrase() {
    bool guess = false;
    const int* p = db_.find_phrase(text_, &guess);
    if (!p) return false;
    if (*p < 0) {
      from_known(db_.known[-*p - 1]);
      return true;
    }
    const LicenseInfo& target = db_.licenses[*p];
    const std::string written(text_);
    a_.status = Status::not_open;
    a_.suggestion = target.id;
    a_.suggestion_certain = !guess;
    std::string message = "'" + written + "' is not an SPDX id; did you mean " + target.id + "?";
    if (guess) message += " (check the version: the text leaves it open)";
    if (target.open) {
      a_.reason = "'" + written + "' is not an SPDX license id; write " + target.id;
      add(Severity::error, "license-alias", message);
    } else {
      a_.reason = db_.reason_for(target);
      add(Severity::warning, "license-alias", message);
      add(Severity::error, "license-not-open", a_.reason);
    }
    return true;
  }

  LicenseAssessment syntax_error(const spdx::ParseResult& parsed) {
    a_.status = Status::not_open;
    // Appended piece by piece: g++ 12 sees a false -Wrestrict in "'" + std::string(...).
    a_.reason = "'";
    a_.reason.append(text_.substr(0, 200));
    a_.reason += "' is not a valid SPDX license expression";
    add(Severity::error, "license-syntax",
        "invalid SPDX license expression at column " + std::to_string(parsed.error_column) + ": " +
            parsed.error,
        parsed.error_column);
    return std::move(a_);
  }

  // Findings and the rewrite for the license of one leaf.
  void check_leaf(spdx::Node& n, std::size_t i, Rewrite& rw) {
    if (spdx::is_license_ref(n.id)) {
      license_ref(n, rw);
      rw.expression.nodes[i].id = n.id;
    } else if (int idx = leaf_license_[i]; idx >= 0) {
      known_leaf(n, db_.licenses[idx], rw.expression.nodes[i], rw);
    } else {
      unknown_leaf(n, rw.expression.nodes[i], rw);
    }
  }

  // Canonical prefix spelling; the rest of a LicenseRef is the author's.
  void license_ref(spdx::Node& n, Rewrite& rw) {
    std::size_t ref = text::lower(n.id).find("licenseref-");
    if (n.id.compare(ref, 11, "LicenseRef-") != 0) {
      n.id.replace(ref, 11, "LicenseRef-");
      rw.changed = true;
      add(Severity::warning, "license-not-canonical",
          "write the prefix as 'LicenseRef-' in " + n.id, n.column);
    }
    if (n.id.compare(0, 12, "DocumentRef-") != 0 &&
        text::lower(n.id).rfind("documentref-", 0) == 0) {
      n.id.replace(0, 12, "DocumentRef-");
      rw.changed = true;
    }
  }

  void known_leaf(spdx::Node& n, const LicenseInfo& info, spdx::Node& out, Rewrite& rw) {
    if (n.id != info.id) {
      rw.changed = true;
      add(Severity::warning, "license-not-canonical",
          "SPDX ids match case-insensitively, but the canonical spelling of '" + n.id + "' is " +
              info.id,
          n.column);
    }
    n.id = info.id;
    out.id = info.id;
    out.or_later = n.or_later;
    if (!info.deprecated) return;
    add(Severity::warning, "license-deprecated",
        info.id + " is a deprecated SPDX id; use " + info.replacement + " instead", n.column);
    if (info.replacement.empty()) return;
    bool replacement_has_with = info.replacement.find(" WITH ") != std::string::npos;
    if (replacement_has_with && !n.exception.empty()) {
      rw.possible = false;
    } else {
      out.id = info.replacement;
      out.or_later = false;
      rw.changed = true;
    }
  }

  void unknown_leaf(const spdx::Node& n, spdx::Node& out, Rewrite& rw) {
    std::string message = "'" + n.id + "' is not an SPDX license id";
    std::string fix;
    bool guess = false;
    if (const int* p = db_.find_phrase(n.id, &guess); p && *p >= 0) {
      fix = db_.licenses[*p].id;
      rw.certain = rw.certain && !guess;
    } else {
      std::vector<int> near = db_.nearest(n.id, false);
      if (!near.empty()) fix = db_.licenses[near.front()].id;
      rw.certain = false;
      for (std::size_t k = 0; k < near.size(); ++k) {
        message += k == 0 ? "; did you mean " : " or ";
        message += db_.licenses[near[k]].id;
      }
      if (!near.empty()) message += "?";
    }
    if (!fix.empty() && message.find("did you mean") == std::string::npos) {
      message += "; did you mean " + fix + "?";
    }
    if (fix.empty()) {
      message +=
          "; use an id from the SPDX license list, or LicenseRef-<name> for a custom license";
      rw.possible = false;
    } else {
      out.id = fix;
      rw.changed = true;
    }
    add(Severity::error, "license-unknown", message, n.column);
  }

  // Findings and the rewrite for the WITH exception of one leaf.
  void check_exception(spdx::Node& n, std::size_t i, Rewrite& rw) {
    if (int e = leaf_exception_[i]; e >= 0) {
      const ExceptionInfo& ex = db_.exceptions[e];
      if (n.exception != ex.id) {
        rw.changed = true;
        add(Severity::warning, "license-not-canonical",
            "SPDX ids match case-insensitively, but the canonical spelling of '" + n.exception +
                "' is " + ex.id,
            n.exception_column);
      }
      n.exception = ex.id;
      rw.expression.nodes[i].exception = ex.id;
      return;
    }
    std::string message = "'" + n.exception + "' is not an SPDX license exception";
    std::vector<int> near = db_.nearest(n.exception, true);
    if (near.empty()) {
      rw.possible = false;
    } else {
      message += "; did you mean " + db_.exceptions[near.front()].id + "?";
      rw.expression.nodes[i].exception = db_.exceptions[near.front()].id;
      rw.changed = true;
      rw.certain = false;
    }
    add(Severity::error, "license-unknown", message, n.exception_column);
  }

  // Judges the tree bottom-up. Children always precede their parent in nodes.
  std::vector<Verdict> judge(const spdx::Expression& expr) const {
    std::vector<Verdict> v(expr.nodes.size());
    for (std::size_t i = 0; i < expr.nodes.size(); ++i) {
      const spdx::Node& n = expr.nodes[i];
      if (n.kind == spdx::Node::Kind::license) {
        v[i] = judge_leaf(n, i);
      } else if (n.kind == spdx::Node::Kind::all_of) {
        v[i] = judge_and(n, v);
      } else {
        v[i] = judge_or(n, v);
      }
    }
    return v;
  }

  Verdict judge_leaf(const spdx::Node& n, std::size_t i) const {
    Verdict out;
    if (spdx::is_license_ref(n.id)) {
      out.reason = n.id + " is a custom license mof-check cannot verify as open";
    } else if (leaf_license_[i] < 0) {
      out.reason = "'" + n.id + "' is not an SPDX license id";
    } else if (const LicenseInfo& info = db_.licenses[leaf_license_[i]]; !info.open) {
      out.reason = db_.reason_for(info);
    } else if (!n.exception.empty() && leaf_exception_[i] < 0) {
      out.reason = "'" + n.exception + "' is not a known SPDX license exception";
    } else {
      out.open = true;
      out.suits = db_.suits_mask[leaf_license_[i]];
    }
    return out;
  }

  static Verdict judge_and(const spdx::Node& n, const std::vector<Verdict>& v) {
    Verdict out;
    out.open = true;
    out.suits = 0x7;
    for (int c : n.children) {
      if (!v[c].open) {
        out.open = false;
        if (out.reason.empty()) out.reason = v[c].reason;
      }
      out.suits = static_cast<std::uint8_t>(out.suits & v[c].suits);
    }
    if (!out.open) out.suits = 0;
    return out;
  }

  // OR: the licensee may pick any side; prefer an open one that suits the type.
  Verdict judge_or(const spdx::Node& n, const std::vector<Verdict>& v) const {
    Verdict out;
    const std::uint8_t want = type_bit(type_);
    int pick = -1;
    for (int c : n.children) {
      if (v[c].open && (pick < 0 || (!(v[pick].suits & want) && (v[c].suits & want)))) pick = c;
    }
    if (pick >= 0) {
      out.open = true;
      out.suits = v[pick].suits;
      out.pick = pick;
    } else {
      out.reason = v[n.children.front()].reason;
    }
    return out;
  }

  void conclude(const spdx::Expression& expr, const std::vector<Verdict>& v, const Rewrite& rw) {
    const Verdict& top = v[expr.root];
    a_.canonical = spdx::to_string(expr);
    if (rw.possible && rw.changed) {
      a_.suggestion = spdx::to_string(rw.expression);
      a_.suggestion_certain = rw.certain;
    }
    if (top.open) {
      a_.status = Status::open;
      a_.reason.clear();
      if (expr.nodes[expr.root].kind == spdx::Node::Kind::any_of) {
        // Name the choice that makes it open.
        spdx::Expression sub = expr;
        sub.root = top.pick;
        a_.reason = "open through the choice of " + spdx::to_string(sub);
      }
      judge_fit(top.suits);
      return;
    }
    a_.status = Status::not_open;
    a_.reason = top.reason;
    bool reported =
        std::any_of(a_.findings.begin(), a_.findings.end(),
                    [](const LicenseFinding& f) { return f.severity == Severity::error; });
    if (!reported) {
      bool single = expr.nodes[expr.root].kind == spdx::Node::Kind::license;
      add(Severity::error, "license-not-open",
          single ? a_.reason : a_.canonical + " is not open: " + a_.reason);
    }
  }

  const LicenseDb::Impl& db_;
  std::string_view text_;
  ContentType type_;
  LicenseAssessment a_;
  std::vector<int> leaf_license_, leaf_exception_;  // per node; -1 when unknown
};

}  // namespace

LicenseAssessment LicenseDb::Impl::assess(std::string_view text, ContentType type) const {
  return Assessor(*this, text, type).run();
}

LicenseAssessment LicenseDb::assess(std::string_view written, ContentType type) const {
  try {
    std::string_view text = text::trim(written);
    LicenseAssessment a = impl_->assess(text, type);
    // Columns count from the text as written, leading blanks included.
    int lead = static_cast<int>(text.empty() ? 0 : text.data() - written.data());
    for (LicenseFinding& f : a.findings) {
      if (f.column > 0) f.column += lead;
    }
    return a;
  } catch (const std::exception&) {
    // Only allocation failure can get here; a verdict beats a crash.
    LicenseAssessment a;
    a.status = Status::not_open;
    a.reason = "the license text could not be assessed";
    return a;
  }
}

}  // namespace mofcheck
