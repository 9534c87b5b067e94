"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { ApiError } from "@/lib/api/client";
import { createPasskey, type DfnsRegistrationChallenge, type Fido2CredentialInfo } from "@/lib/passkeys";
import { createRecoveryCredential, type RecoveryCredential } from "@/lib/recovery";
import { useLeaveWarning } from "@/components/steps/step-hooks";
import { apiProblem, passkeyProblem, runRetry, useStepFlow, type Problem } from "@/components/steps/use-step-flow";
import { completeRegistration, startRegistration, type CreatedWallet } from "./registration-api";

// The onboarding flow as a small state machine: get the challenge (before any click, so the
// WebAuthn call follows the user's gesture closely, as Safari requires), create the passkey,
// create the recovery key, show its code once, then complete the registration.
// The recovery code lives only in this component's memory: never sent, never stored.

export type Step = "passkey" | "recovery" | "wallets";

export const ONBOARDING_STEPS: readonly { id: Step; title: string }[] = [
  { id: "passkey", title: "Create your passkey" },
  { id: "recovery", title: "Save your recovery code" },
  { id: "wallets", title: "Create your wallets" },
];

export type Activity =
  | "loading" // asking the server for the registration challenge
  | "idle" // waiting for the user
  | "passkey" // the browser's passkey prompt is open
  | "recovery-key" // making the recovery key (WebCrypto)
  | "wallets" // the server is completing the registration with Dfns
  | "done" // the wallets exist
  | "leaving"; // on the way to /wallet

/** What the user can do about a problem, offered next to its message. */
export type Retry = "start" | "passkey" | "recovery-key" | "complete" | "sign-in";

export interface OnboardingState {
  step: Step;
  activity: Activity;
  problem: Problem<Retry> | null;
  /** Shown above the current step, e.g. why the flow started over. */
  notice: string | null;
  username: string | null;
  /** Only between its creation and the completed registration. */
  recoveryCode: string | null;
  wallets: CreatedWallet[];
}

interface Session {
  username: string;
  expiresAt: number;
  challenge: DfnsRegistrationChallenge;
}

/** A challenge this close to its expiry is renewed before use, rather than failing at the end. */
const RENEW_BEFORE_MS = 60_000;
/** How long the created wallets stay on screen before the wallet page opens. */
const SHOW_WALLETS_MS = 2_500;

export const RESTARTED_NOTICE =
  "Your setup session ended before your wallets were created, so nothing was saved. We've started a new one: " +
  "create your passkey again. You'll also get a new recovery code; the one shown before won't work.";

const SIGNED_OUT = "Your session has ended. Sign in again to continue setting up your wallet.";

const initialState: OnboardingState = {
  step: "passkey",
  activity: "loading",
  problem: null,
  notice: null,
  username: null,
  recoveryCode: null,
  wallets: [],
};

