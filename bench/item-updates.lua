-- Item updates through the API with a token, as a CI pipeline sends them: each request marks one
-- item done (with an evidence link and note) or opens it again, with a comment, so every request
-- changes the item and appends to its history. Items come from ITEMS (lines "launch/key"); each
-- wrk thread takes its own share, so two requests rarely touch one item at once.
local items = {}
local counter = 0
local thread_index = 0
local threads = {}

function setup(thread)
  thread:set("index", thread_index)
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("ITEMS")) do table.insert(all, line) end
  local count = tonumber(os.getenv("THREADS") or "2")
  for i = index + 1, #all, count do table.insert(items, all[i]) end
  token = os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local item = items[(counter - 1) % #items + 1]
  local round = math.floor((counter - 1) / #items)
  local body
  if round % 2 == 0 then
    body = '{"status":"done","evidenceLink":"https://ci.example.com/runs/' .. counter ..
      '","evidenceNote":"pipeline run ' .. counter .. '","comment":"checked by run ' .. counter .. '"}'
  else
    body = '{"status":"open","comment":"reopened by run ' .. counter .. '"}'
  end
  return wrk.format("PATCH", "/api/v1/launches/" .. item,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
