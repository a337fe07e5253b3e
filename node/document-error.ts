/** A document the user gave cannot be read; the message is Chinese and safe to show as is. */
export class DocumentReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DocumentReadError'
  }
}
