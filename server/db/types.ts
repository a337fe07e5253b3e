/** The few database operations the service needs; PGlite and PostgreSQL both provide them. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs fn in one transaction: all of it is stored, or none of it. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}
