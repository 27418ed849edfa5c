// @vitest-environment jsdom
/**
 * The ribbon's function file, with a fake Office: what it registers and that Excel's "working on it"
 * always ends (event.completed() exactly once), whatever generateRanking does.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const generate = vi.hoisted(() => ({ impl: async (event: { completed: () => void }) => event.completed() }));
vi.mock('../../src/faces/commands/generate', () => ({
  generateRanking: (event: { completed: () => void }) => generate.impl(event),
}));

type Handler = (event: Office.AddinCommands.Event) => Promise<void>;

const fake = {
  associated: new Map<string, Handler>(),
  supported: true,
  dialogs: [] as string[],
};

beforeAll(async () => {
  (globalThis as { Office?: unknown }).Office = {
    HostType: { Excel: 'Excel' },
    actions: { associate: (name: string, fn: Handler) => fake.associated.set(name, fn) },
    context: {
      requirements: { isSetSupported: () => fake.supported },
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, cb: () => void) => {
          fake.dialogs.push(url);
          cb();
        },
      },
    },
  };
  await import('../../src/faces/commands/commands');
});

afterEach(() => {
  fake.supported = true;
  fake.dialogs = [];
  generate.impl = async (event) => event.completed();
});

function event() {
  const completed = vi.fn();
  return { completed, e: { completed, source: { id: 'ThiDua.GenerateRanking' } } as unknown as Office.AddinCommands.Event };
}

describe('ribbon command', () => {
  it('registers generateRanking and nothing else', () => {
    expect([...fake.associated.keys()]).toEqual(['generateRanking']);
  });

  it('runs generateRanking and completes once', async () => {
    const seen: string[] = [];
    generate.impl = async (ev) => {
      seen.push('generate');
      ev.completed();
      ev.completed(); // a second call must not reach Excel
    };
    const { completed, e } = event();
    await fake.associated.get('generateRanking')!(e);
    expect(seen).toEqual(['generate']);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes even when generateRanking throws or forgets to', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    generate.impl = async () => {
      throw new Error('boom');
    };
    const thrown = event();
    await fake.associated.get('generateRanking')!(thrown.e);
    expect(thrown.completed).toHaveBeenCalledTimes(1);

    generate.impl = async () => undefined;
    const forgotten = event();
    await fake.associated.get('generateRanking')!(forgotten.e);
    expect(forgotten.completed).toHaveBeenCalledTimes(1);
  });

  it('on an Excel without ExcelApi 1.9, shows the task pane page (which explains) instead of running', async () => {
    fake.supported = false;
    let ran = false;
    generate.impl = async (ev) => {
      ran = true;
      ev.completed();
    };
    const { completed, e } = event();
    await fake.associated.get('generateRanking')!(e);
    expect(ran).toBe(false);
    expect(fake.dialogs).toEqual([new URL('taskpane.html', window.location.href).href]);
    expect(fake.dialogs[0]).toMatch(/\/taskpane\.html$/);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
