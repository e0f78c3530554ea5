import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../electron/main/csp';

const directives = (policy: string) => new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('content security policy', () => {
  it('allows scripts from the app only: no inline script, no eval, no remote code', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).toStrictEqual(["'self'"]);
    expect(policy.get('default-src')).toStrictEqual(["'self'"]);
    expect(policy.get('object-src')).toStrictEqual(["'none'"]);
    expect(policy.get('base-uri')).toStrictEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toStrictEqual(["'none'"]);
    expect(policy.get('form-action')).toStrictEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it("matches the meta tag in renderer/index.html (all but frame-ancestors, which a meta tag can't carry)", () => {
    const html = readFileSync(join(__dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
    expect(CONTENT_SECURITY_POLICY_META).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
