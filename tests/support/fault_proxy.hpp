// A small fault-injecting TCP proxy on loopback, between a kiosk and meedoen-server: per
// connection it passes traffic, drops the connection before forwarding, forwards the request
// but loses the answer (the server committed, the kiosk never hears it), or cuts the answer
// off after a few bytes. The plan decides per connection number (0, 1, 2, ...).
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace meedoen::test {

class FaultProxy {
 public:
  enum class Fault { None, DropAtOnce, LoseAnswer, TruncateAnswer };

  FaultProxy(int upstream_port, std::function<Fault(int connection)> plan)
      : m_upstream(upstream_port), m_plan(std::move(plan)) {
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(m_listen, 64) != 0)
      throw std::runtime_error("fault proxy: cannot listen");
    socklen_t len = sizeof a;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&a), &len);
    m_port = ntohs(a.sin_port);
    m_accept = std::thread([this] { accept_loop(); });
  }
  ~FaultProxy() {
    m_stop = true;
    m_accept.join();
    std::lock_guard lock(m_mu);
    for (auto& t : m_threads) t.join();
    ::close(m_listen);
  }
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return m_port; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  int connections() const { return m_count; }
  int faults() const { return m_faults; }

 private:
  void accept_loop() {
    while (!m_stop) {
      pollfd p{m_listen, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(m_listen, nullptr, nullptr);
      if (client < 0) continue;
      const Fault f = m_plan(m_count++);
      if (f != Fault::None) ++m_faults;
      std::lock_guard lock(m_mu);
      m_threads.emplace_back([this, client, f] { pump(client, f); });
    }
  }

  void pump(int client, Fault fault) {
    if (fault == Fault::DropAtOnce) {
      ::close(client);
      return;
    }
    const int up = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(m_upstream));
    if (::connect(up, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(up);
      ::close(client);
      return;
    }
    char buf[16384];
    std::size_t answered = 0;
    bool open = true;
    while (open && !m_stop) {
      pollfd p[2] = {{client, POLLIN, 0}, {up, POLLIN, 0}};
      if (::poll(p, 2, 50) <= 0) continue;
      if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
        const ssize_t n = ::read(client, buf, sizeof buf);
        if (n <= 0 || ::write(up, buf, static_cast<std::size_t>(n)) != n) open = false;
      }
      if (open && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
        const ssize_t n = ::read(up, buf, sizeof buf);
        if (n <= 0) break;
        if (fault == Fault::LoseAnswer) break;  // the server has answered, so it has committed
        std::size_t pass = static_cast<std::size_t>(n);
        if (fault == Fault::TruncateAnswer) pass = std::min<std::size_t>(pass, answered < 40 ? 40 - answered : 0);
        if (pass > 0 && ::write(client, buf, pass) != static_cast<ssize_t>(pass)) break;
        answered += pass;
        if (fault == Fault::TruncateAnswer && answered >= 40) break;
      }
    }
    ::close(up);
    ::close(client);
  }

  int m_upstream;
  std::function<Fault(int)> m_plan;
  int m_listen = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_count{0}, m_faults{0};
  std::thread m_accept;
  std::mutex m_mu;
  std::vector<std::thread> m_threads;
};

}  // namespace meedoen::test
