-- wrk script for Benchmarks/scripts/serve.sh: POST /v1/decide for a random learner of
-- the ids file (one id a line), with the key from the environment. Counts non-2xx
-- answers so that the report can say "0 errors" and mean it.
local ids = {}
local token = os.getenv("CREDENCE_TOKEN")
local file = os.getenv("CREDENCE_IDS")

function setup(thread)
  thread:set("id", tostring(thread))
end

function init(args)
  for line in io.lines(file) do ids[#ids + 1] = line end
  math.randomseed(os.time() + tonumber(string.sub(tostring({}), 8), 16) % 100000)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format(nil, "/v1/decide", nil, '{"learner":"' .. id .. '","as_of":"2026-06-30"}')
end

local failed = 0
function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "requests %d, %.1f/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; "
      .. "socket errors connect %d read %d write %d timeout %d; non-2xx %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
