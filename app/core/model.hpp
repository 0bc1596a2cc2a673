// Domain values: participants, coaches, activities, dagdelen and the kiosk's configuration.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace meedoen::core {

constexpr int kWeekDays = 7;  // the kiosk's week: today and the coming six days

// A dagdeel (half day) is the unit of attendance.
enum class Dagdeel : std::uint8_t { Morning, Afternoon, Evening };

// Why the kiosk's own database cannot be trusted with a confirmation (storage/health): then the
// kiosk confirms nothing and tells the coach what happened and what to do.
enum class StorageFault : std::uint8_t { None, Damaged, ReadOnly, DiskFull };
constexpr std::array<Dagdeel, 3> kDagdelen{Dagdeel::Morning, Dagdeel::Afternoon, Dagdeel::Evening};
const char* dagdeel_key(Dagdeel d);  // "morning" / "afternoon" / "evening"
bool dagdeel_from_key(const std::string& key, Dagdeel& out);

struct DagdeelTimes {
  int start = 0;  // minute of day
  int end = 0;    // exclusive
};

struct Participant {
  std::string id;
  std::string first_name;
  std::string last_name;
  std::string card_code;
  std::string language;    // preferred UI language, "" = centre default
  bool mandatory = false;  // coaches only; never shown to participants
  std::string coach_id;
  int agreed_minutes_per_week = 0;  // volunteer hours agreed with the coach; 0 = none
  bool show_agreed_hours = false;   // the coach chose to show the agreed hours on the kiosk
  bool photo_consent = false;       // may appear as a tile in the identification grid
  // Agreements made at intake (coaches only; from the roster)
  std::string start_date;          // ISO date the programme started, "" = unknown
  std::string end_date;            // ISO date the programme ends, "" = open-ended
  int talk_every_days = 0;         // a talk with the coach is due this often; 0 = no rhythm agreed
  std::uint32_t agreed_parts = 0;  // the dagdelen they are expected: bit agreed_bit(weekday, dagdeel)
};

// Bit of a weekday (0 = Monday) and dagdeel in Participant::agreed_parts.
constexpr std::uint32_t agreed_bit(int weekday, Dagdeel d) { return 1u << (weekday * 3 + static_cast<int>(d)); }
// agreed_parts holds one bit per dagdeel of the week: anything above is not a dagdeel.
constexpr std::uint32_t kAgreedPartsEnd = 1u << (kWeekDays * 3);

// [SECTION] Limits of the agreements (the roster import, the coach's editor and validate() share them)
constexpr int kMaxTalkEveryDays = 365;       // a talk rhythm of at most a year
constexpr int kMaxAgreedMinutes = 60 * 60;   // at most 60 hours a week
constexpr int kAgreedMinutesStep = 15;       // agreed hours in quarter hours
constexpr std::size_t kMaxNameLength = 100;  // characters of a first or last name

// The languages the kiosk offers: each has a complete catalogue in assets/i18n/<code>.po
// (tests/ui/i18n_test.cpp checks each). The kiosk's configuration, the roster import and the
// language buttons all read this list. Arabic is drawn right to left and joined (ui/bidi/);
// Arabic and Tigrinya cover the participant's screens (coach mode falls back to Dutch).
inline constexpr std::array<std::string_view, 6> kLanguages{"nl", "en", "tr", "pl", "ar", "ti"};
bool known_language(std::string_view code);
std::string known_languages_text();  // "nl, en, tr, pl, ar, ti"

struct Coach {
  std::string id;
  std::string name;
};

// A weekly recurring activity of the centre's programme.
struct Activity {
  std::string id;
  std::string title;
  std::string icon;  // pictogram key, see ui/widgets/icons
  int weekday = 0;   // 0 = Monday
  Dagdeel dagdeel = Dagdeel::Morning;
  int start = 0, end = 0;  // minutes of day
  std::string place;
  std::string leader;
  int capacity = 0;  // 0 = no limit
  bool volunteer_work = false;
  bool active = true;  // false = taken off the programme (kept for history and reports)
  std::string date;    // "" = every week on `weekday`; else once, on this ISO date (weekday matches it)
  bool operator==(const Activity&) const = default;
};

// An attendance of one participant in one dagdeel, as derived from the journal.
struct Attendance {
  std::string participant_id;
  std::string date;  // local ISO date
  Dagdeel dagdeel = Dagdeel::Morning;
  TimeMs check_in = 0;
  TimeMs check_out = 0;        // 0 while still checked in
  std::string check_in_event;  // the journal event that opened it
  bool auto_closed = false;    // closed by the kiosk at the end of the dagdeel: "not checked out"
  bool answered = false;       // the participant confirmed or corrected the recorded end
  TimeMs proposed_end = 0;     // the participant's correction, waiting for a coach; 0 = none
  bool by_coach = false;       // recorded by a coach (attendance_recorded): nobody checked in
  bool end_unknown = false;    // the participant did not know when they left: waits for a coach
  bool open() const { return check_out == 0; }
  bool operator==(const Attendance&) const = default;
};

