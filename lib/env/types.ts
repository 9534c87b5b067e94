/** The shape of the app's validated configuration (lib/env/index.ts reads it from the environment). */

export type DfnsConfig =
  { mode: "sandbox" } | { mode: "live"; apiUrl: string; authToken: string; credId: string; privateKey: string };

export type DatabaseConfig =
  /** A PostgreSQL server (DATABASE_URL). */
  | { kind: "postgres"; url: string }
  /** The embedded Postgres (PGlite) in a data folder, or `memory:` for one that lives in the process. */
  | { kind: "embedded"; dataDir: string };

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface Env {
  nodeEnv: "development" | "production" | "test";
  dfns: DfnsConfig;
  database: DatabaseConfig;
  /** The origin users open the app at, e.g. `https://wallet.example.com` (no trailing slash). */
  appOrigin: string;
  /** WebAuthn relying party: passkeys are bound to `rpId`, which is `appOrigin`'s host or a parent of it. */
  passkey: { rpId: string; rpName: string };
  /**
   * Dfns network names of the wallets created at registration, e.g. `["EthereumSepolia", "SolanaDevnet"]`;
   * empty (`none`): registration creates none, and users add them on the wallet page.
   */
  walletNetworks: string[];
  /** More networks a user can add a wallet on later (besides `walletNetworks`), e.g. `["BaseSepolia"]`. */
  extraWalletNetworks: string[];
  auth: {
    /** Signs and encrypts NextAuth's session tokens. Server only. */
    secret: string;
    /** `env`: NEXTAUTH_SECRET / AUTH_SECRET; `local`: generated and kept in `.data/auth-secret`. */
    secretSource: "env" | "local";
    /** NextAuth's canonical URL (NEXTAUTH_URL), APP_ORIGIN by default. */
    url: string;
    /** Set when both GITHUB_ID and GITHUB_SECRET are. */
    github: OAuthClient | null;
    /** Set when both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are. */
    google: OAuthClient | null;
  };
}
