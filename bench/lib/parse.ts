// The parse step as the app runs it: parseImport from the pipeline (detection off, format given).
// While another engineer is still writing some parser that the pipeline imports, the pipeline
// cannot load; then the format's own parser is used directly and the figure says so.
import type { ImportFormat, ParseOptions, ParsedSchedule } from '../../src/shared/domain.ts';
import { describeError } from './paths.ts';

export interface ParseStep {
  parse(text: string, opts: ParseOptions): ParsedSchedule;
  /** How the parse was reached, for the figure's note (null when through the real pipeline). */
  caveat: string | null;
}

async function directParser(format: ImportFormat): Promise<(text: string, opts: ParseOptions) => ParsedSchedule> {
  if (format === 'frab-xml') return (await import('../../src/main/import/parsers/frab/xml.ts')).parseFrabXml;
  if (format === 'ics') return (await import('../../src/main/import/parsers/ics/read.ts')).parseIcs;
  throw new Error(`the bench has no direct parser for ${format}`);
}

export async function loadParseStep(format: ImportFormat): Promise<ParseStep> {
  try {
    const { parseImport } = await import('../../src/main/import/pipeline.ts');
    return { parse: (text, opts) => parseImport(text, { ...opts, format }), caveat: null };
  } catch (err) {
    const why = describeError(err);
    const parser = await directParser(format);
    return { parse: parser, caveat: `pipeline.ts could not load (${why}); timed the ${format} parser directly` };
  }
}
