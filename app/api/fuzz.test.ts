import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignUpInput } from "@/lib/auth/sign-up";
import { addPasskeySchema, deactivateCredentialSchema } from "@/lib/dfns/credentials-schema";
import { completeRecoverySchema } from "@/lib/dfns/recovery-schema";
import { completeRegistrationSchema } from "@/lib/dfns/registration-schema";
import { sendSchema } from "@/lib/dfns/transfer-schema";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { addWalletSchema, signMessageSchema, signTypedDataSchema } from "@/lib/dfns/wallet-schema";
import { getEnv } from "@/lib/env";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import { arbitraryFor, hostileString } from "@/lib/testing/zod-arbitrary";
import * as catchAll from "./[...path]/route";
import * as signUp from "./auth/sign-up/route";
import * as addPasskeyComplete from "./credentials/add/complete/route";
import * as addPasskey from "./credentials/add/route";
import * as passkeyChallenge from "./credentials/challenge/route";
import * as deactivateComplete from "./credentials/deactivate/complete/route";
import * as deactivate from "./credentials/deactivate/route";
import * as credentials from "./credentials/route";
import * as recoveryComplete from "./recovery/complete/route";
import * as recoveryStart from "./recovery/start/route";
import * as registrationComplete from "./registration/complete/route";
import * as registrationStart from "./registration/start/route";
import * as activity from "./wallets/[walletId]/activity/route";
import * as assets from "./wallets/[walletId]/assets/route";
import * as signatureComplete from "./wallets/[walletId]/signatures/complete/route";
import * as signatures from "./wallets/[walletId]/signatures/route";
import * as typedDataComplete from "./wallets/[walletId]/signatures/typed-data/complete/route";
import * as typedData from "./wallets/[walletId]/signatures/typed-data/route";
import * as transferStatus from "./wallets/[walletId]/transfers/[transferId]/route";
import * as transferComplete from "./wallets/[walletId]/transfers/complete/route";
import * as transfers from "./wallets/[walletId]/transfers/route";
import * as walletComplete from "./wallets/complete/route";
import * as wallets from "./wallets/route";

// A property-based fuzz test of every app route: bodies shaped by the route's zod schema with
// hostile values, or any JSON, text or bytes; path parameters real, someone else's or hostile;
// signed in (registered or not) or not, with the right Origin, another or none, or a forged
// cookie. (NextAuth's own endpoints need Next's request scope: they are covered by their own
// tests, app/api/auth/[...nextauth]/*.test.ts.) Whatever comes: never a 5xx, a refusal is JSON with `error.message`, and a refused
// request changes no row of the app's tables (except a refusal by Dfns of the credentials a
// registration or recovery forwarded: Dfns spent that challenge, and the app's row follows). FUZZ_RUNS cases per route (`npm run fuzz` runs
// more and prints the table).

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;
interface FuzzedRoute {
  path: string;
  module: RouteModule;
  schema?: unknown;
  params?: string[];
}

const ROUTES: FuzzedRoute[] = [
  { path: "/api/[...path]", module: catchAll, params: ["path"] },
  { path: "/api/auth/sign-up", module: signUp, schema: SignUpInput },
  { path: "/api/registration/start", module: registrationStart },
  { path: "/api/registration/complete", module: registrationComplete, schema: completeRegistrationSchema },
  { path: "/api/wallets", module: wallets, schema: addWalletSchema },
  { path: "/api/wallets/complete", module: walletComplete, schema: completeUserActionSchema },
  { path: "/api/wallets/[walletId]/activity", module: activity, params: ["walletId"] },
  { path: "/api/wallets/[walletId]/assets", module: assets, params: ["walletId"] },
  { path: "/api/wallets/[walletId]/signatures", module: signatures, schema: signMessageSchema, params: ["walletId"] },
  {
    path: "/api/wallets/[walletId]/signatures/complete",
    module: signatureComplete,
    schema: completeUserActionSchema,
    params: ["walletId"],
  },
  {
    path: "/api/wallets/[walletId]/signatures/typed-data",
    module: typedData,
    schema: signTypedDataSchema,
    params: ["walletId"],
  },
  {
    path: "/api/wallets/[walletId]/signatures/typed-data/complete",
    module: typedDataComplete,
    schema: completeUserActionSchema,
    params: ["walletId"],
  },
  { path: "/api/wallets/[walletId]/transfers", module: transfers, schema: sendSchema, params: ["walletId"] },
  {
    path: "/api/wallets/[walletId]/transfers/complete",
    module: transferComplete,
    schema: completeUserActionSchema,
    params: ["walletId"],
  },
  {
    path: "/api/wallets/[walletId]/transfers/[transferId]",
    module: transferStatus,
    params: ["walletId", "transferId"],
  },
  { path: "/api/credentials", module: credentials },
  { path: "/api/credentials/challenge", module: passkeyChallenge },
  { path: "/api/credentials/add", module: addPasskey, schema: addPasskeySchema },
  { path: "/api/credentials/add/complete", module: addPasskeyComplete, schema: completeUserActionSchema },
  { path: "/api/credentials/deactivate", module: deactivate, schema: deactivateCredentialSchema },
  { path: "/api/credentials/deactivate/complete", module: deactivateComplete, schema: completeUserActionSchema },
  { path: "/api/recovery/start", module: recoveryStart },
  { path: "/api/recovery/complete", module: recoveryComplete, schema: completeRecoverySchema },
];

