/** Command line of the test host: `--data-dir DIR --port PORT [--keychain-dir DIR] [--renderer-dir DIR]`. */
export interface HostArgs {
  dataDir: string;
  /** 0 asks the system for a free port; the host prints the one it got. */
  port: number;
  /** The stand-in OS keychain's folder; defaults to "<data dir>.test-keychain", outside the data folder. */
  keychainDir: string | undefined;
  /** Where the built renderer is; defaults to out/renderer. Tests point it elsewhere to check the missing-build message. */
  rendererDir: string | undefined;
}

export const USAGE = 'Usage: npm run serve:web -- --data-dir DIR --port PORT   (PORT 0 picks a free port)';

export class UsageError extends Error {}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!['--data-dir', '--port', '--keychain-dir', '--renderer-dir'].includes(flag)) throw new UsageError(`Unknown option "${flag}".`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`Option ${flag} needs a value.`);
    values.set(flag, value);
  }
  const dataDir = values.get('--data-dir');
  if (!dataDir) throw new UsageError('--data-dir is required (a folder for the test database; it is created if missing).');
  const portText = values.get('--port');
  if (portText === undefined) throw new UsageError('--port is required (0 picks a free port).');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portText}".`);
  return { dataDir, port, keychainDir: values.get('--keychain-dir'), rendererDir: values.get('--renderer-dir') };
}