// Why a participant reports absent in advance; shown as pictograms.
enum class AbsenceReason : std::uint8_t { Sick, Medical, Care, Appointment, Other };
constexpr std::array<AbsenceReason, 5> kAbsenceReasons{AbsenceReason::Sick, AbsenceReason::Medical, AbsenceReason::Care,
                                                       AbsenceReason::Appointment, AbsenceReason::Other};
const char* reason_key(AbsenceReason r);  // "sick", "medical", "care", "appointment", "other"
bool reason_from_key(const std::string& key, AbsenceReason& out);

struct Absence {
  std::string event_id;
  std::string participant_id;
  std::string date;
  Dagdeel dagdeel = Dagdeel::Morning;
  AbsenceReason reason = AbsenceReason::Other;
  bool withdrawn = false;
};

// One occurrence of an activity on a date, and who signed up.
struct SignUp {
  std::string activity_id;
  std::string date;
  std::string participant_id;
  TimeMs at = 0;                   // when they signed up
  bool placed = false;             // has a place; false = on the waiting list
  int waiting_position = 0;        // 1, 2, ... on the waiting list; 0 when placed
  bool from_waiting_list = false;  // got a place that freed up after they joined the list
};

enum class HoursStatus : std::uint8_t { Waiting, Approved, Rejected };

struct HoursEntry {
  std::string event_id;
  std::string participant_id;
  std::string date;
  std::string place;
  int minutes = 0;           // as logged by the participant
  int approved_minutes = 0;  // as approved by the coach
  HoursStatus status = HoursStatus::Waiting;
  TimeMs logged_at = 0;
};

// A place where a participant does volunteer work (a host organisation).
struct VolunteerPlace {
  std::string id;
  std::string name;
  std::string icon;
};

// A planned appointment, such as a talk with the coach.
struct Appointment {
  std::string id;
  std::string participant_id;
  TimeMs at = 0;
  std::string title;
  std::string icon;
};

// [SECTION] The coach's records about a participant (coach mode only, never on participant screens)

// The participation ladder's five problem areas (DOMAIN.md), each "being worked on" or "under
// control" at an assessment; None = not a concern for this participant.
enum class ProblemArea : std::uint8_t { Psychological, Financial, Social, Addiction, Physical };
constexpr std::array<ProblemArea, 5> kProblemAreas{ProblemArea::Psychological, ProblemArea::Financial,
                                                   ProblemArea::Social, ProblemArea::Addiction, ProblemArea::Physical};
const char* area_key(ProblemArea a);  // "psychological", "financial", "social", "addiction", "physical"
enum class AreaStatus : std::uint8_t { None, Working, UnderControl };
const char* area_status_key(AreaStatus s);  // "none", "working", "under_control"
bool area_status_from_key(const std::string& key, AreaStatus& out);

// When the ladder was recorded: at the start, monthly, at exit.
enum class LadderMoment : std::uint8_t { Start, Monthly, Exit };
const char* moment_key(LadderMoment m);  // "start", "monthly", "exit"
bool moment_from_key(const std::string& key, LadderMoment& out);

constexpr int kLadderProgressSteps = 4;  // progress within a rung: 0 .. 4 quarters

struct LadderAssessment {
  std::string event_id;
  std::string participant_id;
  std::string date;  // local ISO date of the assessment
  LadderMoment moment = LadderMoment::Monthly;
  int rung = 1;                       // 1 .. number of rungs in the configuration
  int progress = 0;                   // 0 .. kLadderProgressSteps within the rung
  std::array<AreaStatus, 5> areas{};  // indexed like kProblemAreas
  std::string coach_id;
  TimeMs at = 0;
};

// A coach's short free-text note; talk = it records an individual talk (resets "talk due").
struct CoachNote {
  std::string event_id;
  std::string participant_id;
  std::string date;
  std::string text;
  bool talk = false;
  std::string coach_id;
  TimeMs at = 0;
};
constexpr std::size_t kMaxNoteLength = 2000;

// Why a participant left the programme: a fixed list (the centre's quarterly figures, DOMAIN.md).
enum class ExitReason : std::uint8_t {
  Work,
  SubsidisedWork,
  VolunteerWork,
  OtherProgramme,
  Care,
  OffBenefit,
  Moved,
  Stopped,
  Other
};
constexpr std::array<ExitReason, 9> kExitReasons{
    ExitReason::Work,           ExitReason::SubsidisedWork, ExitReason::VolunteerWork,
    ExitReason::OtherProgramme, ExitReason::Care,           ExitReason::OffBenefit,
    ExitReason::Moved,          ExitReason::Stopped,        ExitReason::Other};
