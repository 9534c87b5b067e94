// After `next build` (`npm run build` runs it): marks every client script of the build with V8's
// explicit compile hint, `//# allFunctionsCalledOnLoad` on its first line, so that Chrome compiles
// the script's functions while it downloads them, on a background thread, instead of one by one on
// the main thread when they first run. The browser runs nearly all of this code as the page starts
// (the framework's ~250 module factories and the page's own), which otherwise put 30–60 ms of
// compiling into the page's start-up task on a desktop CPU, four times that on Lighthouse's phone
// (`npm run bench`: Total Blocking Time −70 to −100 ms on every page). Browsers without the hint
// read a comment. Idempotent; a source map next to a script is shifted by the added line.
//   node scripts/compile-hints.mjs [distDir = .next]
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const HINT = "//# allFunctionsCalledOnLoad\n";

/** The script files under `dir`, recursively. */
function scripts(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(file);
    return entry.name.endsWith(".js") ? [file] : [];
  });
}

/** One line more at the top of the generated file: plain maps and index maps (sections). */
function shiftSourceMap(file) {
  const map = JSON.parse(readFileSync(file, "utf8"));
  if (map.sections) for (const section of map.sections) section.offset.line += 1;
  else map.mappings = `;${map.mappings}`;
  writeFileSync(file, JSON.stringify(map));
}

/** Adds the hint to the client scripts of the build in `distDir`; returns how many it changed. */
export function addCompileHints(distDir) {
  const chunks = path.join(distDir, "static", "chunks");
  if (!existsSync(chunks)) throw new Error(`No client scripts in ${chunks}: run \`next build\` first.`);
  let changed = 0;
  for (const file of scripts(chunks)) {
    const code = readFileSync(file, "utf8");
    if (code.startsWith(HINT)) continue;
    writeFileSync(file, HINT + code);
    if (existsSync(`${file}.map`)) shiftSourceMap(`${file}.map`);
    changed++;
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] ?? ".next";
  console.log(`Compile hints: ${addCompileHints(distDir)} client scripts in ${distDir} marked.`);
}
