import type { Variables } from "./schema";
import type { Env, OAuthClient } from "./types";

/**
 * The configuration the app reads, from variables that passed every check. `secret` is the
 * session secret: NEXTAUTH_SECRET or AUTH_SECRET when set, else the local one.
 */
export function toEnv(v: Variables, secret: string): Env {
  const { DFNS_API_URL: apiUrl, DFNS_AUTH_TOKEN: authToken, DFNS_CRED_ID: credId, DFNS_PRIVATE_KEY: privateKey } = v;
  const appOrigin = v.APP_ORIGIN.origin;
  return {
    nodeEnv: v.NODE_ENV,
    // The rules let through all four DFNS_* or none.
    dfns:
      apiUrl && authToken && credId && privateKey
        ? { mode: "live", apiUrl, authToken, credId, privateKey }
        : { mode: "sandbox" },
    database: v.DATABASE_URL
      ? { kind: "postgres", url: v.DATABASE_URL }
      : { kind: "embedded", dataDir: v.PGLITE_DATA_DIR },
    appOrigin,
    passkey: { rpId: v.PASSKEY_RP_ID ?? v.APP_ORIGIN.hostname, rpName: v.PASSKEY_RP_NAME },
    walletNetworks: v.DFNS_WALLET_NETWORKS,
    extraWalletNetworks: v.DFNS_EXTRA_WALLET_NETWORKS.filter((name) => !v.DFNS_WALLET_NETWORKS.includes(name)),
    auth: {
      secret,
      secretSource: configuredSecret(v) ? "env" : "local",
      url: v.NEXTAUTH_URL ?? appOrigin,
      github: oauthClient(v.GITHUB_ID, v.GITHUB_SECRET),
      google: oauthClient(v.GOOGLE_CLIENT_ID, v.GOOGLE_CLIENT_SECRET),
    },
  };
}

/** The session secret set in the environment, if any. */
export const configuredSecret = (v: Variables): string | undefined => v.NEXTAUTH_SECRET ?? v.AUTH_SECRET;

const oauthClient = (clientId?: string, clientSecret?: string): OAuthClient | null =>
  clientId && clientSecret ? { clientId, clientSecret } : null;
