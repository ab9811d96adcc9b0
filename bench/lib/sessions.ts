// A generated conference of any size for the commit, search, memory and export figures.
//
// Shape, modelled on the big real schedules (KubeCon, 38C3, FOSDEM): titles of 4–9 topic words,
// abstracts of 25–45 words, one to three speakers with companies, tracks, rooms in parallel,
// sessions back to back over many days. Word frequencies are set so the two search workloads
// mean something: COMMON_WORDS appear in most sessions, RARE_WORDS in about 20 each per 100,000.
import type { ParsedSchedule, ParsedSession, Session, Speaker } from '../../src/shared/domain.ts';
import { seededRandom } from '../../tests/fixtures/generate-plan.ts';

const TOPICS = [
  'observability', 'scaling', 'secure', 'supply', 'chain', 'edge', 'cluster', 'operators', 'lessons', 'learned',
  'networking', 'storage', 'platform', 'developer', 'experience', 'migration', 'zero', 'trust', 'policy', 'runtime',
  'tracing', 'metrics', 'community', 'future', 'building', 'debugging', 'performance', 'multi-tenant', 'serverless',
  'webassembly', 'ebpf', 'gitops', 'service', 'mesh', 'gateway', 'ingress', 'autoscaling', 'batch', 'scheduling',
  'inference', 'training', 'models', 'gpu', 'accelerators', 'database', 'streaming', 'events', 'queues', 'caching',
  'latency', 'reliability', 'incident', 'response', 'chaos', 'engineering', 'testing', 'continuous', 'delivery',
  'deployment', 'rollouts', 'canary', 'secrets', 'identity', 'authentication', 'authorization', 'compliance', 'audit',
  'logging', 'alerting', 'dashboards', 'cost', 'efficiency', 'sustainability', 'carbon', 'hardware', 'firmware',
  'kernel', 'containers', 'images', 'registries', 'signing', 'provenance', 'sbom', 'vulnerabilities', 'fuzzing',
  'compilers', 'languages', 'rust', 'golang', 'python', 'typescript', 'browsers', 'privacy', 'encryption', 'keys',
  'protocols', 'routing', 'dns', 'ipv6', 'wireless', 'satellites', 'radio', 'hacking', 'democracy', 'elections',
  'journalism', 'surveillance', 'archives', 'maps', 'climate', 'energy', 'trains', 'bicycles', 'education', 'art'
];

/** Words in most sessions (checked and printed by the search worker). */
export const COMMON_WORDS = ['talk', 'cloud', 'kubernetes', 'production', 'source'] as const;

/** Words in about 0.02% of sessions each: project names a person searches for by name. */
export const RARE_WORDS = [
  'wireguard', 'zookeeper', 'keycloak', 'crossplane', 'backstage', 'dragonfly', 'kyverno', 'longhorn', 'vitess',
  'tekton', 'spiffe', 'thanos', 'cortex', 'jaeger', 'fluentd', 'linkerd', 'knative', 'dapr', 'flatcar', 'buildpacks',
  'karmada', 'kubeedge', 'volcano', 'strimzi', 'keptn', 'litmus', 'openkruise', 'pixie', 'emissary', 'contour',
  'chaosmesh', 'notary', 'cloudevents', 'kubevirt', 'metal3', 'rook', 'harbor', 'falco', 'cilium', 'opentofu'
] as const;

const FIRST = [
  'Ada', 'Ben', 'Chen', 'Dana', 'Emil', 'Fatima', 'Gita', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora',
  'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Xenia', 'Yusuf', 'Zoe', 'Arjun', 'Bea',
  'Carlos', 'Dmitri', 'Elif', 'Femi', 'Greta', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lucia', 'Milan', 'Nadia'
];
const LAST_SYLLABLES = ['ber', 'son', 'ova', 'ski', 'mann', 'ez', 'ari', 'ten', 'dal', 'ric', 'oni', 'sen', 'uk', 'ama'];
const LAST_STEMS = [
  'Al', 'Bor', 'Cas', 'Dor', 'Ek', 'Fal', 'Gur', 'Hol', 'Ib', 'Jar', 'Kov', 'Lind', 'Mor', 'Nak', 'Orl', 'Pet', 'Ros',
  'Sto', 'Tan', 'Ul', 'Val', 'Wes', 'Yam', 'Zan', 'Brun', 'Cal', 'Dem', 'Fin'
];
const COMPANIES = [
  'Acme Cloud', 'Northwind', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Stark Industries', 'Wayne Systems',
  'Tyrell', 'Cyberdyne', 'Soylent', 'Vandelay', 'Massive Dynamic', 'Aperture', 'Black Mesa', 'Oscorp', 'Gringotts',
  'Monarch', 'Pied Piper', 'Dunder Mifflin', 'Independent', 'University of Leipzig', 'CERN', 'Red Stripe', 'Bluth Co'
];
const TRACKS = [
  'Security', 'Observability', 'Platform Engineering', 'Networking', 'Community', 'AI + ML', 'Storage', 'Ethics',
  'Hardware', 'Science', 'Art & Culture', 'Operations', 'Developer Experience', 'Policy', 'Education'
];
const ROOMS = 200;
const PER_ROOM_PER_DAY = 10;
const FIRST_DAY = Date.UTC(2026, 2, 2, 8, 0); // Monday 09:00 in Berlin (CET, UTC+1)

