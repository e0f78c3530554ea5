import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

/** Runs the Node-version guard as if this Node reported `version`. */
function guardOn(version: string) {
  const script = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); require('./test/tools/require-node.cjs'); console.log('went on');`;
  return spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
}

describe('the Node requirement', () => {
  it('stops an older Node with one line that says what to do, before anything loads the driver', () => {
    const result = guardOn('20.19.0');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs Node\.js 24 or newer.*this is Node 20\.19\.0.*run \.ci\/run/);
  });

  it('lets Node 24 through', () => {
    const result = guardOn('24.21.0');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('went on');
  });
});

describe('the import fences between layers (ESLint)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  async function messages(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ["import { readFileSync } from 'node:fs';", 'No Node modules'],
    ["import { join } from 'path';", 'No Node modules'],
    ["import { ipcRenderer } from 'electron';", 'never import Electron'],
    ["import Database from 'better-sqlite3-multiple-ciphers';", 'Only electron/core/db'],
    ["import { createLogger } from '../../electron/core/log';", 'nothing from electron/'],
  ])('the renderer may not write %s', async (line, reason) => {
    expect((await messages('renderer/src/probe.ts', `${line}\nexport {};\n`)).join(' ')).toContain(reason);
  });

  it('shared/ may not import Node or electron/ either', async () => {
    expect(await messages('shared/probe.ts', "import { randomBytes } from 'node:crypto';\nexport {};\n")).not.toEqual([]);
    expect(await messages('shared/probe.ts', "import { startClinicCore } from '../electron/core';\nexport {};\n")).not.toEqual([]);
  });

  it('the core may not import Electron, but may use Node', async () => {
    expect((await messages('electron/core/probe.ts', "import { app } from 'electron';\nexport {};\n")).join(' ')).toContain('plain Node');
    expect(await messages('electron/core/probe.ts', "import { join } from 'node:path';\nexport {};\n")).toEqual([]);
  });

  it('the preload takes only types from the contract (no zod in its bundle)', async () => {
    expect(await messages('electron/preload/probe.ts', "import { z } from 'zod';\nexport {};\n")).not.toEqual([]);
    expect(await messages('electron/preload/probe.ts', "import { contract } from '../../shared/contract';\nexport {};\n")).not.toEqual([]);
    expect(await messages('electron/preload/probe.ts', "import type { ClinicApi } from '../../shared/contract';\nexport {};\n")).toEqual([]);
  });
});
