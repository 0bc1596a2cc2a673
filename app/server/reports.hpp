// Reports for the municipality: attendance per centre and period, and today's exceptions.
// Derived from the stored events with the same fold the kiosks use. Each row names the centre,
// the kiosk that recorded it and when it was recorded.
#pragma once
#include <string>
#include <vector>

#include "server/server_store.hpp"

namespace meedoen::server {

// A report as a table of text cells; written as JSON (array of objects) or CSV.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
std::string to_json(const Table& t);
std::string to_csv(const Table& t);

// Present (check-in/out, "not checked out" when closed by the kiosk), reported absent (reason),
// and volunteer hours, for dates in [from, to].
Table attendance_report(const ServerStore& s, const std::string& centre, const std::string& from,
                        const std::string& to);
// On date: mandatory participants with neither a check-in nor an absence report, and
// participants not seen (no check-in) for days days or more.
Table exceptions_report(const ServerStore& s, const std::string& centre, const std::string& date, int days);

// ISO date arithmetic for the reports ("2026-11-23" minus 14 days).
std::string add_days(const std::string& iso_date, int days);

}  // namespace meedoen::server
