// Writes a new migration from the difference between the committed migrations and the Prisma
// schema, using Prisma's own schema engine (its WebAssembly build, over an in-memory PGlite), so
// it works with no native engine and no database server.
//   npm run db:migration:create -- <name>             the app's tables  → prisma/migrations
//   npm run db:migration:create -- --sandbox <name>   the sandbox's     → prisma/sandbox-migrations
// Each kind sees the other's tables as external (left alone), so an app migration never creates,
// changes or drops a sandbox table, and the other way round.
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_DIR, readMigrations, SANDBOX_MIGRATIONS_DIR } from "../lib/db/migrations";

const SCHEMA_DIR = path.join(process.cwd(), "prisma", "schema");
const SANDBOX_SCHEMA = "sandbox.prisma";
// The app's first migrations (20261121112512_init, 20261201071756_sandbox_transfers) also created
// the sandbox's tables; they stay in the app's history, so the app's diff must leave them alone
// even where the sandbox (and its schema file) was removed.
const TABLES_IN_APP_HISTORY = [
  "sandbox_org",
  "sandbox_user",
  "sandbox_credential",
  "sandbox_token",
  "sandbox_wallet",
  "sandbox_key",
  "sandbox_signature",
  "sandbox_transfer",
  "sandbox_solana_transaction",
];

/** The tables a schema file declares: each model's `@@map` name, or the model's name. */
function tablesOf(schema: string): string[] {
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, model, body]) => /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!,
  );
}

async function loadSchemaEngine() {
  // The package's entry imports the .wasm file as a module, which Node cannot do: instantiate it here.
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const wasm = await readFile(path.join(path.dirname(fileURLToPath(bgUrl)), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bg;
}

async function main() {
  const args = process.argv.slice(2);
  const sandbox = args.includes("--sandbox");
  const name = (args.find((a) => !a.startsWith("--")) ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:migration:create -- [--sandbox] <name>");

  const files = await Promise.all(
    (await readdir(SCHEMA_DIR))
      .filter((f) => f.endsWith(".prisma"))
      .sort()
      .map(async (f) => ({
        path: path.join(SCHEMA_DIR, f),
        content: await readFile(path.join(SCHEMA_DIR, f), "utf8"),
      })),
  );
  const sandboxFile = files.find((f) => path.basename(f.path) === SANDBOX_SCHEMA);
  if (sandbox && !sandboxFile)
    throw new Error(`--sandbox: prisma/schema/${SANDBOX_SCHEMA} is not there (the sandbox was removed)`);
  const sandboxTables = [...new Set([...TABLES_IN_APP_HISTORY, ...tablesOf(sandboxFile?.content ?? "")])];
  const appTables = files.filter((f) => f !== sandboxFile).flatMap((f) => tablesOf(f.content));
  // The schema engine wants them qualified by schema; everything here lives in `public`.
  const externalTables = (sandbox ? appTables : sandboxTables).map((table) => `public.${table}`);
  const dir = sandbox ? SANDBOX_MIGRATIONS_DIR : MIGRATIONS_DIR;

  // Both kinds replay every committed migration (the app's, then the sandbox's), each in its own folder.
  const migrations = await readMigrations().catch(() => []);
  const bg = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()));
  const engine = await bg.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, () => {}, adapter);
  const result = await engine.diff({
    from: migrations.length
      ? {
          tag: "migrations",
          baseDir: path.dirname(MIGRATIONS_DIR),
          lockfile: {
            path: "migrations/migration_lock.toml",
            content: await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8").catch(() => null),
          },
          shadowDbInitScript: "",
          migrationDirectories: migrations.map((m) => ({
            path: path.join(m.folder, m.name),
            migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
          })),
        }
      : { tag: "empty" },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: { externalTables, externalEnums: [] },
  });
  const sql: string = result.stdout;
  if (!sql.trim() || /This is an empty migration/.test(sql)) {
    console.log(`The ${sandbox ? "sandbox's" : "app's"} schema matches its migrations: nothing to write.`);
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const target = path.join(dir, `${stamp}_${name}`);
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, "migration.sql"), sql);
  if (!sandbox) {
    await writeFile(
      path.join(MIGRATIONS_DIR, "migration_lock.toml"),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  console.log(`Wrote ${path.relative(process.cwd(), target)}/migration.sql`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
