// Runs `prisma generate` after install. Prisma 7's CLI looks for a native schema engine it
// would download from the internet; generate does not use it, so any existing file will do
// where the download is not possible.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
execFileSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
