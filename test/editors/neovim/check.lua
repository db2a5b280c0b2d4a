-- Neovim 0.7 as an LSP client of vsafe-language-server over stdio (RECIPES §2).
-- Inputs (environment): VSAFE_SERVER (dist/server.js), VSAFE_FILE (a compose file),
-- VSAFE_OUT (where to write the result as JSON). Exits 0 when diagnostics arrived.
local server = os.getenv('VSAFE_SERVER')
local file = os.getenv('VSAFE_FILE')
local out = os.getenv('VSAFE_OUT')
local root = vim.fn.fnamemodify(file, ':h')

local client_id = vim.lsp.start_client({
  name = 'vsafe',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
})
if not client_id then
  io.stderr:write('could not start the language server\n')
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)

local arrived = vim.wait(60000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20)

local result = { diagnostics = {}, actions = {}, hover = '' }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source,
    code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL,
  })
end

if arrived then
  local first = vim.diagnostic.get(buf)[1]
  -- What `vim.lsp.buf.code_action()` sends: the line's diagnostics converted back to LSP.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, first.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
    end
  end
  local hovers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = first.lnum, character = first.col + 1 },
  }, 30000) or {}
  for _, response in pairs(hovers) do
    if response.result and response.result.contents then
      result.hover = response.result.contents.value or ''
    end
  end
end

local f = io.open(out, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client_id)
if arrived then vim.cmd('qall!') else vim.cmd('cquit 1') end
