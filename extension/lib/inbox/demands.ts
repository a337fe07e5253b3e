/** The demands a received document puts on its recipients, as the 逆向评估 form offers them: module, kind, frequency. */
import { moduleOf, type Demand, type Module, type Report } from '../../../core'
import { FREQUENCY_LABEL } from '../../../core/demand/lexicon'

export const KIND_LABELS: Record<Demand['kind'], string> = {
  report: '报送',
  ledger: '台账留痕',
  proof: '照片佐证',
  checkin: '打卡定位',
  form: '填表报数',
  pledge: '责任状承诺书',
  veto: '一票否决',
  accompany: '陪同迎检',
  meeting: '开会',
  inspection: '督查检查',
  app: '政务APP',
  material: '汇报材料',
}

export interface DemandOption {
  /** What the form sends: never the words of the clause. */
  value: { module: Module; kind: Demand['kind'] }
  label: string
  /** How many clauses ask this. */
  count: number
}

/** One option per module, kind and frequency, in the order the document asks them. */
export function demandOptions(report: Pick<Report, 'demands'>, text: string): DemandOption[] {
  const out = new Map<string, DemandOption>()
  for (const d of report.demands) {
    const module = moduleOf(d, text.slice(d.start, d.end))
    const freq = d.frequency ? FREQUENCY_LABEL[d.frequency] ?? '' : ''
    const key = `${module}|${d.kind}|${freq}`
    const seen = out.get(key)
    if (seen) seen.count++
    else out.set(key, { value: { module, kind: d.kind }, label: `${module} · ${freq}${KIND_LABELS[d.kind]}`, count: 1 })
  }
  return [...out.values()]
}
