import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AsyncLocalStorage } from "node:async_hooks";
import { dfnsConnection, setDfnsConnection } from "@/lib/dfns/connection";
import { getEnv } from "@/lib/env";
import type { BrowserUserAction } from "@/lib/passkeys/types";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { recoveryRequest } from "@/lib/testing/browser-credentials";
import { FAULTS, startLossyProxy, type Fault, type LossyProxy } from "@/lib/testing/lossy-proxy";
import { browserCredentials, registeredUser, type StartedRegistration } from "@/lib/testing/registration";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import type { RegistrationChallenge } from "@/lib/dfns/registration";
import type { StartRecoveryResult } from "@/lib/dfns/recovery";
import { POST as completeAddPasskey } from "./credentials/add/complete/route";
import { POST as beginAddPasskey } from "./credentials/add/route";
import { POST as passkeyChallenge } from "./credentials/challenge/route";
import { POST as completeDeactivate } from "./credentials/deactivate/complete/route";
import { POST as beginDeactivate } from "./credentials/deactivate/route";
import { GET as listCredentials } from "./credentials/route";
import { POST as completeRecovery } from "./recovery/complete/route";
import { POST as startRecovery } from "./recovery/start/route";
import { POST as completeRegistration } from "./registration/complete/route";
import { POST as startRegistration } from "./registration/start/route";
import { POST as completeSignature } from "./wallets/[walletId]/signatures/complete/route";
import { GET as listSignatures, POST as beginSignature } from "./wallets/[walletId]/signatures/route";
import { GET as transferStatus } from "./wallets/[walletId]/transfers/[transferId]/route";
import { POST as completeTransfer } from "./wallets/[walletId]/transfers/complete/route";
import { POST as beginTransfer } from "./wallets/[walletId]/transfers/route";
import { POST as completeWallet } from "./wallets/complete/route";
import { GET as listWallets, POST as beginWallet } from "./wallets/route";

// The fault matrix: every state-changing flow × every Dfns call it makes × every way that call can
// fail (lib/testing/lossy-proxy.ts: timeout, 5xx, reset, lost answer). For each cell: the user's
// answer is JSON with a sentence (never a 500); after at most one reload or one retry, the app's
// rows agree with what Dfns (the sandbox's tables) holds; and the action happened at most once.

/** The app's time limit for one Dfns call here; a `timeout` holds the call a little longer. */
const TIME_LIMIT_MS = 3000;

let app: AppHarness;
/** Each cell talks to Dfns through its own proxy, so cells run side by side in one sandbox. */
const cellProxy = new AsyncLocalStorage<LossyProxy>();
beforeAll(async () => {
  app = await startApp();
  const direct = await dfnsConnection();
  setDfnsConnection({
    ...direct,
    get apiUrl() {
      return cellProxy.getStore()?.url ?? direct.apiUrl;
    },
    // Short only while a fault is armed: a fault-free flow never times out on a busy machine.
    get timeLimitMs() {
      return cellProxy.getStore()?.fired() === false ? TIME_LIMIT_MS : undefined;
    },
  });
});
afterAll(async () => app.close());

/** Runs `fn` with the app's Dfns calls going through a new fault proxy. */
async function throughProxy<T>(fn: (proxy: LossyProxy) => Promise<T>): Promise<T> {
  const proxy = await startLossyProxy(app.sandboxUrl, { holdMs: TIME_LIMIT_MS + 300 });
  try {
    return await cellProxy.run(proxy, () => fn(proxy));
  } finally {
    await proxy.close();
  }
}

type Registered = Awaited<ReturnType<typeof registeredUser>>;
const json = async <T>(response: Response) => (await response.json()) as T;
const origin = () => getEnv().appOrigin;

