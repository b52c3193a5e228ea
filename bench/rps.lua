-- wrk script for `npm run load -- --compare`: the URL given to wrk, each request from another
-- client address (CF-Connecting-IP), as many clients would send it, so the per-client rate limit
-- (300 a minute) never answers 429 and every request does the route's work. A URL with `VARY` in
-- it gets a number unique to the request there (an exclusion of a word no statement has), so no
-- request is answered from the Workers cache.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
function request()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", n % 250, math.floor(n / 250) % 250, math.floor(n / 62500) % 250)
  local path = wrk.path:gsub("VARY", string.format("%dx%d", id or 0, n))
  return wrk.format("GET", path, { ["CF-Connecting-IP"] = ip })
end
