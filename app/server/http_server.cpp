// libmicrohttpd behind meedoen-server: epoll I/O threads read whole requests, a worker pool runs
// the routes that touch the database (the connection is suspended meanwhile, so a request that
// waits on SQLite or PostgreSQL stalls no other connection), and the answer goes back on I/O.
#include "server/http_server.hpp"

#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <strings.h>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace meedoen::server {

std::string Request::get_header_value(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (strcasecmp(k.c_str(), name.c_str()) == 0) return v;
  return "";
}

std::string Request::get_param_value(const std::string& key) const {
  const auto it = params.find(key);
  return it == params.end() ? "" : it->second;
}

namespace {

void log(const std::string& line) { std::fprintf(stderr, "meedoen-server: %s\n", line.c_str()); }

// [SECTION] Worker pool: runs Store and Sync routes, in arrival order.
class WorkerPool {
 public:
  explicit WorkerPool(int n) {
    for (int i = 0; i < n; ++i) m_threads.emplace_back([this] { run(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(m_mu);
      m_stop = true;
    }
    m_cv.notify_all();
    for (auto& t : m_threads) t.join();  // the queue is drained first: every suspended request is answered
  }
  void post(std::function<void()> job) {
    {
      std::lock_guard lock(m_mu);
      m_jobs.push_back(std::move(job));
    }
    m_cv.notify_one();
  }

 private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(m_mu);
        m_cv.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty()) return;
        job = std::move(m_jobs.front());
        m_jobs.pop_front();
      }
      job();
    }
  }
  std::mutex m_mu;
  std::condition_variable m_cv;
  std::deque<std::function<void()>> m_jobs;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

// One request from its head to its completion (MHD's per-request context).
struct Exchange {
  Request req;
  Response res;
  bool too_large = false;
  bool dispatched = false;         // handed to a worker; the connection is suspended
  std::atomic<bool> ready{false};  // the worker's answer is in res
};

// The peer's numeric address (for per-address limits and logs).
std::string peer_address(MHD_Connection* c) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!info || !info->client_addr) return "";
  char host[NI_MAXHOST];
  const socklen_t len =
      info->client_addr->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : static_cast<socklen_t>(sizeof(sockaddr_in));
  if (getnameinfo(info->client_addr, len, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) return "";
  return host;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A listening socket on host:port (any address getaddrinfo gives for host); -1 when none binds.
int listen_on(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
    if (fd < 0) continue;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // A backlog for a stampede: 5,000 kiosks back after an outage connect within seconds.
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 4096) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

int bound_port(int fd) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return -1;
  if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&a)->sin6_port);
  return ntohs(reinterpret_cast<sockaddr_in*>(&a)->sin_port);
}

// Every connection is a descriptor: raise the soft limit to the hard one, and keep the connection
// limit below it (with room for the database, logs and the listening socket).
int usable_connections(int wanted) {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return wanted;
  if (r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
    ::getrlimit(RLIMIT_NOFILE, &r);
  }
  const auto room = static_cast<long long>(r.rlim_cur) - 64;
  if (room < wanted) {
    log("the descriptor limit (ulimit -n " + std::to_string(r.rlim_cur) + ") allows " +
        std::to_string(std::max(room, 16LL)) + " connections, not " + std::to_string(wanted));
    return static_cast<int>(std::max(room, 16LL));
  }
  return wanted;
}

}  // namespace

// [SECTION] Impl

struct HttpServer::Impl {
  HttpOptions opt;
  std::vector<Route> routes;
  ErrorReply error;
  std::string cert, key;  // PEM text: MHD keeps pointers to them while it runs
  MHD_Daemon* daemon = nullptr;
  int listen_fd = -1;
  std::unique_ptr<WorkerPool> pool;
  std::atomic<int> active{0};     // requests whose head has arrived and that are not completed
  std::atomic<int> in_flight{0};  // Sync requests queued or running on a worker
  std::atomic<bool> stopping{false};

  const Route* find(const std::string& method, const std::string& path) const {
    const std::string m = method == "HEAD" ? "GET" : method;
    for (const auto& r : routes)
      if (r.path == path && r.method == m) return &r;
    return nullptr;
  }

