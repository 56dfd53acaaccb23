-- Neovim's built-in LSP client against `reslint server` (run by tests/lsp/test_neovim.py):
-- open the draft, read the diagnostic of the slip back, hover it, apply its quick fix,
-- and wait for the diagnostic to go.  Works from Neovim 0.7 (start_client, not lsp.start).
-- Every step writes one JSON line to $RESLINT_OUT; the test reads them.
local draft, out_path = os.getenv('RESLINT_DRAFT'), os.getenv('RESLINT_OUT')
local code_wanted = os.getenv('RESLINT_CODE')
local out = io.open(out_path, 'w')
local function emit(t) out:write(vim.fn.json_encode(t) .. '\n'); out:flush() end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'reslint',
    cmd = { os.getenv('RESLINT_PYTHON'), '-m', 'reslint', 'server' },
    cmd_env = { PYTHONPATH = os.getenv('RESLINT_REPO') },
    root_dir = os.getenv('RESLINT_ROOT'),
  })
  vim.lsp.buf_attach_client(buf, id)

  -- 0.7 keeps the code in user_data.lsp, later versions on the diagnostic itself
  local function code_of(d) return (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code end
  local function find(code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == code then return d end
    end
  end

  local seen = vim.wait(60000, function() return find(code_wanted) ~= nil end, 50)
  local d = find(code_wanted)
  emit({ step = 'diagnostic', seen = seen, line = d and d.lnum, col = d and d.col,
         message = d and d.message, severity = d and d.severity })
  if not d then return end

  local uri = vim.uri_from_bufnr(buf)
  local range = { start = { line = d.lnum, character = d.col },
                  ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } }
  local raw = { range = range, message = d.message, code = code_wanted, severity = d.severity,
                source = 'reslint' }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = uri }, position = raw.range.start }, 30000)
  local hover_text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then hover_text = r.result.contents.value end
  end
  emit({ step = 'hover', text = hover_text })

  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = raw.range,
    context = { diagnostics = { raw } } }, 30000)
  local fix
  for _, r in pairs(replies or {}) do
    for _, action in ipairs(r.result or {}) do
      if action.title:find('^Fix ' .. code_wanted) then fix = action end
    end
  end
  emit({ step = 'action', title = fix and fix.title })
  if not fix then return end
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  emit({ step = 'edited', line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] })

  local gone = vim.wait(60000, function() return find(code_wanted) == nil end, 50)
  local left = {}
  for _, x in ipairs(vim.diagnostic.get(buf)) do left[#left + 1] = code_of(x) end
  emit({ step = 'after', gone = gone, left = left })
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(id) end, 50)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then emit({ step = 'error', error = err }) end
out:close()
vim.cmd('qa!')
