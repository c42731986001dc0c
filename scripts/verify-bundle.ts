// `npm run verify-bundle -- PATH [--password P]`: recomputes every checksum of an exported
// yearly bundle (folder or zip) and reports missing, extra or changed files. Exit code 0 only
// when the bag is whole; any problem fails loudly with code 1.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { verifyBagFolder, verifyBagZip } from '../electron/services/bundle-bag';

const args = process.argv.slice(2).filter((a) => a !== '--');
const pi = args.indexOf('--password');
const password = pi >= 0 ? args[pi + 1] : process.env.BUNDLE_PASSWORD;
const path = args.find((a, i) => !a.startsWith('--') && (pi < 0 || i !== pi + 1));
if (!path) {
  console.error('usage: npm run verify-bundle -- PATH [--password P]');
  process.exit(2);
}
const target = resolve(path);
if (!existsSync(target)) {
  console.error(`FAILED: ${target} does not exist`);
  process.exit(1);
}
let last = 0;
const onFile = (done: number, total: number) => {
  if (Date.now() - last > 1000) {
    last = Date.now();
    process.stderr.write(`\r${done}/${total} files checked`);
  }
};
try {
  const report = statSync(target).isDirectory() ? await verifyBagFolder(target, onFile) : await verifyBagZip(target, password, onFile);
  process.stderr.write('\n');
  if (report.ok) {
    console.log(`OK: ${report.files} payload files, ${report.bytes} bytes, every SHA-256 matches (${target})`);
    process.exit(0);
  }
  console.error(`FAILED: ${report.problems.length} problem(s) in ${target}`);
  for (const p of report.problems) console.error(`  ${p.kind.padEnd(9)} ${p.path}`);
  process.exit(1);
} catch (error) {
  console.error(`FAILED: ${target} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
