// The code that reads files — schedules (parsers, zone decisions, the merge) and friends' agendas —
// as the services use it, behind one dynamic import (loadOnDemand). It is about a sixth of what
// the backend loads (some 16 MB of a 120 MB start under the browser host), and most starts of the
// app read no file: it loads at the first import, preview, friend's agenda or first-run seed
// (services/load-on-demand.ts).
// Nothing the backend loads at start may import these modules statically
// (tests/integration/on-demand-code.test.ts starts a real process and checks).
export { detectFormat } from '../import/detect.ts';
export { commitImport, LastPreview, parseForImport, zoneCandidates } from '../import/import-job.ts';
export { chooseTarget } from '../import/merge.ts';
export { csvColumns } from '../import/parsers/csv/parse.ts';
export { systemZone } from '../import/pipeline.ts';
export { importSeeds } from '../import/seeds.ts';
export { readFriendAgenda } from '../friends/read-agenda.ts';

