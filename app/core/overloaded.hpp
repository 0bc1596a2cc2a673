// The overload set for std::visit over the action, command and event variants.
#pragma once

namespace meedoen::core {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace meedoen::core
