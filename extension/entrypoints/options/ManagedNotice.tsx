/** What the unit's browser policy sets, so the drafter knows why some fields are locked. */
import type { ManagedPolicy } from '../../lib/background/managed'

const FLAG_NAMES: Record<string, string> = { overCap: '篇幅超限', disguisedDirective: '隐形变异', frame: '穿靴戴帽', copied: '照抄照搬' }

export function ManagedNotice({ policy }: { policy: ManagedPolicy }) {
  const f = policy.filing
  if (!Object.keys(policy).length) return null
  return (
    <section className="card" id="managed">
      <h2>🔒 单位统一配置</h2>
      <p>以下设置由单位管理员通过浏览器策略下发，优先于本页的设置。</p>
      {f ? (
        <ul id="managed-filing">
          {f.warnBelow !== undefined && <li>办文指数低于 {f.warnBelow} 分时提示</li>}
          {f.justifyBelow !== undefined && <li>低于 {f.justifyBelow} 分时提交须说明理由</li>}
          {f.blockBelow !== undefined && <li>低于 {f.blockBelow} 分时禁止提交</li>}
          {f.justifyOn?.length ? <li>出现{f.justifyOn.map((x) => FLAG_NAMES[x]).join('、')}时须说明理由</li> : null}
          {f.blockOn?.length ? <li>出现{f.blockOn.map((x) => FLAG_NAMES[x]).join('、')}时禁止提交</li> : null}
        </ul>
      ) : null}
    </section>
  )
}
