// The state classes show their fields read-only and write them through one handle to themselves
// (lib/state/writable.ts). These tests hold the two halves of that: a write through the handle is
// a reactive write that a component's effect sees, and a write from outside does not compile.
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../src/shared/contract.ts';
import { ExportState } from '../../src/renderer/src/lib/export/export-state.svelte.ts';
import { ShellState, type ShellDeps } from '../../src/renderer/src/lib/shell/shell-state.svelte.ts';
import { FakeApi } from './fake-api.ts';
import { flushSync, watch } from './watch.svelte.ts';

describe('read-only state written by its owner', () => {
  it('a choice made through the class reaches an effect that reads it', () => {
    const exportState = new ExportState(new FakeApi() as unknown as ClientApi);
    const seen = watch(() => `${exportState.format} ${exportState.alarmMinutes} ${exportState.states.backup}`);
    exportState.choose('format', 'csv');
    flushSync();
    exportState.choose('alarmMinutes', 30);
    exportState.setState('backup', true);
    flushSync();
    seen.stop();
    expect(seen.values).toEqual(['ics 10 false', 'csv 10 false', 'csv 30 true']);
  });

  it('a derived field follows the fields it is made from', () => {
    const exportState = new ExportState(new FakeApi() as unknown as ClientApi);
    const seen = watch(() => exportState.canExport);
    for (const s of ['going', 'backup', 'maybe'] as const) exportState.setState(s, false);
    flushSync();
    seen.stop();
    expect(seen.values).toEqual([true, false]);
  });

  it('a panel opened by the shell is seen by whoever reads it', () => {
    const shell = new ShellState({ app: {}, drag: {}, mac: false } as unknown as ShellDeps);
    const seen = watch(() => shell.panel);
    shell.togglePanel('clashes');
    flushSync();
    shell.togglePanel('clashes');
    flushSync();
    seen.stop();
    expect(seen.values).toEqual([null, 'clashes', null]);
  });

  it('refuses a write from outside at compile time', () => {
    const exportState = new ExportState(new FakeApi() as unknown as ClientApi);
    // Only compiled, never run: `tsc` (npm run typecheck) fails if these writes become legal.
    const writeFromOutside = (): void => {
      // @ts-expect-error the format is read-only outside ExportState
      exportState.format = 'csv';
      // @ts-expect-error so is the set of plan states, to its last key
      exportState.states.going = false;
    };
    expect(typeof writeFromOutside).toBe('function');
    expect(exportState.format).toBe('ics');
  });
});
