import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate, and `prisma migrate deploy` on a machine with internet).
// At run time the app applies the same committed migrations itself: see lib/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
