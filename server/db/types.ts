/** The few database operations the service needs; PGlite and PostgreSQL both provide them. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Step {
  sql: string
  params?: unknown[]
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction: all of it is stored, or none of it. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  /**
   * Runs the statements in one transaction, in one trip to the database; the rows of each. On
   * PGlite a `tx` holds the database thread while each of its trips waits for a busy HTTP thread.
   */
  script(steps: Step[]): Promise<Array<Record<string, unknown>[]>>
  close(): Promise<void>
}
