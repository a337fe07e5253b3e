import type { RuleSet } from './schema/ruleset'

export interface CapChoice {
  cap: number | null
  label: string
}

/** The length cap for a 文种: the unit's override, else the preset's entry for the type, else its general cap. */
export function capFor(ruleSet: RuleSet, docType: string, special: boolean, presetName?: string): CapChoice {
  const chosen = presetName ?? ruleSet.caps.preset
  if (!ruleSet.caps.presets[chosen]) throw new Error(`篇幅预设「${chosen}」不存在，可选：${Object.keys(ruleSet.caps.presets).join('、')}`)
  const override = ruleSet.caps.overrides[docType]
  if (override) return { cap: override, label: '本单位设定' }
  const preset = ruleSet.caps.presets[ruleSet.caps.typePresets[docType] ?? chosen]!
  if (preset.uncapped.includes(docType)) return { cap: null, label: `${preset.label}：${docType}不是发文，不设篇幅上限` }
  const byType = preset.byType[docType]
  if (byType) return { cap: byType, label: preset.label }
  if (special && preset.special) return { cap: preset.special, label: `${preset.label}·专项/具体任务` }
  return { cap: preset.default, label: preset.label }
}
