import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own schema check and YAML parser, resolved through the installed electron-builder.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const { validateConfiguration } = builderRequire('./out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

const ROOT = join(__dirname, '../../..');
interface Config {
  [key: string]: unknown;
  files: string[];
  win: Record<string, unknown>;
}
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder (unknown or misplaced keys are rejected)', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, win: { ...config.win, publisherName: 'x' } }, { isEnabled: false, add: () => undefined })).rejects.toThrow(
      /Invalid configuration/,
    );
  });

  it('flips the fuses that stop CareDesk being used as a general-purpose Node or debugged', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app in asar with native modules unpacked and no rebuild', () => {
    expect(config).toMatchObject({ appId: 'org.caredesk.app', productName: 'CareDesk', asar: true, npmRebuild: false, nodeGypRebuild: false });
    expect(config.asarUnpack).toStrictEqual(['**/*.node']);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('verifies update signatures on Windows and never deletes clinic data on uninstall', () => {
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
  });

  it('takes the update server from the environment', () => {
    expect(config.publish).toStrictEqual({ provider: 'generic', url: '${env.CAREDESK_UPDATE_URL}' });
  });

  it('grants macOS only the JIT entitlement', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist', entitlementsInherit: 'resources/entitlements.mac.plist' });
    const plist = readFileSync(join(ROOT, 'resources/entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toStrictEqual(['com.apple.security.cs.allow-jit']);
  });
});
