/** The committed model's folder name below models/ (own file so callers need not load transformers.js). */
export const MODEL_NAME = 'banwen-zh'
