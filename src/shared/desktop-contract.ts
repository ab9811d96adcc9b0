// The channels only a desktop shell offers (files, the OS browser, PDF), beside the service
// contract in contract.ts. Electron implements them in main with dialogs and shell
// (main/desktop-api.ts); the browser host imitates them in the page (download, <input type=file>,
// window.print). They are not services: the CLI and tests never need them.
import { z } from 'zod';
import { DESKTOP_CHANNEL_NAMES } from './channels.ts';
import { parseChannelRequest } from './request-schema.ts';

export const desktopSchemas = {
  'desktop.saveFile': z.strictObject({
    fileName: z.string().min(1).max(255),
    mimeType: z.string().max(100),
    content: z.string().max(50 * 1024 * 1024)
  }),
  'desktop.openFile': z.strictObject({}),
  'desktop.openExternal': z.strictObject({ url: z.string().max(4_000) }),
  'desktop.printPdf': z.strictObject({ fileName: z.string().min(1).max(255), html: z.string().max(20 * 1024 * 1024) })
} as const;
export type DesktopChannel = keyof typeof desktopSchemas;
export const DESKTOP_CHANNELS: readonly DesktopChannel[] = DESKTOP_CHANNEL_NAMES;
export interface DesktopResponses {
  'desktop.saveFile': { saved: boolean; path: string | null };
  'desktop.openFile': { fileName: string; text: string } | null;
  'desktop.openExternal': { opened: boolean };
  'desktop.printPdf': { saved: boolean; path: string | null };
}
export type DesktopApi = {
  [C in DesktopChannel]: (req: z.infer<(typeof desktopSchemas)[C]>) => Promise<DesktopResponses[C]>;
};

export function parseDesktopRequest<C extends DesktopChannel>(channel: C, payload: unknown): z.infer<(typeof desktopSchemas)[C]> {
  return parseChannelRequest(desktopSchemas[channel] as unknown as z.ZodType<z.infer<(typeof desktopSchemas)[C]>>, channel, payload);
}

// channels.ts writes the names out by hand so the renderer needs no zod; a list that differs
// from the schemas fails to build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const desktopChannelsMatch: Same<(typeof DESKTOP_CHANNEL_NAMES)[number], DesktopChannel> = true;
void desktopChannelsMatch;
