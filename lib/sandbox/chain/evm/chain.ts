import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import {
  createPublicClient,
  decodeEventLog,
  encodeFunctionData,
  http,
  keccak256,
  parseGwei,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { writeFileAtomic } from "../atomic-file";
import { KeyedLock } from "../keyed-lock";
import { startAnvil, type AnvilNode } from "./anvil";
import { FAUCET_ACCOUNT, TOKEN_ABI, TOKEN_ADDRESS, TOKEN_BYTECODE } from "./token";

export type Priority = "Slow" | "Standard" | "Fast";

/** The EIP-1559 tip each Dfns priority pays; the fee cap leaves room for the base fee to double. */
export const PRIORITY_TIP: Record<Priority, bigint> = {
  Slow: parseGwei("0.1"),
  Standard: parseGwei("1"),
  Fast: parseGwei("2"),
};

export interface EvmTransfer {
  kind: "Native" | "Erc20";
  txHash: Hex;
  blockNumber: number;
  /** Transaction index for native, log index for token transfers: unique within a block. */
  index: number;
  from: Address;
  to: Address;
  value: bigint;
  timestamp: Date;
  contract?: Address;
  /** Paid by the sender of the transaction (gas used × effective gas price); native transfers only. */
  fee?: bigint;
}

export interface SendRequest {
  from: PrivateKeyAccount;
  to: Address;
  value?: bigint;
  data?: Hex;
  priority?: Priority;
}

export interface SignedTransaction {
  hash: Hex;
  raw: Hex;
  /** The most this transaction can cost the sender: value + gas limit × fee cap. */
  maxCost: bigint;
  gas: bigint;
}

const TRANSFER_EVENT = TOKEN_ABI.find((item) => item.type === "event" && item.name === "Transfer")!;

/**
 * One local EVM network: an anvil process with that network's chain id, the test token at its
 * fixed address, and the chain's state saved to `stateFile` after every transaction (anvil's
 * `anvil_dumpState`, written atomically) and loaded back on the next start.
 */
export class EvmChain {
  readonly client: PublicClient;
  private readonly senders = new KeyedLock();
  private saving: Promise<void> = Promise.resolve();
  private indexed = { block: 0n, transfers: [] as EvmTransfer[] };
  private indexing: Promise<EvmTransfer[]> | undefined;

  private constructor(
    readonly network: string,
    readonly chainId: number,
    private readonly node: AnvilNode,
    private readonly stateFile: string,
  ) {
    this.client = createPublicClient({ transport: http(node.rpcUrl, { retryCount: 0 }) });
  }

  static async start(network: string, chainId: number, stateFile: string): Promise<EvmChain> {
    const node = await startAnvil(chainId);
    const chain = new EvmChain(network, chainId, node, stateFile);
    try {
      if (existsSync(stateFile)) {
        await chain.rpc("anvil_loadState", [(await readFile(stateFile, "utf8")).trim()]).catch((error: unknown) => {
          throw new Error(
            `anvil could not load ${stateFile} (${error instanceof Error ? error.message : error}); delete it to start this chain afresh`,
          );
        });
      }
      await chain.deployToken();
    } catch (error) {
      await node.process.stop();
      throw error;
    }
    return chain;
  }

  get rpcUrl() {
    return this.node.rpcUrl;
  }

  /** True until the anvil process ends (stopped, or killed from outside). */
  get running() {
    return this.node.process.child.exitCode === null && this.node.process.child.signalCode === null;
  }

  private async rpc<T>(method: string, params: unknown[] = []): Promise<T> {
    return (await this.client.request({ method: method as never, params: params as never })) as T;
  }

  /** First start: the faucet account's first transaction deploys the token (nonce 0 → fixed address). */
  private async deployToken() {
    if (await this.client.getCode({ address: TOKEN_ADDRESS })) return;
    const { hash } = await this.send({
      from: FAUCET_ACCOUNT,
      to: undefined as unknown as Address,
      data: TOKEN_BYTECODE,
    });
    const receipt = await this.client.getTransactionReceipt({ hash });
    if (receipt.contractAddress?.toLowerCase() !== TOKEN_ADDRESS)
      throw new Error(`The test token landed at ${receipt.contractAddress}, not ${TOKEN_ADDRESS}`);
  }

  balance(address: Address) {
    return this.client.getBalance({ address });
  }

  tokenBalance(address: Address) {
    return this.client.readContract({
      address: TOKEN_ADDRESS,
      abi: TOKEN_ABI,
      functionName: "balanceOf",
      args: [address],
    }) as Promise<bigint>;
  }

  /**
   * Signs an EIP-1559 transaction with the sender's own key (nonce, gas and fees from the chain)
   * and hands it to `beforeBroadcast` (which records the hash), then broadcasts it raw and saves
   * the chain. Per sender one at a time, so nonces never collide. `check` may refuse before
   * anything is broadcast (insufficient balance): it sees the transaction's maximum cost.
   */
  async send(
    request: SendRequest,
    hooks: {
      check?: (tx: SignedTransaction) => Promise<void>;
      beforeBroadcast?: (tx: SignedTransaction) => Promise<void>;
    } = {},
  ): Promise<SignedTransaction> {
    const signed = await this.senders.run(request.from.address, async () => {
      const [nonce, block] = await Promise.all([
        this.client.getTransactionCount({ address: request.from.address, blockTag: "pending" }),
        this.client.getBlock({ blockTag: "latest" }),
      ]);
      const tip = PRIORITY_TIP[request.priority ?? "Standard"];
      const maxFeePerGas = (block.baseFeePerGas ?? 0n) * 2n + tip;
      const gas = await this.client.estimateGas({
        account: request.from.address,
        to: request.to,
        value: request.value,
        data: request.data,
      });
      const raw = await request.from.signTransaction({
        type: "eip1559",
        chainId: this.chainId,
        nonce,
        to: request.to,
        value: request.value ?? 0n,
        data: request.data,
        gas,
        maxFeePerGas,
        maxPriorityFeePerGas: tip,
      });
      const tx: SignedTransaction = {
        hash: keccak256(raw),
        raw,
        gas,
        maxCost: (request.value ?? 0n) + gas * maxFeePerGas,
      };
      await hooks.check?.(tx);
      await hooks.beforeBroadcast?.(tx);
      await this.client.sendRawTransaction({ serializedTransaction: raw });
      return tx;
    });
    await this.save();
    return signed;
  }

  /** The call data of the test token's `transfer(to, amount)`. */
  erc20TransferData(to: Address, amount: bigint): Hex {
    return encodeFunctionData({ abi: TOKEN_ABI, functionName: "transfer", args: [to, amount] });
  }

  /** Saves the chain (all blocks, receipts and accounts) after the transactions sent so far. */
  save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.running) return;
      await writeFileAtomic(this.stateFile, await this.rpc<string>("anvil_dumpState"));
    });
    return this.saving;
  }

  receipt(hash: Hex) {
    return this.client.getTransactionReceipt({ hash }).catch(() => undefined);
  }

  async knows(hash: Hex): Promise<boolean> {
    return (await this.client.getTransaction({ hash }).catch(() => undefined)) !== undefined;
  }

  /** Every native value transfer and test-token Transfer event on this chain, oldest first. */
  transfers(): Promise<EvmTransfer[]> {
    this.indexing ??= this.indexNewBlocks().finally(() => (this.indexing = undefined));
    return this.indexing;
  }

  // The chain has no address index; the sandbox reads each new block once (a local chain has a
  // block per transaction) and keeps the transfers in memory, rebuilt from the blocks on start.
  private async indexNewBlocks(): Promise<EvmTransfer[]> {
    // Not viem's cached block number (up to 4 s old): a transfer mined just before this read
    // would be missing from the history until a later read.
    const latest = await this.client.getBlockNumber({ cacheTime: 0 });
    const from = this.indexed.block + 1n;
    if (latest < from) return this.indexed.transfers;
    const found: EvmTransfer[] = [];
    const timestamps = new Map<bigint, Date>();
    for (let n = from; n <= latest; n++) {
      const block = await this.client.getBlock({ blockNumber: n, includeTransactions: true });
      timestamps.set(n, new Date(Number(block.timestamp) * 1000));
      for (const tx of block.transactions) {
        if (!tx.to || tx.value === 0n) continue;
        const receipt = await this.client.getTransactionReceipt({ hash: tx.hash });
        if (receipt.status !== "success") continue;
        found.push({
          kind: "Native",
          txHash: tx.hash,
          blockNumber: Number(n),
          index: tx.transactionIndex ?? 0,
          from: lower(tx.from),
          to: lower(tx.to),
          value: tx.value,
          timestamp: timestamps.get(n)!,
          fee: receipt.gasUsed * receipt.effectiveGasPrice,
        });
      }
    }
    const logs = await this.client.getLogs({ address: TOKEN_ADDRESS, fromBlock: from, toBlock: latest });
    for (const log of logs) {
      const { args } = decodeEventLog({ abi: [TRANSFER_EVENT], data: log.data, topics: log.topics }) as unknown as {
        args: { from: Address; to: Address; value: bigint };
      };
      found.push({
        kind: "Erc20",
        txHash: log.transactionHash!,
        blockNumber: Number(log.blockNumber),
        index: log.logIndex!,
        contract: TOKEN_ADDRESS,
        from: lower(args.from),
        to: lower(args.to),
        value: args.value,
        timestamp: timestamps.get(log.blockNumber!)!,
      });
    }
    found.sort((a, b) => a.blockNumber - b.blockNumber || a.index - b.index);
    this.indexed = { block: latest, transfers: [...this.indexed.transfers, ...found] };
    return this.indexed.transfers;
  }

  /** Saves the chain, then ends anvil. */
  async stop(): Promise<void> {
    await this.save().catch(() => {});
    await this.node.process.stop();
  }
}

const lower = (address: string) => address.toLowerCase() as Address;
