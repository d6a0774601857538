-- End-to-end test of the docsynth Neovim plugin against the real `docsynth lsp` server.
-- Run by tests/nvim/run.sh as: nvim --headless -u NONE -c 'luafile tests/nvim/e2e.lua'
-- The plugin is loaded exactly as README.md's lazy.nvim spec says (the block after its
-- "lazy.nvim spec" marker is evaluated here): from `dir`, the folder the wheel installs beside the
-- `docsynth` found on PATH, when `cond` holds, configured by the spec's own `config`. What lazy.nvim
-- does with such a spec is done by hand (put `dir` on the runtimepath, run `config`), since
-- lazy.nvim itself is not installed here.
-- Environment: DOCSYNTH_REPO (repo root), DOCSYNTH_FILE (a scratch
-- copy of the fixture), DOCSYNTH_FUNC (the stub to implement), DOCSYNTH_BUGGY (an implemented
-- function that fails its examples), DOCSYNTH_CMD_FILE + DOCSYNTH_CMD_FUNC (a second scratch copy
-- of the fixture and the stub implemented there with :DocsynthSynthesize), DOCSYNTH_TIMEOUT_MS (per wait), DOCSYNTH_STAGES (comma list of:
-- health,diagnostics,action,command,settings; default all; startup always runs).
local env = vim.env
local repo = assert(env.DOCSYNTH_REPO, "DOCSYNTH_REPO unset")
local file = assert(env.DOCSYNTH_FILE, "DOCSYNTH_FILE unset")
local func = env.DOCSYNTH_FUNC or "initials"
local buggy = env.DOCSYNTH_BUGGY or "shout"
local cmd_func = env.DOCSYNTH_CMD_FUNC or "initials"
local cmd_file = env.DOCSYNTH_CMD_FILE
local ask_file = env.DOCSYNTH_ASK_FILE
local ask_func = env.DOCSYNTH_ASK_FUNC or "score"
local timeout = tonumber(env.DOCSYNTH_TIMEOUT_MS or "120000")
local stages = {}
for s in (env.DOCSYNTH_STAGES or "health,diagnostics,action,command,settings,ask,replace"):gmatch("[^,]+") do
  stages[s] = true
end

local passed, failed = 0, 0
local function log(msg)
  io.stderr:write(msg .. "\n")
end
local function finish()
  log(("%d passed, %d failed"):format(passed, failed))
  vim.cmd((failed == 0 and passed > 0) and "qall!" or "cquit 1")
end
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    log("ok   " .. name)
  else
    failed = failed + 1
    log("FAIL " .. name .. (detail and (": " .. detail) or ""))
  end
  return ok
end
local function fatal(name, detail)
  check(name, false, detail)
end

local uv = vim.uv or vim.loop
local function log_path()
  if vim.lsp.log and vim.lsp.log.get_filename then
    return vim.lsp.log.get_filename()
  end
  return vim.lsp.get_log_path()
end

--- The lazy.nvim spec from README.md: the first ```lua block after the marker line.
local function documented_spec()
  local lines = vim.fn.readfile(repo .. "/README.md")
  local code, state = {}, "before"
  for _, line in ipairs(lines) do
    if state == "before" and line:find("<!-- lazy.nvim spec", 1, true) then
      state = "marker"
    elseif state == "marker" and line == "```lua" then
      state = "in"
    elseif state == "in" and line == "```" then
      break
    elseif state == "in" then
      table.insert(code, line)
    end
  end
  local chunk, err = (loadstring or load)("return " .. table.concat(code, "\n"), "README.md lazy.nvim spec")
  assert(chunk, "README.md has no loadable lazy.nvim spec: " .. tostring(err))
  return chunk()
end

