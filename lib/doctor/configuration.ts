import { EnvError, parseEnv, type Env } from "@/lib/env";
import { isDfnsNetwork } from "@/lib/dfns-networks";
import { fail, note, ok, type CheckLine } from "./result";

// The configuration, parsed by the app's own rules (lib/env/schema.ts), then what they cannot see alone.

/** The parsed configuration and its lines; `env` is undefined when it cannot start. */
export function checkConfiguration(source: Record<string, string | undefined>): { env?: Env; lines: CheckLine[] } {
  let env: Env;
  try {
    // No secret is made or written for the doctor: it only reads.
    env = parseEnv(source, { localSecret: () => "" });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return {
      lines: error.problems.map((p) =>
        fail(
          `${p.variable} ${p.message}`,
          `Set ${p.variable} in .env (or your host's environment variables); .env.example describes it.`,
        ),
      ),
    };
  }
  const lines = [ok(`Configuration: ${env.dfns.mode} mode, every variable present and well-formed`)];
  if (env.dfns.mode === "live" && env.auth.secretSource === "local") {
    lines.push(
      fail(
        "NEXTAUTH_SECRET is not set: sessions would be signed with a secret made on one machine",
        "Generate one with `openssl rand -base64 32` and set the same NEXTAUTH_SECRET on every server.",
      ),
    );
  }
  lines.push(
    ok(
      `Passkeys: PASSKEY_RP_ID ${env.passkey.rpId} fits APP_ORIGIN ${env.appOrigin} (the browser makes passkeys for it there)`,
    ),
  );
  lines.push(...checkNetworks(env));
  return { env, lines };
}

function checkNetworks(env: Env): CheckLine[] {
  const configured = [
    ...env.walletNetworks.map((network) => ({ network, variable: "DFNS_WALLET_NETWORKS" })),
    ...env.extraWalletNetworks.map((network) => ({ network, variable: "DFNS_EXTRA_WALLET_NETWORKS" })),
  ];
  const unknown = configured.filter(({ network }) => !isDfnsNetwork(network));
  const lines = unknown.map(({ network, variable }) =>
    fail(
      `${variable}: ${network} is not a network @dfns/sdk knows`,
      "Use Dfns's network names, spelt as the SDK spells them (case matters), e.g. EthereumSepolia, SolanaDevnet, BaseSepolia.",
    ),
  );
  if (unknown.length === 0 && configured.length > 0) {
    lines.push(ok(`Wallet networks known to @dfns/sdk: ${configured.map((c) => c.network).join(", ")}`));
  }
  if (env.walletNetworks.length === 0)
    lines.push(note("Registration creates no wallets (DFNS_WALLET_NETWORKS=none): users add them on the wallet page"));
  return lines;
}
