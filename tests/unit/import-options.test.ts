// The import dialog's choices: format names people recognise, and the zone list with the
// preview's decision and candidates first.
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/contract.ts';
import { IMPORT_FORMATS } from '../../src/shared/domain.ts';
import { COMMON_ZONES, FORMAT_CHOICES, isFormatChoice, zoneChoices } from '../../src/renderer/src/lib/import/import-options.ts';

function preview(zone: string, candidates: string[]): ImportPreview {
  return {
    format: 'text',
    conference: { title: 'Conf', timeZone: zone },
    zone: { zone, rule: 'abbreviation', detail: '“CST”', guessed: true },
    sessions: [],
    warnings: [],
    columns: null,
    candidates,
    mergesInto: null
  };
}

describe('format choices', () => {
  it('offer auto-detect first, then every format the importer knows, each with a label', () => {
    expect(FORMAT_CHOICES[0]).toEqual({ value: 'auto', label: 'Auto-detect' });
    expect(FORMAT_CHOICES.slice(1).map((c) => c.value)).toEqual([...IMPORT_FORMATS]);
    for (const c of FORMAT_CHOICES) expect(c.label.trim()).not.toBe('');
  });

  it('know their own values and nothing else', () => {
    expect(isFormatChoice('auto')).toBe(true);
    expect(isFormatChoice('frab-xml')).toBe(true);
    expect(isFormatChoice('pdf')).toBe(false);
    expect(isFormatChoice('')).toBe(false);
  });
});

describe('zone choices', () => {
  it('the chosen zone, then the decision, then the candidates, the person’s zones and the common list', () => {
    const zones = zoneChoices(preview('America/Chicago', ['America/Mexico_City', 'Asia/Shanghai']), 'America/New_York', ['Europe/Berlin']);
    expect(zones.slice(0, 5)).toEqual(['America/New_York', 'America/Chicago', 'America/Mexico_City', 'Asia/Shanghai', 'Europe/Berlin']);
  });

  it('lists each zone once and drops names that are not zones', () => {
    const zones = zoneChoices(preview('Europe/Berlin', ['Not/AZone', 'Europe/Berlin']), null, ['UTC']);
    expect(zones[0]).toBe('Europe/Berlin');
    expect(zones).not.toContain('Not/AZone');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('without a preview is the common list', () => {
    expect(zoneChoices(null, null, [])).toEqual([...COMMON_ZONES]);
  });
});
