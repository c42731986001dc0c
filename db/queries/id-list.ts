import { sql, type RawBuilder } from 'kysely';

/**
 * A list of ids as one parameter, for `x in ${idList(ids)}`. `in (?, ?, …)` would make a new
 * statement text for every count (up to 1,000 search candidates), each compiled and prepared
 * anew; this one is prepared once.
 */
export const idList = (ids: number[]): RawBuilder<number> => sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;