/** The app's tables, whose rows a refused request must leave as they were (rate-limit counters aside: counting refusals is their job). */
const APP_TABLES = [
  "User",
  "Account",
  "Session",
  "VerificationToken",
  "DfnsUser",
  "Credential",
  "Wallet",
  "Signature",
  "Transfer",
  "PendingUserAction",
  "PendingRecovery",
  "PendingRegistration",
  "AuditEvent",
  "Lease",
] as const;

let app: AppHarness;
let owner: Awaited<ReturnType<typeof registeredUser>>;
let stranger: Awaited<ReturnType<typeof registeredUser>>;
let newcomer: AppUser;
const ids = { ownWallet: "", strangersWallet: "", ownTransfer: "", strangersCredential: "" };

beforeAll(async () => {
  app = await startApp();
  [owner, stranger] = await Promise.all([registeredUser(app), registeredUser(app)]);
  newcomer = await app.createUser();
  const walletOf = (user: AppUser) =>
    app.database.prisma.wallet.findFirstOrThrow({ where: { dfnsUser: { userId: user.id } } });
  ids.ownWallet = (await walletOf(owner.user)).id;
  ids.strangersWallet = (await walletOf(stranger.user)).id;
  ids.strangersCredential = (
    await app.database.prisma.credential.findFirstOrThrow({ where: { dfnsUser: { userId: stranger.user.id } } })
  ).id;
}, 120_000);
afterAll(async () => app?.close());

/**
 * Columns that are a cache, not state: a refused request may still have logged in at Dfns (to read
 * the balance its amount is checked against), and the end user's token is kept for the next call.
 */
const CACHE_COLUMNS: Partial<Record<(typeof APP_TABLES)[number], string[]>> = {
  DfnsUser: ["loginTokenSealed", "loginTokenExpiresAt", "updatedAt"],
};

