// The roster of participants, indexed for card lookup and name search at the kiosk.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace meedoen::core {

// Lower-case ASCII fold of a UTF-8 name: "Çelik" -> "celik", "Łucja" -> "lucja", "Ö" -> "o".
std::string fold_for_search(std::string_view utf8);

class Roster {
 public:
  Roster() = default;
  // In the order people expect names in (core/collate): "Łucja" with the L's, not after Z.
  explicit Roster(std::vector<Participant> people);
  // The same order from each name's kept sort key (core::collation_key of "first last", parallel to
  // people): no ICU unless a key is missing ("").
  Roster(std::vector<Participant> people, std::vector<std::string> sort_keys);

  const std::vector<Participant>& all() const { return m_people; }
  const Participant* find(const std::string& id) const;
  const Participant* find_by_card(const std::string& code) const;
  // Participants whose first name, last name or full name starts with the query, at most max.
  std::vector<const Participant*> search(std::string_view query, std::size_t max) const;

 private:
  std::vector<Participant> m_people;
  std::vector<std::string> m_folded;  // "first last" folded, parallel to m_people
  std::unordered_map<std::string, std::size_t> m_by_id, m_by_card;
};

using RosterPtr = std::shared_ptr<const Roster>;

}  // namespace meedoen::core
