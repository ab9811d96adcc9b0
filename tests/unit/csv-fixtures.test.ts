// Spreadsheet exports as people save them (tests/fixtures/csv/): German Excel (semicolons, BOM,
// CRLF), French with comma and "9h30" times, a Spanish TSV from a sheet with a zone column, an
// English sheet with "Time Start"/"Time End" and a.m./p.m., and a semicolon file whose abstracts
// hold line breaks. Each is read from its bytes, through detection, the way the app reads it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedSchedule } from '../../src/shared/domain.ts';
import { decodeBytes } from '../../src/main/import/decode.ts';
import { detectFormat } from '../../src/main/import/detect.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';

const CSV_DIR = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function read(name: string): string {
  return decodeBytes(readFileSync(CSV_DIR + name), { name });
}

function load(name: string, timeZone?: string): ParsedSchedule {
  return parseImport(read(name), { fileName: name, fallbackZone: 'UTC', ...(timeZone ? { timeZone } : {}) });
}

const rows = (p: ParsedSchedule) => p.sessions.map((s) => [s.line, iso(s.start), iso(s.end), s.title]);

describe('CSV fixtures', () => {
  it('every fixture is recognised as CSV from its content alone', () => {
    for (const name of ['sendezentrum-programm.csv', 'journees-du-libre.csv', 'congreso-datos-abiertos.tsv', 'devday-schedule.csv', 'open-data-day-semicolon.csv']) {
      expect(detectFormat(read(name)), name).toBe('csv');
    }
  });

  it('German Excel export: Titel/Teilnehmer/Datum/Beginn/Ende/Raum, and the Podcast column kept as a detail', () => {
    const p = load('sendezentrum-programm.csv', 'Europe/Berlin');
    expect(p.format).toBe('csv');
    expect(rows(p)).toEqual([
      [2, '2024-12-27T10:00:00Z', '2024-12-27T10:30:00Z', 'Eröffnung des Sendezentrums'],
      [3, '2024-12-27T11:00:00Z', '2024-12-27T12:15:00Z', 'Netzpolitik im Rückblick: Was 2024 brachte'],
      [4, '2024-12-27T13:00:00Z', '2024-12-27T14:00:00Z', 'Frag die Technik; live'],
      [5, '2024-12-28T09:30:00Z', '2024-12-28T10:45:00Z', 'Podcasten ohne Budget – Werkstattgespräch'],
      [6, '2024-12-28T19:00:00Z', '2024-12-28T20:30:00Z', 'Hörspiel "Die Maschine" – Premiere'],
      // 23:30 to 00:30 runs past midnight.
      [7, '2024-12-28T22:30:00Z', '2024-12-28T23:30:00Z', 'Nachtgespräch']
    ]);
    const [opening, netz] = p.sessions;
    expect(opening!.speakers.map((s) => s.name)).toEqual(['Anna Berger', 'Jonas Wolff']);
    expect(netz!.speakers.map((s) => s.name)).toEqual(['Lena Vogt', 'Tim Krause']);
    expect(opening!.room).toBe('Sendezentrum Bühne');
    expect(opening!.attributes).toEqual({ Podcast: 'Sendezentrum Spezial' });
    expect(p.sessions[3]!.attributes).toEqual({});
    expect(p.warnings).toEqual([{ line: 1, message: expect.stringContaining('“Podcast”') }]);
  });

  it('French export: Titre/Intervenant(s)/Heure de début/Heure de fin/Salle/Thème/Résumé, "9h30" times, day/month dates', () => {
    const p = load('journees-du-libre.csv', 'Europe/Paris');
    expect(rows(p).slice(0, 2)).toEqual([
      [2, '2024-11-14T08:00:00Z', '2024-11-14T08:30:00Z', 'Ouverture des journées'],
      [3, '2024-11-14T08:45:00Z', '2024-11-14T09:30:00Z', "Logiciels libres et collectivités : retour d'expérience"]
    ]);
    expect(p.sessions).toHaveLength(6);
    const talk = p.sessions[1]!;
    expect(talk.speakers.map((s) => s.name)).toEqual(['Julien Martin', 'Sophie Laurent']);
    expect(talk).toMatchObject({ room: 'Amphithéâtre A', track: 'Administration' });
    expect(talk.description).toMatch(/^Comment une métropole/);
    expect(iso(p.sessions[4]!.start)).toBe('2024-11-15T09:00:00Z');
    expect(p.warnings).toEqual([]);
  });

  it('Spanish TSV: Título/Ponente(s)/Fecha/Hora inicio/Hora fin/Sala/Tipo, with its zone column deciding the zone', () => {
    const p = load('congreso-datos-abiertos.tsv');
    expect(p.zone).toMatchObject({ zone: 'Europe/Madrid', rule: 'zone-name', guessed: false });
    expect(rows(p)).toEqual([
      [2, '2024-11-05T08:00:00Z', '2024-11-05T08:20:00Z', 'Bienvenida'],
      [3, '2024-11-05T08:30:00Z', '2024-11-05T09:15:00Z', 'Datos abiertos en la administración pública'],
      [4, '2024-11-05T10:00:00Z', '2024-11-05T12:00:00Z', 'Taller de accesibilidad web'],
      [5, '2024-11-13T15:30:00Z', '2024-11-13T16:30:00Z', 'Mesa redonda: el futuro del código abierto']
    ]);
    expect(p.sessions[1]!.speakers.map((s) => s.name)).toEqual(['Lucía Fernández', 'Andrés Ruiz']);
    expect(p.sessions[2]).toMatchObject({ room: 'Sala 2', type: 'Taller', description: 'Trae tu portátil.' });
  });

  it('English sheet: "Time Start"/"Time End", AM/A.M./a.m./pm, 12:00 p.m. is noon and 0:00 a.m. midnight', () => {
    const p = load('devday-schedule.csv', 'America/Chicago');
    expect(rows(p)).toEqual([
      [2, '2024-11-13T14:00:00Z', '2024-11-13T15:00:00Z', 'Registration & Coffee'],
      [3, '2024-11-13T15:00:00Z', '2024-11-13T16:00:00Z', 'Opening Keynote'],
      [4, '2024-11-13T16:15:00Z', '2024-11-13T17:00:00Z', 'Scaling Postgres at Work'],
      [5, '2024-11-13T18:00:00Z', '2024-11-13T19:00:00Z', 'Lunch'],
      [6, '2024-11-13T22:30:00Z', '2024-11-13T23:30:00Z', 'Lightning Talks'],
      // 9:00 P.M. to 0:00 a.m.: three hours, ending at midnight.
      [7, '2024-11-14T03:00:00Z', '2024-11-14T06:00:00Z', 'Hack Night'],
      [8, '2024-11-14T06:00:00Z', '2024-11-14T07:00:00Z', 'Early Bird Run']
    ]);
    expect(p.sessions.every((s) => s.end > s.start)).toBe(true);
    expect(p.sessions[1]!.attributes).toEqual({ Capacity: '400' });
    expect(p.sessions[2]!.description).toBe('Bring questions');
  });

  it('semicolons with quoted line breaks: abstracts keep their paragraphs, and warnings name the physical line', () => {
    const p = load('open-data-day-semicolon.csv', 'Europe/Amsterdam');
    expect(rows(p)).toEqual([
      [2, '2024-06-12T07:00:00Z', '2024-06-12T07:45:00Z', 'Keynote: Open Data in Cities'],
      [4, '2024-06-12T08:00:00Z', '2024-06-12T10:00:00Z', 'Workshop: Data Pipelines'],
      [8, '2024-06-12T14:00:00Z', '2024-06-12T14:30:00Z', 'Closing']
    ]);
    expect(p.sessions[0]!.description).toBe('Why cities publish data; what they learn.\nSecond paragraph with "quotes" and a; semicolon.');
    expect(p.sessions[1]!.description).toBe('Hands-on.\n\nBring a laptop; we provide the data.');
    expect(p.sessions[1]!.speakers.map((s) => s.name)).toEqual(['Tom Berg', 'Ada Kurz']);
    expect(p.warnings).toEqual([{ line: 7, message: 'Line 7: “TBD” is not a start I can read; “Panel” was skipped.' }]);
  });

  it('without a zone, every fixture that states none asks for one (rule fallback), and keeps its wall-clock times', () => {
    for (const name of ['sendezentrum-programm.csv', 'journees-du-libre.csv', 'devday-schedule.csv', 'open-data-day-semicolon.csv']) {
      const p = load(name);
      expect(p.zone, name).toMatchObject({ rule: 'fallback', guessed: true });
      expect(p.warnings[0]?.message, name).toMatch(/^This file names no time zone/);
    }
    expect(iso(load('sendezentrum-programm.csv').sessions[0]!.start)).toBe('2024-12-27T11:00:00Z');
  });
});
