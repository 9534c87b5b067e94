import { createHmac, timingSafeEqual } from "node:crypto";
import { unauthorized } from "./errors";

// Tokens are JWTs (HS256, signed with the sandbox's own secret) that carry Dfns's custom claim,
// so the SDK's own org check (`orgId` option) passes against them.
export const APP_METADATA_CLAIM = "https://custom/app_metadata";

export type TokenKind = "ServiceAccount" | "EndUser" | "Temporary" | "UserAction" | "ChallengeIdentifier";

export interface TokenClaims {
  jti: string;
  sub: string;
  iat: number;
  exp?: number;
  kind: TokenKind;
  [APP_METADATA_CLAIM]: { orgId: string; userId: string; tokenKind: TokenKind };
  /** Extra claims a token kind needs (purpose of a temporary token, the binding of a user action). */
  ctx?: Record<string, string>;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const HEADER = encode({ alg: "HS256", typ: "JWT" });

function mac(secret: string, data: string): Buffer {
  return createHmac("sha256", secret).update(data).digest();
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = `${HEADER}.${encode(claims)}`;
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** Verifies signature and expiry. Every failure is the same 401: a client learns nothing more. */
export function verifyToken(secret: string, token: string, now: Date, what = "Authentication token"): TokenClaims {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw unauthorized(`${what} is malformed`);
  const expected = mac(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized(`${what} is invalid`);
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw unauthorized(`${what} is malformed`);
  }
  if (claims.exp !== undefined && claims.exp * 1000 <= now.getTime()) throw unauthorized(`${what} has expired`);
  return claims;
}

export function issueToken(
  secret: string,
  args: {
    id: string;
    orgId: string;
    userId: string;
    kind: TokenKind;
    now: Date;
    ttlSeconds?: number;
    ctx?: Record<string, string>;
  },
): string {
  const iat = Math.floor(args.now.getTime() / 1000);
  return signToken(secret, {
    jti: args.id,
    sub: args.userId,
    iat,
    ...(args.ttlSeconds ? { exp: iat + args.ttlSeconds } : {}),
    kind: args.kind,
    [APP_METADATA_CLAIM]: { orgId: args.orgId, userId: args.userId, tokenKind: args.kind },
    ...(args.ctx ? { ctx: args.ctx } : {}),
  });
}