/** Every answer that is not a success is JSON with a sentence, and not a 500. */
async function expectWordedAnswers(responses: Response[]) {
  for (const response of responses) {
    if (response.ok) continue;
    const text = await response.clone().text();
    expect(response.status, text).not.toBe(500);
    expect(response.headers.get("content-type"), text).toMatch(/application\/json/);
    const { error } = JSON.parse(text) as { error?: { message?: unknown } };
    expect(typeof error?.message, text).toBe("string");
    expect((error!.message as string).length, text).toBeGreaterThan(20);
  }
}

/** Runs steps in order until one fails, each given the answer before it; returns every answer. */
async function steps(...run: ((previous: Response) => Promise<Response>)[]): Promise<Response[]> {
  const answers: Response[] = [];
  for (const step of run) {
    const answer = await step(answers.at(-1)?.clone() as Response);
    answers.push(answer);
    if (!answer.ok) break;
  }
  return answers;
}

const actionOf = async (begun: Response) => (await json<{ action: BrowserUserAction }>(begun)).action;

/** What Dfns (the sandbox's store) holds of a user, as these checks read it. */
interface DfnsUserRecord {
  registered: boolean;
  credentials: { credId: string; isActive: boolean }[];
  wallets: {
    id: string;
    signatures: { id: string; requestBody: unknown }[];
    transfers: { id: string; externalId: string | null }[];
  }[];
}

interface DfnsUserCounts {
  registered: boolean;
  credentials: { isActive: boolean }[];
  wallets: { _count: { signatures: number; transfers: number } }[];
}

/** The app's records of a user against the sandbox's tables: the same Dfns user, credentials, wallets, signatures and transfers. */
async function expectAppAgreesWithDfns(user: AppUser) {
  const prisma = app.database.prisma;
  const dfnsUser = await prisma.dfnsUser.findUnique({
    where: { userId: user.id },
    include: { credentials: true, wallets: { include: { signatures: true, transfers: true } } },
  });
  if (!dfnsUser) return;
  const sandboxUser: DfnsUserRecord = await app.dfnsStore.sandboxUser.findUniqueOrThrow({
    where: { id: dfnsUser.dfnsUserId },
    include: { credentials: true, wallets: { include: { signatures: true, transfers: true } } },
  });
  expect(sandboxUser.registered).toBe(true);
  const byCredId = (list: { credId: string; active: boolean }[]) =>
    Object.fromEntries(list.map((c) => [c.credId, c.active]));
  expect(byCredId(dfnsUser.credentials)).toEqual(
    byCredId(sandboxUser.credentials.map((c) => ({ credId: c.credId, active: c.isActive }))),
  );
  expect(dfnsUser.wallets.map((w) => w.dfnsWalletId).sort()).toEqual(sandboxUser.wallets.map((w) => w.id).sort());
  const appSignatures = dfnsUser.wallets
    .flatMap((w) => w.signatures.filter((s) => s.dfnsSignatureId).map((s) => s.dfnsSignatureId))
    .sort();
  expect(appSignatures).toEqual(sandboxUser.wallets.flatMap((w) => w.signatures.map((s) => s.id)).sort());
  // A signature still Submitting (its answer lost) is one Dfns does not have under its externalId.
  const unsent = dfnsUser.wallets.flatMap((w) =>
    w.signatures.filter((s) => !s.dfnsSignatureId).map((s) => s.externalId),
  );
  const dfnsExternalIds = sandboxUser.wallets.flatMap((w) =>
    w.signatures.map((s) => (s.requestBody as { externalId?: string }).externalId),
  );
  expect(unsent.filter((id) => dfnsExternalIds.includes(id!))).toEqual([]);
  const appTransfers = dfnsUser.wallets
    .flatMap((w) => w.transfers.filter((t) => t.dfnsTransferId).map((t) => t.dfnsTransferId))
    .sort();
  expect(appTransfers).toEqual(sandboxUser.wallets.flatMap((w) => w.transfers.map((t) => t.id)).sort());
  // Every transfer the app still waits on is not at Dfns under its externalId either.
  const waiting = dfnsUser.wallets.flatMap((w) =>
    w.transfers.filter((t) => !t.dfnsTransferId).map((t) => t.externalId),
  );
  expect(sandboxUser.wallets.flatMap((w) => w.transfers.filter((t) => waiting.includes(t.externalId ?? "")))).toEqual(
    [],
  );
}

