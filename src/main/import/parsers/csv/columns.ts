// Matching CSV header names to session fields, in English, German, French and Spanish.
//
// Each header is folded (case, accents, punctuation, camelCase: "Début" → "debut", "startTime" →
// "start time") and scored against the synonym tables: the field's own name ("Title",
// "Description") beats another specific synonym ("Notes"), which beats a generic word ("Name",
// "Session"). Each field goes to its strongest column (the first of equals). Headers about
// something else than the session ("Photo de l'orateur", "speaker_id", "Job title", "Session
// chair") name no field, and a "Session" column beside a real title column is the session group,
// read as the track.
import { CSV_FIELDS } from '../../../../shared/domain.ts';
import type { CsvField } from '../../../../shared/domain.ts';

export { CSV_FIELDS };
export type { CsvField };

// Header words → field, after folding. The first word of each list is the field's own name.
const SYNONYMS: Record<CsvField, readonly string[]> = {
  title: [
    'title', 'talk', 'summary', 'subject', 'session name', 'talk title', 'session title', 'event name', 'event title', 'what',
    'titel', 'vortrag', 'vortragstitel', 'veranstaltungstitel', 'was', 'titre', 'intitule', 'titre de la session', 'titulo', 'charla', 'ponencia', 'nombre de la sesion'
  ],
  date: [
    'date', 'day', 'start date', 'session date', 'datum', 'tag', 'startdatum', 'jour', 'date de debut', 'fecha', 'dia', 'fecha de inicio', 'fecha inicio'
  ],
  endDate: ['end date', 'enddatum', 'date de fin', 'fecha de fin', 'fecha fin'],
  start: [
    'start', 'from', 'begin', 'begins', 'starts', 'start time', 'starting', 'start datetime', 'starts at', 'time start', 'begin time',
    'beginn', 'von', 'anfang', 'startzeit', 'beginnt', 'debut', 'heure de debut', 'heure debut', 'horodateur', 'horodatage', 'date et heure', 'date heure',
    'inicio', 'hora inicio', 'hora de inicio', 'comienzo', 'desde'
  ],
  end: [
    'end', 'to', 'until', 'ends', 'finish', 'end time', 'end datetime', 'time end', 'ends at',
    'ende', 'bis', 'endzeit', 'fin', 'heure de fin', 'heure fin', 'hora fin', 'hora de fin', 'hora final', 'final', 'termino', 'hasta'
  ],
  duration: ['duration', 'length', 'minutes', 'duration min', 'duration minutes', 'mins', 'dauer', 'lange', 'minuten', 'duree', 'duracion', 'minutos'],
  room: ['room', 'location', 'place', 'hall', 'stage', 'room name', 'raum', 'saal', 'ort', 'buhne', 'salle', 'lieu', 'scene', 'sala', 'lugar', 'ubicacion', 'escenario'],
  venue: ['venue', 'building', 'veranstaltungsort', 'gebaude', 'batiment', 'edificio', 'sede'],
  speakers: [
    'speakers', 'speaker', 'presenter', 'presenters', 'speaker names', 'speaker name', 'full name', 'authors', 'author', 'by', 'hosts', 'host', 'moderator', 'who',
    'sprecher', 'sprecherin', 'sprecher innen', 'referent', 'referentin', 'referenten', 'referent innen', 'vortragende', 'teilnehmer', 'teilnehmende', 'gaste', 'gast',
    'wer', 'vorname nachname', 'name vorname',
    'intervenant', 'intervenants', 'intervenante', 'intervenantes', 'orateur', 'orateurs', 'oratrice', 'conferencier', 'conferenciers', 'auteur', 'auteurs',
    'prenom nom', 'nom prenom', 'nom et prenom', 'qui',
    'ponente', 'ponentes', 'orador', 'oradores', 'presentador', 'presentadores', 'autor', 'autores', 'nombre completo', 'quien'
  ],
  track: ['track', 'category', 'categories', 'stream', 'tracks', 'cluster', 'kategorie', 'rubrik', 'themenbereich', 'categorie', 'parcours', 'categoria'],
  description: [
    'description', 'abstract', 'details', 'desc', 'body', 'notes', 'beschreibung', 'zusammenfassung', 'inhalt', 'kurzbeschreibung',
    'resume', 'descriptif', 'descripcion', 'resumen'
  ],
  url: ['url', 'link', 'website', 'web', 'href', 'lien', 'enlace', 'webseite'],
  type: ['type', 'format', 'kind', 'session type', 'typ', 'art', 'formato', 'tipo'],
  id: ['id', 'key', 'uid', 'guid', 'session id', 'event id', 'talk id', 'code'],
  timeZone: ['timezone', 'time zone', 'tz', 'zone', 'zeitzone', 'fuseau horaire', 'zona horaria', 'huso horario'],
  status: ['status', 'state', 'statut', 'estado']
};

