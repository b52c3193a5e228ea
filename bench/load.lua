-- wrk script for `npm run load`: a rotating mix of search, filter, lookup and deliberate-4xx
-- requests. Each thread counts statuses per category; done() prints one JSON line to parse.
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

function init(args)
  i = 0
  counts = { search2 = 0, filter2 = 0, lookup2 = 0, bad4 = 0, other = 0, s5 = 0 }
end

function request()
  i = i % #paths + 1
  last = paths[i][1]
  return wrk.format("GET", paths[i][2])
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if status >= 500 then
    counts.s5 = counts.s5 + 1
  elseif last == "bad" and class == 4 then
    counts.bad4 = counts.bad4 + 1
  elseif last ~= "bad" and class == 2 then
    counts[last .. "2"] = counts[last .. "2"] + 1
  else
    counts.other = counts.other + 1
  end
end

function done(summary, latency, requests)
  local total = { search2 = 0, filter2 = 0, lookup2 = 0, bad4 = 0, other = 0, s5 = 0 }
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = total[k] + v end
  end
  io.write(string.format(
    'LOADJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"status_errors":%d,"search_2xx":%d,"filter_2xx":%d,"lookup_2xx":%d,"bad_4xx":%d,"unexpected":%d,"server_5xx":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status,
    total.search2, total.filter2, total.lookup2, total.bad4, total.other, total.s5))
end
