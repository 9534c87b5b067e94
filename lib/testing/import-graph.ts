import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The import graph of the app's own TypeScript sources, and the cycles in it.
 *
 * Imports are resolved as the compiler resolves them (tsconfig.json `paths`: `@/…`,
 * `dfns-sandbox-link`, `dfns-sandbox-testing`), so an edge is exactly "this file loads that one".
 * Only imports that stay in the JavaScript count: `import type`, `export type` and imports whose
 * every name is marked `type` are erased by the compiler and load nothing, and `import()` loads
 * later, after both modules have finished evaluating.
 */

/** file → the files it loads when it is evaluated (paths relative to the root, `/`-separated). */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
const SKIPPED_FOLDERS = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The specifiers of the imports and re-exports of `file` that load code at run time. */
export function runtimeImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const typeOnly =
        statement.isTypeOnly ||
        (statement.exportClause !== undefined &&
          ts.isNamedExports(statement.exportClause) &&
          statement.exportClause.elements.length > 0 &&
          statement.exportClause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/**
 * The graph of every source file under `folders` of `root`, resolved with `root`'s tsconfig.json.
 * `skip`: imports by these names are left out.
 */
export function importGraph(root: string, folders: string[], { skip = [] }: { skip?: string[] } = {}): ImportGraph {
  const configFile = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
  const graph: ImportGraph = new Map();
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const targets = new Set<string>();
    for (const specifier of runtimeImports(file, readFileSync(file, "utf8"))) {
      if (skip.includes(specifier)) continue;
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(resolved.resolvedFileName);
      if (!target.startsWith("..") && SOURCE.test(target) && !target.endsWith(".d.ts")) targets.add(target);
    }
    graph.set(relative(file), [...targets].sort());
  }
  return graph;
}

/** The graph of the modules `moduleOf` groups the files into (a file it maps to null is left out). */
export function moduleGraph(graph: ImportGraph, moduleOf: (file: string) => string | null): ImportGraph {
  const modules: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    const from = moduleOf(file);
    if (from === null) continue;
    const to = targets.map(moduleOf).filter((target): target is string => target !== null && target !== from);
    modules.set(from, [...new Set([...(modules.get(from) ?? []), ...to])].sort());
  }
  return modules;
}

/** Files (or modules) that load each other, and one loop through them as an example. */
export interface ImportCycle {
  /** Every member of the group (a strongly connected component), sorted. */
  members: string[];
  /** The shortest loop from the first member back to it: `[a, b, …, a]`. */
  loop: string[];
}

/** Every group of the graph whose members load each other, directly or around a loop. */
export function importCycles(graph: ImportGraph): ImportCycle[] {
  // Tarjan's strongly connected components; recursive, as the graph is only a few hundred files.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  const visit = (file: string) => {
    order.set(file, index);
    low.set(file, index);
    index++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!order.has(file)) visit(file);

  return groups
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((members) => ({ members, loop: shortestLoop(graph, members[0]!, new Set(members)) }));
}

/** The shortest path from `start` back to itself inside `group` (breadth first). */
function shortestLoop(graph: ImportGraph, start: string, group: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = cameFrom.get(at))
          cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
