/** The shadow root's stylesheet: page CSS cannot reach in, ours cannot leak out. */
import { CATEGORY_ORDER, CATEGORY_STYLES } from '../marks/categories'

const markRules = CATEGORY_ORDER.map((c) => {
  const s = CATEGORY_STYLES[c]
  return `.bw-m.bw-${c}{text-decoration:underline ${s.line} ${s.color};text-decoration-thickness:2px;text-decoration-skip-ink:none;text-underline-offset:3px;background:${s.tint}}
.bw-box.bw-${c}{border-bottom:2px ${s.line === 'wavy' || s.line === 'double' ? 'solid' : s.line} ${s.color};background:${s.tint}}`
}).join('\n')

export const UI_CSS = `
:host{all:initial}
*{box-sizing:border-box}
.bw-layer{position:fixed;inset:0;pointer-events:none;overflow:hidden;z-index:1}
.bw-overlay{position:absolute;inset:0}
.bw-box{position:absolute;left:0;top:0;pointer-events:none;border-radius:1px}
.bw-box.bw-active,.bw-m.bw-active{background:rgba(250,204,21,.45)}
.bw-mirror-box{position:absolute;left:0;top:0;overflow:hidden;pointer-events:none}
.bw-mirror{position:absolute;left:0;top:0;color:transparent !important;pointer-events:none;overflow:visible}
.bw-m{color:transparent}
${markRules}
.bw-app{font:13px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1f2937}
.bw-panel{position:fixed;top:72px;width:300px;max-height:calc(100vh - 96px);display:flex;flex-direction:column;background:#fff;border:1px solid #d1d5db;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.16);z-index:3;overflow:hidden;font:13px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
.bw-panel.dock-right{right:16px}.bw-panel.dock-left{left:16px}
.bw-panel.bw-collapsed{width:auto;flex-direction:row;align-items:center;gap:6px;padding:6px 10px;cursor:pointer;border-radius:20px}
.bw-score-mini{font-weight:700;font-size:16px}.bw-mini-count{background:#f3f4f6;border-radius:9px;padding:0 7px;font-size:12px}
.bw-head{display:flex;justify-content:space-between;align-items:center;padding:8px 12px;background:#b91c1c;color:#fff}
.bw-brand{font-weight:700;letter-spacing:2px}
.bw-icon{all:unset;cursor:pointer;padding:0 6px;font-size:14px;line-height:20px;border-radius:4px}
.bw-head .bw-icon:hover{background:rgba(255,255,255,.2)}
.bw-score-row{display:flex;align-items:center;gap:12px;padding:10px 14px 4px}
.bw-score{font-size:40px;font-weight:700;line-height:1}
.bw-score-side{display:flex;flex-direction:column}
.bw-grade{font-size:18px;font-weight:700}.bw-score-label{font-size:12px;color:#6b7280}
.g-a{color:#15803d}.g-b{color:#2563eb}.g-c{color:#d97706}.g-d{color:#b91c1c}
.bw-breakdown{padding:4px 14px}
.bw-dim{display:grid;grid-template-columns:36px 1fr 48px;align-items:center;gap:6px;font-size:12px}
.bw-dim-num{text-align:right;color:#6b7280;font-variant-numeric:tabular-nums}
.bw-bar{display:block;height:6px;background:#e5e7eb;border-radius:3px;overflow:hidden}
.bw-bar-fill{display:block;height:100%;background:#16a34a;border-radius:3px}
.bw-bar-fill.near{background:#d97706}.bw-bar-fill.over{background:#dc2626}
.bw-length{padding:6px 14px;font-size:12px}
.bw-length-text{display:flex;gap:8px;margin-bottom:3px}
.bw-over{color:#dc2626}
.bw-doctype{display:flex;align-items:center;gap:8px;padding:2px 14px 6px;font-size:12px}
.bw-doctype select{flex:1;font:inherit;padding:2px 4px;border:1px solid #d1d5db;border-radius:4px;background:#fff;color:inherit}
.bw-copied,.bw-quota{padding:2px 14px;font-size:12px;color:#4b5563}
.bw-quota.q-near{color:#d97706}.bw-quota.q-over{color:#dc2626}
.bw-list-head{padding:6px 14px;font-size:12px;color:#6b7280;border-top:1px solid #f3f4f6}
.bw-list{list-style:none;margin:0;padding:0 6px 6px;overflow:auto;flex:1;min-height:40px}
.bw-item{display:flex;align-items:flex-start;gap:6px;padding:5px 8px;border-radius:6px;cursor:pointer}
.bw-item:hover,.bw-item.on{background:#fef3c7}
.bw-item-text{flex:1;display:flex;flex-direction:column;min-width:0}
.bw-item-text b{font-weight:600;font-size:12px}
.bw-snippet{font-size:12px;color:#6b7280;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bw-points{font-size:12px;color:#b91c1c;font-variant-numeric:tabular-nums}
.bw-chip{display:inline-block;flex:none;color:#fff;font-size:11px;line-height:18px;padding:0 6px;border-radius:9px;white-space:nowrap}
.bw-list-more{padding:4px 14px;font-size:12px;color:#9ca3af}
.bw-notice{margin:0 10px 6px;padding:4px 8px;background:#ecfdf5;color:#047857;border-radius:6px;font-size:12px}
.bw-foot{padding:6px 14px;font-size:11px;color:#9ca3af;border-top:1px solid #f3f4f6}
.bw-card{position:fixed;z-index:4;overflow:auto;background:#fff;border:1px solid #d1d5db;border-top:4px solid;border-radius:8px;box-shadow:0 10px 30px rgba(0,0,0,.18);padding:10px 12px;font:13px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
.bw-card-head{display:flex;align-items:center;gap:6px}
.bw-card-title{flex:1;font-size:14px}
.bw-sev{font-size:11px;color:#6b7280}.bw-sev.sev-error{color:#b91c1c}.bw-sev.sev-warning{color:#d97706}
.bw-card p{margin:6px 0}
.bw-card-sugg span{color:#15803d;font-weight:600}
.bw-card-points{font-size:12px;color:#6b7280}
.bw-rule{border-top:1px dashed #e5e7eb;margin-top:6px;padding-top:4px;font-size:12px}
.bw-rule-src{color:#6b7280}.bw-rule-ex-head{font-weight:600;margin-bottom:0 !important}
.bw-rule-ex{padding:2px 6px;border-radius:4px}.bw-rule-ex.bad{background:#fef2f2}.bw-rule-ex.good{background:#f0fdf4}
.bw-rule-ex mark{background:#fde68a}
.bw-card-actions{display:flex;gap:6px;margin-top:8px}
button{font:inherit}
.bw-card-actions button,.bw-modal-actions button{cursor:pointer;border:1px solid #d1d5db;background:#fff;border-radius:6px;padding:3px 12px;color:#1f2937}
.bw-card-actions button:hover,.bw-modal-actions button:hover{background:#f3f4f6}
.bw-modal-back{position:fixed;inset:0;background:rgba(17,24,39,.45);z-index:5;display:flex;align-items:center;justify-content:center;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
.bw-modal{width:min(560px,calc(100vw - 32px));max-height:calc(100vh - 48px);overflow:auto;background:#fff;border-radius:12px;padding:18px 22px;box-shadow:0 20px 50px rgba(0,0,0,.3);border-top:6px solid #d97706}
.bw-modal.act-justify{border-top-color:#ea580c}.bw-modal.act-block{border-top-color:#b91c1c}
.bw-modal h2{margin:0 0 6px;font-size:18px}
.bw-modal-score b{font-size:22px;color:#b91c1c}
.bw-entry-label{display:inline-block;min-width:4.5em;font-weight:600;margin-right:6px}
.bw-reasons{margin:6px 0;padding-left:20px;color:#92400e}
.bw-modal-sub{font-weight:600;margin-top:8px}
.bw-modal-list{padding-left:20px;margin:4px 0;font-size:13px}
.bw-modal-list li{margin:3px 0}.bw-modal-list .bw-chip{margin-right:6px}
.bw-reason{display:flex;flex-direction:column;gap:4px;margin-top:10px;font-size:13px}
.bw-reason textarea{font:inherit;padding:6px;border:1px solid #d1d5db;border-radius:6px;resize:vertical}
.bw-block-note{color:#b91c1c}
.bw-modal-actions{display:flex;justify-content:flex-end;gap:10px;margin-top:14px}
.bw-modal-actions .bw-primary,.bw-card-actions .bw-primary{background:#b91c1c;border-color:#b91c1c;color:#fff}
.bw-modal-actions .bw-primary:hover,.bw-card-actions .bw-primary:hover{background:#991b1b}
.bw-modal-actions button:disabled{opacity:.45;cursor:not-allowed}
.bw-modal.act-pass{border-top-color:#dc2626}
.bw-impact{margin:8px 0;padding:8px 10px;border-radius:8px;background:#f9fafb;border:1px solid #e5e7eb;font-size:13px}
.bw-impact.pending,.bw-impact.down{color:#6b7280}
.bw-impact-line{font-weight:600;color:#991b1b}
.bw-impact-units{list-style:none;margin:6px 0 0;padding:0;max-height:132px;overflow:auto;display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:2px 10px;font-size:12px}
.bw-impact-units li{display:flex;align-items:center;gap:4px;white-space:nowrap}
.bw-impact-units li.turns .bw-unit-name{font-weight:600}
.bw-unit-name{overflow:hidden;text-overflow:ellipsis;flex:1;min-width:0}
.bw-arrow{color:#9ca3af}
.bw-code{display:inline-block;width:18px;height:18px;line-height:18px;text-align:center;border-radius:4px;color:#fff;font-size:11px;flex:none}
.bw-code.c-green{background:#16a34a}.bw-code.c-yellow{background:#ca8a04}.bw-code.c-red{background:#dc2626}
`