// Words that name a field only when nothing more specific is in the header: "Time End" is the
// end, "Session Room" the room, "Event Name" (two of these) the title.
const GENERIC: Record<string, CsvField> = {
  time: 'start',
  when: 'start',
  wann: 'start',
  quand: 'start',
  cuando: 'start',
  datetime: 'start',
  zeit: 'start',
  uhrzeit: 'start',
  heure: 'start',
  horaire: 'start',
  hora: 'start',
  name: 'title',
  nom: 'title',
  nombre: 'title',
  session: 'title',
  sesion: 'title',
  seance: 'title',
  sitzung: 'title',
  event: 'title',
  evento: 'title',
  veranstaltung: 'title',
  evenement: 'title'
};

/** Words for a talk's subject: the title when the file has no title column, else the track. */
const THEME_WORDS: readonly string[] = ['topic', 'thema', 'theme', 'sujet', 'tema'];

/** Generic title words that, beside a real title column, name the session group: the track. */
const GROUP_WORDS: readonly string[] = ['session', 'sesion', 'seance', 'sitzung'];

// A header with one of these words is about a person or an organisation around the session, not
// a session field: "Photo de l'orateur", "Speaker e-mail", "Job title", "Intitulé de poste",
// "Session chair", "Kontakt (nur für Rückfragen)".
const NOT_SESSION_WORDS: readonly string[] = [
  'photo', 'image', 'picture', 'avatar', 'headshot', 'foto', 'bild',
  'email', 'e mail', 'mail', 'phone', 'telephone', 'telefon', 'contact', 'kontakt', 'contacto',
  'linkedin', 'twitter', 'github', 'mastodon', 'company', 'employer', 'job', 'entreprise', 'societe', 'poste', 'firma', 'unternehmen', 'empresa',
  'bio', 'biography', 'biographie', 'biografia', 'chair', 'chairs', 'chairperson', 'vorsitz', 'president', 'presidente'
];

/** Words for the session itself, after "type of …" / "id of …" ("Type de session" is the session's type). */
const SESSION_WORDS: readonly string[] = ['session', 'sesion', 'seance', 'sitzung', 'talk', 'event', 'evenement', 'evento', 'veranstaltung', 'vortrag', 'creneau', 'slot', 'charla', 'ponencia'];

const TYPE_OF = /^(?:type|kind|art|typ|tipo|format|formato) (?:of|de|d|du|des|der|des|del|la) (.+)$/;
const ID_WORDS = /^(.+) (?:id|uid|guid|key|slug)$/;

const SPECIFIC: readonly [string, CsvField][] = Object.entries(SYNONYMS)
  .flatMap(([field, words]) => words.map((w) => [w, field as CsvField] as [string, CsvField]))
  .sort((a, b) => b[0].length - a[0].length);
const BROAD: readonly [string, CsvField][] = [
  ...Object.entries(GENERIC),
  ...THEME_WORDS.map((w) => [w, 'track'] as [string, CsvField])
].sort((a, b) => b[0].length - a[0].length);

