-- wrk script: cycles through the given request paths and counts status codes per class.
-- Usage: wrk ... -s paths.lua URL -- /path1 /path2 ...
local paths = {}
local counter = 0
local statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for _, p in ipairs(args) do table.insert(paths, p) end
  ok, notmodified, client, server = 0, 0, 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status == 304 then notmodified = notmodified + 1
  elseif status >= 500 then server = server + 1
  elseif status >= 400 then client = client + 1
  elseif status >= 200 and status < 300 then ok = ok + 1 end
end

function done(summary, latency, requests)
  local t = {ok = 0, notmodified = 0, client = 0, server = 0}
  for _, th in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (th:get(k) or 0) end
  end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f 2xx=%d 304=%d 4xx=%d 5xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    t.ok, t.notmodified, t.client, t.server,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
