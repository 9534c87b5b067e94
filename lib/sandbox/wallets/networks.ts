import { badRequest } from "@/lib/sandbox/errors";

export type Curve = "secp256k1" | "ed25519";
export type Scheme = "ECDSA" | "EdDSA";
export type NetworkFamily = "evm" | "bitcoin" | "solana" | "tron" | "key";

export interface NetworkSpec {
  network: string;
  family: NetworkFamily;
  curve: Curve;
  scheme: Scheme;
  testnet: boolean;
}

import { DFNS_NETWORKS } from "@/lib/dfns-networks";

export { DFNS_NETWORKS };

export type DfnsNetwork = (typeof DFNS_NETWORKS)[number];

// The EVM chains are the SDK's own EIP-1559 fee networks (`GetFeesResponse` kind "Eip1559" in
// generated/networks/types.d.ts), split here by mainnet / testnet.
const EVM_MAINNETS = [
  "Adi",
  "ArbitrumOne",
  "Areum",
  "AvalancheC",
  "Base",
  "Berachain",
  "Bob",
  "Bsc",
  "Celo",
  "Codex",
  "Ethereum",
  "EthereumClassic",
  "FantomOpera",
  "FlareC",
  "FlowEvm",
  "Ink",
  "Optimism",
  "Plasma",
  "Plume",
  "Polygon",
  "Race",
  "Sonic",
  "Tempo",
  "Tsc",
  "Xdc",
  "XLayer",
] as const satisfies readonly DfnsNetwork[];
const EVM_TESTNETS = [
  "AdiTestnet",
  "AdiTestnetAb",
  "ArbitrumGoerli",
  "ArbitrumSepolia",
  "ArcTestnet",
  "AvalancheCFuji",
  "BaseGoerli",
  "BaseSepolia",
  "BerachainBArtio",
  "BerachainBepolia",
  "BesuTestnet",
  "BobSepolia",
  "BscTestnet",
  "CeloAlfajores",
  "CodexSepolia",
  "EthereumClassicMordor",
  "EthereumGoerli",
  "EthereumSepolia",
  "EthereumHolesky",
  "EthereumHoodi",
  "FantomTestnet",
  "FlareCCoston2",
  "FlowEvmTestnet",
  "InkSepolia",
  "OptimismGoerli",
  "OptimismSepolia",
  "PlasmaTestnet",
  "PlumeSepolia",
  "PolygonAmoy",
  "PolygonMumbai",
  "RaceSepolia",
  "SonicTestnet",
  "TempoAndantino",
  "TempoModerato",
  "TscTestnet1",
  "XdcApothem",
  "XLayerSepolia",
] as const satisfies readonly DfnsNetwork[];

type SpecBody = Omit<NetworkSpec, "network">;
const ecdsa = (family: NetworkFamily, testnet: boolean): SpecBody => ({
  family,
  curve: "secp256k1",
  scheme: "ECDSA",
  testnet,
});
const eddsa = (family: NetworkFamily, testnet: boolean): SpecBody => ({
  family,
  curve: "ed25519",
  scheme: "EdDSA",
  testnet,
});

// What the sandbox implements. Everything else in DFNS_NETWORKS is refused at wallet creation,
// rather than handing out an address in a format we can't vouch for.
const SPECS: Partial<Record<DfnsNetwork, SpecBody>> = {
  ...Object.fromEntries(EVM_MAINNETS.map((n) => [n, ecdsa("evm", false)])),
  ...Object.fromEntries(EVM_TESTNETS.map((n) => [n, ecdsa("evm", true)])),
  Bitcoin: ecdsa("bitcoin", false),
  BitcoinSignet: ecdsa("bitcoin", true),
  BitcoinTestnet3: ecdsa("bitcoin", true),
  BitcoinTestnet4: ecdsa("bitcoin", true),
  Solana: eddsa("solana", false),
  SolanaDevnet: eddsa("solana", true),
  Tron: ecdsa("tron", false),
  TronNile: ecdsa("tron", true),
  KeyECDSA: ecdsa("key", false),
  KeyEdDSA: eddsa("key", false),
};

export const SUPPORTED_NETWORKS: readonly string[] = Object.freeze(DFNS_NETWORKS.filter((n) => n in SPECS));

const KNOWN = new Set<string>(DFNS_NETWORKS);

export function resolveNetwork(network: string): NetworkSpec {
  if (!KNOWN.has(network)) throw badRequest(`Unknown network: ${network}`, { field: "network" });
  const spec = SPECS[network as DfnsNetwork];
  if (!spec) {
    throw badRequest(
      `Network ${network} is not supported by the Dfns sandbox (supported: ${SUPPORTED_NETWORKS.join(", ")})`,
      { field: "network" },
    );
  }
  return { network, ...spec };
}
