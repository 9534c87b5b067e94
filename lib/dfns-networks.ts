// Plain data, safe anywhere: shared by the app (the doctor checks the configured networks against
// it) and the Dfns sandbox (an unknown name is a 400 there).

/**
 * Every network name @dfns/sdk accepts in `CreateWalletBody.network`
 * (generated/wallets/types.d.ts), in the SDK's order; the SDK has no runtime list. Data, copied
 * verbatim. `lib/sandbox/wallets/networks.test.ts` re-reads the SDK file, so an SDK upgrade that
 * changes the list fails loudly.
 */
export const DFNS_NETWORKS = [
  "Algorand", "AlgorandTestnet", "Aptos", "AptosTestnet", "ArbitrumOne", "ArbitrumGoerli", "ArbitrumSepolia",
  "ArcTestnet", "Areum", "AvalancheC", "AvalancheCFuji", "Adi", "AdiTestnet", "AdiTestnetAb", "BabylonGenesis",
  "BabylonTestnet5", "Base", "BaseGoerli", "BaseSepolia", "Berachain", "BerachainBArtio", "BerachainBepolia",
  "BesuTestnet", "Bitcoin", "BitcoinSignet", "BitcoinTestnet3", "BitcoinTestnet4", "BitcoinCash",
  "BitcoinCashTestnet", "Bob", "BobSepolia", "Bsc", "BscTestnet", "Canton", "CantonDevnet", "CantonTestnet",
  "Cardano", "CardanoPreprod", "Concordium", "ConcordiumTestnet", "Celo", "CeloAlfajores", "Codex",
  "CodexSepolia", "CosmosHub4", "CosmosIcsTestnet", "Dogecoin", "DogecoinTestnet", "Ethereum",
  "EthereumClassic", "EthereumClassicMordor", "EthereumGoerli", "EthereumSepolia", "EthereumHolesky",
  "EthereumHoodi", "FantomOpera", "FantomTestnet", "FlareC", "FlareCCoston2", "FlowEvm", "FlowEvmTestnet",
  "Hedera", "HederaTestnet", "Ink", "InkSepolia", "InternetComputer", "Ion", "IonTestnet", "Iota",
  "IotaTestnet", "IotaZodianet", "Kaspa", "KaspaTestnet11", "Kusama", "KusamaAssetHub", "Litecoin",
  "LitecoinTestnet", "Near", "NearTestnet", "Optimism", "OptimismGoerli", "OptimismSepolia", "Origyn", "Plasma",
  "PlasmaTestnet", "Plume", "PlumeSepolia", "Paseo", "PaseoAssetHub", "Polkadot", "PolkadotAssetHub", "Polygon",
  "PolygonAmoy", "PolygonMumbai", "Polymesh", "PolymeshTestnet", "Race", "RaceSepolia", "SeiAtlantic2",
  "SeiPacific1", "Solana", "SolanaDevnet", "Sonic", "SonicTestnet", "Starknet", "StarknetSepolia", "Stellar",
  "StellarTestnet", "Sui", "SuiTestnet", "Tezos", "TezosGhostnet", "TezosShadownet", "Tempo", "TempoAndantino",
  "TempoModerato", "Tsc", "TscTestnet1", "Ton", "TonTestnet", "Tron", "TronNile", "Westend", "WestendAssetHub",
  "Xdc", "XdcApothem", "XLayer", "XLayerSepolia", "XrpLedger", "XrpLedgerTestnet", "KeyECDSA", "KeyEdDSA",
  "KeyECDSAStark",
] as const;

/** Whether `network` is a name the SDK knows (case-sensitive, as Dfns reads it). */
export const isDfnsNetwork = (network: string): boolean => (DFNS_NETWORKS as readonly string[]).includes(network);
