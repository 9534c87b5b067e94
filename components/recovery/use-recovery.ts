"use client";

import { useCallback, useEffect, useRef } from "react";
import { useLeaveWarning } from "@/components/steps/step-hooks";
import { apiProblem, passkeyProblem, runRetry, useStepFlow, type Problem } from "@/components/steps/use-step-flow";
import { ApiError } from "@/lib/api/client";
import { signRecoveryRequest } from "@/lib/dfns/recovery-request";
import { createPasskey, type Fido2CredentialInfo } from "@/lib/passkeys";
import {
  createRecoveryCredential,
  decryptRecoveryKey,
  InvalidRecoveryCodeError,
  WrongRecoveryCodeError,
  type RecoveryCredential,
} from "@/lib/recovery";
import { completeRecovery, startRecovery, type StartRecoveryResponse } from "./recovery-api";

// Recovery as a small state machine, like onboarding: the challenge is fetched when the page opens;
// (1) the recovery code opens the old recovery key here, in the browser: a wrong code is caught
// before anything is sent; (2) a new passkey (its own click, so the prompt follows the gesture);
// (3) a new recovery key whose code is shown once and confirmed; then the old key signs the new
// credentials and the server completes. The codes and the keys live only in this hook's memory.

export type RecoveryStep = "code" | "passkey" | "new-code";

export const RECOVERY_STEPS: readonly { id: RecoveryStep; title: string }[] = [
  { id: "code", title: "Enter your recovery code" },
  { id: "passkey", title: "Create a new passkey" },
  { id: "new-code", title: "Save your new recovery code" },
];

export type RecoveryActivity =
  | "loading" // asking the server for the recovery challenge
  | "idle" // waiting for the user
  | "checking" // opening the recovery key with the code
  | "passkey" // the browser's passkey prompt is open
  | "recovery-key" // making the new recovery key
  | "completing" // the server is completing the recovery with Dfns
  | "done";

export type RecoveryRetry = "start" | "passkey" | "complete" | "sign-in";

export type RecoveryProblem = Problem<RecoveryRetry>;

export interface RecoveryState {
  step: RecoveryStep;
  activity: RecoveryActivity;
  problem: RecoveryProblem | null;
  /** Shown above the current step, e.g. why the recovery started over. */
  notice: string | null;
  username: string | null;
  /** The NEW recovery code, between its creation and the completed recovery. */
  recoveryCode: string | null;
}

const RENEW_BEFORE_MS = 60_000;

export const WRONG_CODE =
  "This recovery code doesn't match your account. Nothing was sent. Check each character against your saved code; " +
  "if you have recovered before, use the newest code, because each recovery replaces it.";

export const RESTARTED_NOTICE =
  "Your recovery session ended before it finished, so nothing was changed: your old recovery code still works. " +
  "Enter it again to start over; the new passkey and code from before won't be used.";

const SIGNED_OUT = "Your session has ended. Sign in again to recover your wallet.";

const initialState: RecoveryState = {
  step: "code",
  activity: "loading",
  problem: null,
  notice: null,
  username: null,
  recoveryCode: null,
};

/** Rate limited, or nothing to recover: trying again right away cannot help. */
const NOTHING_TO_RETRY = new Set(["not_registered", "no_recovery_key", "already_recovered", "dfns_user_not_found"]);
const recoveryApiProblem = (error: unknown, retry: RecoveryRetry) =>
  apiProblem(error, retry, SIGNED_OUT, (e) => e.status === 429 || NOTHING_TO_RETRY.has(e.code ?? ""));

function codeProblem(error: unknown): RecoveryProblem {
  if (error instanceof WrongRecoveryCodeError) return { message: WRONG_CODE, retry: null };
  if (error instanceof InvalidRecoveryCodeError)
    return { message: `${error.message.replace(/\.$/, "")}. Check what you typed.`, retry: null };
  return {
    message: "Your account's recovery key could not be opened on this device. Try again in an up-to-date browser.",
    retry: null,
  };
}

