import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import {
  address, appendTransactionMessageInstruction, createKeyPairSignerFromPrivateKeyBytes, createTransactionMessage,
  getSignatureFromTransaction, lamports, pipe, setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash, signTransactionMessageWithSigners,
} from "@solana/kit";
import { getTransferSolInstruction } from "@solana-program/system";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";
import { base58 } from "@scure/base";
import { KeyedLock } from "../keyed-lock";

export interface SolanaResult {
  signature: string;
  slot: bigint;
  /** Lamports the sender paid on top of the amount (the VM's own accounting). */
  fee: bigint;
  /** Undefined when the transaction succeeded. */
  error?: string;
}

/**
 * One local Solana network: LiteSVM, a Solana VM inside this process (no validator, no RPC).
 * Its whole state is saved to `stateFile` after every transaction (`saveToFile`, then an atomic
 * rename) and restored on start. Calls are synchronous, so transactions never interleave.
 */
export class SolanaChain {
  // One transaction at a time, from building its message (which takes the current blockhash) to
  // saving the state after it.
  private readonly queue = new KeyedLock();

  private constructor(readonly network: string, private readonly svm: LiteSVM, private readonly stateFile: string) {}

  static open(network: string, stateFile: string): SolanaChain {
    const svm = existsSync(stateFile) ? LiteSVM.loadFromFile(stateFile) : new LiteSVM().withTransactionHistory(100_000n);
    return new SolanaChain(network, svm, stateFile);
  }

  balance(owner: string): bigint {
    return this.svm.getBalance(address(owner)) ?? 0n;
  }

  get slot(): bigint {
    return this.svm.getClock().slot;
  }

  /** A system-program transfer signed with the sender's ed25519 key (32-byte seed, hex). */
  transfer(privateKeyHex: string, to: string, amount: bigint, beforeSend?: (signature: string) => Promise<unknown>): Promise<SolanaResult> {
    return this.queue.run("", async () => {
      const signer = await createKeyPairSignerFromPrivateKeyBytes(Buffer.from(privateKeyHex, "hex"));
      const message = pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayerSigner(signer, m),
        (m) => setTransactionMessageLifetimeUsingBlockhash({ blockhash: this.svm.latestBlockhash(), lastValidBlockHeight: 0n }, m),
        (m) => appendTransactionMessageInstruction(getTransferSolInstruction({ source: signer, destination: address(to), amount: lamports(amount) }), m),
      );
      const transaction = await signTransactionMessageWithSigners(message);
      await beforeSend?.(getSignatureFromTransaction(transaction));
      const before = this.balance(signer.address);
      const outcome = this.svm.sendTransaction(transaction);
      const failed = outcome instanceof FailedTransactionMetadata;
      const spent = before - this.balance(signer.address);
      return this.commit({ signature: getSignatureFromTransaction(transaction), fee: failed ? spent : spent - amount, error: failed ? failure(outcome) : undefined });
    });
  }

  /** LiteSVM's airdrop: a real transfer from its built-in funded account. */
  airdrop(to: string, amount: bigint): Promise<SolanaResult> {
    return this.queue.run("", async () => {
      const outcome = this.svm.airdrop(address(to), lamports(amount));
      if (!outcome) throw new Error("The Solana airdrop did not run");
      const meta = outcome instanceof FailedTransactionMetadata ? outcome.meta() : outcome;
      return this.commit({ signature: base58.encode(meta.signature()), fee: 0n, error: outcome instanceof FailedTransactionMetadata ? failure(outcome) : undefined });
    });
  }

  // A new slot and blockhash after every transaction: the next identical transfer is a new
  // transaction (same message and blockhash would be the same signature, refused as a replay).
  private async commit(result: Omit<SolanaResult, "slot">): Promise<SolanaResult> {
    const slot = this.slot;
    this.svm.warpToSlot(slot + 1n);
    this.svm.expireBlockhash();
    await this.save();
    return { ...result, slot };
  }

  async save(): Promise<void> {
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    this.svm.saveToFile(temporary);
    await rename(temporary, this.stateFile);
  }
}

/** The program's own words for a failed transaction (e.g. "Transfer: insufficient lamports 5, need 9"). */
function failure(outcome: FailedTransactionMetadata): string {
  const logs = outcome.meta().logs();
  const said = logs.find((line) => !/^Program \w+ (invoke|success|failed)/.test(line));
  return said ? said.replace(/^Program log: /, "") : `Transaction failed on chain: ${logs.at(-1) ?? "no logs"}`;
}
