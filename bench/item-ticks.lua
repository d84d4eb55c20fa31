-- Ticks on the launch page, as a person's browser sends them with JavaScript: each request marks one
-- item of one launch done with evidence (or opens it again) through the item's form, with htmx's
-- header, the session cookie and its CSRF token, and gets the item's new row with the launch's
-- progress, section index and burn-up. Items come from ITEMS (lines "launch/key").
local items = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("ITEMS")) do table.insert(items, line) end
  cookie = os.getenv("COOKIE")
  csrf = os.getenv("CSRF")
end

function request()
  counter = counter + 1
  local item = items[(counter - 1) % #items + 1]
  local round = math.floor((counter - 1) / #items)
  local body
  if round % 2 == 0 then
    body = "action=done&evidenceLink=https%3A%2F%2Fci.example.com%2Fruns%2F" .. counter .. "&evidenceNote=run+" .. counter
  else
    body = "action=reopen"
  end
  return wrk.format("POST", "/launches/" .. item,
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf,
      ["HX-Request"] = "true" }, body)
end
