/**
 * How the sandbox answers where Dfns's documents disagree or are silent. The defaults are what
 * the documents say; each alternative is a switch, so the app is tested against both
 * (README, "The Dfns sandbox": what Dfns documents, what the sandbox does, what the app does).
 */
export interface SandboxBehaviour {
  /** "User already exists." on delegated registration: 401 (Dfns's error table) or 409 (the generic conflict rule). */
  userExistsStatus: 401 | 409;
  /**
   * Create Delegated Registration Challenge again for a user who never completed registration:
   * a fresh challenge for the same user, or "User already exists." (the documents do not say).
   */
  unfinishedRegistration: "fresh-challenge" | "user-exists";
  /**
   * The `rp` of the challenges: the configured one, left out (optional in the SDK's types; Dfns
   * takes it from the organization's Passkey Settings), or another RP ID than the app's.
   */
  challengeRp: "configured" | "omitted" | { id: string; name: string };
  /**
   * Answer requests signed with a user action (new wallet, signature, credential changes) with
   * HTTP 202 and a pending policy approval instead of doing them, as Dfns does when a policy asks.
   */
  policyApproval: boolean;
}

/** What the sandbox needs to know about its surroundings. Every field has a local default. */
export interface SandboxConfig {
  /** The passkey relying party: the app's RP ID and the origins its pages are served from. */
  rp: { id: string; name: string; origins: string[] };
  orgName: string;
  /** Lifetimes, in seconds. */
  ttl: { challenge: number; temporaryToken: number; userAction: number; endUserToken: number };
  /** The clock; tests move it to expire tokens. */
  now: () => Date;
  behaviour: SandboxBehaviour;
  /** The operations the service account's permissions grant (Dfns's operation names); tests take some away. */
  serviceAccountOperations: string[];
}

/** What the provisioned service account may do: what the app and `npm run doctor` use. */
export const SERVICE_ACCOUNT_OPERATIONS = [
  "Auth:Register:Delegated",
  "Auth:Login:Delegated",
  "Auth:Recover:Delegated",
  "Auth:ServiceAccounts:Read",
  "Wallets:Read",
];

export const DOCUMENTED_BEHAVIOUR: SandboxBehaviour = {
  userExistsStatus: 401,
  unfinishedRegistration: "fresh-challenge",
  challengeRp: "configured",
  policyApproval: false,
};

/** What a sandbox's creator may set: any field, and any of the behaviour switches. */
export type SandboxOptions = Partial<Omit<SandboxConfig, "behaviour">> & { behaviour?: Partial<SandboxBehaviour> };

export function sandboxConfig(overrides: SandboxOptions = {}): SandboxConfig {
  return {
    rp: { id: "localhost", name: "Dfns Sandbox", origins: ["http://localhost:3000"] },
    orgName: "Sandbox Org",
    ttl: { challenge: 300, temporaryToken: 900, userAction: 300, endUserToken: 3600 },
    now: () => new Date(),
    serviceAccountOperations: [...SERVICE_ACCOUNT_OPERATIONS],
    ...overrides,
    behaviour: { ...DOCUMENTED_BEHAVIOUR, ...overrides.behaviour },
  };
}
