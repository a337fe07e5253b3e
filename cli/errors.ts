/** An error the user caused: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const EXIT = { ok: 0, belowThreshold: 1, usage: 2 } as const
