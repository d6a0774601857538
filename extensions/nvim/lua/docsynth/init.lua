--- docsynth for Neovim: starts `docsynth lsp` for Python buffers.
--- Neovim >= 0.8 uses vim.lsp.start; 0.7 uses vim.lsp.start_client + vim.lsp.buf_attach_client.
local M = {}

--- Defaults; `settings` are sent as init_options and as `{ docsynth = settings }`. Keys left out
--- take the server's defaults: pythonPath (string), modelDir (string), device ("auto"|"cpu"|"cuda"),
--- beamSize, latentBeams, budgetMs, maxActions (numbers), diagnostics (boolean),
--- engine ("all"|"neural"|"search").
--- `run_examples` ("always"|"trusted"|"never") is sent as settings.runExamples and
--- `workspace_trusted` (boolean) as settings.workspaceTrusted: Neovim has no workspace trust, so
--- the server treats the project as trusted unless you say otherwise; with
--- run_examples = "never" (or workspace_trusted = false and the default "trusted") the server
--- runs nothing from the file (no checks, no synthesis) and says so.
M.defaults = {
  -- Binary: `cmd` wins; else `server_path` (or "docsynth" on PATH) with the `lsp` argument.
  cmd = nil,
  server_path = nil,
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.py", "setup.cfg", ".git" },
  settings = {},
  run_examples = nil, -- "always" | "trusted" | "never"; nil: the server's default ("trusted")
  workspace_trusted = nil, -- boolean; nil: trusted
  autostart = true,
}

--- The settings sent to the server: `settings` plus run_examples and workspace_trusted.
function M.server_settings()
  local config = M.config or M.defaults
  local settings = vim.deepcopy(config.settings or {})
  if config.run_examples ~= nil then
    settings.runExamples = config.run_examples
  end
  if config.workspace_trusted ~= nil then
    settings.workspaceTrusted = config.workspace_trusted
  end
  return settings
end

M.config = nil
--- How the last docsynth server exited ({ code, signal, client_id }), or nil.
M.last_exit = nil
local clients_by_root = {} -- 0.7 only: client id per root directory
local warned = {}

--- Calls a client method: `client:method(...)` on Neovim >= 0.11, `client.method(...)` before.
local function call(client, method, ...)
  if vim.fn.has("nvim-0.11") == 1 then
    return client[method](client, ...)
  end
  return client[method](...)
end

local function notify(msg, level)
  vim.schedule(function()
    vim.notify("docsynth: " .. msg, level or vim.log.levels.INFO)
  end)
end

--- The command that runs the server, as a list.
function M.server_cmd()
  local config = M.config or M.defaults
  if config.cmd then
    return config.cmd
  end
  return { config.server_path or "docsynth", "lsp" }
end

--- The project root of a file: the nearest parent with a root marker, else the file's folder.
function M.root_dir(fname)
  local config = M.config or M.defaults
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  local found = nil
  local probe = dir
  while probe and probe ~= "" do
    for _, marker in ipairs(config.root_markers) do
      if vim.fn.filereadable(probe .. "/" .. marker) == 1 or vim.fn.isdirectory(probe .. "/" .. marker) == 1 then
        found = probe
        break
      end
    end
    if found then
      break
    end
    local parent = vim.fn.fnamemodify(probe, ":h")
    if parent == probe then
      break
    end
    probe = parent
  end
  return found or dir
end

local function client_config(root)
  return {
    name = "docsynth",
    cmd = M.server_cmd(),
    root_dir = root,
    init_options = M.server_settings(),
    settings = { docsynth = M.server_settings() },
    on_exit = function(code, signal, client_id)
      M.last_exit = { code = code, signal = signal, client_id = client_id }
      if code ~= 0 and code ~= nil then
        notify(("server exited with code %d (signal %s); see :LspLog"):format(code, tostring(signal)), vim.log.levels.WARN)
      end
      if clients_by_root[root] == client_id then
        clients_by_root[root] = nil
      end
    end,
  }
end

--- Starts (or reuses) the docsynth client for a buffer and attaches it; returns the client id or nil.
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local cmd = M.server_cmd()
  if vim.fn.executable(cmd[1]) ~= 1 then
    if not warned[cmd[1]] then
      warned[cmd[1]] = true
      notify(("server binary %q not found or not executable; install it (`pipx install docsynth`) or set server_path or cmd (see :checkhealth docsynth)"):format(cmd[1]), vim.log.levels.ERROR)
    end
    return nil
  end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(fname ~= "" and fname or vim.fn.getcwd() .. "/x")
  local config = client_config(root)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    if id == nil then
      notify("vim.lsp.start_client failed", vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- The running docsynth clients.
function M.clients()
  local result = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, client in ipairs(all) do
    if client.name == "docsynth" then
      table.insert(result, client)
    end
  end
  return result
end

--- Sends new settings to every running server (workspace/didChangeConfiguration).
function M.update_settings(settings)
  M.config = M.config or vim.deepcopy(M.defaults)
  M.config.settings = vim.tbl_deep_extend("force", M.config.settings, settings or {})
  local sent = M.server_settings()
  for _, client in ipairs(M.clients()) do
    client.config.settings = { docsynth = sent }
    call(client, "notify", "workspace/didChangeConfiguration", { settings = { docsynth = sent } })
  end
end

--- Asks the server to implement the function at the cursor (workspace/executeCommand docsynth.synthesize).
function M.synthesize()
  local bufnr = vim.api.nvim_get_current_buf()
  local pos = vim.api.nvim_win_get_cursor(0)
  local params = {
    command = "docsynth.synthesize",
    -- The server implements the unimplemented function that spans this 0-based line.
    arguments = { { uri = vim.uri_from_bufnr(bufnr), line = pos[1] - 1 } },
  }
  local client = M.clients()[1]
  if client == nil then
    notify("no docsynth server is running for this buffer", vim.log.levels.WARN)
    return
  end
  -- The server applies the edit itself (workspace/applyEdit) and answers with a report:
  -- { applied, functions = { { function, status, error, best = { passed, total } } } }.
  call(client, "request", "workspace/executeCommand", params, function(err, result)
    if err then
      notify("synthesize failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local parts = {}
    for _, f in ipairs(type(result) == "table" and result.functions or {}) do
      local best = type(f.best) == "table" and f.best or nil
      if f.status == "solved" and best then
        table.insert(parts, ("%s(): passes %s/%s examples"):format(f["function"], best.passed, best.total))
      else
        table.insert(parts, ("%s(): %s"):format(tostring(f["function"]), tostring(f.error or f.status)))
      end
    end
    local applied = type(result) == "table" and result.applied
    notify((applied and "implemented " or "not applied: ") .. table.concat(parts, "; "))
  end, bufnr)
end

--- Configures the plugin: starts the server for Python buffers (now and when opened) and adds
--- :DocsynthSynthesize, :DocsynthRestart.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), opts or {})
  local group = vim.api.nvim_create_augroup("docsynth", { clear = true })
  if M.config.autostart then
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        M.start(args.buf)
      end,
    })
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
        M.start(buf)
      end
    end
  end
  vim.api.nvim_create_user_command("DocsynthSynthesize", M.synthesize, { desc = "docsynth: Implement function at cursor" })
  vim.api.nvim_create_user_command("DocsynthRestart", function()
    for _, client in ipairs(M.clients()) do
      call(client, "stop")
    end
    clients_by_root = {}
    vim.defer_fn(function()
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
          M.start(buf)
        end
      end
    end, 500)
  end, { desc = "docsynth: restart the language server" })
end

return M