/** Lower case, accents off ("Début" → "debut", "Länge" → "lange"), camelCase and punctuation as spaces. */
export function normaliseHeader(header: string, splitCamelCase = true): string {
  return (splitCamelCase ? header.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2') : header)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A guessed field and how sure: 3 the field's own name, 2 a specific synonym, 1 a generic word. */
interface Guess {
  field: CsvField;
  strength: number;
}

const hasWord = (h: string, words: readonly string[]): boolean => words.some((w) => ` ${h} `.includes(` ${w} `));
const isSessionWord = (text: string): boolean => hasWord(text, SESSION_WORDS);

function guessNormalised(h: string, unsplit: string): Guess | null {
  if (h === '') return null;
  const squeezed = h.replace(/ /g, '');
  // Exact: "Start Time", "start_time", "starttime".
  for (const [list, strength] of [[SPECIFIC, 2], [BROAD, 1]] as const) {
    for (const [phrase, field] of list) {
      if (h === phrase || squeezed === phrase.replace(/ /g, '')) return { field, strength: strength === 2 && SYNONYMS[field][0] === phrase ? 3 : strength };
    }
  }
  if (hasWord(h, NOT_SESSION_WORDS) || hasWord(unsplit, NOT_SESSION_WORDS)) return null; // "LinkedIn" is one word
  // "Type d'orateur" is the speaker's kind, "Type de session" the session's.
  const typeOf = TYPE_OF.exec(h);
  if (typeOf) return isSessionWord(typeOf[1] ?? '') ? { field: 'type', strength: 2 } : null;
  // "speaker_id", "room id" identify something else; "session id", "talk id" are exact above.
  const idOf = ID_WORDS.exec(h);
  if (idOf) return isSessionWord(idOf[1] ?? '') ? { field: 'id', strength: 2 } : null;
  const padded = ` ${h} `;
  for (const [list, strength] of [[SPECIFIC, 2], [BROAD, 1]] as const) {
    for (const [phrase, field] of list) if (phrase.length > 2 && padded.includes(` ${phrase} `)) return { field, strength };
  }
  return null;
}

function guessField(header: string): Guess | null {
  const head = header.slice(0, 100);
  return guessNormalised(normaliseHeader(head), normaliseHeader(head, false));
}

function isThemeHeader(header: string): boolean {
  return hasWord(normaliseHeader(header.slice(0, 100)), THEME_WORDS);
}

function isGroupHeader(header: string): boolean {
  return GROUP_WORDS.includes(normaliseHeader(header.slice(0, 100)));
}

/**
 * Header → field, one column per field (the strongest guess, then the first). A lone "venue"
 * column stands for the room, the common case in one-venue conferences; with a room column too, it
 * is the venue. A "Thema"/"Topic" column is the title when no column is, else the track; a
 * "Session" column that lost the title to a real title column is the track. `chosen` (from the
 * preview, keyed by exact header text) overrides the guesses; null leaves a column out of the
 * session fields (it is kept as an extra detail).
 */
export function mapColumns(header: readonly string[], chosen?: Record<string, CsvField | null>): (CsvField | null)[] {
  const isChosen = (h: string): boolean => chosen !== undefined && Object.prototype.hasOwnProperty.call(chosen, h);
  const guesses: (Guess | null)[] = header.map((h) => {
    if (isChosen(h)) {
      const c = chosen?.[h];
      return c !== undefined && c !== null && CSV_FIELDS.includes(c) ? { field: c, strength: 4 } : null;
    }
    return guessField(h);
  });
  const has = (field: CsvField): boolean => guesses.some((g) => g?.field === field);
  if (!has('title')) {
    const theme = header.findIndex((h, i) => guesses[i]?.field === 'track' && !isChosen(h) && isThemeHeader(h));
    if (theme !== -1) guesses[theme] = { field: 'title', strength: 1 };
  }
  if (!has('room')) {
    const venue = guesses.findIndex((g) => g?.field === 'venue');
    if (venue !== -1 && !isChosen(header[venue] ?? '')) guesses[venue] = { field: 'room', strength: guesses[venue]?.strength ?? 1 };
  }
  const winner = new Map<CsvField, number>();
  guesses.forEach((g, i) => {
    if (g === null) return;
    const best = winner.get(g.field);
    if (best === undefined || g.strength > (guesses[best]?.strength ?? 0)) winner.set(g.field, i);
  });
  const mapping = guesses.map((g, i) => (g !== null && winner.get(g.field) === i ? g.field : null));
  // "session" beside "title": the session group the talk belongs to.
  const group = header.findIndex((h, i) => mapping[i] === null && guesses[i]?.field === 'title' && !isChosen(h) && isGroupHeader(h));
  if (group !== -1 && !mapping.includes('track')) mapping[group] = 'track';
  return mapping;
}
