// Free of imports at run time, so the sandboxed preload can bundle it without pulling zod in.
// The method names themselves come from the declarations in electron/features/.
export type { ArchiveMethod } from '../electron/features';

/** The one IPC channel between renderer and main process. */
export const archiveIpcChannel = 'archive:call';

/** How the main process hands the sandboxed preload the method names (appended to its process.argv). */
export const methodListArgument = '--archive-methods=';
