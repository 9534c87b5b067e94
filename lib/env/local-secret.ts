import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const LOCAL_SECRET_FILE = path.join(".data", "auth-secret");

/**
 * The session secret of a machine without NEXTAUTH_SECRET: made once, kept in
 * `.data/auth-secret` (git-ignored, readable by the owner only) so sessions survive restarts.
 * Where the disk is read-only it lives in memory, and sessions end with the process.
 */
export function loadOrCreateLocalSecret(file = path.join(process.cwd(), LOCAL_SECRET_FILE)): string {
  try {
    const existing = readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  const secret = randomBytes(32).toString("base64url");
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    // Written aside, then linked into place: a process starting at the same time either wins
    // the link or reads a complete file, never a half-written one.
    writeFileSync(/*turbopackIgnore: true*/ draft, `${secret}\n`, { mode: 0o600 });
    linkSync(/*turbopackIgnore: true*/ draft, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    console.warn(
      `[env] NEXTAUTH_SECRET is not set and ${file} cannot be written; using a secret that lasts until this process exits.`,
    );
    return secret;
  } finally {
    rmSync(/*turbopackIgnore: true*/ draft, { force: true });
  }
}
