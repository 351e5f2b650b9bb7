// The server is restarted after a crash a few times within a window, then stopped with one
// message; the status bar names the targets the server compares files against.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy, nameAt, statusBar } from '../clientPolicy';

test('a crashed server is restarted up to the limit, then left stopped with a message saying why', () => {
  const policy = new RestartPolicy();
  for (let i = 1; i <= MAX_RESTARTS; i++) {
    const d = policy.onCrash(i * 1000);
    assert.equal(d.restart, true, `crash ${i}`);
  }
  const last = policy.onCrash((MAX_RESTARTS + 1) * 1000);
  assert.equal(last.restart, false);
  assert.match(last.message, /not restarted again/);
  assert.match(last.message, /Restart server/);
});

test('crashes older than the window are forgiven', () => {
  const policy = new RestartPolicy(2, 1000);
  assert.equal(policy.onCrash(0).restart, true);
  assert.equal(policy.onCrash(10).restart, true);
  assert.equal(policy.onCrash(20).restart, false);
  // long after: the old crashes no longer count
  assert.equal(policy.onCrash(5000).restart, true);
});

test('a restart the user asks for starts the count afresh', () => {
  const policy = new RestartPolicy(1, RESTART_WINDOW_MS);
  assert.equal(policy.onCrash(0).restart, true);
  assert.equal(policy.onCrash(1).restart, false);
  policy.reset();
  assert.equal(policy.onCrash(2).restart, true);
});

test('the status bar names the first default target, counts the others, and says when none is set', () => {
  assert.deepEqual(statusBar([]), {
    text: 'wheelsh: no target',
    tooltip: 'Files that name no target are not compared against one: set wheelsh.defaultTargets',
  });
  assert.equal(statusBar(['cp313-glibc2.38-loongarch64']).text, 'wheelsh: cp313-glibc2.38-loongarch64');
  const two = statusBar(['cp313-glibc2.38-loongarch64', ' cp312-musl1.2-aarch64 ', '']);
  assert.equal(two.text, 'wheelsh: cp313-glibc2.38-loongarch64 +1');
  assert.match(two.tooltip, /cp312-musl1.2-aarch64/);
});

test('the name at the cursor is the whole tag or filename, without the quotes around it', () => {
  const line = 'platforms = ["manylinux_2_38_loongarch64", "musllinux_1_2_x86_64"]';
  assert.equal(nameAt(line, line.indexOf('loongarch64')), 'manylinux_2_38_loongarch64');
  assert.equal(nameAt(line, line.indexOf('musllinux')), 'musllinux_1_2_x86_64');
  assert.equal(nameAt('numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl', 5), 'numpy-2.2.4-cp313-cp313-manylinux_2_17_x86_64.whl');
  assert.equal(nameAt('build = "cp313-*"', 12), 'cp313');
  assert.equal(nameAt('a = [ ]', 5), undefined);
});
