// Which link of an event is the recording of that talk: on the real FOSDEM 2021 and 36c3 frab
// exports (expectations read from the documents themselves), and on the rules one at a time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickRecording } from '../../src/main/import/recording.ts';
import { parseFrabXml } from '../../src/main/import/parsers/frab/xml.ts';
import { parseScheduleJson } from '../../src/main/import/parsers/frab/schedule-json.ts';

const PEER = new URL('../fixtures/peer/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, PEER), 'utf8');

/** Each <event id="…"> block of a frab document, by id. */
function eventBlocks(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<event [^>]*id="(\d+)"[\s\S]*?<\/event>/g)].map((m) => [m[1]!, m[0]]));
}

describe('recordings in real schedules', () => {
  it('FOSDEM 2021: every talk with a video.fosdem.org link gets it, the mp4 preferred over the WebM', () => {
    const xml = read('frab-xml/fosdem_2021.xml');
    const blocks = eventBlocks(xml);
    const sessions = parseFrabXml(xml, {}).sessions;
    const withVideo = [...blocks].filter(([, b]) => b.includes('href="https://video.fosdem.org/')).map(([id]) => id);
    expect(withVideo.length).toBeGreaterThan(600);
    const picked = sessions.filter((s) => s.recordingUrl).map((s) => s.key.replace(/^fosdem-2021:/, ''));
    expect(picked.sort()).toEqual(withVideo.sort());
    for (const s of sessions.filter((x) => x.recordingUrl)) {
      const id = s.key.replace(/^fosdem-2021:/, '');
      const videos = [...blocks.get(id)!.matchAll(/<link href="(https:\/\/video\.fosdem\.org\/[^"]+)">/g)].map((m) => m[1]!);
      expect(videos).toContain(s.recordingUrl);
      const mp4 = videos.find((v) => v.endsWith('.mp4'));
      if (mp4) expect(s.recordingUrl).toBe(mp4);
    }
    // The welcome talk, as the document writes it.
    expect(blocks.get('11795')).toContain('<link href="https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4">Video recording (mp4)</link>');
    expect(sessions.find((s) => s.key === 'fosdem-2021:11795')?.recordingUrl).toBe('https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4');
  });

  it('36c3: links to other talks on media.ccc.de and YouTube are not this talk’s recording', () => {
    const xml = read('frab-xml/36c3_merged.xml');
    expect(xml).toContain('<link href="https://media.ccc.de/v/35c3-9486-hebocon">Hebocon on 35c3</link>');
    expect(xml).toContain('<link href="https://youtu.be/QXut1XBymAk">Exploit POC Video</link>');
    expect(parseFrabXml(xml, {}).sessions.filter((s) => s.recordingUrl)).toEqual([]);
  });

  it('schedule JSON: a recording setting such as RECORD_BY_DEFAULT is not a link', () => {
    const json = read('schedule-json/hub-schedule2.json');
    expect(json).toContain('"recording": "RECORD_BY_DEFAULT"');
    expect(parseScheduleJson(json, {}).sessions.map((s) => s.recordingUrl ?? null)).toEqual([null, null]);
  });
});

describe('pickRecording', () => {
  const none = { acronym: null, eventId: null };
  it('takes a field that holds the recording, when it is a web address', () => {
    expect(pickRecording({ links: [], recordingFields: ['RECORD_BY_DEFAULT', ' https://example.org/v/1.mp4 '] }, none)).toBe('https://example.org/v/1.mp4');
    expect(pickRecording({ links: [], recordingFields: ['javascript:alert(1)'] }, none)).toBeNull();
  });

  it('passes over an archive link whose name is not valid percent-encoding, instead of failing the import', () => {
    const ctx = { acronym: '36c3', eventId: '10652' };
    const links = [{ href: 'https://media.ccc.de/v/50%-off', title: null }];
    expect(pickRecording({ links, recordingFields: [] }, ctx)).toBeNull();
  });

  it('takes a media.ccc.de page or file of this event only, the page first', () => {
    const ctx = { acronym: '36c3', eventId: '10652' };
    const links = [
      { href: 'https://media.ccc.de/v/35c3-9486-hebocon', title: 'Hebocon on 35c3' },
      { href: 'https://cdn.media.ccc.de/congress/2019/h264-hd/36c3-10652-eng-Talk.mp4', title: 'mp4' },
      { href: 'https://media.ccc.de/v/36c3-10652-a_talk', title: 'Talk' }
    ];
    expect(pickRecording({ links, recordingFields: [] }, ctx)).toBe('https://media.ccc.de/v/36c3-10652-a_talk');
    expect(pickRecording({ links: links.slice(0, 2), recordingFields: [] }, ctx)).toBe(links[1]!.href);
    expect(pickRecording({ links: links.slice(0, 1), recordingFields: [] }, ctx)).toBeNull();
    expect(pickRecording({ links: links.slice(2), recordingFields: [] }, none)).toBeNull();
  });

  it('trusts a title that says recording, but not expiring review links or other videos', () => {
    const pick = (href: string, title: string) => pickRecording({ links: [{ href, title }], recordingFields: [] }, none);
    expect(pick('https://www.youtube.com/watch?v=abc', 'Recording')).toBe('https://www.youtube.com/watch?v=abc');
    expect(pick('https://validate.video.fosdem.org/27dd.mp4', 'VIDEO (temp link)')).toBeNull();
    expect(pick('https://www.youtube.com/watch?v=abc', 'Write the Docs 2020 recording')).toBeNull();
    expect(pick('https://vimeo.com/1', 'Video of the talk at LGM 2019')).toBeNull();
    expect(pick('ftp://video.fosdem.org/a.mp4', 'Video recording (mp4)')).toBeNull();
  });
});
