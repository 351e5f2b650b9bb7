// The packed extension as VS Code installs it: dist/wheelsh-VERSION.vsix (built by
// scripts/build-vsix.sh) is opened as the zip it is, its manifest checked, and the bundled server
// started with the command line the extension's own code builds, through initialize, didOpen and
// publishDiagnostics. Skipped, saying why, when the .vsix, unzip or java is missing.
import * as assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { resolveJava, resolveServerJar, serverArgs } from '../serverCommand';
import { SERVER_TARGET_TAGS } from '../clientPolicy';

const here = path.join(__dirname, '..', '..');
const version: string = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8')).version;
const vsix = path.join(here, '..', 'dist', `wheelsh-${version}.vsix`);

function missing(): string | undefined {
  if (!fs.existsSync(vsix)) {
    return `${vsix} is not built (run scripts/build-vsix.sh)`;
  }
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'unzip is not installed';
  }
  return undefined;
}

function entries(): string[] {
  return execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
}

function read(entry: string): string {
  return execFileSync('unzip', ['-p', vsix, entry], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

test('the .vsix holds the compiled extension, its runtime dependencies and the server jar, and no sources', (t) => {
  const why = missing();
  if (why) {
    t.skip(why);
    return;
  }
  const all = entries();
  for (const needed of ['extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/out/extension.js',
    'extension/out/serverCommand.js', 'extension/server/wheelsh-lsp.jar', 'extension/node_modules/vscode-languageclient/package.json']) {
    assert.ok(all.includes(needed), `${needed} is in the .vsix`);
  }
  assert.deepEqual(all.filter((e) => e.endsWith('.ts') || e.startsWith('extension/src/') || e.startsWith('extension/out/test/')), [],
    'no sources or tests');
});

test('the manifest names the entry point, the activation events and the settings', (t) => {
  const why = missing();
  if (why) {
    t.skip(why);
    return;
  }
  const manifest = JSON.parse(read('extension/package.json'));
  assert.equal(manifest.main, './out/extension.js');
  assert.equal(manifest.version, version);
  for (const event of ['workspaceContains:**/pyproject.toml', 'workspaceContains:**/pip.conf', 'onLanguage:toml',
    'onCommand:wheelsh.explainAtCursor', 'onCommand:wheelsh.showTargetTags']) {
    assert.ok(manifest.activationEvents.includes(event), `activation on ${event}`);
  }
  assert.deepEqual(manifest.contributes.commands.map((c: any) => c.command),
    ['wheelsh.restartServer', 'wheelsh.explainAtCursor', 'wheelsh.showTargetTags']);
  const settings = Object.keys(manifest.contributes.configuration.properties);
  for (const s of ['wheelsh.serverJar', 'wheelsh.java', 'wheelsh.defaultTargets', 'wheelsh.baselines', 'wheelsh.trace.server']) {
    assert.ok(settings.includes(s), `setting ${s}`);
  }
  const vsixManifest = read('extension.vsixmanifest');
  assert.match(vsixManifest, new RegExp(`<Identity [^>]*Version="${version.replace(/\./g, '\\.')}"[^>]*Publisher="wheelsh"`));
  assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.82\.0"/);
});

function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Reads framed messages from the server's standard output and hands each to `on`. */
function readMessages(server: ChildProcess, on: (m: any) => void): void {
  let pending = Buffer.alloc(0);
  server.stdout!.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) {
        return;
      }
      const length = Number(/Content-Length: (\d+)/i.exec(pending.subarray(0, end).toString('ascii'))?.[1]);
      if (pending.length < end + 4 + length) {
        return;
      }
      on(JSON.parse(pending.subarray(end + 4, end + 4 + length).toString('utf8')));
      pending = pending.subarray(end + 4 + length);
    }
  });
}

test('the bundled server, started as the extension starts it, publishes diagnostics for an opened pip.conf and runs the commands', async (t) => {
  const why = missing();
  if (why) {
    t.skip(why);
    return;
  }
  const installed = fs.mkdtempSync(path.join(os.tmpdir(), 'wheelsh-vsix-'));
  try {
    execFileSync('unzip', ['-q', vsix, '-d', installed]);
    const extensionPath = path.join(installed, 'extension');
    const exists = (f: string) => fs.existsSync(f);
    const jar = resolveServerJar({ configured: '', extensionPath, exists });
    assert.ok(jar.ok, jar.ok ? '' : jar.message);
    assert.equal(jar.path, path.join(extensionPath, 'server', 'wheelsh-lsp.jar'), 'the bundled jar is the one found');
    const java = resolveJava('', process.env, exists);
    const server = spawn(java, serverArgs(jar.path), { stdio: ['pipe', 'pipe', 'pipe'] });
    const spawnError = await new Promise<Error | undefined>((resolve) => {
      server.once('error', resolve);
      server.once('spawn', () => resolve(undefined));
    });
    if (spawnError) {
      t.skip(`${java} cannot be started: ${spawnError.message}`);
      return;
    }
    const uri = 'file://' + path.join(installed, 'pip.conf');
    let answered: (m: any) => void = () => {};
    const tags = new Promise<any>((resolve) => { answered = resolve; });
    const published = new Promise<any>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no publishDiagnostics within 60 s')), 60000);
      readMessages(server, (m) => {
        if (m.id === 1) {
          server.stdin!.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
          server.stdin!.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: {
            uri, languageId: 'ini', version: 1, text: '[install]\nplatform = manylinux2014_loong64\n' } } }));
        }
        if (m.id === 3) {
          answered(m);
        }
        if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) {
          clearTimeout(timer);
          resolve(m.params);
        }
      });
    });
    server.stdin!.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    try {
      const params = await published;
      assert.equal(params.version, 1);
      const codes = params.diagnostics.map((d: any) => d.code);
      assert.ok(codes.includes('WH191'), `the misspelt architecture is found: ${JSON.stringify(codes)}`);
      // "Show the target's tags", as the extension's command asks the server for it
      server.stdin!.write(frame({ jsonrpc: '2.0', id: 3, method: 'workspace/executeCommand',
        params: { command: SERVER_TARGET_TAGS, arguments: ['cp313-glibc2.38-loongarch64'] } }));
      const answer = await tags;
      assert.equal(answer.result.split('\n')[1], 'cp313-cp313-manylinux_2_38_loongarch64', JSON.stringify(answer));
    } finally {
      server.stdin!.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      server.stdin!.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      server.stdin!.end();
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    fs.rmSync(installed, { recursive: true, force: true });
  }
});
