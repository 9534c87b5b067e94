import { DFNS_NETWORKS } from "../../wallets/networks";

/**
 * The chain id each EVM network's local chain runs with: the real network's, so that what is
 * signed for it (EIP-155 / EIP-1559 chain id) is what the real network would expect.
 */
const CHAIN_IDS: Record<string, number> = {
  Ethereum: 1,
  EthereumSepolia: 11155111,
  EthereumHolesky: 17000,
  EthereumHoodi: 560048,
  EthereumGoerli: 5,
  Base: 8453,
  BaseSepolia: 84532,
  BaseGoerli: 84531,
  ArbitrumOne: 42161,
  ArbitrumSepolia: 421614,
  ArbitrumGoerli: 421613,
  Optimism: 10,
  OptimismSepolia: 11155420,
  OptimismGoerli: 420,
  Polygon: 137,
  PolygonAmoy: 80002,
  PolygonMumbai: 80001,
  Bsc: 56,
  BscTestnet: 97,
  AvalancheC: 43114,
  AvalancheCFuji: 43113,
  Celo: 42220,
  CeloAlfajores: 44787,
  FantomOpera: 250,
  FantomTestnet: 4002,
  Ink: 57073,
  InkSepolia: 763373,
  Berachain: 80094,
  BerachainBepolia: 80069,
  Bob: 60808,
  BobSepolia: 808813,
  EthereumClassic: 61,
  EthereumClassicMordor: 63,
  FlareC: 14,
  FlareCCoston2: 114,
  Xdc: 50,
  XdcApothem: 51,
  Sonic: 146,
  XLayer: 196,
};

const NATIVE_SYMBOLS: Record<string, string> = {
  Polygon: "POL",
  PolygonAmoy: "POL",
  PolygonMumbai: "MATIC",
  Bsc: "BNB",
  BscTestnet: "BNB",
  AvalancheC: "AVAX",
  AvalancheCFuji: "AVAX",
  Celo: "CELO",
  CeloAlfajores: "CELO",
  FantomOpera: "FTM",
  FantomTestnet: "FTM",
  Berachain: "BERA",
  BerachainBepolia: "BERA",
  EthereumClassic: "ETC",
  EthereumClassicMordor: "ETC",
  FlareC: "FLR",
  FlareCCoston2: "C2FLR",
  Xdc: "XDC",
  XdcApothem: "XDC",
  Sonic: "S",
  SonicTestnet: "S",
  XLayer: "OKB",
  XLayerSepolia: "OKB",
};

/** Above every public chain id in use we know of: an unknown network cannot pose as a real one. */
const UNLISTED_CHAIN_ID_BASE = 4_200_000_000;

/**
 * The local chain id of an EVM network: the real one from the table, else (networks whose id we
 * did not list) 4,200,000,000 + the network's position in the SDK's network list: stable, and
 * distinct from the listed ones.
 */
export function evmChainId(network: string): number {
  return CHAIN_IDS[network] ?? UNLISTED_CHAIN_ID_BASE + (DFNS_NETWORKS as readonly string[]).indexOf(network);
}

export const evmNativeAsset = (network: string) => ({ symbol: NATIVE_SYMBOLS[network] ?? "ETH", decimals: 18 });
