/**
 * The snapshot engines a caller may choose. A module of its own, with no
 * imports, so the CLI can list the choices in `--help` without loading the
 * settings and their schemas.
 */

export const SNAPSHOT_ENGINES = ['auto', 'offline', 'sampling', 'anthropic', 'openai'] as const;
export type SnapshotEngineChoice = (typeof SNAPSHOT_ENGINES)[number];
