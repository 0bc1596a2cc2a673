// Roster index and accent-insensitive name search.
#include "core/roster.hpp"

#include <algorithm>
#include <tuple>

#include "core/collate.hpp"

namespace meedoen::core {

namespace {

// ASCII base letter for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A),
// which covers Dutch, Turkish, Polish and most other Latin-script names in the neighbourhood.
constexpr std::string_view kFoldC0 = "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty";
constexpr std::string_view kFold100 =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooo"
    "oooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Decodes one UTF-8 sequence; malformed bytes decode as U+FFFD and advance by one.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    i += 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0) {
    const int c1 = cont(1);
    if (c1 >= 0) {
      i += 2;
      return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
    }
  } else if ((b0 & 0xF0) == 0xE0) {
    const int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      i += 3;
      return static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
    }
  } else if ((b0 & 0xF8) == 0xF0) {
    const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      i += 4;
      return static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
    }
  }
  i += 1;
  return 0xFFFD;
}

bool starts_with_word(const std::string& folded, std::string_view q) {
  if (q.empty()) return true;
  for (std::size_t pos = 0; pos < folded.size();) {
    if (folded.compare(pos, q.size(), q) == 0) return true;
    const std::size_t next = folded.find_first_of(" -'", pos);
    if (next == std::string::npos) break;
    pos = next + 1;
  }
  return false;
}

}  // namespace

std::string fold_for_search(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    char c = 0;
    if (cp < 0x80) {
      c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (cp >= 0xC0 && cp < 0x100) {
      c = kFoldC0[cp - 0xC0];
    } else if (cp >= 0x100 && cp < 0x180) {
      c = kFold100[cp - 0x100];
    } else if (cp == 0x2019 || cp == 0x2018) {
      c = '\'';
    }
    if (c != 0 && !(c == ' ' && (out.empty() || out.back() == ' '))) out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Roster::Roster(std::vector<Participant> people) : Roster(std::move(people), {}) {}

Roster::Roster(std::vector<Participant> people, std::vector<std::string> sort_keys) {
  // Sorted by key, ties by the name's bytes: collate()'s order.
  struct Named {
    std::string key, name;
    Participant* p;
  };
  std::vector<Named> named;
  named.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    std::string name = people[i].first_name + " " + people[i].last_name;
    std::string key = i < sort_keys.size() && !sort_keys[i].empty() ? std::move(sort_keys[i]) : collation_key(name);
    named.push_back({std::move(key), std::move(name), &people[i]});
  }
  std::stable_sort(named.begin(), named.end(),
                   [](const Named& a, const Named& b) { return std::tie(a.key, a.name) < std::tie(b.key, b.name); });
  m_people.reserve(people.size());
  for (auto& n : named) m_people.push_back(std::move(*n.p));
  m_folded.reserve(m_people.size());
  for (std::size_t i = 0; i < m_people.size(); ++i) {
    const auto& p = m_people[i];
    m_folded.push_back(fold_for_search(p.first_name + " " + p.last_name));
    m_by_id.emplace(p.id, i);
    if (!p.card_code.empty()) m_by_card.emplace(p.card_code, i);
  }
}

const Participant* Roster::find(const std::string& id) const {
  const auto it = m_by_id.find(id);
  return it == m_by_id.end() ? nullptr : &m_people[it->second];
}

const Participant* Roster::find_by_card(const std::string& code) const {
  const auto it = m_by_card.find(code);
  return it == m_by_card.end() ? nullptr : &m_people[it->second];
}

std::vector<const Participant*> Roster::search(std::string_view query, std::size_t max) const {
  std::vector<const Participant*> out;
  const std::string q = fold_for_search(query);
  if (q.empty()) return out;
  for (std::size_t i = 0; i < m_people.size() && out.size() < max; ++i)
    if (starts_with_word(m_folded[i], q)) out.push_back(&m_people[i]);
  return out;
}

}  // namespace meedoen::core
