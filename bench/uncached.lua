-- Shared by the wrk scripts that count answers per thread (mix.lua, unique.lua): numbers the threads
-- (global id), counts 2xx answers (ok) and other answers (bad) and ends with one line
--   RESULT requests=... rps=... p50_ms=... p99_ms=... 2xx=... non2xx=... socket_errors=...
-- Load it first thing with: dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "uncached.lua")
local threads = {}

ok, bad = 0, 0

function setup(thread) thread:set("id", #threads) table.insert(threads, thread) end

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