export function useOnboarding() {
  const router = useRouter();
  const { state, update, guarded } = useStepFlow(initialState);

  // Not rendered, so kept out of state. Cleared as soon as they are spent.
  const session = useRef<Session | null>(null);
  const passkey = useRef<Fido2CredentialInfo | null>(null);
  const recovery = useRef<RecoveryCredential | null>(null);

  const goToWallet = useCallback(() => {
    update({ activity: "leaving" });
    router.replace("/wallet");
    router.refresh();
  }, [router, update]);

  /** Gets the challenge (the same one while it is valid). Null when there is nothing to go on with. */
  const load = useCallback(async (): Promise<Session | null> => {
    try {
      const result = await startRegistration();
      if (result.status === "registered") {
        goToWallet();
        return null;
      }
      session.current = {
        username: result.username,
        expiresAt: Date.parse(result.expiresAt),
        challenge: result.challenge,
      };
      update({ username: result.username, activity: "idle" });
      return session.current;
    } catch (error) {
      update({ activity: "idle", problem: apiProblem(error, "start", SIGNED_OUT) });
      return null;
    }
  }, [goToWallet, update]);

  const begin = useCallback(
    () =>
      guarded(async () => {
        update({ step: "passkey", activity: "loading", problem: null });
        await load();
      }),
    [guarded, load, update],
  );

  const restart = useCallback(
    async (notice: string | null) => {
      session.current = null;
      passkey.current = null;
      recovery.current = null;
      update({ step: "passkey", activity: "loading", problem: null, notice, recoveryCode: null, wallets: [] });
      await load();
    },
    [load, update],
  );

  const makeRecoveryKey = useCallback(async () => {
    const current = session.current;
    if (!current) return restart(RESTARTED_NOTICE);
    update({ step: "recovery", activity: "recovery-key", problem: null });
    try {
      const { recoveryCode, credential } = await createRecoveryCredential({
        username: current.username,
        challenge: current.challenge.challenge,
        origin: window.location.origin,
      });
      recovery.current = credential;
      update({ activity: "idle", recoveryCode });
    } catch {
      update({
        activity: "idle",
        problem: {
          message:
            "Your browser couldn't create the recovery key. Try again; if it keeps failing, use an up-to-date browser.",
          retry: "recovery-key",
        },
      });
    }
  }, [restart, update]);

  /** From the "Create my passkey" click: no network round trip before the WebAuthn call. */
  const createPasskeyAndRecoveryKey = useCallback(
    () =>
      guarded(async () => {
        update({ activity: "passkey", problem: null, notice: null });
        let current = session.current;
        if (!current || current.expiresAt - Date.now() < RENEW_BEFORE_MS) {
          current = await load();
          if (!current) return;
          update({ activity: "passkey" });
        }
        try {
          passkey.current = await createPasskey(current.challenge);
        } catch (error) {
          update({ activity: "idle", problem: passkeyProblem(error, current.challenge.rp.id) });
          return;
        }
        await makeRecoveryKey();
      }),
    [guarded, load, makeRecoveryKey, update],
  );

  const retryRecoveryKey = useCallback(() => guarded(makeRecoveryKey), [guarded, makeRecoveryKey]);

  const createWallets = useCallback(
    () =>
      guarded(async () => {
        if (!passkey.current || !recovery.current) return restart(RESTARTED_NOTICE);
        update({ step: "wallets", activity: "wallets", problem: null, notice: null });
        try {
          const { credentialInfo, encryptedPrivateKey } = recovery.current;
          const result = await completeRegistration({
            firstFactorCredential: { credentialInfo: passkey.current },
            recoveryCredential: { credentialInfo, encryptedPrivateKey },
          });
          session.current = null;
          passkey.current = null;
          recovery.current = null;
          update({ activity: "done", wallets: result.wallets, recoveryCode: null });
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) {
            if (error.code === "already_registered") return goToWallet();
            // Expired, refused or never started: this passkey and recovery key can't be used any more.
            if (error.code !== "registration_in_progress") return await restart(RESTARTED_NOTICE);
          }
          update({ activity: "idle", problem: apiProblem(error, "complete", SIGNED_OUT) });
        }
      }),
    [goToWallet, guarded, restart, update],
  );

  const startOver = useCallback(() => guarded(() => restart(null)), [guarded, restart]);

  const retry = () =>
    runRetry(state.problem, {
      start: begin,
      passkey: createPasskeyAndRecoveryKey,
      "recovery-key": retryRecoveryKey,
      complete: createWallets,
      "sign-in": () => router.push(`/sign-in?callbackUrl=${encodeURIComponent("/onboarding")}`),
    });

  // The challenge is fetched as soon as the page opens.
  useEffect(() => {
    void begin();
  }, [begin]);

  // The wallets stay on screen for a moment, then the wallet page takes over.
  useEffect(() => {
    if (state.activity !== "done") return;
    const timer = setTimeout(goToWallet, SHOW_WALLETS_MS);
    return () => clearTimeout(timer);
  }, [state.activity, goToWallet]);

  // Leaving with a recovery code on screen or wallets being created loses the work: ask first.
  useLeaveWarning(state.recoveryCode !== null || state.activity === "wallets");

  return { state, createPasskey: createPasskeyAndRecoveryKey, createWallets, retry, startOver, goToWallet };
}

/** One sentence on what is happening, for the polite live region. */
export function statusMessage({ step, activity, problem }: OnboardingState): string {
  switch (activity) {
    case "loading":
      return "Getting your passkey request ready…";
    case "passkey":
      return "Waiting for your passkey. Follow your browser's prompt.";
    case "recovery-key":
      return "Passkey created. Creating your recovery key…";
    case "wallets":
      return "Creating your wallets…";
    case "done":
      return "Your wallets are ready. Opening your wallet…";
    case "leaving":
      return "Opening your wallet…";
  }
  if (problem) return "";
  if (step === "passkey") return "Ready to create your passkey.";
  if (step === "recovery") return "Passkey created. Save your recovery code, then create your wallets.";
  return "";
}
