import { Tokenizer } from '@huggingface/tokenizers'
import { MODEL_SPEC, SPECIAL, SPECIAL_TOKENS } from './spec'

/**
 * One token per character: digits folded to 0 and text NFKC-normalized and lower-cased, spaces
 * dropped, [BOS] … [EOS] around it. Written as a Hugging Face tokenizer.json so that
 * transformers.js tokenizes exactly as training did (training encodes through the same library).
 */
export function buildTokenizerJson(chars: string[]) {
  const vocab: Record<string, number> = {}
  SPECIAL_TOKENS.forEach((t, i) => (vocab[t] = i))
  for (const ch of chars) if (!(ch in vocab)) vocab[ch] = Object.keys(vocab).length
  const special = (content: string, id: number) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: MODEL_SPEC.maxTokens, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((t, i) => special(t, i)),
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'NFKC' }, { type: 'Replace', pattern: { Regex: '[0-9]' }, content: '0' }, { type: 'Lowercase' }],
    },
    pre_tokenizer: { type: 'Split', pattern: { Regex: '\\S' }, behavior: 'Isolated', invert: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[BOS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[EOS]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[BOS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: '[EOS]', type_id: 0 } }],
      special_tokens: {
        '[BOS]': { id: '[BOS]', ids: [SPECIAL.bos], tokens: ['[BOS]'] },
        '[EOS]': { id: '[EOS]', ids: [SPECIAL.eos], tokens: ['[EOS]'] },
      },
    },
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  }
}

export const TOKENIZER_CONFIG = {
  tokenizer_class: 'PreTrainedTokenizerFast',
  model_max_length: MODEL_SPEC.maxTokens,
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  bos_token: '[BOS]',
  eos_token: '[EOS]',
  clean_up_tokenization_spaces: false,
}

export { normalizedChars } from '../runtime/chars'

export function loadTokenizer(json: object): Tokenizer {
  return new Tokenizer(json as never, TOKENIZER_CONFIG as never)
}

/** Token ids as transformers.js produces them with truncation: cut at maxTokens, [EOS] included in the cut. */
export function encode(tok: Tokenizer, text: string): number[] {
  return tok.encode(text).ids.slice(0, MODEL_SPEC.maxTokens)
}
