import type { Config } from '../config'
import type { Store } from '../store'
import { ApiError } from './errors'
import type { Auth, Principal } from './auth'
import type { Published } from './published'

/** What every route module gets. */
export interface Deps {
  store: Store
  auth: Auth
  published: Published
  config: Config
}

/** Shared things (the rule set, superior documents) change for every unit: only an unbound token may. */
export function requireAllUnits(p: Principal): void {
  if (p.unit) throw new ApiError(403, 'unit_forbidden', `此操作影响所有单位，绑定单位「${p.unit}」的令牌不能执行`)
}

/** A token bound to a unit speaks for that unit only. */
export function scopeUnit(p: Principal, requested: string | undefined): string | undefined {
  if (!p.unit) return requested
  if (requested && requested !== p.unit) throw new ApiError(403, 'unit_forbidden', `此令牌只能用于本单位「${p.unit}」，不能访问「${requested}」`)
  return p.unit
}

/** Routes that act as a receiving unit (直报, 逆向评估) need a token bound to that unit. */
export function boundUnit(p: Principal): string {
  if (!p.unit) throw new ApiError(403, 'unit_required', '此操作以收文单位的名义进行，请使用绑定本单位的令牌')
  return p.unit
}
