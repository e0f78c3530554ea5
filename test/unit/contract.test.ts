import { describe, expect, it } from 'vitest';
import { channelSpec, contract } from '../../shared/contract';
import { buildClinicApi } from '../../shared/contract/build-api';
import { CHANNEL_NAMES, listChannels } from '../../shared/contract/channel-names';
import { ROLES } from '../../shared/roles';
import { exampleFor } from '../support/contract-examples';

const contractChannels = Object.entries(contract)
  .flatMap(([area, actions]) => Object.keys(actions).map((action) => `${area}:${action}`))
  .sort();

describe('the channel list the preload is built from', () => {
  it('names exactly the channels of the contract, each once', () => {
    const listed = listChannels();
    expect([...listed].sort()).toEqual(contractChannels);
    expect(new Set(listed).size).toBe(listed.length);
    expect(Object.keys(CHANNEL_NAMES).sort()).toEqual(Object.keys(contract).sort());
  });

  it('uses area:action names in camelCase, nothing else', () => {
    expect(contractChannels.length).toBeGreaterThan(0);
    for (const channel of contractChannels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});

describe('every channel says who may call it', () => {
  it.each(contractChannels)('%s is public or names known roles', (channel) => {
    const { access } = channelSpec(channel)!;
    if (access === 'public') return;
    expect(Array.isArray(access)).toBe(true);
    expect(access.length).toBeGreaterThan(0);
    for (const role of access) expect(ROLES).toContain(role);
  });
});

describe('the valid example of every channel (test/support/contract-examples.ts)', () => {
  it.each(contractChannels)('%s has one, and its input schema accepts it', (channel) => {
    const example = exampleFor(channel);
    expect(example.found).toBe(true);
    const parsed = channelSpec(channel)!.input.safeParse(example.value);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.success).toBe(true);
  });
});

describe('looking up a channel by name', () => {
  it('finds every contract channel', () => {
    for (const channel of contractChannels) expect(channelSpec(channel)).toBeDefined();
  });

  it('finds nothing for names that exist on every object or are malformed', () => {
    for (const name of ['__proto__:x', 'constructor:name', 'app:toString', 'app:__proto__', 'app:hasOwnProperty', 'app', 'app:', ':status', 'app:status:extra', '']) {
      expect(channelSpec(name), name).toBeUndefined();
    }
  });
});

describe('window.clinic, as the preload builds it', () => {
  function buildWithRecorder() {
    const invocations: [string, unknown][] = [];
    const api = buildClinicApi((channel, input) => {
      invocations.push([channel, input]);
      return Promise.resolve({ ok: true, value: channel });
    });
    return { api: api as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>, invocations };
  }

  it('offers exactly one function per channel, grouped by area, and nothing else', () => {
    const { api } = buildWithRecorder();
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    const offered = Object.entries(api).flatMap(([area, fns]) =>
      Object.entries(fns).map(([action, fn]) => {
        expect(typeof fn, `${area}.${action}`).toBe('function');
        return `${area}:${action}`;
      }),
    );
    expect(offered.sort()).toEqual(contractChannels);
  });

  it('each function invokes its own channel, once, with the input it was given', async () => {
    const { api, invocations } = buildWithRecorder();
    for (const channel of contractChannels) {
      const [area, action] = channel.split(':') as [string, string];
      const input = { marker: channel };
      invocations.length = 0;
      await expect(api[area]![action]!(input)).resolves.toEqual({ ok: true, value: channel });
      expect(invocations).toEqual([[channel, input]]);
    }
  });

  it('is frozen: a page script can neither replace nor add a function', () => {
    const { api } = buildWithRecorder();
    expect(Object.isFrozen(api)).toBe(true);
    for (const area of Object.keys(api)) expect(Object.isFrozen(api[area])).toBe(true);
    const [area, action] = contractChannels[0]!.split(':') as [string, string];
    const original = api[area]![action];
    expect(() => {
      api[area]![action] = () => Promise.resolve('hijacked');
    }).toThrow(TypeError);
    expect(() => {
      (api as Record<string, unknown>)['invoke'] = () => undefined;
    }).toThrow(TypeError);
    expect(api[area]![action]).toBe(original);
    expect('invoke' in api).toBe(false);
  });
});
