import type { CDPSession, Page } from "@playwright/test";

type Options = {
  protocol: "ctap2" | "u2f";
  transport: "usb" | "nfc" | "ble" | "internal";
  hasResidentKey: boolean;
  hasUserVerification: boolean;
  isUserVerified: boolean;
  automaticPresenceSimulation: boolean;
};

/** A platform passkey authenticator that verifies the user and needs no touch. */
const PLATFORM: Options = {
  protocol: "ctap2",
  transport: "internal",
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
};

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  userHandle?: string;
  signCount: number;
  /** PKCS#8, base64: lets a test keep a "lost" passkey and put it back later. */
  privateKey?: string;
}

/**
 * Chromium's virtual WebAuthn authenticator for one page (through the DevTools protocol). Tests
 * wait on its events (`credentialAdded`) instead of sleeping, and switch user verification off to
 * make a ceremony fail as a cancelled prompt does.
 */
export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  static async attach(page: Page, options: Partial<Options> = {}): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { ...PLATFORM, ...options },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  /** Resolves with the next credential this authenticator creates. Call it before the click. */
  nextCredentialAdded(): Promise<VirtualCredential> {
    return this.nextEvent("WebAuthn.credentialAdded");
  }

  /** Resolves with the credential of the next assertion (a passkey approval). Call it before the click. */
  nextCredentialAsserted(): Promise<VirtualCredential> {
    return this.nextEvent("WebAuthn.credentialAsserted");
  }

  private nextEvent(name: "WebAuthn.credentialAdded" | "WebAuthn.credentialAsserted"): Promise<VirtualCredential> {
    return new Promise((resolve) => {
      const listener = (event: { authenticatorId: string; credential: VirtualCredential }) => {
        if (event.authenticatorId !== this.id) return;
        this.cdp.off(name, listener);
        resolve(event.credential);
      };
      this.cdp.on(name, listener);
    });
  }

  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send("WebAuthn.getCredentials", { authenticatorId: this.id });
    return credentials as VirtualCredential[];
  }

  /** Puts a credential (as `credentials()` returned it, from this or another authenticator) on this one. */
  async addCredential(credential: VirtualCredential): Promise<void> {
    await this.cdp.send("WebAuthn.addCredential", { authenticatorId: this.id, credential: credential as never });
  }

  async removeCredential(credentialId: string): Promise<void> {
    await this.cdp.send("WebAuthn.removeCredential", { authenticatorId: this.id, credentialId });
  }

  /** With `false`, the authenticator refuses a ceremony that requires user verification. */
  async setUserVerified(isUserVerified: boolean): Promise<void> {
    await this.cdp.send("WebAuthn.setUserVerified", { authenticatorId: this.id, isUserVerified });
  }

  async remove(): Promise<void> {
    await this.cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: this.id });
  }
}
