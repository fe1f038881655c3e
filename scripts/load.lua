-- wrk script for scripts/load. $SIGNPOST_BODIES holds one request per line:
-- URL query string, a tab, JSON body. $SIGNPOST_MODE picks the request:
--   healthz     GET /healthz?<query string>     (the trivial endpoint, same request)
--   check       GET /v1/check?<query string>
--   check-post  POST /v1/check with the JSON body
-- Prints throughput, error answers (status >= 400), latency percentiles and
-- a histogram.
local queries, bodies = {}, {}
local path = os.getenv("SIGNPOST_BODIES")
local mode = os.getenv("SIGNPOST_MODE") or "check"

for line in io.lines(path) do
  local query, body = line:match("^([^\t]*)\t(.*)$")
  queries[#queries + 1] = query
  bodies[#bodies + 1] = body
end

local counter = 0
local requests = {}

-- Requests are formatted once, so the load generator spends its time sending.
function init(args)
  for i = 1, #bodies do
    if mode == "healthz" then
      requests[i] = wrk.format("GET", "/healthz?" .. queries[i])
    elseif mode == "check" then
      requests[i] = wrk.format("GET", "/v1/check?" .. queries[i])
    else
      requests[i] = wrk.format("POST", "/v1/check", { ["Content-Type"] = "application/json" }, bodies[i])
    end
  end
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

-- No response() callback: calling Lua for every answer slows wrk and adds
-- garbage-collection pauses to the latencies; wrk counts statuses >= 400 in
-- summary.errors.status itself.

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) end
  io.write(string.format("RESULT mode=%s requests=%d duration_s=%.2f rps=%.0f bad_status=%d socket_errors=%d\n",
    mode, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("LATENCY_US p50=%.0f p90=%.0f p99=%.0f p99.9=%.0f max=%.0f mean=%.0f\n",
    p(50), p(90), p(99), p(99.9), latency.max, latency.mean))
  local edges = {50, 75, 100, 125, 150, 200, 250, 350, 500, 1000, 5000}
  local previous = 0
  io.write("HISTOGRAM_US\n")
  for _, edge in ipairs(edges) do
    -- share of requests at or below the edge, from the percentiles
    local lo, hi = 0, 100
    for _ = 1, 30 do
      local mid = (lo + hi) / 2
      if p(mid) <= edge then lo = mid else hi = mid end
    end
    io.write(string.format("  <= %5d us  %6.2f%%  (+%5.2f%%)\n", edge, lo, lo - previous))
    previous = lo
  end
end