  MHD_Result queue(MHD_Connection* c, const Response& r) const {
    MHD_Response* resp =
        MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type.c_str());
    for (const auto& [k, v] : r.headers) MHD_add_response_header(resp, k.c_str(), v.c_str());
    // While stopping, a keep-alive connection is closed after its answer instead of sending more.
    if (stopping) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(r.status), resp);
    MHD_destroy_response(resp);
    return ok;
  }

  MHD_Result reply_error(MHD_Connection* c, int status, const std::string& code, const std::string& reason,
                         const char* retry_after = nullptr) const {
    Response r;
    error(r, status, code, reason);
    if (retry_after) r.set_header("Retry-After", retry_after);
    return queue(c, r);
  }

  // Appends MHD's values of one kind (headers, query arguments; decoded) to a vector or multimap.
  template <class Into>
  static void collect(MHD_Connection* c, MHD_ValueKind kind, Into& into) {
    MHD_get_connection_values(
        c, kind,
        [](void* cls, MHD_ValueKind, const char* k, const char* v) {
          auto& out = *static_cast<Into*>(cls);
          out.insert(out.end(), {k, v ? v : ""});
          return MHD_YES;
        },
        &into);
  }

  // Runs the route on a worker while the connection is suspended; the answer is queued when MHD
  // calls on_request again after the resume.
  void dispatch(MHD_Connection* c, Exchange* x, const Route& route) {
    x->dispatched = true;
    const bool counted = route.kind == RouteKind::Sync;
    MHD_suspend_connection(c);
    pool->post([this, c, x, &route, counted] {
      run(route, x->req, x->res);
      if (counted) --in_flight;
      x->ready = true;
      MHD_resume_connection(c);
    });
  }

  void run(const Route& route, const Request& req, Response& res) const {
    try {
      route.handler(req, res);
    } catch (const std::exception& e) {  // the routes turn their own failures into answers; this is a bug
      log(req.path + ": " + e.what());
      res = Response{};
      error(res, 500, "internal", "the server failed; nothing was stored");
    }
  }

  MHD_Result on_request(MHD_Connection* c, const char* url, const char* method, const char* upload, size_t* upload_size,
                        void** context) {
    auto* x = static_cast<Exchange*>(*context);
    if (!x) {  // the head has arrived; the body (if any) follows in later calls
      x = new Exchange;
      *context = x;
      ++active;
      x->req.method = method;
      x->req.path = url;
      x->req.remote_addr = peer_address(c);
      const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
      x->too_large = length && std::strtoull(length, nullptr, 10) > opt.max_body_bytes;
      // A client that waits for "100 Continue" before its body gets the 413 instead: nothing is sent.
      const char* expect = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_EXPECT);
      if (x->too_large && expect && strcasecmp(expect, "100-continue") == 0)
        return reply_error(c, 413, "too_large", "the body is larger than the server accepts");
      return MHD_YES;
    }
    if (*upload_size > 0) {  // a body too large is read and dropped, never held: 413 when it ends
      if (!x->too_large && x->req.body.size() + *upload_size > opt.max_body_bytes) {
        x->too_large = true;
        std::string().swap(x->req.body);
      }
      if (!x->too_large) x->req.body.append(upload, *upload_size);
      *upload_size = 0;
      return MHD_YES;
    }
    if (x->ready) return queue(c, x->res);
    if (x->dispatched) return MHD_YES;
    if (x->too_large) return reply_error(c, 413, "too_large", "the body is larger than the server accepts");
    const Route* route = find(x->req.method, x->req.path);
    if (!route) return reply_error(c, 404, "not_found", "no such path: " + x->req.path);
    collect(c, MHD_HEADER_KIND, x->req.headers);
    collect(c, MHD_GET_ARGUMENT_KIND, x->req.params);
    if (route->kind == RouteKind::Quick) {
      run(*route, x->req, x->res);
      return queue(c, x->res);
    }
    if (route->kind == RouteKind::Sync && ++in_flight > opt.max_in_flight) {
      --in_flight;
      return reply_error(c, 503, "busy", "the server is busy; try again after Retry-After seconds", "2");
    }
    dispatch(c, x, *route);
    return MHD_YES;
  }

  void on_completed(void** context) {
    auto* x = static_cast<Exchange*>(*context);
    if (!x) return;
    delete x;
    *context = nullptr;
    --active;
  }
};

