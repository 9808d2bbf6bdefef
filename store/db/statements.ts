// One prepared statement per SQL text and connection, prepared on first use and reused after.
import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement = Database.Statement;

export class StatementCache {
  readonly #db: Db;
  readonly #statements = new Map<string, Statement>();

  constructor(db: Db) {
    this.#db = db;
  }

  get db(): Db {
    return this.#db;
  }

  /** The prepared statement for `sql`, prepared only the first time it is asked for. */
  prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  get size(): number {
    return this.#statements.size;
  }

  /** Runs `fn` in one transaction (BEGIN IMMEDIATE so writers never deadlock on upgrade). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }
}
