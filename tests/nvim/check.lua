-- End-to-end test of `galley lsp` in Neovim's built-in client, run headless
-- by tests/nvim/run.sh:
--   nvim --headless --clean -l check.lua GALLEY ARTICLE
-- Opens ARTICLE (a copy of tests/nvim/article.md beside its galley.toml),
-- waits for galley's diagnostics, checks rule ids, severities and positions
-- (Neovim turns the server's UTF-16 positions into byte columns, so a
-- miscounted emoji or curly quote shows), applies a fix and a suppression
-- through code actions, and stops the server. Exits non-zero on failure.

local galley, article = arg[1], arg[2]
local RULE = 'garbled/missing-space'
local PATIENCE_MS = 30000

local passed, failed = 0, 0
local function say(text)
  io.stdout:write(text .. '\n')
end
local function check(ok, what)
  say((ok and 'ok   ' or 'FAIL ') .. what)
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
  end
  return ok
end
local function finish()
  say(string.format('neovim: %d passed, %d failed', passed, failed))
  os.exit(failed == 0 and 0 or 1)
end

vim.cmd.edit(vim.fn.fnameescape(article))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'markdown'

local exit_code
local client_id = vim.lsp.start({
  name = 'galley',
  cmd = { galley, 'lsp' },
  root_dir = vim.fs.dirname(article),
  on_exit = function(code)
    exit_code = code
  end,
}, { bufnr = buf })
if not check(client_id ~= nil, 'vim.lsp.start started galley') then
  finish()
end
local client = vim.lsp.get_client_by_id(client_id)

local function galley_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'galley' and d.code == RULE then
      table.insert(found, d)
    end
  end
  table.sort(found, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return found
end

-- 0-based line and byte column of `needle` in the buffer.
local function locate(needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
end

local function expect_at(d, needle, label)
  local lnum, col = locate(needle)
  check(
    d ~= nil and d.lnum == lnum and d.col == col and d.end_lnum == lnum and d.end_col == col + #needle,
    string.format(
      '%s: %s at line %d, bytes %d-%d (got %s)',
      label,
      needle,
      (lnum or -1) + 1,
      col or -1,
      (col or -1) + #needle,
      d and string.format('line %d, bytes %d-%d', d.lnum + 1, d.col, d.end_col) or 'nothing'
    )
  )
end

check(
  vim.wait(PATIENCE_MS, function()
    return #galley_diagnostics() == 2
  end, 20),
  'diagnostics arrive after opening'
)
local found = galley_diagnostics()
expect_at(found[1], 'ended.Nobody', 'after “quotes” and an emoji')
expect_at(found[2], 'Tuesday,then', 'in a block quote')
check(found[1] and found[1].severity == vim.diagnostic.severity.ERROR, 'severity comes from galley.toml')

local function code_actions(d)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = {
      start = { line = d.lnum, character = d.user_data.lsp.range.start.character },
      ['end'] = { line = d.lnum, character = d.user_data.lsp.range.start.character },
    },
    context = { diagnostics = { d.user_data.lsp } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, PATIENCE_MS) or {}
  local response = responses[client_id] or {}
  return response.result or {}
end

local function titled(actions, prefix)
  for _, action in ipairs(actions) do
    if action.title:sub(1, #prefix) == prefix then
      return action
    end
  end
end

-- Apply the preferred fix to the first finding. (Other rules' actions, for
-- findings at the same place, are left out.)
local actions = vim.tbl_filter(function(action)
  return action.diagnostics and action.diagnostics[1] and action.diagnostics[1].code == RULE
end, code_actions(found[1]))
check(#actions == 3, 'three actions: the fix and two suppressions (got ' .. #actions .. ')')
local fix = titled(actions, 'Replace')
if check(fix ~= nil and fix.isPreferred == true, 'the fix is offered and preferred') then
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
end
check(locate('ended. Nobody') ~= nil, 'the fix inserted the space and capitalised')

-- Neovim sends the edit as an incremental change; galley lints it again.
check(
  vim.wait(PATIENCE_MS, function()
    return #galley_diagnostics() == 1
  end, 20),
  'diagnostics update after the change'
)
expect_at(galley_diagnostics()[1], 'Tuesday,then', 'the other finding stays put')

-- Switch the rule off for the block quote's line.
local disable = titled(code_actions(galley_diagnostics()[1]), 'Disable ' .. RULE .. ' for this line')
if check(disable ~= nil, 'a disable-for-this-line action is offered') then
  vim.lsp.util.apply_workspace_edit(disable.edit, client.offset_encoding)
end
local lnum = locate('Tuesday,then')
local above = vim.api.nvim_buf_get_lines(buf, lnum - 1, lnum, false)[1]
check(above == '> <!-- galley-disable-next-line ' .. RULE .. ' -->', 'the comment went above, inside the quote')

-- Stop: Neovim sends shutdown and exit; galley must exit cleanly.
client:stop()
check(
  vim.wait(PATIENCE_MS, function()
    return exit_code ~= nil
  end, 20),
  'galley exits when Neovim stops it'
)
check(exit_code == 0, 'exit code 0 after shutdown (got ' .. tostring(exit_code) .. ')')
finish()
