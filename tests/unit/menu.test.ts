import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../src/shared/contract.ts';
import type { MenuCommand } from '../../src/shared/contract.ts';
import { buildMenuTemplate, flattenMenu, platformAccelerator } from '../../src/main/menu.ts';
import type { MenuItemTemplate } from '../../src/main/menu.ts';

function build(platform: NodeJS.Platform, isPackaged = true): { template: MenuItemTemplate[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform, isPackaged, appName: 'Clashless', onCommand: (c) => sent.push(c) });
  return { template, sent };
}

function acceleratorsOf(template: MenuItemTemplate[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const item of flattenMenu(template)) {
    if (item.accelerator === undefined) continue;
    const key = (item.id ?? item.role ?? item.label ?? '?').replace(/-alias$/, '');
    map.set(key, [...(map.get(key) ?? []), item.accelerator]);
  }
  return map;
}

describe('menu accelerators per platform', () => {
  it('uses Ctrl on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const acc = acceleratorsOf(build(platform).template);
      expect(acc.get('import')).toEqual(['Ctrl+O']);
      expect(acc.get('export')).toEqual(['Ctrl+E']);
      expect(acc.get('print')).toEqual(['Ctrl+P']);
      expect(acc.get('undo')).toEqual(['Ctrl+Z']);
      expect(acc.get('redo')).toEqual(['Shift+Ctrl+Z', 'Ctrl+Y']);
      expect(acc.get('zoom-in')).toEqual(['Ctrl+Plus', 'Ctrl+=']);
      expect(acc.get('zoom-out')).toEqual(['Ctrl+-']);
      expect(acc.get('zoom-reset')).toEqual(['Ctrl+0']);
      expect(acc.get('toggle-zone')).toEqual(['Ctrl+T']);
      expect(acc.get('quit')).toEqual(['Ctrl+Q']);
    }
  });

  it('uses Cmd on macOS and has no Ctrl+Y redo', () => {
    const acc = acceleratorsOf(build('darwin').template);
    expect(acc.get('import')).toEqual(['Cmd+O']);
    expect(acc.get('export')).toEqual(['Cmd+E']);
    expect(acc.get('print')).toEqual(['Cmd+P']);
    expect(acc.get('undo')).toEqual(['Cmd+Z']);
    expect(acc.get('redo')).toEqual(['Shift+Cmd+Z']);
    expect(acc.get('toggle-zone')).toEqual(['Cmd+T']);
    expect(acc.get('quit')).toEqual(['Cmd+Q']);
    const all = [...acc.values()].flat();
    expect(all.some((a) => a.includes('Ctrl'))).toBe(false);
  });

  it('never gives one shortcut to two items', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = flattenMenu(build(platform, false).template)
        .map((item) => item.accelerator)
        .filter((a): a is string => a !== undefined);
      expect(new Set(all).size, platform).toBe(all.length);
    }
  });

  it('spells accelerators the way Electron expects', () => {
    expect(platformAccelerator('darwin', 'Z', true)).toBe('Shift+Cmd+Z');
    expect(platformAccelerator('linux', 'O')).toBe('Ctrl+O');
  });
});

describe('menu structure', () => {
  it('has the macOS app menu first, with about, hide and quit', () => {
    const { template } = build('darwin');
    expect(template[0]?.label).toBe('Clashless');
    const roles = (template[0]?.submenu ?? []).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(template.some((i) => i.role === 'windowMenu')).toBe(true);
  });

  it('puts Quit in the File menu on Windows and Linux, with no app menu', () => {
    const { template } = build('linux');
    expect(template.map((i) => i.label)).toEqual(['&File', '&Edit', '&View']);
    const file = template[0]?.submenu ?? [];
    expect(file.at(-1)).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
  });

  it('uses clipboard roles for cut, copy, paste and select all', () => {
    const edit = build('win32').template.find((i) => i.label === '&Edit')?.submenu ?? [];
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (packaged: boolean) => flattenMenu(build('linux', packaged).template).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('keeps alternative shortcuts hidden but working', () => {
    const aliases = flattenMenu(build('win32').template).filter((i) => i.id?.endsWith('-alias'));
    expect(aliases.map((i) => i.accelerator)).toEqual(['Ctrl+Y', 'Ctrl+=']);
    for (const alias of aliases) expect(alias).toMatchObject({ visible: false, acceleratorWorksWhenHidden: true });
  });
});

describe('menu commands', () => {
  it('sends every MenuCommand from some item, and nothing else', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { template, sent } = build(platform);
      for (const item of flattenMenu(template)) item.click?.();
      expect(new Set(sent)).toEqual(new Set(MENU_COMMANDS));
    }
  });

  it('offers Delete Conference… in the File menu, without a shortcut, sending delete-conference', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { template, sent } = build(platform);
      const file = template.find((i) => i.label === 'File' || i.label === '&File')?.submenu ?? [];
      const item = file.find((i) => i.label === 'Delete Conference…');
      expect(item, platform).toMatchObject({ id: 'delete-conference' });
      expect(item?.accelerator).toBeUndefined();
      item?.click?.();
      expect(sent).toEqual(['delete-conference']);
    }
  });

  it('sends the command of the item that was clicked', () => {
    const { template, sent } = build('linux');
    flattenMenu(template)
      .find((i) => i.id === 'restore-backup')
      ?.click?.();
    expect(sent).toEqual(['restore-backup']);
  });
});
