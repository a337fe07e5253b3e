// Sentence splitter + reproducible selection for the banwen dev-evaluation set.
// No dependencies. Never writes corpus text to disk: it prints to stdout only.
//
// Usage (from any directory):
//   node select.mjs sentences <relpath>   print every sentence of one file: start<TAB>end<TAB>text
//   node select.mjs stats                 sentence / burden-candidate counts per folder
//   node select.mjs select                print the selection as JSON lines {id,file,start,end,cand}
//   node select.mjs show <from> <to>      print selected sentences id<TAB>file:start-end<TAB>text
//   node select.mjs unlabeled <labels.tsv> print selected sentences that have no label yet
//   node select.mjs build <labels.tsv>    labels.tsv: file<TAB>start<TAB>end<TAB>tao<TAB>burden -> writes dev.jsonl
//                                         (every selected sentence must have a label line; the
//                                         hand-made labels file was merged into dev.jsonl and removed)
//
// Offsets are JavaScript string indices (UTF-16 code units) into the file content as
// returned by fs.readFileSync(path, 'utf8'); paths are relative to SHARED (/work/shared).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.BANWEN_SHARED || '/work/shared';

const END = new Set(['。', '！', '？', '；', '!', '?']);
const CLOSE = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'"]);
const WS = /[\s\u3000\u00a0\ufeff]/;
const MIN = 6, MAX = 200;

function clen(s) { return Array.from(s).length; }

// Split text into sentences [start, end) (trimmed). Skips the first line (title).
export function splitSentences(text) {
  const out = [];
  const push = (a, b) => {
    while (a < b && WS.test(text[a])) a++;
    while (b > a && WS.test(text[b - 1])) b--;
    if (b <= a) return;
    const n = clen(text.slice(a, b));
    if (n < MIN || n > MAX) return;
    out.push([a, b]);
  };
  let i = text.indexOf('\n');
  if (i < 0) return out;            // single line = title only
  i += 1;
  let s = i;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') { push(s, i); i++; s = i; continue; }
    if (END.has(c)) {
      let j = i + 1;
      while (j < text.length && (END.has(text[j]) || CLOSE.has(text[j]))) j++;
      push(s, j); i = j; s = j; continue;
    }
    i++;
  }
  push(s, text.length);
  return out;
}

// Broad keyword net for *selection* only (never used for labels).
const BURDEN_CAND = /报送|上报|报告|报表|填报|填表|报数|台账|每日|每天|每周|每月|每季|每旬|每半月|日报|周报|月报|旬报|零报告|照片|截图|佐证|视频|打卡|定位|留痕|痕迹|建档|档案|责任状|责任书|承诺书|一票否决|签订|陪同|汇报|接龙|工作群|政务应用|APP|App|小程序|当天|当日|工作日内|小时内|定期/;
// Second, wider net (materials, records, uploads, pledges, attendance), added on top of the
// selection in seeds/ and shanghai_gov_docs/ without changing the random fill.
const EXTRA_CAND = /材料|资料|记录|影像|图片|上传|录入|留档|承诺|签字|签名|述职|三会一课|接待|迎检|清单化|督查检查考核|参加.{0,6}会议/;

function listFiles() {
  const files = [];
  const corp = path.join(SHARED, 'corpus');
  for (const d of fs.readdirSync(corp).sort()) {
    const p = path.join(corp, d);
    if (!fs.statSync(p).isDirectory()) continue;
    for (const f of fs.readdirSync(p).sort()) if (f.endsWith('.txt')) files.push(`corpus/${d}/${f}`);
  }
  for (const f of fs.readdirSync(path.join(SHARED, 'seeds')).sort()) if (f.endsWith('.txt')) files.push(`seeds/${f}`);
  return files;
}
const folderOf = (rel) => rel.startsWith('seeds/') ? 'seeds' : rel.split('/')[1];
const readRel = (rel) => fs.readFileSync(path.join(SHARED, rel), 'utf8');

function allSentences() {
  const res = [];
  for (const rel of listFiles()) {
    const text = readRel(rel);
    for (const [a, b] of splitSentences(text)) {
      res.push({ file: rel, start: a, end: b, folder: folderOf(rel),
        cand: BURDEN_CAND.test(text.slice(a, b)), extra: EXTRA_CAND.test(text.slice(a, b)) });
    }
  }
  return res;
}

// mulberry32, fixed seed
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(arr, r) {
  for (let i = arr.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [arr[i], arr[j]] = [arr[j], arr[i]]; }
  return arr;
}

