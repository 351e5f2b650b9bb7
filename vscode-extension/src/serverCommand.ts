// How the extension finds the server: which jar and which java. Kept free of the vscode API so
// that it can be tested with node's own test runner.
import * as os from 'os';
import * as path from 'path';

export interface JarInputs {
  /** The wheelsh.serverJar setting ('' when unset). */
  configured: string;
  /** Where the extension is installed. */
  extensionPath: string;
  /** The first workspace folder, if any: relative settings are taken from there. */
  workspaceFolder?: string;
  /** Whether a file exists (injected so tests need no real files). */
  exists: (file: string) => boolean;
}

export type Resolved = { ok: true; path: string } | { ok: false; message: string };

/** Expands a leading ~ and ${workspaceFolder}; makes a relative path absolute from the workspace. */
export function expandPath(value: string, workspaceFolder?: string): string {
  let p = value.trim();
  if (workspaceFolder !== undefined) {
    p = p.split('${workspaceFolder}').join(workspaceFolder);
  }
  if (p === '~' || p.startsWith('~/')) {
    p = path.join(os.homedir(), p.slice(1));
  }
  if (!path.isAbsolute(p) && workspaceFolder !== undefined) {
    p = path.join(workspaceFolder, p);
  }
  return path.normalize(p);
}

/**
 * The server jar: the configured one if set (and then only that one: a wrong setting should be
 * reported, not silently replaced), else the jar bundled in server/, else the one a build of a
 * wheelsh checkout leaves next to this folder.
 */
export function resolveServerJar(inputs: JarInputs): Resolved {
  if (inputs.configured.trim() !== '') {
    const jar = expandPath(inputs.configured, inputs.workspaceFolder);
    return inputs.exists(jar)
      ? { ok: true, path: jar }
      : { ok: false, message: `wheelsh.serverJar names ${jar}, which does not exist` };
  }
  const candidates = [
    path.join(inputs.extensionPath, 'server', 'wheelsh-lsp.jar'),
    path.join(inputs.extensionPath, '..', 'lsp', 'target', 'wheelsh-lsp.jar'),
  ].map((p) => path.normalize(p));
  for (const jar of candidates) {
    if (inputs.exists(jar)) {
      return { ok: true, path: jar };
    }
  }
  return {
    ok: false,
    message: `no wheelsh-lsp.jar found (looked at ${candidates.join(', ')}); set wheelsh.serverJar or build it with ./mvnw -pl lsp -am package`,
  };
}

/** The java to run: the wheelsh.java setting, else $JAVA_HOME/bin/java when it exists, else java on PATH. */
export function resolveJava(configured: string, env: NodeJS.ProcessEnv, exists: (file: string) => boolean,
                            platform: NodeJS.Platform = process.platform): string {
  if (configured.trim() !== '') {
    return expandPath(configured);
  }
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  if (env.JAVA_HOME) {
    const fromHome = path.join(env.JAVA_HOME, 'bin', exe);
    if (exists(fromHome)) {
      return fromHome;
    }
  }
  return exe;
}

/**
 * The JVM options the server runs with: a heap cap, so a few large documents cannot grow it past
 * what an editor's helper should take (docs/lsp.md, "Memory"), and an exit on running out of it,
 * so the client restarts a server that can no longer answer instead of waiting on it.
 */
export const SERVER_JVM_OPTIONS = ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError'];

/** The command line that starts the server over standard input and output. */
export function serverArgs(jar: string): string[] {
  return [...SERVER_JVM_OPTIONS, '-jar', jar];
}

/** The oldest Java the server runs on (the Maven build's release). */
export const MINIMUM_JAVA = 17;

/**
 * The major version in what `java -version` prints (on standard error): `openjdk version
 * "17.0.9"`, `java version "1.8.0_392"` (the old scheme: 8), `openjdk version "25-ea"`.
 */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(versionOutput);
  if (!quoted) {
    return undefined;
  }
  const parts = quoted[1].split(/[.\-+_]/);
  const first = Number(parts[0]);
  if (!Number.isInteger(first)) {
    return undefined;
  }
  return first === 1 && parts.length > 1 && Number.isInteger(Number(parts[1])) ? Number(parts[1]) : first;
}

/**
 * Whether `java` can run the server, from the outcome of running `java -version`: undefined when
 * it can, else the one sentence to show.
 */
export function javaProblem(java: string, outcome: { error?: string; output: string }): string | undefined {
  if (outcome.error !== undefined) {
    return `cannot run ${java} (${outcome.error}); install Java ${MINIMUM_JAVA} or newer, or name it in the wheelsh.java setting or JAVA_HOME`;
  }
  const major = javaMajorVersion(outcome.output);
  if (major === undefined) {
    return `${java} -version printed no version; wheelsh needs Java ${MINIMUM_JAVA} or newer (the wheelsh.java setting names another)`;
  }
  if (major < MINIMUM_JAVA) {
    return `${java} is Java ${major}; the wheelsh server needs Java ${MINIMUM_JAVA} or newer (set wheelsh.java or JAVA_HOME)`;
  }
  return undefined;
}
