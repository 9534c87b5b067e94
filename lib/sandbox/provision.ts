import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { SandboxConfig } from "./config";
import { newId } from "./ids";
import { issueToken } from "./tokens";

export interface SandboxOrgState {
  id: string;
  jwtSecret: string;
  serviceAccountId: string;
  serviceAccountCredId: string;
  serviceAccountKeyPem: string;
  serviceAccountToken: string;
}

/** The environment lines the official Dfns SDK examples read, pointing at this sandbox. */
export interface ServiceAccountCredentials {
  DFNS_API_URL: string;
  DFNS_ORG_ID: string;
  DFNS_AUTH_TOKEN: string;
  DFNS_CRED_ID: string;
  DFNS_PRIVATE_KEY: string;
}

// Serializes first start across processes sharing one database.
const PROVISION_LOCK_KEY = 72707370;

/**
 * Returns the sandbox's organization, creating it on first start with a service account that
 * has a P-256 Key credential and a non-expiring token.
 */
export async function ensureOrg(prisma: PrismaClient, config: SandboxConfig): Promise<SandboxOrgState> {
  const existing = await prisma.sandboxOrg.findFirst();
  if (existing) return existing;
  return prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock($1)::text AS locked", PROVISION_LOCK_KEY);
    const raced = await tx.sandboxOrg.findFirst();
    if (raced) return raced;

    const orgId = newId("or");
    const serviceAccountId = newId("us");
    const jwtSecret = randomBytes(32).toString("base64url");
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const serviceAccountKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    // A service account's credential id is the base64url of its `ci-…` id, as at Dfns.
    const serviceAccountCredId = Buffer.from(newId("ci")).toString("base64url");
    const serviceAccountToken = issueToken(jwtSecret, {
      id: newId("to"),
      orgId,
      userId: serviceAccountId,
      kind: "ServiceAccount",
      now: config.now(),
    });

    await tx.sandboxUser.create({
      data: {
        id: serviceAccountId,
        orgId,
        username: "sandbox-service-account",
        kind: "ServiceAccount",
        registered: true,
      },
    });
    await tx.sandboxCredential.create({
      data: {
        uuid: newId("cr"),
        userId: serviceAccountId,
        credId: serviceAccountCredId,
        kind: "Key",
        name: "Service account key",
        publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      },
    });
    return tx.sandboxOrg.create({
      data: {
        id: orgId,
        name: config.orgName,
        jwtSecret,
        serviceAccountId,
        serviceAccountCredId,
        serviceAccountKeyPem,
        serviceAccountToken,
      },
    });
  });
}

export function serviceAccountCredentials(org: SandboxOrgState, apiUrl: string): ServiceAccountCredentials {
  return {
    DFNS_API_URL: apiUrl,
    DFNS_ORG_ID: org.id,
    DFNS_AUTH_TOKEN: org.serviceAccountToken,
    DFNS_CRED_ID: org.serviceAccountCredId,
    DFNS_PRIVATE_KEY: org.serviceAccountKeyPem,
  };
}
