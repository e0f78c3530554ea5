import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const SERVE = join(REPO_ROOT, 'test', 'host', 'serve.ts');
const READY = /^CareDesk test host listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

export interface RunningHost {
  url: string;
  port: number;
  dataDir: string;
  /** The stand-in OS keychain, beside the data folder ("<dataDir>.test-keychain"). Deleting it = a new computer. */
  keychainDir: string;
  /** Sends SIGTERM and resolves with the exit code once the host has gone. */
  stop(): Promise<number | null>;
  /** Everything the host wrote to stdout and stderr so far (for assertions that nothing sensitive was logged). */
  output(): string;
}

function spawnHost(args: string[]): ChildProcess {
  // Node itself with tsx's loader, not the tsx command: the command is a second process that relays signals, and
  // under load its relay could let SIGTERM kill the host before the host's own handler closed the database.
  return spawn(process.execPath, ['--import', 'tsx', SERVE, ...args], {
    cwd: REPO_ROOT,
    // Its own process group, so a host that hangs can be killed with anything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh temp folder for one host run: the data folder goes in `data/`, the stand-in keychain beside it. */
export function makeTempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'caredesk-e2e-'));
}

/** A clinic's folders that outlive one host run, so a test can stop the host and start it again on the same data. */
export interface ClinicFolder {
  root: string;
  dataDir: string;
  keychainDir: string;
  remove(): void;
}

export function makeClinicFolder(): ClinicFolder {
  const root = makeTempRoot();
  const dataDir = join(root, 'data');
  return { root, dataDir, keychainDir: `${dataDir}.test-keychain`, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Last resort for a host that ignores SIGTERM: the whole process group, so no node child is left behind. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Starts the test host and waits for its ready line: on a fresh clinic data folder in a temp folder (removed by
 * stop()), or on `folder`, which the caller owns and removes (so the host can be restarted on the same data).
 */
export async function startTestHost(options: { timeoutMs?: number; folder?: ClinicFolder } = {}): Promise<RunningHost> {
  const folder = options.folder ?? makeClinicFolder();
  const ownsFolder = options.folder === undefined;
  const { dataDir, keychainDir } = folder;
  // The keychain folder is the host's default ("<data dir>.test-keychain"); named here so tests can rely on it.
  // CAREDESK_RENDERER_DIR: a renderer built elsewhere (`electron-vite build --outDir X` → X/renderer), so two people
  // working in one checkout can each run the stories against their own build.
  const rendererDir = process.env.CAREDESK_RENDERER_DIR;
  const child = spawnHost(['--data-dir', dataDir, '--port', '0', '--keychain-dir', keychainDir, ...(rendererDir ? ['--renderer-dir', rendererDir] : [])]);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const match = await new Promise<RegExpExecArray>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`The test host did not report ready within ${options.timeoutMs ?? 30_000} ms. Output:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const check = () => {
      const found = READY.exec(output);
      if (found) {
        clearTimeout(timer);
        resolveReady(found);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The test host exited (code ${code}) before it was ready. Output:\n${output}`));
    });
  });

  return {
    url: match[1] as string,
    port: Number(match[2]),
    dataDir,
    keychainDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
      if (code === 'timeout') {
        killGroup(child);
        throw new Error('The test host did not exit within 10 s of SIGTERM.');
      }
      if (ownsFolder) folder.remove();
      return code;
    },
  };
}

/** Runs the host expecting it to refuse to start; returns its exit code and output. */
export async function runHostUntilExit(args: string[], timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnHost(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => killGroup(child), timeoutMs);
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', (c) => resolveExit(c)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}
