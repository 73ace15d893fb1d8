-- wrk script: every request gets a unique query parameter, so the app's response cache never hits
-- (measures the full path: parameters, jOOQ over R2DBC, statistics, JSON). Usage: wrk ... -s unique.lua URL
local counter = 0
local threads = {}
function setup(thread) thread:set("id", #threads) table.insert(threads, thread) end
function init(args) ok, bad = 0, 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. id .. "-" .. counter)
end
function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1 else bad = bad + 1 end
end
function done(summary, latency, requests)
  local o, b = 0, 0
  for _, th in ipairs(threads) do o = o + (th:get("ok") or 0); b = b + (th:get("bad") or 0) end
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f 2xx=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, o, b,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
