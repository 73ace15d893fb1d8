-- wrk script: uncached requests with a random parameter mix, the same mix bench/pgbench/*.sql draws
-- for pgbench (uniform over the same lists). Every request also gets a unique nocache parameter, so the
-- app's response cache never answers. Usage:
--   wrk ... -s mix.lua URL -- ENDPOINT MIXFILE
-- ENDPOINT: series | compare | map | kerncijfers. MIXFILE (written by bench/api.sh), one list a line:
--   indicators, regions (provincie, arbeidsmarktregio, gemeente), years, quarters
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "uncached.lua")
local endpoint, lists
local counter = 0

local function split(line)
  local t = {}
  for item in string.gmatch(line, "[^,]+") do t[#t + 1] = item end
  return t
end

local function pick(t) return t[math.random(#t)] end

-- three distinct regions (the API drops duplicates, and compare needs two at least)
local function three(t)
  local a, b, c = pick(t), pick(t), pick(t)
  while b == a do b = pick(t) end
  while c == a or c == b do c = pick(t) end
  return a .. "," .. b .. "," .. c
end

function init(args)
  endpoint = args[1]
  local f = assert(io.open(args[2], "r"))
  lists = {}
  for line in f:lines() do lists[#lists + 1] = split(line) end
  f:close()
  math.randomseed(os.time() + id * 7919)
end

local levels = { "provincie", "arbeidsmarktregio", "gemeente" }

function request()
  counter = counter + 1
  local indicators, regions, years = lists[1], lists[2], lists[3]
  local path
  if endpoint == "series" then
    -- five years of quarters for three regions
    local y = tonumber(pick(years))
    if y > 2020 then y = 2020 end
    path = string.format("/api/v1/series?indicator=%s&regions=%s&from=%dKW01&to=%dKW04", pick(indicators),
      three(regions), y, y + 4)
  elseif endpoint == "compare" then
    path = string.format("/api/v1/compare?indicator=%s&regions=%s&period=%sKW0%d", pick(indicators),
      three(regions), pick(years), math.random(4))
  elseif endpoint == "map" then
    path = string.format("/api/v1/map?indicator=%s&level=%s&period=%sKW0%d", pick(indicators), pick(levels),
      pick(years), math.random(4))
  else
    path = string.format("/api/v1/kerncijfers/%s?", pick(regions))
  end
  return wrk.format("GET", path .. "&nocache=" .. id .. "-" .. counter)
end