/** How many times an action happened at Dfns for this user: wallets, signatures, transfers, credentials. */
async function dfnsCounts(user: AppUser) {
  const sandboxUsers: DfnsUserCounts[] = await app.dfnsStore.sandboxUser.findMany({
    where: { externalId: { startsWith: user.id } },
    include: { credentials: true, wallets: { include: { _count: { select: { signatures: true, transfers: true } } } } },
  });
  return {
    users: sandboxUsers.filter((u) => u.registered).length,
    credentials: sandboxUsers.flatMap((u) => u.credentials).length,
    inactiveCredentials: sandboxUsers.flatMap((u) => u.credentials).filter((c) => !c.isActive).length,
    wallets: sandboxUsers.flatMap((u) => u.wallets).length,
    signatures: sandboxUsers.flatMap((u) => u.wallets).reduce((n, w) => n + w._count.signatures, 0),
    transfers: sandboxUsers.flatMap((u) => u.wallets).reduce((n, w) => n + w._count.transfers, 0),
  };
}

// ---- The flows: each prepares a user, runs its steps (the faulty run), then reloads or retries once.

interface Flow<Ctx> {
  prepare(): Promise<Ctx>;
  user(ctx: Ctx): AppUser;
  run(ctx: Ctx): Promise<Response[]>;
  /** One reload of the page's data, or one retry of the step that failed. */
  settle(ctx: Ctx, answers: Response[]): Promise<Response[]>;
  /** Most times the action may have happened at Dfns, per count. */
  atMost: Partial<Record<keyof Awaited<ReturnType<typeof dfnsCounts>>, number>>;
}

const walletOf = async (user: AppUser, network: string) =>
  await app.database.prisma.wallet.findFirstOrThrow({ where: { dfnsUser: { userId: user.id }, network } });

/** Test funds for a wallet, from the sandbox's faucet (tried again if the local chain was busy). */
async function faucet(network: string, address: string) {
  for (let attempt = 0; ; attempt++) {
    const init = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ network, address, asset: "native" }),
    };
    const funded = await fetch(`${app.sandboxUrl}/sandbox/faucet`, init);
    if (funded.ok || attempt === 2) return expect(funded.status, await funded.text()).toBeLessThan(300);
  }
}

const approve = (passkey: SoftwarePasskey, action: BrowserUserAction) => ({
  actionId: action.id,
  assertion: passkey.assert(action.challenge).credentialAssertion,
});

function registrationStart(): Flow<{ user: AppUser }> {
  return {
    prepare: async () => ({ user: await app.createUser() }),
    user: (ctx) => ctx.user,
    run: (ctx) => steps(() => app.call(startRegistration, ctx.user)),
    async settle(ctx, answers) {
      const retried = answers.at(-1)!.ok ? [] : [await app.call(startRegistration, ctx.user)];
      const started = await json<StartedRegistration>(
        (retried[0] ?? (await app.call(startRegistration, ctx.user))).clone(),
      );
      const { body } = await browserCredentials(started);
      const done = await app.call(completeRegistration, ctx.user, { body });
      expect(done.status, await done.clone().text()).toBe(200);
      return [...retried, done];
    },
    atMost: { users: 1, wallets: 2, credentials: 2 },
  };
}

