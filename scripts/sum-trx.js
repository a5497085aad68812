// Sums the counters of every TRX file under a folder and prints "N passed, N failed, N skipped".
const fs = require("fs"), path = require("path");
const walk = (dir) => fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]) : [];
let passed = 0, failed = 0, skipped = 0;
for (const file of walk(process.argv[2]).filter(f => f.endsWith(".trx"))) {
  const m = fs.readFileSync(file, "utf8").match(/<Counters\s([^>]*)\/>/);
  if (!m) continue;
  const n = (name) => Number((m[1].match(new RegExp(`\\b${name}="(\\d+)"`)) || [0, 0])[1]);
  passed += n("passed"); failed += n("failed") + n("error") + n("timeout") + n("aborted"); skipped += n("notExecuted");
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