HttpServer::HttpServer(HttpOptions options, std::vector<Route> routes, ErrorReply error) : m(std::make_unique<Impl>()) {
  m->opt = std::move(options);
  m->routes = std::move(routes);
  m->error = std::move(error);
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::start(std::string& why) {
  const bool tls = !m->opt.tls_cert.empty() || !m->opt.tls_key.empty();
  if (tls) {
    m->cert = read_text(m->opt.tls_cert);
    m->key = read_text(m->opt.tls_key);
    if (m->cert.empty() || m->key.empty()) {
      why = "cannot use the TLS certificate " + m->opt.tls_cert + " and key " + m->opt.tls_key;
      return -1;
    }
  }
  m->listen_fd = listen_on(m->opt.host, m->opt.port);
  if (m->listen_fd < 0) {
    why = "cannot listen on " + m->opt.host + ":" + std::to_string(m->opt.port) +
          " (in use, or not an address of this machine)";
    return -1;
  }
  const int port = bound_port(m->listen_fd);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const int io = m->opt.io_threads > 0 ? m->opt.io_threads : static_cast<int>(std::min(4u, cores));
  m->pool = std::make_unique<WorkerPool>(std::max(1, m->opt.workers));

  using Access =
      MHD_Result (*)(void*, MHD_Connection*, const char*, const char*, const char*, const char*, size_t*, void**);
  const Access access = [](void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                           const char* upload, size_t* size, void** context) {
    return static_cast<Impl*>(cls)->on_request(c, url, method, upload, size, context);
  };
  const MHD_RequestCompletedCallback completed = [](void* cls, MHD_Connection*, void** context,
                                                    MHD_RequestTerminationCode) {
    static_cast<Impl*>(cls)->on_completed(context);
  };
  const MHD_LogCallback logger = [](void*, const char* fmt, va_list ap) {
    char line[512];
    std::vsnprintf(line, sizeof line, fmt, ap);
    std::string s(line);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    log("http: " + s);
  };
  std::vector<MHD_OptionItem> o = {
      {MHD_OPTION_EXTERNAL_LOGGER, reinterpret_cast<intptr_t>(logger), nullptr},  // first: MHD logs from here on
      {MHD_OPTION_LISTEN_SOCKET, m->listen_fd, nullptr},
      {MHD_OPTION_CONNECTION_TIMEOUT, m->opt.idle_timeout_s, nullptr},
      {MHD_OPTION_CONNECTION_LIMIT, usable_connections(m->opt.max_connections), nullptr},
      {MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<intptr_t>(m->opt.connection_memory), nullptr},
      {MHD_OPTION_NOTIFY_COMPLETED, reinterpret_cast<intptr_t>(completed), m.get()},
  };
  if (io > 1) o.push_back({MHD_OPTION_THREAD_POOL_SIZE, io, nullptr});
  if (tls) {
    o.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, m->cert.data()});
    o.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, m->key.data()});
  }
  o.push_back({MHD_OPTION_END, 0, nullptr});
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
  if (tls) flags |= MHD_USE_TLS;
  m->daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, access, m.get(), MHD_OPTION_ARRAY, o.data(), MHD_OPTION_END);
  if (!m->daemon) {
    ::close(m->listen_fd);
    m->listen_fd = -1;
    m->pool.reset();
    why = tls ? "cannot use the TLS certificate " + m->opt.tls_cert + " and key " + m->opt.tls_key
              : "cannot start the HTTP server on " + m->opt.host + ":" + std::to_string(port);
    return -1;
  }
  return port;
}

void HttpServer::stop() {
  if (!m->daemon) return;
  m->stopping = true;
  const MHD_socket listening = MHD_quiesce_daemon(m->daemon);  // no new connections from here on
  if (listening != MHD_INVALID_SOCKET) ::close(listening);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(m->opt.stop_grace_s);
  while (m->active > 0 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (m->active > 0) log(std::to_string(m->active.load()) + " requests were still open when the server stopped");
  m->pool.reset();  // answers every request handed to a worker (their connections resume)
  MHD_stop_daemon(m->daemon);
  m->daemon = nullptr;
}

}  // namespace meedoen::server
