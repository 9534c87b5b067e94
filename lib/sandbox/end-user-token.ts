import { newId } from "./ids";
import type { Sandbox } from "./sandbox";
import { issueToken } from "./tokens";

/** An end user's API token (from registration or delegated login): reads directly, signs mutations itself. */
export function endUserToken(sandbox: Sandbox, userId: string): string {
  return issueToken(sandbox.org.jwtSecret, {
    id: newId("to"),
    orgId: sandbox.org.id,
    userId,
    kind: "EndUser",
    now: sandbox.config.now(),
    ttlSeconds: sandbox.config.ttl.endUserToken,
  });
}