local function main()
  local spec = documented_spec()
  if not check("the documented spec's cond holds (docsynth on PATH)", spec.cond == true, "cond = " .. tostring(spec.cond)) then
    return
  end
  check("the spec's dir is the plugin installed beside docsynth", vim.fn.filereadable(spec.dir .. "/lua/docsynth/init.lua") == 1, spec.dir)
  vim.opt.runtimepath:prepend(spec.dir)
  vim.cmd("filetype on")
  vim.o.hidden = true
  if vim.lsp.log and vim.lsp.log.set_level then
    vim.lsp.log.set_level("WARN")
  else
    vim.lsp.set_log_level("WARN")
  end

  -- Count the server's $/progress reports (begin/end of synthesis jobs) as they reach the client.
  local progress = { begin = 0, ["end"] = 0, titles = {} }
  local progress_handler = vim.lsp.handlers["$/progress"]
  vim.lsp.handlers["$/progress"] = function(err, result, ctx, config)
    local value = type(result) == "table" and result.value or nil
    if type(value) == "table" and progress[value.kind] ~= nil then
      progress[value.kind] = progress[value.kind] + 1
      if value.title then
        table.insert(progress.titles, value.title)
      end
    end
    if progress_handler then
      return progress_handler(err, result, ctx, config)
    end
  end

  local docsynth = require("docsynth")
  spec.config()
  check("the spec's config set the plugin up", docsynth.config ~= nil)
  -- A generous budget: the test checks behaviour on a slow, shared CI machine, not speed.
  docsynth.update_settings({ device = "cpu", diagnostics = true, budgetMs = tonumber(env.DOCSYNTH_BUDGET_MS or "10000") })

  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  check("buffer has filetype python", vim.bo[bufnr].filetype == "python", vim.bo[bufnr].filetype)

  -- 1. The server starts and answers initialize.
  -- Neovim 0.7 lists a client only once it is initialized; docsynth.last_exit is set if it exits.
  local client
  local started = vim.wait(timeout, function()
    client = docsynth.clients()[1]
    return (client ~= nil and client.initialized == true) or docsynth.last_exit ~= nil
  end, 50) and docsynth.last_exit == nil
  if not check("server started and initialized", started, "the docsynth client did not initialize: " .. vim.inspect(docsynth.last_exit or "timed out") .. "; see " .. log_path()) then
    return
  end
  local attached = vim.lsp.buf_is_attached(bufnr, client.id)
  check("client attached to the Python buffer", attached)
  local caps = client.server_capabilities
  check("server offers code actions", caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false, vim.inspect(caps))

  -- 2. :checkhealth docsynth reports no errors.
  if stages.health then
    vim.cmd("checkhealth docsynth")
    local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
    local text = table.concat(lines, "\n")
    check("checkhealth ran docsynth's checks", text:find("server: ", 1, true) ~= nil, text)
    check("checkhealth reports no ERROR", text:find("ERROR", 1, true) == nil, text)
    check("checkhealth sees the running client", text:find("client %d+ running") ~= nil, text)
    -- From `docsynth doctor --json`: the installed ONNX Runtime and both models, loaded.
    check("checkhealth reports ONNX Runtime's version", text:find("ONNX Runtime 1%.%d+") ~= nil, text)
    for _, domain in ipairs({ "strings", "lists" }) do
      check(
        "checkhealth reports the " .. domain .. " model and its device",
        text:find("model for " .. domain .. ": [^\n]*share/docsynth/models/" .. domain .. " %(lp, on %a+%)") ~= nil,
        text
      )
    end
    vim.cmd("tabclose")
    vim.api.nvim_set_current_buf(bufnr)
  end

  local function def_line(name)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      if line:match("^def " .. name .. "%(") then
        return i - 1
      end
    end
    return nil
  end

  -- Asks for code actions at the cursor of `buf` until `pred(actions)` holds; returns them.
  local function poll_actions(buf, pred)
    local last = {}
    local deadline = uv.now() + timeout
    while uv.now() < deadline do
      local p = vim.lsp.util.make_range_params(0, client.offset_encoding)
      p.context = { diagnostics = {} }
      local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", p, timeout)
      last = {}
      for _, response in pairs(responses or {}) do
        for _, action in ipairs(response.result or {}) do
          if action.disabled == nil then
            table.insert(last, action)
          end
        end
      end
      if pred(last) then
        return last, true
      end
      vim.wait(500)
    end
    return last, false
  end

  local function titles(actions)
    local out = {}
    for _, a in ipairs(actions) do
      table.insert(out, a.title)
    end
    return out
  end

  -- Applies the action whose title starts with `prefix` the way a user does: the code action
  -- menu (vim.lsp.buf.code_action, vim.ui.select answered with that item); true if the buffer changed.
  local function pick(buf, prefix)
    local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
    local original_select = vim.ui.select
    local menu = {}
    vim.ui.select = function(items, opts, on_choice)
      for i, item in ipairs(items) do
        local label = opts.format_item and opts.format_item(item) or tostring(item)
        table.insert(menu, label)
        if label:find(prefix, 1, true) then
          on_choice(item, i)
          return
        end
      end
      on_choice(nil, nil)
    end
    vim.lsp.buf.code_action()
    local changed = vim.wait(timeout, function()
      return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") ~= before
    end, 50)
    vim.ui.select = original_select
    return changed, menu
  end

  -- 3. The buggy function gets a diagnostic (code "example-fails") on its failing example.
  local function stage_diagnostics()
    local start_line = def_line(buggy)
    if start_line == nil then
      fatal("fixture has def " .. buggy)
      return
    end
    local function code_of(d)
      return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    end
    local found
    vim.wait(timeout, function()
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        if code_of(d) == "example-fails" and d.lnum > start_line and d.lnum <= start_line + 6 then
          found = d
          return true
        end
      end
      return false
    end, 100)
    check(
      "diagnostic 'example-fails' on " .. buggy .. "'s failing example",
      found ~= nil and found.severity == vim.diagnostic.severity.WARN,
      vim.inspect(vim.diagnostic.get(bufnr))
    )
    if found then
      log("     diagnostic: " .. found.message)
    end
  end
  if stages.diagnostics then
    stage_diagnostics()
  end

  -- 4. The code action implements the stub; applied, saved, the function passes its examples.
  local function stage_action()
    local checker = repo .. "/tests/e2e/check_function.py"
    vim.fn.system({ "python3", checker, file, func })
    check(func .. " fails its examples before the action", vim.v.shell_error == 1, "exit " .. vim.v.shell_error)

    local line = def_line(func)
    if line == nil then
      fatal("fixture has def " .. func)
      return
    end
    vim.api.nvim_win_set_cursor(0, { line + 1, 4 })
    local title_pattern = "^Implement " .. func .. "%(%)"
    local function matching(actions)
      local out = {}
      for _, action in ipairs(actions or {}) do
        -- A disabled "synthesizing (N%)" placeholder is not an offer: wait for the real one.
        if type(action.title) == "string" and action.title:match(title_pattern) and action.disabled == nil then
          table.insert(out, action)
        end
      end
      return out
    end
    local function params()
      local p = vim.lsp.util.make_range_params(0, client.offset_encoding)
      -- Polling only (the real menu below sends the line's diagnostics itself).
      p.context = { diagnostics = {} }
      return p
    end
    -- Synthesis can take a while: ask again until the server offers the action.
    local offered = {}
    local last_error = nil
    local deadline = uv.now() + timeout
    while uv.now() < deadline and #offered == 0 do
      local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params(), timeout)
      for _, response in pairs(responses or {}) do
        if response.err or response.error then
          last_error = vim.inspect(response.err or response.error)
        end
        for _, action in ipairs(matching(response.result)) do
          table.insert(offered, action)
        end
      end
      if #offered == 0 then
        vim.wait(500)
      end
    end
    if not check("server offers 'Implement " .. func .. "()'", #offered > 0, last_error) then
      return
    end
    log("     offered: " .. offered[1].title)
    check(
      "synthesis reported $/progress (begin and end)",
      vim.wait(timeout, function()
        return progress.begin > 0 and progress["end"] > 0
      end, 50),
      vim.inspect(progress)
    )
    log("     progress: " .. table.concat(progress.titles, " | "))
    check("action title says how many examples pass", offered[1].title:match("passes (%d+)/(%d+) examples") ~= nil, offered[1].title)

    -- Apply it the way a user does: vim.lsp.buf.code_action() at the cursor, then pick the action
    -- from the menu (vim.ui.select, answered here with the item whose label is that title).
    -- The title's question part (after "; ") may change between an early result and the
    -- final one; the top implementation keeps its "Implement f() — passes n/m" prefix.
    local changed, menu = pick(bufnr, offered[1].title:match("^(.-);") or offered[1].title)
    if not check("applying the action edits the buffer", changed, "menu: " .. vim.inspect(menu)) then
      return
    end
    vim.cmd("silent write")
    local out = vim.fn.system({ "python3", checker, file, func })
    check(func .. " passes its examples after the action", vim.v.shell_error == 0, out)
    local py = vim.fn.system({ "python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", file })
    check("saved file is valid Python", vim.v.shell_error == 0, py)
  end
  if stages.action then
    stage_action()
  end


  -- 5. :DocsynthSynthesize (workspace/executeCommand docsynth.synthesize) on a stub of a second
  -- copy of the fixture: the server applies the implementation with workspace/applyEdit.
  local function stage_command()
    if cmd_file == nil then
      fatal("DOCSYNTH_CMD_FILE set")
      return
    end
    local checker = repo .. "/tests/e2e/check_function.py"
    vim.fn.system({ "python3", checker, cmd_file, cmd_func })
    check(cmd_func .. " fails its examples before the command", vim.v.shell_error == 1, "exit " .. vim.v.shell_error)
    vim.cmd("edit " .. vim.fn.fnameescape(cmd_file))
    local cmd_buf = vim.api.nvim_get_current_buf()
    check("the docsynth client attaches to a second buffer", vim.wait(timeout, function()
      return vim.lsp.buf_is_attached(cmd_buf, client.id)
    end, 50))
    local line = nil
    for i, text in ipairs(vim.api.nvim_buf_get_lines(cmd_buf, 0, -1, false)) do
      if text:match("^def " .. cmd_func .. "%(") then
        line = i - 1
        break
      end
    end
    if line == nil then
      fatal("fixture has def " .. cmd_func)
      return
    end
    vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
    local messages = {}
    local original_notify = vim.notify
    vim.notify = function(msg, level, opts)
      table.insert(messages, msg)
      return original_notify(msg, level, opts)
    end
    local before = table.concat(vim.api.nvim_buf_get_lines(cmd_buf, 0, -1, false), "\n")
    vim.cmd("DocsynthSynthesize")
    local done = vim.wait(timeout, function()
      for _, m in ipairs(messages) do
        if m:find("docsynth: ", 1, true) then
          return true
        end
      end
      return false
    end, 50)
    vim.notify = original_notify
    local report = table.concat(messages, " | ")
    check(
      ":DocsynthSynthesize reports the function implemented",
      done and report:find("docsynth: implemented " .. cmd_func .. "(): passes", 1, true) ~= nil,
      report ~= "" and report or ("no message within " .. timeout .. " ms")
    )
    log("     message: " .. table.concat(messages, " | "))
    local changed = table.concat(vim.api.nvim_buf_get_lines(cmd_buf, 0, -1, false), "\n") ~= before
    if check(":DocsynthSynthesize edits the buffer", changed, table.concat(messages, " | ")) then
      vim.cmd("silent write")
      local out = vim.fn.system({ "python3", checker, cmd_file, cmd_func })
      check(cmd_func .. " passes its examples after :DocsynthSynthesize", vim.v.shell_error == 0, out)
    end
  end
  if stages.command then
    stage_command()
    vim.api.nvim_set_current_buf(bufnr)
  end

  -- 6. Settings on change: update_settings{ diagnostics = false } reaches the server
  -- (workspace/didChangeConfiguration), which withdraws its warnings.
  local function stage_settings()
    local function example_fails()
      local n = 0
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        if (d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) == "example-fails" then
          n = n + 1
        end
      end
      return n
    end
    if not check("example-fails warnings present before the change", vim.wait(timeout, function()
      return example_fails() > 0
    end, 100)) then
      return
    end
    docsynth.update_settings({ diagnostics = false })
    check("diagnostics = false withdraws them", vim.wait(timeout, function()
      return example_fails() == 0
    end, 100), vim.inspect(vim.diagnostic.get(bufnr)))
    docsynth.update_settings({ diagnostics = true })
    check("diagnostics = true brings them back", vim.wait(timeout, function()
      return example_fails() > 0
    end, 100))
  end
  if stages.settings then
    stage_settings()
  end

  -- 7. Asking: a stub whose one example fits several programs. Each action title says how it
  -- answers the distinguishing input, hover shows each implementation, and "Add example" inserts
  -- the answer as a doctest, after which the offers pass 2/2 examples.
  local function stage_ask()
    if ask_file == nil then
      fatal("DOCSYNTH_ASK_FILE set")
      return
    end
    vim.cmd("edit " .. vim.fn.fnameescape(ask_file))
    local buf = vim.api.nvim_get_current_buf()
    check("the docsynth client attaches to the ambiguous stub's buffer", vim.wait(timeout, function()
      return vim.lsp.buf_is_attached(buf, client.id)
    end, 50))
    local line
    for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      if text:match("^def " .. ask_func .. "%(") then
        line = i - 1
      end
    end
    if line == nil then
      fatal("fixture has def " .. ask_func)
      return
    end
    vim.api.nvim_win_set_cursor(0, { line + 1, 5 })
    local add_prefix = "Add example: " .. ask_func .. "("
    local actions, ok = poll_actions(buf, function(list)
      local asks = 0
      for _, a in ipairs(list) do
        if a.title:find(add_prefix, 1, true) == 1 then
          asks = asks + 1
        end
      end
      return asks >= 2
    end)
    if not check("an ambiguous stub gets one 'Add example' action per answer", ok, vim.inspect(titles(actions))) then
      return
    end
    log("     offered: " .. table.concat(titles(actions), " | "))
    local implement = 0
    for _, a in ipairs(actions) do
      if a.title:match("^Implement " .. ask_func .. "%(%)") then
        implement = implement + 1
        check("'" .. a.title .. "' says how it answers the question", a.title:find("; " .. ask_func .. "(", 1, true) ~= nil and a.title:find(" → ", 1, true) ~= nil)
      end
    end
    check("several implementations are offered", implement >= 2, vim.inspect(titles(actions)))

    local hp = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local hovers = vim.lsp.buf_request_sync(buf, "textDocument/hover", hp, timeout)
    local md = ""
    for _, r in pairs(hovers or {}) do
      if r.result and r.result.contents then
        md = md .. (r.result.contents.value or "")
      end
    end
    local _, blocks = md:gsub("```python", "")
    check("hover shows each offered implementation as code", blocks == implement, md)
    check("hover names the distinguishing input", md:find("They disagree on `" .. ask_func .. "(", 1, true) ~= nil, md)

    local changed, menu = pick(buf, add_prefix)
    if not check("'Add example' edits the buffer", changed, vim.inspect(menu)) then
      return
    end
    local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
    local _, doctests = text:gsub(">>> " .. ask_func .. "%(", "")
    check("the answer is inserted as a second doctest", doctests == 2, text)
    vim.api.nvim_win_set_cursor(0, { line + 1, 5 })
    local after, settled = poll_actions(buf, function(list)
      return list[1] ~= nil and list[1].title:find("passes 2/2 examples", 1, true) ~= nil
    end)
    check("after the answer the offers pass 2/2 examples", settled, vim.inspect(titles(after)))
    vim.cmd("silent write")
    vim.api.nvim_set_current_buf(bufnr)
  end
  if stages.ask then
    stage_ask()
  end

  -- 8. "Replace body": the implemented function that fails its examples gets a verified
  -- replacement; applied and saved, it passes them.
  local function stage_replace()
    local line = def_line(buggy)
    if line == nil then
      fatal("fixture has def " .. buggy)
      return
    end
    vim.api.nvim_win_set_cursor(0, { line + 1, 4 })
    local prefix = "Replace body of " .. buggy .. "() with a verified implementation"
    local actions, ok = poll_actions(bufnr, function(list)
      return list[1] ~= nil and list[1].title:find(prefix, 1, true) == 1
    end)
    if not check("server offers '" .. prefix .. "'", ok, vim.inspect(titles(actions))) then
      return
    end
    log("     offered: " .. actions[1].title)
    local changed, menu = pick(bufnr, prefix)
    if not check("'Replace body' edits the buffer", changed, vim.inspect(menu)) then
      return
    end
    vim.cmd("silent write")
    local out = vim.fn.system({ "python3", repo .. "/tests/e2e/check_function.py", file, buggy })
    check(buggy .. " passes its examples after 'Replace body'", vim.v.shell_error == 0, out)
  end
  if stages.replace then
    stage_replace()
  end

  -- 9. On Neovim >= 0.10 the plugin uses no deprecated API (the health report names the callers).
  if vim.fn.has("nvim-0.10") == 1 then
    vim.cmd("checkhealth vim.deprecated")
    local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
    check("plugin calls no deprecated Neovim API", text:find("extensions/nvim", 1, true) == nil, text)
    vim.cmd("tabclose")
  end
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  check("test script ran without a Lua error", false, tostring(err))
end
finish()
