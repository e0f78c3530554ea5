import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';

const fake = vi.hoisted(() => ({
  created: [] as unknown[],
  /** What the next window's loadURL resolves or rejects with. */
  loadResult: (): Promise<void> => Promise.resolve(),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeBrowserWindow extends Emitter {
    loadURL = vi.fn((_url: string) => fake.loadResult());
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.created.push(this);
    }
  }
  return { BrowserWindow: FakeBrowserWindow };
});

const { createMainWindow } = await import('../../../electron/main/window');
const { secureWebPreferences } = await import('../../../electron/main/security');

type FakeWindow = EventEmitter & { loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn>; options: Record<string, unknown> };

beforeEach(() => {
  fake.created.length = 0;
  fake.loadResult = () => Promise.resolve();
});

describe('createMainWindow', () => {
  it('opens a hidden, hardened window titled CareDesk and loads the app from app://caredesk', () => {
    const window = createMainWindow({ preloadPath: '/app/out/preload/index.js', log: createMemoryLogger() }) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ title: 'CareDesk', show: false, webPreferences: secureWebPreferences('/app/out/preload/index.js') });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://caredesk/index.html');
  });

  it('keeps the title CareDesk when the page sets its own (no patient name in the taskbar)', () => {
    const window = createMainWindow({ preloadPath: '/p.js', log: createMemoryLogger() }) as unknown as FakeWindow;
    const event = { preventDefault: vi.fn() };
    window.emit('page-title-updated', event, 'Jane Doe — chart');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('shows the window once the page is ready to paint', () => {
    const window = createMainWindow({ preloadPath: '/p.js', log: createMemoryLogger() }) as unknown as FakeWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('logs, instead of crashing main, when the page fails to load', async () => {
    const log = createMemoryLogger();
    fake.loadResult = () => Promise.reject(Object.assign(new Error('ERR_FILE_NOT_FOUND (-6) loading app://caredesk/index.html'), { code: 'ERR_FILE_NOT_FOUND' }));
    expect(() => createMainWindow({ preloadPath: '/p.js', log })).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.lines.some((line) => line.includes('the app page did not load') && line.includes('ERR_FILE_NOT_FOUND'))).toBe(true);
    expect(log.lines.join('\n')).not.toContain('app://caredesk/index.html');
  });
});