function registrationComplete(): Flow<{ user: AppUser; body?: unknown }> {
  return {
    async prepare() {
      const user = await app.createUser();
      const started = await json<StartedRegistration>(await app.call(startRegistration, user));
      return { user, body: (await browserCredentials(started)).body };
    },
    user: (ctx) => ctx.user,
    run: (ctx) => steps(() => app.call(completeRegistration, ctx.user, { body: ctx.body })),
    async settle(ctx, answers) {
      if (answers.at(-1)!.ok) return [await app.call(listWallets, ctx.user, { method: "GET" })];
      return [await app.call(completeRegistration, ctx.user, { body: ctx.body })];
    },
    atMost: { users: 1, wallets: 2, credentials: 2 },
  };
}

function addWallet(): Flow<Registered> {
  return {
    prepare: () => registeredUser(app),
    user: (ctx) => ctx.user,
    run: (ctx) =>
      steps(
        () => app.call(beginWallet, ctx.user, { body: { network: "BaseSepolia" } }),
        async (begun) => app.call(completeWallet, ctx.user, { body: approve(ctx.passkey, await actionOf(begun)) }),
      ),
    settle: async (ctx) => [await app.call(listWallets, ctx.user, { method: "GET" })],
    atMost: { wallets: 3 },
  };
}

function messageSignature(): Flow<Registered & { walletId: string }> {
  return {
    prepare: async () => {
      const registered = await registeredUser(app);
      return { ...registered, walletId: (await walletOf(registered.user, "EthereumSepolia")).id };
    },
    user: (ctx) => ctx.user,
    run: (ctx) =>
      steps(
        () => app.call(beginSignature, ctx.user, { body: { message: "I agree" }, params: { walletId: ctx.walletId } }),
        async (begun) =>
          app.call(completeSignature, ctx.user, {
            body: approve(ctx.passkey, await actionOf(begun)),
            params: { walletId: ctx.walletId },
          }),
      ),
    settle: async (ctx) => [
      await app.call(listSignatures, ctx.user, { method: "GET", params: { walletId: ctx.walletId } }),
    ],
    atMost: { signatures: 1 },
  };
}

function transfer(): Flow<Registered & { walletId: string; to: string; transferId?: string }> {
  return {
    prepare: async () => {
      const registered = await registeredUser(app);
      const wallet = await walletOf(registered.user, "EthereumSepolia");
      await faucet(wallet.network, wallet.address!);
      return { ...registered, walletId: wallet.id, to: "0x000000000000000000000000000000000000dEaD" };
    },
    user: (ctx) => ctx.user,
    run: (ctx) =>
      steps(
        () =>
          app.call(beginTransfer, ctx.user, {
            body: { asset: "native", to: ctx.to, amount: "0.001" },
            params: { walletId: ctx.walletId },
          }),
        async (begun) => {
          const { action, transfer } = await json<{ action: BrowserUserAction; transfer: { id: string } }>(begun);
          ctx.transferId = transfer.id;
          return app.call(completeTransfer, ctx.user, {
            body: approve(ctx.passkey, action),
            params: { walletId: ctx.walletId },
          });
        },
      ),
    settle: async (ctx) =>
      ctx.transferId
        ? [
            await app.call(transferStatus, ctx.user, {
              method: "GET",
              params: { walletId: ctx.walletId, transferId: ctx.transferId },
            }),
          ]
        : [],
    atMost: { transfers: 1 },
  };
}

function addPasskey(): Flow<Registered & { challengeToken?: string }> {
  return {
    prepare: () => registeredUser(app),
    user: (ctx) => ctx.user,
    run: (ctx) =>
      steps(
        () => app.call(passkeyChallenge, ctx.user),
        async (challenged) => {
          const { challenge, challengeToken } = await json<{
            challenge: RegistrationChallenge;
            challengeToken: string;
          }>(challenged);
          const created = SoftwarePasskey.create({
            rpId: challenge.rp.id,
            origin: origin(),
            challenge: challenge.challenge,
            userId: challenge.user.id,
          });
          return app.call(beginAddPasskey, ctx.user, {
            body: { challengeToken, name: "Laptop", credentialInfo: created.credentialInfo },
          });
        },
        async (begun) => app.call(completeAddPasskey, ctx.user, { body: approve(ctx.passkey, await actionOf(begun)) }),
      ),
    settle: async (ctx) => [await app.call(listCredentials, ctx.user, { method: "GET" })],
    atMost: { credentials: 3 },
  };
}

