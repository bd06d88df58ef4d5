// Ports of named serial counters (notice document numbers, 索引号 serials).

/** Named counters (document-number serials), incremented inside the caller's transaction. */
export interface Counters {
  next(key: string): Promise<number>;
}

/** Repositories of the counters. */
export type CounterRepos = { counters: Counters };
