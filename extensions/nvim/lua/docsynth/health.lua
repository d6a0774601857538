--- :checkhealth docsynth. Works with Neovim 0.7's `health` module and 0.9+'s `vim.health`.
local M = {}

local function reporter()
  local h = vim.health
  if h == nil or h.start == nil and h.report_start == nil then
    h = require("health")
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
    info = h.info or h.report_info,
  }
end

local function first_line(cmd)
  local out = vim.fn.systemlist(cmd)
  if vim.v.shell_error ~= 0 then
    return nil, table.concat(out, "\n")
  end
  return out[1] or "", nil
end

--- What `docsynth doctor --json` found: ONNX Runtime, each program space's model and device, the
--- sandbox layers and a real sandboxed check.
function M.report_doctor(report, exe)
  local out = vim.fn.system({ exe, "doctor", "--json" })
  local ok, doctor = pcall(vim.fn.json_decode, out)
  if not ok or type(doctor) ~= "table" then
    report.error(("`%s doctor --json` did not print a report: %s"):format(exe, out))
    return
  end
  local rt = doctor.onnx_runtime or {}
  if rt.Ok then
    report.ok(("ONNX Runtime %s: %s"):format(rt.Ok.version or "(version unknown)", rt.Ok.path))
  else
    -- The error says what was tried and the one fix.
    report.warn("ONNX Runtime: " .. tostring(rt.Err))
  end
  for _, m in ipairs(doctor.models or {}) do
    local found = m.model and m.model.Ok
    if found and found.device and found.device.Ok then
      report.ok(("model for %s: %s (%s, on %s)%s"):format(m.domain, found.path, found.kind or "?", found.device.Ok, found.card and (" — " .. found.card) or ""))
    elseif found then
      report.warn(("model for %s: %s not loaded: %s"):format(m.domain, found.path, tostring(found.device and found.device.Err)))
    else
      report.warn(("no model for %s (%s): those functions use the search only"):format(m.domain, tostring(m.model and m.model.Err)))
    end
  end
  for _, layer in ipairs(doctor.sandbox or {}) do
    if not layer.active then
      report.warn(("sandbox layer %s is off: %s"):format(layer.layer, layer.detail or ""))
    end
  end
  if doctor.worker and doctor.worker.Ok then
    report.ok("sandboxed check: " .. doctor.worker.Ok)
  else
    report.error("sandboxed check failed: " .. tostring(doctor.worker and doctor.worker.Err))
  end
end

--- Runs the checks.
function M.check()
  local report = reporter()
  local docsynth = require("docsynth")
  report.start("docsynth")

  local v = vim.version()
  local version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)
  if vim.fn.has("nvim-0.7") == 1 then
    report.ok("Neovim " .. version .. (vim.lsp.start and " (vim.lsp.start)" or " (vim.lsp.start_client)"))
  else
    report.error("Neovim " .. version .. " is too old: docsynth needs 0.7 or newer")
  end

  if docsynth.config == nil then
    report.warn('setup() has not been called: add require("docsynth").setup{} to your config')
  else
    report.ok("setup() called")
  end

  local cmd = docsynth.server_cmd()
  local exe = vim.fn.exepath(cmd[1])
  if exe == "" then
    report.error(("server binary %q not found; install it (`pipx install docsynth`) or set server_path or cmd in setup{}"):format(cmd[1]))
  else
    local line, err = first_line({ exe, "--version" })
    if line then
      report.ok(("server: %s (%s)"):format(exe, line))
      M.report_doctor(report, exe)
    else
      report.error(("server %s failed to run --version: %s"):format(exe, err))
    end
  end

  local settings = (docsynth.config or docsynth.defaults).settings or {}
  local python = settings.pythonPath or "python3"
  if vim.fn.executable(python) ~= 1 then
    report.error(("Python %q not found; set settings.pythonPath"):format(python))
  else
    local line, err = first_line({ python, "--version" })
    if line then
      report.ok(("Python: %s (%s)"):format(vim.fn.exepath(python), line))
    else
      report.error(("Python %s failed: %s"):format(python, err))
    end
  end

  if settings.modelDir then
    if vim.fn.isdirectory(settings.modelDir) == 1 then
      report.ok("modelDir: " .. settings.modelDir)
    else
      report.warn("modelDir " .. settings.modelDir .. " is not a directory; the server will use enumerative search only")
    end
  else
    report.info("modelDir not set: the server's default is used")
  end

  local sent = docsynth.server_settings()
  local run = sent.runExamples or "trusted"
  if run == "never" or (run == "trusted" and sent.workspaceTrusted == false) then
    report.warn(("examples are not run (run_examples = %q, workspace_trusted = %s): no checks, no synthesis"):format(run, tostring(sent.workspaceTrusted)))
  else
    report.info(("run_examples = %q: the server runs the project's examples (Neovim has no workspace trust; set run_examples = \"never\" for code you do not trust)"):format(run))
  end

  local clients = docsynth.clients()
  if #clients == 0 then
    report.info("no docsynth client is running (open a Python file)")
  else
    for _, client in ipairs(clients) do
      local caps = client.server_capabilities or client.resolved_capabilities or {}
      local has_actions = caps.codeActionProvider ~= nil and caps.codeActionProvider ~= false
      report.ok(("client %d running, root %s%s"):format(client.id, tostring(client.config.root_dir), has_actions and ", offers code actions" or ""))
    end
  end
end

return M