export const GENERATED_ZONE = 'Europe/Berlin';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generateSessions(count: number, seed = 42): ParsedSession[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Topic words are Zipf-like: low indexes far more often, like real conference vocabulary.
  const topic = (): string => TOPICS[Math.floor(TOPICS.length * random() * random())] as string;
  const sessions: ParsedSession[] = [];
  for (let i = 0; i < count; i++) {
    const room = i % ROOMS;
    const slot = Math.floor(i / ROOMS);
    const day = Math.floor(slot / PER_ROOM_PER_DAY);
    const start = FIRST_DAY + day * 86_400_000 + (slot % PER_ROOM_PER_DAY) * 55 * 60_000;
    const titleWords = Array.from({ length: 4 + Math.floor(random() * 6) }, topic);
    if (random() < 0.008) titleWords.splice(1, 0, pick(RARE_WORDS));
    const body = Array.from({ length: 25 + Math.floor(random() * 21) }, topic).join(' ');
    const sentences = [
      random() < 0.95 ? 'In this talk we show' : 'In this workshop we show',
      random() < 0.65 ? 'how teams run Kubernetes' : 'how teams run their systems',
      random() < 0.7 ? 'in the cloud' : 'on their own hardware',
      random() < 0.55 ? 'and what broke in production:' : 'and what we learned:',
      body + '.',
      random() < 0.6 ? 'All code is open source.' : 'Slides will be published.'
    ];
    const speakers: Speaker[] = Array.from({ length: 1 + Math.floor(random() * random() * 3) }, () => ({
      name: `${pick(FIRST)} ${pick(LAST_STEMS)}${pick(LAST_SYLLABLES)}`,
      affiliation: random() < 0.9 ? pick(COMPANIES) : null,
      role: null,
      bio: null
    }));
    const long = random() < 0.1;
    sessions.push({
      key: `gen-${seed}-${i}`,
      title: capitalise(titleWords.join(' ')),
      description: sentences.join(' '),
      start,
      end: start + (long ? 90 : 45) * 60_000,
      allDay: false,
      venue: 'Messe Berlin',
      room: `Hall ${room + 1}`,
      track: pick(TRACKS),
      type: long ? 'Workshop' : 'Talk',
      url: `https://conf.example.org/session/${i}`,
      status: random() < 0.01 ? 'cancelled' : 'scheduled',
      speakers,
      attributes: random() < 0.3 ? { Level: pick(['Beginner', 'Intermediate', 'Advanced']) } : {},
      line: null
    });
  }
  return sessions;
}

export function generateSchedule(count: number, seed = 42): ParsedSchedule {
  return {
    format: 'schedule-json',
    conference: { title: `Generated Conference ${count}`, timeZone: GENERATED_ZONE, acronym: null },
    zone: { zone: GENERATED_ZONE, rule: 'zone-name', detail: 'generated for the bench', guessed: false },
    sessions: generateSessions(count, seed),
    warnings: []
  };
}

/** The same sessions as stored ones (ids from 1), for the export figure. */
export function asStoredSessions(parsed: readonly ParsedSession[], conferenceId = 1): Session[] {
  return parsed.map(({ line: _line, status, ...s }, i) => ({ ...s, status, id: i + 1, conferenceId }));
}

/** What a person types, letter by letter: "k", "ku", "kub", … for each word, until `total` queries. */
export function typedQueries(words: readonly string[], total: number): string[] {
  const out: string[] = [];
  for (let w = 0; out.length < total; w++) {
    const word = words[w % words.length] as string;
    for (let n = 1; n <= word.length && out.length < total; n++) out.push(word.slice(0, n));
  }
  return out;
}
