/** What the sandbox needs to know about its surroundings. Every field has a local default. */
export interface SandboxConfig {
  /** The passkey relying party: the app's RP ID and the origins its pages are served from. */
  rp: { id: string; name: string; origins: string[] };
  orgName: string;
  /** Lifetimes, in seconds. */
  ttl: { challenge: number; temporaryToken: number; userAction: number; endUserToken: number };
  /** The clock; tests move it to expire tokens. */
  now: () => Date;
}

export function sandboxConfig(overrides: Partial<SandboxConfig> = {}): SandboxConfig {
  return {
    rp: { id: "localhost", name: "Dfns Sandbox", origins: ["http://localhost:3000"] },
    orgName: "Sandbox Org",
    ttl: { challenge: 300, temporaryToken: 900, userAction: 300, endUserToken: 3600 },
    now: () => new Date(),
    ...overrides,
  };
}
