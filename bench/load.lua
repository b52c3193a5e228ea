-- wrk script for `npm run load`: a rotating mix of search, filter, lookup and deliberate-4xx
-- requests. done() prints one JSON line that bench/load.ts parses and judges.
local paths = {
  { "search", "/v1/search?q=diplomacy" },
  { "search", "/v1/search?q=united+states&facets=speaker,kind,topic" },
  { "search", "/v1/search?q=%22open+lines+of+communication%22&highlight=html" },
  { "search", "/v1/search?q=relations+-taiwan&sort=position&explain=true" },
  { "search", "/v1/suggest?q=bli" },
  { "filter", "/v1/statements?speaker=blinken" },
  { "filter", "/v1/statements?kind=direct,mixed&facets=speaker,kind,topic,entity,article,via" },
  { "filter", "/v1/topics/north-korea/statements" },
  { "lookup", "/v1/speakers/han-zheng" },
  { "lookup", "/v1/articles/han-blinken-unga-2023" },
  { "lookup", "/v1/speakers" },
  { "lookup", "/health" },
  { "bad", "/v1/search" },
  { "bad", "/v1/statements?limit=5000" },
  { "bad", "/v1/statements?speaker=nobody-at-all" },
  { "bad", "/v1/statements/no-such-id" },
  { "bad", "/v1/nowhere" },
}

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

-- Responses arrive pipelined, so a response cannot be matched to its request here; instead each
-- thread counts what it sent per category and what came back per status class, and done()
-- checks that the classes fit the categories (every good request 2xx, every bad one 4xx).
function init(args)
  i = 0
  counts = { sent_good = 0, sent_bad = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
end

function request()
  i = i % #paths + 1
  if paths[i][1] == "bad" then
    counts.sent_bad = counts.sent_bad + 1
  else
    counts.sent_good = counts.sent_good + 1
  end
  return wrk.format("GET", paths[i][2])
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class == 2 then counts.s2 = counts.s2 + 1
  elseif class == 3 then counts.s3 = counts.s3 + 1
  elseif class == 4 then counts.s4 = counts.s4 + 1
  else counts.s5 = counts.s5 + 1 end
end

function done(summary, latency, requests)
  local total = { sent_good = 0, sent_bad = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0 }
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  io.write(string.format(
    'LOADJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"sent_good":%d,"sent_bad":%d,"s2xx":%d,"s3xx":%d,"s4xx":%d,"s5xx":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    total.sent_good, total.sent_bad, total.s2, total.s3, total.s4, total.s5))
end
