import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOG_SEED, PEER_DIR, SCHED_SEED } from '../fixtures/paths.ts';
import { detectFormat } from '../../src/main/import/detect.ts';

const read = (path: string) => readFileSync(path, 'utf8');

describe('detectFormat on real documents', () => {
  it('detects the Sched page copy seed', () => {
    expect(detectFormat(read(SCHED_SEED))).toBe('sched-text');
    // Content wins over a misleading extension.
    expect(detectFormat(read(SCHED_SEED), 'notes.md')).toBe('sched-text');
  });

  it('detects the blog post seed as markdown', () => {
    expect(detectFormat(read(BLOG_SEED))).toBe('markdown');
    expect(detectFormat(read(BLOG_SEED), 'post.txt')).toBe('markdown');
  });

  it('detects peer ICS, frab XML and schedule JSON files', () => {
    expect(detectFormat(read(PEER_DIR + 'ics/jres_2022.ics'))).toBe('ics');
    expect(detectFormat(read(PEER_DIR + 'frab-xml/fosdem_2021.xml'))).toBe('frab-xml');
    expect(detectFormat(read(PEER_DIR + 'schedule-json/frab-camp2019.json'))).toBe('schedule-json');
    expect(detectFormat(read(PEER_DIR + 'schedule-json/hub-schedule2.json'))).toBe('schedule-json');
  });
});

describe('detectFormat on small samples', () => {
  it('ics, even after blank lines', () => {
    expect(detectFormat('\n\nBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n')).toBe('ics');
  });

  it('frab XML with and without a prolog', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<schedule><conference/></schedule>')).toBe('frab-xml');
    expect(detectFormat('<schedule>\n</schedule>')).toBe('frab-xml');
  });

  it('schedule JSON by its shape, including broken JSON that names a schedule', () => {
    expect(detectFormat('{"schedule":{"conference":{}}}')).toBe('schedule-json');
    expect(detectFormat('{"$schema":"x","events":[]}')).toBe('schedule-json');
    expect(detectFormat('{"schedule": {"conference": ')).toBe('schedule-json');
    expect(detectFormat('{"hello":"world"}')).toBe('text');
    expect(detectFormat('{"hello":"world"}', 'x.json')).toBe('schedule-json');
  });

  it('CSV by a header with title-like and start-like columns, in any case or delimiter', () => {
    expect(detectFormat('Title,Start,End,Room\nA,2024-01-01 10:00,11:00,R1\n')).toBe('csv');
    expect(detectFormat('"Session Name";"Date";"Begins"\n"A";"2024-01-01";"10:00"\n')).toBe('csv');
    expect(detectFormat('name\tstart time\nA\t10:00\n')).toBe('csv');
    expect(detectFormat('Hello, world\nHow are you, today\n')).toBe('text');
  });

  it('sched-text by its range line and speaker avatars', () => {
    const doc = 'Talk - Ann Lee, Acme\nWednesday November 13, 2024 11:15am - 11:50am MST\nSpeakers\navatar for Ann Lee\n';
    expect(detectFormat(doc)).toBe('sched-text');
  });

  it('markdown by links and a bold date line, or by front matter', () => {
    expect(detectFormat('[Talk](https://x.org)\n\n**Monday, May 6, 2024 • 9:00 am - 9:30 am**\n')).toBe('markdown');
    expect(detectFormat('---\ntitle: x\n---\n# Schedule\n[a](https://x.org)\n')).toBe('markdown');
  });

  it('falls back to the extension, then to text', () => {
    expect(detectFormat('Opening\n10:00 - 10:30\n', 'talks.md')).toBe('markdown');
    expect(detectFormat('Opening\n10:00 - 10:30\n', 'agenda.csv')).toBe('csv');
    expect(detectFormat('Opening\n10:00 - 10:30\n')).toBe('text');
    expect(detectFormat('Opening\n10:00 - 10:30\n', 'README')).toBe('text');
  });
});
