// meedoen-server's connection handling: idle keep-alive and slow clients cost a socket, not a
// thread, so they cannot starve a kiosk's sync; a request that waits on the database stalls no
// other connection; SIGTERM lets a request in flight finish. Bounds are generous (a loaded CI
// machine): these check behaviour, bench_load measures it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "support/sync_fixture.hpp"
#include "sync/client.hpp"

using namespace meedoen;
using namespace meedoen::test;
using Clock = std::chrono::steady_clock;

namespace {

// A connected socket to the server on loopback (blocking, reads give up after 5 s), -1 when it
// cannot connect.
int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  const timeval five{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &five, sizeof five);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_text(int fd, const std::string& s) {
  return ::send(fd, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
}

// Open sockets, closed when the test ends.
struct Sockets {
  std::vector<int> fds;
  ~Sockets() {
    for (int fd : fds) ::close(fd);
  }
};

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

TEST_CASE("server: idle keep-alive and slow-loris connections do not delay a kiosk's sync", "[server][connections]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess server(dir);
  server.start("--workers 4");
  TestKiosk k(dir, "k", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);  // enrolled, roster pulled

  Sockets open;
  // 300 keep-alive connections that asked once and then went quiet (more than the old server's
  // threads many times over), 100 that never sent a byte...
  for (int i = 0; i < 300; ++i) {
    const int fd = connect_to(server.port());
    REQUIRE(fd >= 0);
    REQUIRE(send_text(fd, "GET /v1/time HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    char buf[512];
    REQUIRE(::recv(fd, buf, sizeof buf, 0) > 0);  // answered; the connection stays open
    open.fds.push_back(fd);
  }
  for (int i = 0; i < 100; ++i) open.fds.push_back(connect_to(server.port()));
  // ...and 200 slow loris: half a request head, more bytes trickling in, never finished.
  std::vector<int> loris;
  for (int i = 0; i < 200; ++i) {
    const int fd = connect_to(server.port());
    REQUIRE(fd >= 0);
    REQUIRE(send_text(fd, "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"));
    loris.push_back(fd);
    open.fds.push_back(fd);
  }
  for (int fd : loris) send_text(fd, "b");

  k.write_events(5, kMonday0942);
  for (int round = 0; round < 3; ++round) {
    const auto t = Clock::now();
    const auto r = k.sync();
    CHECK(r.ok);
    CHECK(seconds_since(t) < 2.0);
    for (int fd : loris) send_text(fd, "c");
  }
  CHECK(server_events(server) == 5);
  CHECK(k.unsent() == 0);
}

TEST_CASE("server: a push waiting on the database does not stall other connections", "[server][connections]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start("--fault-push-delay-ms 2500");
  TestKiosk k(dir, "k", server.url(), server.enrol_code());
  k.write_events(3, kMonday0942);
  std::thread slow([&] { CHECK(k.sync().ok); });  // enrols, then its push sleeps inside its transaction
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  sync::Client c(sync::ClientOptions{server.url(), ""});
  for (int i = 0; i < 10; ++i) {
    const auto t = Clock::now();
    CHECK(c.get("/v1/time", "").status == 200);
    CHECK(seconds_since(t) < 1.0);
  }
  slow.join();
  CHECK(server_events(server) == 3);
}

TEST_CASE("server: SIGTERM lets a push in flight finish and answer, then stops", "[server][connections]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess server(dir);
  server.start("--fault-push-delay-ms 1500");
  TestKiosk k(dir, "k", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);  // enrolled; nothing to push yet
  k.write_events(4, kMonday0942);
  sync::CycleResult r;
  std::thread pushing([&] { r = k.sync(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the push is inside its transaction
  const auto t = Clock::now();
  server.stop(SIGTERM);  // waits for the process to exit
  pushing.join();
  CHECK(seconds_since(t) < 10.0);
  // The push was answered and committed; the pull after it found the server gone.
  CHECK(server_events(server) == 4);
  CHECK(k.unsent() == 0);
  CHECK(r.pushed == 4);
  CHECK(server.log().find("stopping (signal 15)") != std::string::npos);
  CHECK(connect_to(server.port()) < 0);  // no longer listening
}

TEST_CASE("server: a body over the limit is refused from its Content-Length before it is sent",
          "[server][connections]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  Sockets open;
  const int fd = connect_to(server.port());
  REQUIRE(fd >= 0);
  open.fds.push_back(fd);
  // 100 MiB announced, the client waits for "100 Continue": the answer is 413 and no body is read.
  REQUIRE(send_text(fd,
                    "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Length: 104857600\r\nExpect: 100-continue\r\n\r\n"));
  std::string answer;
  char buf[1024];
  for (ssize_t n; answer.find("}") == std::string::npos && (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
    answer.append(buf, static_cast<std::size_t>(n));
  CHECK(answer.rfind("HTTP/1.1 413", 0) == 0);
  CHECK(answer.find("larger than the server accepts") != std::string::npos);
  CHECK(answer.find("100 Continue") == std::string::npos);
}
