/** The keys sync keeps its state under (a module of its own: the activation bundle needs them without the sync code). */

/** The synced key in globalState (registered with setKeysForSync while sync is on). */
export const SYNC_KEY = 'mentoring.sync.journal';
/** This workspace's own envelope (workspaceState). */
export const LOCAL_SYNC_KEY = 'mentoring.sync.local';
/** The keys of the damaged journals set aside that the mirror already knows about (workspaceState). */
export const QUARANTINES_SEEN_KEY = 'mentoring.sync.quarantinesSeen';
