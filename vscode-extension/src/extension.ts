// The wheelsh extension: starts the wheelsh language server (a Java jar speaking the Language
// Server Protocol over standard input and output) for pyproject.toml, pip.conf, pip.ini and
// baseline JSON files. All checking happens in the server.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  CloseAction, DocumentSelector, ErrorAction, LanguageClient, LanguageClientOptions, ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy, SERVER_EXPLAIN, SERVER_TARGET_TAGS, nameAt, statusBar } from './clientPolicy';
import { javaProblem, resolveJava, resolveServerJar, serverArgs } from './serverCommand';

let client: LanguageClient | undefined;
const restarts = new RestartPolicy();

function documentSelector(): DocumentSelector {
  const config = vscode.workspace.getConfiguration('wheelsh');
  const baselinePatterns = config.get<string[]>('baselineFilePatterns', []);
  return [
    { scheme: 'file', pattern: '**/pyproject.toml' },
    { scheme: 'file', pattern: '**/pip.conf' },
    { scheme: 'file', pattern: '**/pip.ini' },
    ...baselinePatterns.map((pattern) => ({ scheme: 'file', language: 'json', pattern })),
  ];
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('wheelsh');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const exists = (file: string) => fs.existsSync(file);
  const jar = resolveServerJar({
    configured: config.get<string>('serverJar', ''),
    extensionPath: context.extensionPath,
    workspaceFolder: folder,
    exists,
  });
  if (!jar.ok) {
    void vscode.window.showErrorMessage(`wheelsh: ${jar.message}`);
    return;
  }
  const java = resolveJava(config.get<string>('java', ''), process.env, exists);
  // Checked before starting: a missing or old Java is one clear message, not a crashed server.
  const problem = await new Promise<string | undefined>((resolve) => {
    execFile(java, ['-version'], { timeout: 20000 }, (error, stdout, stderr) => {
      resolve(javaProblem(java, { error: error && (error as NodeJS.ErrnoException).code === 'ENOENT' ? error.message : undefined,
        output: `${stderr}${stdout}` }));
    });
  });
  if (problem) {
    void vscode.window.showErrorMessage(`wheelsh: ${problem}`);
    return;
  }
  // No transport option: the server speaks only over standard input and output, its default.
  const run = { command: java, args: serverArgs(jar.path) };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // Sends didChangeConfiguration with the whole wheelsh section now and on every change.
    synchronize: {
      configurationSection: 'wheelsh',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.json'),
    },
    // A crashed server is restarted a few times, then left stopped with one message (RestartPolicy).
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = restarts.onCrash(Date.now());
        if (decision.restart) {
          return { action: CloseAction.Restart, message: decision.message };
        }
        void vscode.window.showErrorMessage(`wheelsh: ${decision.message}`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('wheelsh', 'wheelsh', serverOptions, clientOptions);
  await client.start();
}

/** Runs a server command and shows its answer as a document; a refusal is one message. */
async function showAnswer(command: string, args: string[]): Promise<void> {
  if (!client) {
    void vscode.window.showErrorMessage('wheelsh: the server is not running');
    return;
  }
  try {
    const text = await client.sendRequest<string>('workspace/executeCommand', { command, arguments: args });
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: true });
  } catch (e) {
    void vscode.window.showErrorMessage(`wheelsh: ${(e as Error).message}`);
  }
}

function showTargets(item: vscode.StatusBarItem): void {
  const shown = statusBar(vscode.workspace.getConfiguration('wheelsh').get<string[]>('defaultTargets', []));
  item.text = shown.text;
  item.tooltip = shown.tooltip;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The current targets in the status bar; a click opens the setting that names them.
  const targets = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  targets.command = { title: 'wheelsh.defaultTargets', command: 'workbench.action.openSettings', arguments: ['wheelsh.defaultTargets'] };
  showTargets(targets);
  targets.show();
  context.subscriptions.push(targets);
  context.subscriptions.push(
    vscode.commands.registerCommand('wheelsh.restartServer', async () => {
      restarts.reset();
      await deactivate();
      await start(context);
    }),
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('wheelsh.explainAtCursor', async () => {
      const editor = vscode.window.activeTextEditor;
      const name = editor && nameAt(editor.document.lineAt(editor.selection.active.line).text, editor.selection.active.character);
      if (!name) {
        void vscode.window.showInformationMessage('wheelsh: put the cursor on a tag, a platform tag or a wheel filename');
        return;
      }
      await showAnswer(SERVER_EXPLAIN, [name]);
    }),
    vscode.commands.registerCommand('wheelsh.showTargetTags', async () => {
      const targets = vscode.workspace.getConfiguration('wheelsh').get<string[]>('defaultTargets', []);
      const target = await vscode.window.showInputBox({
        prompt: 'A target in the compact form (docs/targets.md)',
        value: targets[0] ?? 'cp313-glibc2.38-x86_64',
      });
      if (target !== undefined) {
        await showAnswer(SERVER_TARGET_TAGS, [target]);
      }
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('wheelsh.defaultTargets')) {
        showTargets(targets);
      }
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // Where the server is, and which files it sees, are fixed at start: restart for those.
      if (['wheelsh.serverJar', 'wheelsh.java', 'wheelsh.baselineFilePatterns'].some((s) => event.affectsConfiguration(s))) {
        await deactivate();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
}