// "work", "subsidised_work", "volunteer_work", "other_programme", "care", "off_benefit", "moved", "stopped", "other"
const char* exit_reason_key(ExitReason r);
bool exit_reason_from_key(const std::string& key, ExitReason& out);

struct Exit {
  std::string event_id;
  std::string participant_id;
  std::string date;
  ExitReason reason = ExitReason::Other;
  std::string coach_id;
  TimeMs at = 0;
};

struct IdentificationMethods {
  bool card = true;
  bool name_search = true;
  bool photo_grid = false;
};

struct KioskConfig {
  std::string centre_id = "de-cirkel";
  std::string centre_name = "De Cirkel";
  // The centre's locale ([centre] locale; the server's "locale" setting wins once synced): its CSV
  // exports use ';' and a decimal comma in Dutch, as Dutch Excel expects (export/csv.hpp).
  std::string locale = "nl-NL";
  std::array<DagdeelTimes, 3> dagdelen{{{9 * 60, 12 * 60 + 30}, {13 * 60, 17 * 60}, {18 * 60, 21 * 60 + 30}}};
  IdentificationMethods identification;
  bool show_volunteer_hours = true;  // the volunteer-hours tile on the home screen
  std::string default_language = "nl";
  // Arabic and Tigrinya are offered where a centre lists them ([languages] available): the row of
  // language buttons is measured for four at 1024x600 (tests/ui/i18n_test.cpp).
  std::vector<std::string> languages{"nl", "en", "tr", "pl"};
  std::string database_path;  // "" = $XDG_DATA_HOME/meedoen/kiosk.db
  int inactivity_seconds = 30;
  int prompt_seconds = 10;
  int confirmation_seconds = 5;
  std::string server_url;       // the municipal server ([sync] server_url; "" = offline)
  std::string sync_enrol_code;  // one-time code from meedoen-server enrol-kiosk
  std::string sync_ca_bundle;   // PEM file of trusted CAs for https ("" = the system's)
  int sync_pull_seconds = 60;   // how often to ask the server for changes
  // Coach mode ([coach] in kiosk.toml)
  int not_seen_days = 14;  // "not seen for N days" on Today
  // The participation ladder's rungs, lowest first ([coach] ladder_rungs): they differ per municipality.
  std::vector<std::string> ladder_rungs{
      "Geïsoleerd",     "Sociale contacten buiten de deur", "Deelname aan georganiseerde activiteiten",
      "Onbetaald werk", "Betaald werk met ondersteuning",   "Betaald werk"};
  std::string export_dir;  // where coach exports go; "" = $XDG_DATA_HOME/meedoen/exports
  // Screen off at night ([screen]): from off_from until on_at (minutes of the local day, may
  // wrap past midnight) the kiosk draws black and sleeps; a touch or key wakes it. -1 = always on.
  int screen_off_from = -1;
  int screen_on_at = -1;
  // [security] require_encrypted_storage: the database must be on an encrypted disk (dm-crypt,
  // LUKS2); when it is not, coach mode's Today says so and the log does (storage/at_rest).
  bool require_encrypted_storage = false;
};

// True when the screen should be dark at this minute of the local day ([screen] in kiosk.toml).
bool screen_dark_at(const KioskConfig& cfg, int minute_of_day);
// Minutes from minute_of_day until the screen's next switch (on or off); -1 without a schedule.
int minutes_to_screen_switch(const KioskConfig& cfg, int minute_of_day);

// The dagdeel a check-in at this minute belongs to: the one running, else the next one today,
// else the last one of the day.
Dagdeel dagdeel_at(const KioskConfig& cfg, int minute_of_day);

// When the kiosk closes a check-in left open: at the end of its dagdeel, or, for a check-in
// made after that end (late in the evening), at the end of that day.
TimeMs auto_close_time(const KioskConfig& cfg, const Attendance& a);

// A PIN guard as the kiosk's database keeps it (local state, never synced): a restart clears no
// lockout. Written by SaveLockout before the screen says "wrong PIN"; read back at start.
struct Lockout {
  std::string participant_id;  // "" = the coach PIN pad (CoachGuard)
  int wrong = 0;
  int locks = 0;  // the coach's locks so far (PinGuard has none)
  TimeMs until = 0;
  bool operator==(const Lockout&) const = default;
};

// An event stamped by a clock far off: more than kMaxClockDrift (core/hlc.hpp) ahead of the
// server's clock (it said so in the pull) or of this kiosk's when it arrived. Kept like any
// other event, and listed for the coach to check (coach mode's Today).
struct ClockOffEvent {
  std::string event_id;
  std::string participant_id;  // "" for an event about no participant (a programme change)
  std::string type;            // "check_in", ...
  std::string device_id;       // the kiosk whose clock it was
  TimeMs wall = 0;             // when that kiosk said it happened
  TimeMs received = 0;         // when this kiosk received it
  bool by_server = false;      // flagged by the server, not only by this kiosk
};

}  // namespace meedoen::core
