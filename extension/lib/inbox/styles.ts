/** The 收文 card's styles, added to the shared shadow-root sheet (ui/styles.ts). */
export const INBOX_CSS = `
.bw-inbox{position:fixed;right:16px;bottom:16px;width:320px;max-height:calc(100vh - 32px);display:flex;flex-direction:column;background:#fff;border:1px solid #d1d5db;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.16);z-index:3;overflow:hidden;font:13px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
.bw-inbox-mini{all:unset;position:fixed;right:16px;bottom:16px;background:#b91c1c;color:#fff;border-radius:18px;padding:6px 14px;cursor:pointer;font:13px/1.5 "PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.2)}
.bw-inbox-body{padding:8px 14px 12px;overflow-x:hidden;overflow-y:auto}
.bw-inbox-known{padding:6px 8px;background:#f9fafb;border-radius:6px;margin-bottom:6px}
.bw-inbox-note{color:#6b7280;margin:4px 0}
.bw-inbox-error{color:#b91c1c;margin:4px 0;overflow-wrap:anywhere}
.bw-inbox-ok{color:#047857;margin:4px 0}
.bw-inbox-form{border-top:1px solid #f3f4f6;padding-top:6px;margin-top:6px}
.bw-inbox-sub{font-weight:600;margin-bottom:2px}
.bw-inbox-row{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;margin:3px 0}
.bw-inbox-row label{display:inline-flex;align-items:center;gap:3px;cursor:pointer}
.bw-inbox-label{min-width:4.5em;color:#4b5563}
.bw-inbox-field{display:flex;flex-direction:column;gap:2px;margin:4px 0;color:#4b5563}
.bw-inbox-field select,.bw-inbox-field textarea{font:inherit;color:#1f2937;padding:3px 6px;border:1px solid #d1d5db;border-radius:6px;background:#fff}
.bw-inbox-field textarea{resize:vertical}
.bw-inbox-count{text-align:right;font-size:12px;color:#6b7280}.bw-inbox-count.over{color:#b91c1c}
.bw-inbox .bw-card-actions button:disabled{opacity:.45;cursor:not-allowed}
`
