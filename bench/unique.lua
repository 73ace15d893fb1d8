-- wrk script: every request gets a unique query parameter, so the app's response cache never hits
-- (measures the full path: parameters, jOOQ over R2DBC, statistics, JSON). Usage: wrk ... -s unique.lua URL
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "uncached.lua")
local counter = 0
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. id .. "-" .. counter)
end
