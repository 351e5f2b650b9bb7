-- Drives Neovim's built-in LSP client against the wheelsh server, headless, and writes what the
-- editor saw to a JSON file. Works with Neovim 0.7 (Debian bookworm) and later.
-- Environment: WHEELSH_CMD (JSON list: the server command), WHEELSH_FILE (file to open),
-- WHEELSH_OUT (result file), WHEELSH_HOVER (JSON {line, character}), WHEELSH_EDIT (optional JSON
-- {line, character, end_character, text}: an edit made after the first diagnostics).
local result = { published = {}, errors = {} }

local function finish()
  local f = io.open(os.getenv('WHEELSH_OUT'), 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function main()
  local cmd = vim.fn.json_decode(os.getenv('WHEELSH_CMD'))
  local file = os.getenv('WHEELSH_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'wheelsh',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { wheelsh = { defaultTargets = { '--glibc 2.38 --arch loongarch64 --python 3.13' } } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
        table.insert(result.published, res)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, config)
      end,
    },
    on_exit = function(code, signal)
      result.exit_code = code
    end,
  })
  vim.lsp.buf_attach_client(buf, client_id)
  if not vim.wait(60000, function() return #result.published > 0 end, 20) then
    table.insert(result.errors, 'no diagnostics within 60 s')
    return
  end
  result.opened_version = vim.lsp.util.buf_versions[buf]

  local uri = vim.uri_from_bufnr(buf)
  local hover_at = vim.fn.json_decode(os.getenv('WHEELSH_HOVER'))
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = uri }, position = hover_at }, 20000)
  result.hover = hover and hover[client_id] and hover[client_id].result or vim.NIL

  local first = result.published[#result.published]
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = hover_at, ['end'] = hover_at },
    context = { diagnostics = first.diagnostics },
  }, 20000)
  result.actions = actions and actions[client_id] and actions[client_id].result or vim.NIL

  local edit = os.getenv('WHEELSH_EDIT')
  if edit and edit ~= '' then
    edit = vim.fn.json_decode(edit)
    vim.api.nvim_buf_set_text(buf, edit.line, edit.character, edit.line, edit.end_character, { edit.text })
    local want = vim.lsp.util.buf_versions[buf]
    result.edited_version = want
    local seen = vim.wait(60000, function()
      local last = result.published[#result.published]
      return last.version == want
    end, 20)
    if not seen then
      table.insert(result.errors, 'no diagnostics for the edited version within 60 s')
    end
    result.edited_text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  end

  vim.lsp.stop_client(client_id)
  vim.wait(20000, function() return result.exit_code ~= nil end, 20)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = xpcall(main, debug.traceback)
    if not ok then
      table.insert(result.errors, tostring(err))
    end
    finish()
  end,
})
