import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { expandPath, javaMajorVersion, javaProblem, MINIMUM_JAVA, resolveJava, resolveServerJar, serverArgs } from '../serverCommand';

const ext = path.join(path.sep, 'opt', 'checkout', 'vscode-extension');
const ws = path.join(path.sep, 'home', 'dev', 'project');
const only = (...files: string[]) => (f: string) => files.includes(f);

test('a configured jar is used as given, relative paths from the workspace folder', () => {
  const jar = path.join(ws, 'tools', 'wheelsh-lsp.jar');
  assert.deepEqual(resolveServerJar({ configured: 'tools/wheelsh-lsp.jar', extensionPath: ext, workspaceFolder: ws, exists: only(jar) }),
    { ok: true, path: jar });
  assert.deepEqual(resolveServerJar({ configured: '${workspaceFolder}/tools/wheelsh-lsp.jar', extensionPath: ext, workspaceFolder: ws, exists: only(jar) }),
    { ok: true, path: jar });
});

test('a configured jar that does not exist is reported, not replaced by the bundled one', () => {
  const bundled = path.join(ext, 'server', 'wheelsh-lsp.jar');
  const r = resolveServerJar({ configured: '/nowhere/x.jar', extensionPath: ext, workspaceFolder: ws, exists: only(bundled) });
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.message, /wheelsh.serverJar names .*x\.jar, which does not exist/);
});

test('without a setting the bundled jar comes first, then the checkout build', () => {
  const bundled = path.join(ext, 'server', 'wheelsh-lsp.jar');
  const built = path.join(path.sep, 'opt', 'checkout', 'lsp', 'target', 'wheelsh-lsp.jar');
  assert.deepEqual(resolveServerJar({ configured: '', extensionPath: ext, exists: only(bundled, built) }), { ok: true, path: bundled });
  assert.deepEqual(resolveServerJar({ configured: '  ', extensionPath: ext, exists: only(built) }), { ok: true, path: built });
  const none = resolveServerJar({ configured: '', extensionPath: ext, exists: only() });
  assert.equal(none.ok, false);
  assert.match(none.ok ? '' : none.message, /no wheelsh-lsp.jar found/);
});

test('a leading ~ is the home folder', () => {
  assert.equal(expandPath('~/jars/w.jar'), path.join(os.homedir(), 'jars', 'w.jar'));
});

test('java: the setting, else JAVA_HOME when it has one, else java on PATH', () => {
  const home = path.join(path.sep, 'usr', 'lib', 'jvm', 'jdk-17');
  const fromHome = path.join(home, 'bin', 'java');
  assert.equal(resolveJava('/opt/jdk/bin/java', { JAVA_HOME: home }, only(fromHome), 'linux'), path.normalize('/opt/jdk/bin/java'));
  assert.equal(resolveJava('', { JAVA_HOME: home }, only(fromHome), 'linux'), fromHome);
  assert.equal(resolveJava('', { JAVA_HOME: home }, only(), 'linux'), 'java');
  assert.equal(resolveJava('', {}, only(), 'win32'), 'java.exe');
});

test('the server runs as java -jar JAR and needs no other argument', () => {
  assert.deepEqual(serverArgs('/x/wheelsh-lsp.jar'), ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-jar', '/x/wheelsh-lsp.jar']);
});

test('the Java major version is read from java -version, old and new schemes', () => {
  assert.equal(javaMajorVersion('openjdk version "17.0.9" 2023-10-17\nOpenJDK Runtime Environment'), 17);
  assert.equal(javaMajorVersion('java version "1.8.0_392"\nJava(TM) SE Runtime Environment'), 8);
  assert.equal(javaMajorVersion('openjdk version "25-ea" 2025-09-16'), 25);
  assert.equal(javaMajorVersion('openjdk version "21" 2023-09-19'), 21);
  assert.equal(javaMajorVersion('bash: java: command not found'), undefined);
});

test('a missing or too old Java is one sentence naming it and what to do', () => {
  assert.equal(javaProblem('java', { output: 'openjdk version "17.0.9" 2023-10-17' }), undefined);
  assert.equal(javaProblem('/usr/lib/jvm/java-11/bin/java', { output: 'openjdk version "11.0.21" 2023-10-17' }),
    `/usr/lib/jvm/java-11/bin/java is Java 11; the wheelsh server needs Java ${MINIMUM_JAVA} or newer (set wheelsh.java or JAVA_HOME)`);
  assert.match(javaProblem('java', { error: 'spawn java ENOENT', output: '' }) ?? '',
    /^cannot run java \(spawn java ENOENT\); install Java 17 or newer/);
});
