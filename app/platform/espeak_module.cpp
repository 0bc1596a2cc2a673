// The espeak-ng module's entry (platform/espeak.hpp): espeak-ng itself behind the table.
#include "platform/espeak.hpp"
#include "version.hpp"

namespace meedoen::platform::espeak {
namespace {

const EspeakTable kTable{
    {kEspeakModule.abi, kVersion},
    [] {
      bool ok = false;
      std::string error;
      return modules::guarded(error, [&] { ok = start(); }) && ok;
    },
    [](const std::string& language, std::string& voice) {
      std::string error;
      return modules::guarded(error, [&] { voice = voice_for(language); });
    },
    [](const std::string& voice, const std::string& text, const Synthesiser::Sink& sink) {
      bool ok = false;
      std::string error;
      return modules::guarded(error, [&] { ok = speak(voice, text, sink); }) && ok;
    },
};

}  // namespace
}  // namespace meedoen::platform::espeak

MEEDOEN_MODULE_ENTRY const meedoen::modules::ModuleHead* meedoen_espeak_module() {
  return &meedoen::platform::espeak::kTable.head;
}
