import { z } from "zod";
import { brand } from "../brand";
import { appOrigin, httpUrl, networkList, pemPrivateKey } from "./fields";
import { isValidRpId } from "./passkey-domain";

const DFNS_VARIABLES = ["DFNS_API_URL", "DFNS_AUTH_TOKEN", "DFNS_CRED_ID", "DFNS_PRIVATE_KEY"] as const;

const SECRET = z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional();

/** Every variable: its type, its default, and what is said when its value does not fit. */
const variables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
  DFNS_API_URL: httpUrl("must be an https:// URL (http:// only for localhost), e.g. https://api.dfns.io")
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  DFNS_AUTH_TOKEN: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/,
      "must be the service account's token (a JWT: three parts separated by dots)",
    )
    .optional(),
  DFNS_CRED_ID: z.string().regex(/^\S+$/, "must be the service account key's credential id (no spaces)").optional(),
  DFNS_PRIVATE_KEY: pemPrivateKey(
    "must be an unencrypted PEM private key (-----BEGIN PRIVATE KEY----- …); newlines may be written as \\n",
  ).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection string")
    .optional(),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  APP_ORIGIN: z.string().default("http://localhost:3000").pipe(appOrigin),
  PASSKEY_RP_ID: z.string().toLowerCase().optional(),
  PASSKEY_RP_NAME: z.string().max(64, "must be at most 64 characters").default(brand.name),
  DFNS_WALLET_NETWORKS: networkList({ default: "EthereumSepolia,SolanaDevnet", atLeastOne: true }),
  DFNS_EXTRA_WALLET_NETWORKS: networkList({ default: "BaseSepolia", example: "BaseSepolia,ArbitrumSepolia" }),
  NEXTAUTH_SECRET: SECRET,
  AUTH_SECRET: SECRET,
  NEXTAUTH_URL: httpUrl("must be an https:// URL (http:// only for localhost)").optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
});
export type Variables = z.output<typeof variables>;

/** Empty (or blank) values count as unset; everything else is trimmed. */
function blankAsUnset(source: unknown): Record<string, string> {
  const values = source as Record<string, string | undefined>;
  return Object.fromEntries(
    Object.keys(variables.shape).flatMap((name) => (values[name]?.trim() ? [[name, values[name].trim()]] : [])),
  );
}

/**
 * `given`: the variables that are set (only whether each is set is read); `valid`: those whose
 * value fits (a malformed one counts as unset here: its own message already names it).
 */
type Facts = { given: Partial<Variables>; valid: Partial<Variables>; sandboxIncluded: boolean };

/** The rules between variables: each names the variables it finds wrong, with its message. */
const RULES: { names: (facts: Facts) => readonly string[]; message: string }[] = [
  {
    names: ({ given, sandboxIncluded }) =>
      !sandboxIncluded && DFNS_VARIABLES.every((name) => given[name] === undefined) ? DFNS_VARIABLES : [],
    message:
      "is missing: this build has no local Dfns sandbox, so it needs a real Dfns organization (see .env.example)",
  },
  {
    names: ({ given }) => {
      const missing = DFNS_VARIABLES.filter((name) => given[name] === undefined);
      return missing.length < DFNS_VARIABLES.length ? missing : [];
    },
    message: `is missing: live Dfns needs all of ${DFNS_VARIABLES.join(", ")} (unset them all for the local sandbox)`,
  },
  {
    names: ({ valid: { APP_ORIGIN: origin, PASSKEY_RP_ID: rpId } }) =>
      origin && !isValidRpId(rpId ?? origin.hostname, origin.hostname) ? ["PASSKEY_RP_ID"] : [],
    message:
      "must be the host of APP_ORIGIN or a registrable parent domain of it: passkeys only work on pages under their RP ID",
  },
  {
    names: ({ valid }) =>
      valid.DFNS_WALLET_NETWORKS?.length === 0 && valid.DFNS_EXTRA_WALLET_NETWORKS?.length === 0
        ? ["DFNS_EXTRA_WALLET_NETWORKS"]
        : [],
    message: "must name the networks users can add wallets on when DFNS_WALLET_NETWORKS is none",
  },
  ...(
    [
      ["GITHUB_ID", "GITHUB_SECRET", "GitHub"],
      ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "Google"],
    ] as const
  ).map(([id, secret, provider]) => ({
    names: ({ given }: Facts) => (given[id] && !given[secret] ? [secret] : !given[id] && given[secret] ? [id] : []),
    message: `is missing: set both ${id} and ${secret} to offer ${provider} sign-in, or neither`,
  })),
  {
    names: ({ valid }) =>
      valid.NODE_ENV === "production" &&
      DFNS_VARIABLES.every((name) => valid[name]) &&
      !valid.NEXTAUTH_SECRET &&
      !valid.AUTH_SECRET
        ? ["NEXTAUTH_SECRET"]
        : [],
    message: "is required in production with live Dfns (or AUTH_SECRET); generate one with: openssl rand -base64 32",
  },
];

/**
 * The variables of `source`, each checked on its own, then the rules between them; every problem
 * is an issue whose path is the variable it names.
 */
export const variablesSchema = (sandboxIncluded: boolean) =>
  z.preprocess(
    blankAsUnset,
    variables.superRefine(
      (given, ctx) => {
        const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
        const valid = Object.fromEntries(Object.entries(given).filter(([name]) => !failed.has(name)));
        for (const { names, message } of RULES) {
          for (const name of names({ given, valid, sandboxIncluded }))
            ctx.addIssue({ code: "custom", path: [name], message });
        }
      },
      // Also when a variable is malformed, so that one message lists every problem.
      { when: () => true },
    ),
  );