/** One hash per app table, over every row as JSON (cache columns left out). */
async function tableHashes(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const table of APP_TABLES) {
    const left = (CACHE_COLUMNS[table] ?? []).map((column) => `'${column}'`).join(", ");
    const [row] = await app.database.prisma.$queryRawUnsafe<{ hash: string | null }[]>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS hash
       FROM (SELECT (to_jsonb(t) - ARRAY[${left}]::text[])::text AS r FROM "${table}" t) rows`,
    );
    hashes[table] = row?.hash ?? "";
  }
  return hashes;
}

const caller = fc.constantFrom("owner", "stranger", "newcomer", "nobody", "forged") as fc.Arbitrary<
  "owner" | "stranger" | "newcomer" | "nobody" | "forged"
>;
const originArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string | null>("app") },
  fc.constant(null),
  fc.constantFrom("https://evil.example", "null", "http://localhost", ""),
);
const idArb = () => fc.oneof(fc.constantFrom("own", "strangers"), hostileString(100));
const bytes = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString("latin1"));

function bodyArb(route: FuzzedRoute): fc.Arbitrary<{ raw?: string; body?: unknown }> {
  const json = fc.oneof(fc.jsonValue(), fc.object()).map((body) => ({ body }));
  const text = fc
    .oneof(hostileString(), bytes, fc.constantFrom("{", "[]", "null", '{"__proto__":{"x":1}}', '{"a":'.repeat(2000)))
    .map((raw) => ({ raw }));
  const shaped = route.schema ? [{ weight: 4, arbitrary: arbitraryFor(route.schema).map((body) => ({ body })) }] : [];
  return fc.oneof(
    ...shaped,
    { weight: 1, arbitrary: json },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

interface Finding {
  route: string;
  cases: number;
  serverErrors: number;
  nonJson: number;
  rowsChangedByRefusals: number;
  /** Refusals by Dfns of credentials the app forwarded (registration, recovery): their challenge is spent. */
  refusedByDfns: number;
  examples: string[];
}
const findings: Finding[] = [];

describe("fuzzing every app route", () => {
  it.each(ROUTES)(
    "$path",
    async (route) => {
      const methods = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => route.module[m]);
      const finding: Finding = {
        route: route.path,
        cases: 0,
        serverErrors: 0,
        nonJson: 0,
        rowsChangedByRefusals: 0,
        refusedByDfns: 0,
        examples: [],
      };
      findings.push(finding);
      const paramsArb = fc.record(Object.fromEntries((route.params ?? []).map((name) => [name, idArb()])));
      const note = (problem: string, input: unknown, status: number, text: string) => {
        if (finding.examples.length < 3)
          finding.examples.push(
            `${problem}: ${status} ${text.slice(0, 200)} for ${JSON.stringify(input).slice(0, 300)}`,
          );
      };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          caller,
          originArb,
          paramsArb,
          bodyArb(route),
          async (method, who, origin, rawParams, payload) => {
            finding.cases++;
            const params = Object.fromEntries(
              Object.entries(rawParams).map(([name, value]) => {
                const real =
                  name === "walletId"
                    ? { own: ids.ownWallet, strangers: ids.strangersWallet }
                    : { own: ids.ownTransfer || "none", strangers: "none" };
                const resolved = value === "own" || value === "strangers" ? real[value] : (value as string);
                return [name, name === "path" ? resolved.split("/") : resolved];
              }),
            );
            const user = { owner: owner.user, stranger: stranger.user, newcomer, nobody: null, forged: null }[who];
            const before = await tableHashes();
            const response = await app
              .call(route.module[method]!, user, {
                method,
                ...payload,
                ...(method === "GET" ? { body: undefined, raw: undefined } : {}),
                origin: origin === "app" ? getEnv().appOrigin : origin,
                params: params as Record<string, string>,
                ...(who === "forged" ? { cookie: "next-auth.session-token=eyJhbGciOiJIUzI1NiJ9.e30.forged" } : {}),
              })
              // A handler that throws is a 500 from Next.
              .catch((error: unknown) => new Response(`threw ${String(error)}`, { status: 500 }));
            const text = await response.text();
            const input = { method, who, origin, params, payload };
            if (response.status >= 500) {
              finding.serverErrors++;
              note("5xx", input, response.status, text);
            }
            if (response.status >= 400) {
              let message: unknown;
              let code: unknown;
              try {
                const { error } = JSON.parse(text) as { error?: { message?: unknown; code?: unknown } };
                [message, code] = [error?.message, error?.code];
              } catch {
                message = undefined;
              }
              if (typeof message !== "string" || message.length === 0) {
                finding.nonJson++;
                note("not JSON with error.message", input, response.status, text);
              }
              // Credentials Dfns itself refused spend their one-time challenge there: the app's copy follows.
              if (code === "credentials_refused") {
                finding.refusedByDfns++;
                return;
              }
              const after = await tableHashes();
              const changed = APP_TABLES.filter((table) => before[table] !== after[table]);
              if (changed.length > 0) {
                finding.rowsChangedByRefusals++;
                note(`rows changed (${changed.join(", ")})`, input, response.status, text);
              }
            }
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(finding.examples, finding.examples.join("\n")).toEqual([]);
    },
    30_000 + RUNS * 250,
  );

  afterAll(() => {
    console.log("\nFuzz run: cases per route (FUZZ_RUNS=%d)", RUNS);
    console.table(findings.map(({ examples: _examples, ...row }) => row));
  });
});
