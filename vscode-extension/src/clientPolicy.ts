// What the extension decides about its server besides how to start it: whether to restart it
// after a crash, and what the status bar says. Free of the vscode API, so node's own test runner
// tests it.

/** Restarts allowed within the window before the extension gives up and says so. */
export const MAX_RESTARTS = 4;
/** The window, in milliseconds: crashes older than this are forgiven. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export type CrashDecision = { restart: true; message: string } | { restart: false; message: string };

/**
 * Restart after a crash, a few times: a server that dies again and again (a broken Java, a jar
 * that cannot load) is stopped with one message instead of being restarted for ever.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(private readonly max = MAX_RESTARTS, private readonly windowMs = RESTART_WINDOW_MS) {}

  onCrash(now: number): CrashDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    const minutes = Math.round(this.windowMs / 60000);
    if (this.crashes.length <= this.max) {
      return { restart: true, message: `the wheelsh server stopped; restarting it (${this.crashes.length} of ${this.max} in ${minutes} minutes)` };
    }
    return {
      restart: false,
      message: `the wheelsh server stopped ${this.crashes.length} times in ${minutes} minutes, so it is not restarted again; `
        + 'see the wheelsh output channel, then run "wheelsh: Restart server"',
    };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes = [];
  }
}

/** The status-bar item: the targets the server compares a file against when the file names none. */
export function statusBar(defaultTargets: readonly string[]): { text: string; tooltip: string } {
  const targets = defaultTargets.map((t) => t.trim()).filter((t) => t !== '');
  if (targets.length === 0) {
    return { text: 'wheelsh: no target', tooltip: 'Files that name no target are not compared against one: set wheelsh.defaultTargets' };
  }
  const more = targets.length > 1 ? ` +${targets.length - 1}` : '';
  return { text: `wheelsh: ${targets[0]}${more}`, tooltip: `wheelsh checks against: ${targets.join('; ')} (wheelsh.defaultTargets)` };
}

/** The server's commands the extension's own commands run (workspace/executeCommand). */
export const SERVER_EXPLAIN = 'wheelsh.server.explain';
export const SERVER_TARGET_TAGS = 'wheelsh.server.targetTags';

/**
 * The name or tag at the cursor: the run of characters a wheel filename, a tag set or a platform
 * tag is made of (letters, digits and _ . - +) around the column; undefined when the cursor is on
 * none. Quotes and commas around a TOML or JSON string are not part of it.
 */
export function nameAt(line: string, character: number): string | undefined {
  const isPart = (c: string) => /[A-Za-z0-9_.+-]/.test(c);
  let start = Math.min(Math.max(character, 0), line.length);
  let end = start;
  while (start > 0 && isPart(line[start - 1])) {
    start--;
  }
  while (end < line.length && isPart(line[end])) {
    end++;
  }
  const word = line.slice(start, end).replace(/^[.-]+|[.-]+$/g, '');
  return word === '' ? undefined : word;
}