/** A user with a second passkey (added through the routes), which the flow deactivates. */
function deactivatePasskey(): Flow<Registered & { second: string }> {
  return {
    async prepare() {
      const registered = await registeredUser(app);
      const { challenge, challengeToken } = await json<{ challenge: RegistrationChallenge; challengeToken: string }>(
        await app.call(passkeyChallenge, registered.user),
      );
      const created = SoftwarePasskey.create({
        rpId: challenge.rp.id,
        origin: origin(),
        challenge: challenge.challenge,
        userId: challenge.user.id,
      });
      const begun = await app.call(beginAddPasskey, registered.user, {
        body: { challengeToken, name: "Laptop", credentialInfo: created.credentialInfo },
      });
      const added = await app.call(completeAddPasskey, registered.user, {
        body: approve(registered.passkey, await actionOf(begun)),
      });
      expect(added.status, await added.clone().text()).toBe(200);
      const row = await app.database.prisma.credential.findFirstOrThrow({
        where: { credId: created.credentialInfo.credId },
      });
      return { ...registered, second: row.id };
    },
    user: (ctx) => ctx.user,
    run: (ctx) =>
      steps(
        () => app.call(beginDeactivate, ctx.user, { body: { credentialId: ctx.second } }),
        async (begun) => app.call(completeDeactivate, ctx.user, { body: approve(ctx.passkey, await actionOf(begun)) }),
      ),
    settle: async (ctx) => [await app.call(listCredentials, ctx.user, { method: "GET" })],
    atMost: { inactiveCredentials: 1 },
  };
}

function recoveryStart(): Flow<Registered> {
  return {
    prepare: () => registeredUser(app),
    user: (ctx) => ctx.user,
    run: (ctx) => steps(() => app.call(startRecovery, ctx.user)),
    async settle(ctx, answers) {
      const started = answers.at(-1)!.ok ? answers.at(-1)!.clone() : await app.call(startRecovery, ctx.user);
      expect(started.status, await started.clone().text()).toBe(200);
      const { body } = await recoveryRequest(await json<StartRecoveryResult>(started), ctx.recoveryCode, origin());
      const done = await app.call(completeRecovery, ctx.user, { body });
      expect(done.status, await done.clone().text()).toBe(200);
      return [started, done];
    },
    atMost: { credentials: 4, inactiveCredentials: 2 },
  };
}

function recoveryComplete(): Flow<Registered & { body?: unknown; cookie?: string }> {
  return {
    async prepare() {
      const registered = await registeredUser(app);
      const started = await json<StartRecoveryResult>(await app.call(startRecovery, registered.user));
      const { body } = await recoveryRequest(started, registered.recoveryCode, origin());
      return { ...registered, body };
    },
    user: (ctx) => ctx.user,
    run: (ctx) => steps(() => app.call(completeRecovery, ctx.user, { body: ctx.body })),
    async settle(ctx, answers) {
      // Recovered: the credentials page (its list may not have been read back from Dfns yet).
      if (answers.at(-1)!.ok) return [await app.call(listCredentials, ctx.user, { method: "GET" })];
      return [await app.call(completeRecovery, ctx.user, { body: ctx.body })];
    },
    atMost: { credentials: 4, inactiveCredentials: 2 },
  };
}

const FLOWS = {
  "registration start": registrationStart,
  "registration complete": registrationComplete,
  "add wallet": addWallet,
  "message signature": messageSignature,
  transfer,
  "add passkey": addPasskey,
  "deactivate passkey": deactivatePasskey,
  "recovery start": recoveryStart,
  "recovery complete": recoveryComplete,
} satisfies Record<string, () => Flow<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each flow its own context
type FlowName = keyof typeof FLOWS;

