-- wrk script for `npm run load -- --compare`: the URL given to wrk, each request from another
-- client address (CF-Connecting-IP), as many clients would send it, so the per-client rate limit
-- (300 a minute) never answers 429 and every request does the route's work.
local n = 0
function request()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", n % 250, math.floor(n / 250) % 250, math.floor(n / 62500) % 250)
  return wrk.format("GET", wrk.path, { ["CF-Connecting-IP"] = ip })
end