const TARGET = { seeds: 200, shanghai_gov_docs: 250, provincial_gwr_2026: 200, wikisource_political: 150, lawrefbook_gongwen: 100 };
const TAKE_ALL_CAND = new Set(['seeds', 'shanghai_gov_docs']);
const SEED = 20260214;

export function selection() {
  const r = rng(SEED);
  const sents = allSentences();
  const chosen = [];
  for (const folder of Object.keys(TARGET)) {
    const pool = sents.filter((s) => s.folder === folder);
    const must = TAKE_ALL_CAND.has(folder) ? pool.filter((s) => s.cand) : [];
    const rest = TAKE_ALL_CAND.has(folder) ? pool.filter((s) => !s.cand) : pool;
    const need = Math.max(0, TARGET[folder] - must.length);
    // even sample: shuffle each file's sentences, then take round-robin over shuffled files
    const byFile = new Map();
    for (const s of rest) { if (!byFile.has(s.file)) byFile.set(s.file, []); byFile.get(s.file).push(s); }
    const queues = shuffle([...byFile.keys()], r).map((f) => shuffle(byFile.get(f).slice(), r));
    const picked = [];
    while (picked.length < need && queues.some((q) => q.length)) {
      for (const q of queues) { if (picked.length >= need) break; if (q.length) picked.push(q.pop()); }
    }
    const pickedSet = new Set(picked);
    const extra = TAKE_ALL_CAND.has(folder) ? rest.filter((s) => s.extra && !pickedSet.has(s)) : [];
    chosen.push(...must, ...picked, ...extra);
  }
  const order = listFiles();
  chosen.sort((x, y) => order.indexOf(x.file) - order.indexOf(y.file) || x.start - y.start);
  return chosen.map((s, id) => ({ id, file: s.file, start: s.start, end: s.end, cand: s.cand || (TAKE_ALL_CAND.has(s.folder) && s.extra) }));
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'sentences') {
  const text = readRel(args[0]);
  for (const [a, b] of splitSentences(text)) console.log(`${a}\t${b}\t${text.slice(a, b)}`);
} else if (cmd === 'stats') {
  const s = allSentences(); const c = {};
  for (const x of s) { c[x.folder] ??= { sentences: 0, cand: 0 }; c[x.folder].sentences++; if (x.cand) c[x.folder].cand++; }
  console.log(c);
} else if (cmd === 'select') {
  for (const s of selection()) console.log(JSON.stringify(s));
} else if (cmd === 'show') {
  const from = +args[0], to = +args[1]; const cache = {};
  for (const s of selection().slice(from, to + 1)) {
    cache[s.file] ??= readRel(s.file);
    console.log(`${s.id}\t${s.file}:${s.start}-${s.end}${s.cand ? ' *' : ''}\t${cache[s.file].slice(s.start, s.end)}`);
  }
} else if (cmd === 'build') {
  const labels = new Map();
  for (const line of fs.readFileSync(args[0], 'utf8').split('\n')) {
    const m = line.trim().split('\t');
    if (m.length === 5) labels.set(`${m[0]}:${m[1]}:${m[2]}`, [+m[3], +m[4]]);
  }
  const sel = selection();
  for (const s of sel) { const l = labels.get(`${s.file}:${s.start}:${s.end}`); if (l) labels.set(s.id, l); }
  const missing = sel.filter((s) => !labels.has(s.id)).map((s) => s.id);
  if (missing.length) { console.error('missing labels for ids:', missing.join(',')); process.exit(1); }
  const lines = sel.map((s) => JSON.stringify({ file: s.file, start: s.start, end: s.end, tao: labels.get(s.id)[0], burden: labels.get(s.id)[1] }));
  fs.writeFileSync(path.join(HERE, 'dev.jsonl'), lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} lines`);
} else if (cmd === 'unlabeled') {
  // ids of selected sentences without a line in <labels.tsv>, printed like `show`
  const have = new Set(fs.readFileSync(args[0], 'utf8').split('\n').map((l) => l.split('\t').slice(0, 3).join(':')));
  const cache = {};
  for (const s of selection()) {
    if (have.has(`${s.file}:${s.start}:${s.end}`)) continue;
    cache[s.file] ??= readRel(s.file);
    console.log(`${s.id}\t${s.file}:${s.start}-${s.end}${s.cand ? ' *' : ''}\t${cache[s.file].slice(s.start, s.end)}`);
  }
} else {
  console.log('usage: node select.mjs sentences <relpath> | stats | select | show <from> <to> | unlabeled <labels.tsv> | build <labels.tsv>');
}