export function useRecovery() {
  const { state, update, guarded } = useStepFlow(initialState);

  // Not rendered, so kept out of state; cleared as soon as they are spent.
  const session = useRef<(StartRecoveryResponse & { expiresAtMs: number }) | null>(null);
  const oldKey = useRef<CryptoKey | null>(null);
  const passkey = useRef<Fido2CredentialInfo | null>(null);
  const nextRecovery = useRef<RecoveryCredential | null>(null);

  /** The challenge (the same one while it is valid); null when there is nothing to go on with. */
  const load = useCallback(async () => {
    try {
      const result = await startRecovery();
      session.current = { ...result, expiresAtMs: Date.parse(result.expiresAt) };
      update({ username: result.username, activity: "idle" });
      return session.current;
    } catch (error) {
      update({ activity: "idle", problem: recoveryApiProblem(error, "start") });
      return null;
    }
  }, [update]);

  /** A session that is not about to expire, fetching a new one if needed. */
  const freshSession = useCallback(async () => {
    const current = session.current;
    if (current && current.expiresAtMs - Date.now() > RENEW_BEFORE_MS) return current;
    return load();
  }, [load]);

  const restart = useCallback(
    async (notice: string | null) => {
      session.current = oldKey.current = passkey.current = nextRecovery.current = null;
      update({ step: "code", activity: "loading", problem: null, notice, recoveryCode: null });
      await load();
    },
    [load, update],
  );

  const begin = useCallback(
    () =>
      guarded(async () => {
        update({ step: "code", activity: "loading", problem: null });
        await load();
      }),
    [guarded, load, update],
  );

  /** Step 1: the code opens the old recovery key, or the user hears why not. Nothing is sent. */
  const checkCode = useCallback(
    (recoveryCode: string) =>
      guarded(async () => {
        update({ activity: "checking", problem: null, notice: null });
        const current = await freshSession();
        if (!current) return;
        try {
          oldKey.current = await decryptRecoveryKey({
            encryptedPrivateKey: current.recoveryCredential.encryptedRecoveryKey,
            recoveryCode,
            username: current.username,
          });
        } catch (error) {
          update({ activity: "idle", problem: codeProblem(error) });
          return;
        }
        update({ step: "passkey", activity: "idle" });
      }),
    [freshSession, guarded, update],
  );

  /** Step 2, from the click: the new passkey, then the new recovery key. */
  const createNewPasskey = useCallback(
    () =>
      guarded(async () => {
        if (!oldKey.current) return restart(null);
        update({ activity: "passkey", problem: null });
        const current = await freshSession();
        if (!current) return;
        try {
          passkey.current = await createPasskey(current.challenge);
        } catch (error) {
          update({ activity: "idle", problem: passkeyProblem(error, current.challenge.rp.id) });
          return;
        }
        update({ step: "new-code", activity: "recovery-key" });
        try {
          const made = await createRecoveryCredential({
            username: current.username,
            challenge: current.challenge.challenge,
            origin: window.location.origin,
          });
          nextRecovery.current = made.credential;
          update({ activity: "idle", recoveryCode: made.recoveryCode });
        } catch {
          passkey.current = null;
          update({
            step: "passkey",
            activity: "idle",
            problem: {
              message:
                "Your browser couldn't create the new recovery key. Try again; if it keeps failing, use an up-to-date browser.",
              retry: "passkey",
            },
          });
        }
      }),
    [freshSession, guarded, restart, update],
  );

  /** Step 3, once the new code is saved: the old key signs the new credentials; the server completes. */
  const finish = useCallback(
    () =>
      guarded(async () => {
        const current = session.current;
        if (!current || !oldKey.current || !passkey.current || !nextRecovery.current) return restart(RESTARTED_NOTICE);
        update({ activity: "completing", problem: null });
        try {
          const { credentialInfo, encryptedPrivateKey } = nextRecovery.current;
          const body = await signRecoveryRequest({
            privateKey: oldKey.current,
            recoveryCredentialId: current.recoveryCredential.id,
            newCredentials: {
              firstFactorCredential: { credentialInfo: passkey.current },
              recoveryCredential: { credentialInfo, encryptedPrivateKey },
            },
            origin: window.location.origin,
          });
          await completeRecovery(body);
          session.current = oldKey.current = passkey.current = nextRecovery.current = null;
          update({ activity: "done", recoveryCode: null });
        } catch (error) {
          // Expired or never started: nothing changed at Dfns, this passkey and code are void.
          if (error instanceof ApiError && error.code === "recovery_expired") return restart(RESTARTED_NOTICE);
          update({ activity: "idle", problem: recoveryApiProblem(error, "complete") });
        }
      }),
    [guarded, restart, update],
  );

  const startOver = useCallback(() => guarded(() => restart(null)), [guarded, restart]);

  const retry = () =>
    runRetry(state.problem, {
      start: begin,
      passkey: createNewPasskey,
      complete: finish,
      // A full page load: the sign-in page must see the session cookie as it is now.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      "sign-in": () => window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent("/recovery")}`),
    });

  useEffect(() => {
    void begin();
  }, [begin]);

  // Leaving with a new code on screen, or while completing, loses the work: ask first.
  useLeaveWarning(state.recoveryCode !== null || state.activity === "completing");

  return { state, checkCode, createNewPasskey, finish, retry, startOver };
}

/** One sentence on what is happening, for the polite live region. */
export function recoveryStatus({ step, activity, problem }: RecoveryState): string {
  switch (activity) {
    case "loading":
      return "Getting your recovery ready…";
    case "checking":
      return "Checking your recovery code…";
    case "passkey":
      return "Waiting for your new passkey. Follow your browser's prompt.";
    case "recovery-key":
      return "Passkey created. Creating your new recovery key…";
    case "completing":
      return "Recovering your wallet…";
    case "done":
      return "Your wallet is recovered.";
  }
  if (problem) return "";
  if (step === "code") return "Enter your recovery code.";
  if (step === "passkey") return "Recovery code accepted. Create your new passkey.";
  return "Save your new recovery code, then finish the recovery.";
}
