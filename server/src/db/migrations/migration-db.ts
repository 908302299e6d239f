import type { Kysely } from 'kysely';

/**
 * What a frozen migration is given: the database for schema changes only. It names no table types, since the
 * app's row types change after a migration is frozen and must never reach back into it.
 */
export type MigrationDb = Kysely<unknown>;
