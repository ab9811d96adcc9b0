// One string for each distinct text of a list: a place, a track or a speaker's name repeats across
// thousands of sessions, and text read from SQLite or parsed from JSON is a new string each time.
// The store shares them as it reads the summaries, and the renderer again after they crossed IPC or
// HTTP (JSON.parse gives each value its own string).
export type TextPool = <T extends string | null>(text: T) => T;

export function textPool(): TextPool {
  const kept = new Map<string, string>();
  return <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const one = kept.get(text);
    if (one !== undefined) return one as T;
    kept.set(text, text);
    return text;
  };
}