/** A Dfns path with its ids (`us-…`, `wa-…`) as `*`. */
const pattern = (call: string) => call.replace(/\/[a-z]{2,4}-[0-9a-v]{5}-[0-9a-v]{5}-[0-9a-v]+/g, "/*");

// The service account signs its own requests (delegated login, registration, recovery) with a
// user action of its own: `action/init` + `action` before each.
const LOGIN = ["POST /auth/action/init", "POST /auth/action", "POST /auth/login/delegated"];
/** An end user's request approved with the passkey: its challenge (begin), then the signature and the request (complete). */
const approved = (request: string) => ["POST /auth/action/init", "POST /auth/action", request];

/** Every Dfns call of each flow, in order (checked below against what the flow really calls). */
const CALLS: Record<FlowName, string[]> = {
  "registration start": ["POST /auth/action/init", "POST /auth/action", "POST /auth/registration/delegated"],
  "registration complete": ["POST /auth/registration/enduser", "GET /auth/credentials"],
  "add wallet": [...LOGIN, ...approved("POST /wallets")],
  "message signature": [...LOGIN, ...approved("POST /wallets/*/signatures")],
  transfer: [...LOGIN, "GET /wallets/*/assets", ...approved("POST /wallets/*/transfers")],
  "add passkey": [...LOGIN, "POST /auth/credentials/init", ...approved("POST /auth/credentials")],
  "deactivate passkey": [
    "GET /auth/credentials",
    "POST /auth/action/init",
    "GET /auth/credentials",
    "POST /auth/action",
    "PUT /auth/credentials/deactivate",
  ],
  "recovery start": ["POST /auth/action/init", "POST /auth/action", "POST /auth/recover/user/delegated"],
  "recovery complete": ["POST /auth/recover/user", ...LOGIN, "GET /auth/credentials"],
};

describe("the Dfns calls of each flow", () => {
  it.concurrent.each(Object.keys(FLOWS) as FlowName[])("%s", async (name) => {
    const flow = (FLOWS[name] as () => Flow<unknown>)();
    const ctx = await flow.prepare();
    await throughProxy(async (proxy) => {
      const answers = await flow.run(ctx);
      for (const a of answers) expect(a.status, await a.clone().text()).toBe(200);
      expect(proxy.calls.map(pattern)).toEqual(CALLS[name]);
    });
  });
});

/** The cells: each call of each flow (the Nth of its kind in the flow) × each fault. */
const CELLS = (Object.entries(CALLS) as [FlowName, string[]][]).flatMap(([flow, calls]) =>
  calls.flatMap((call, index) => {
    const nth = calls.slice(0, index + 1).filter((c) => c === call).length;
    return FAULTS.map((fault) => ({ flow, call, nth, fault }));
  }),
);

describe("the fault matrix: flow × Dfns call × fault", () => {
  it.concurrent.each(CELLS)(
    "$flow, $call (#$nth): $fault",
    async ({ flow: name, call, nth, fault }: { flow: FlowName; call: string; nth: number; fault: Fault }) => {
      const flow = (FLOWS[name] as () => Flow<unknown>)();
      const ctx = await flow.prepare();
      const user = flow.user(ctx);
      await throughProxy(async (proxy) => {
        proxy.inject({ call, nth, fault });
        const answers = await flow.run(ctx);
        expect(proxy.fired(), `the flow made no call ${call} #${nth}`).toBe(true);
        await proxy.idle(); // a held call has reached Dfns
        const afterwards = await flow.settle(ctx, answers);
        await proxy.idle();
        await expectWordedAnswers([...answers, ...afterwards]);
        await expectAppAgreesWithDfns(user);
        const counts = await dfnsCounts(user);
        for (const [count, most] of Object.entries(flow.atMost))
          expect(counts[count as keyof typeof counts], count).toBeLessThanOrEqual(most);
      });
    },
  );
});
