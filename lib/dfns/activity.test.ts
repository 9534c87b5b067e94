import { describe, expect, it } from "vitest";
import type { Transfer } from "@/lib/generated/prisma/client";
import { mergeActivity } from "./activity";

// The merge of Dfns's wallet history with the app's own transfers, on plain data (the routes'
// tests run it against the sandbox's chain).

const wallet = { network: "EthereumSepolia" };
const ALICE = "0x1111111111111111111111111111111111111111";
const BOB = "0x2222222222222222222222222222222222222222";

function entry(over: Partial<Parameters<typeof mergeActivity>[1][number]>) {
  return {
    direction: "In" as const,
    txHash: "0xaa",
    timestamp: "2026-12-01T10:00:00.000Z",
    from: BOB,
    to: ALICE,
    value: "1500000000000000000",
    metadata: { asset: { symbol: "ETH", decimals: 18 } },
    ...over,
  };
}

function transfer(over: Partial<Transfer>): Transfer {
  const at = new Date("2026-12-01T11:00:00.000Z");
  return {
    id: "t1",
    walletId: "w1",
    externalId: "e1",
    dfnsTransferId: null,
    request: "{}",
    kind: "Native",
    token: null,
    symbol: "ETH",
    decimals: 18,
    amount: "250000000000000000",
    to: BOB,
    status: "Broadcasted",
    txHash: null,
    fee: null,
    reason: null,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    broadcastAt: null,
    confirmedAt: null,
    ...over,
  };
}

describe("mergeActivity", () => {
  it("lists history newest first with the other side, the amount in the asset's decimals and Confirmed", () => {
    const items = mergeActivity(
      wallet,
      [
        entry({}),
        entry({
          txHash: "0xbb",
          timestamp: "2026-12-01T12:00:00.000Z",
          value: "7",
          metadata: { asset: { symbol: "TUSD", decimals: 6 } },
        }),
      ],
      [],
    );
    expect(items.map((i) => [i.txHash, i.direction, i.counterparty, i.amount, i.symbol, i.status])).toEqual([
      ["0xbb", "In", BOB, "0.000007", "TUSD", "Confirmed"],
      ["0xaa", "In", BOB, "1.5", "ETH", "Confirmed"],
    ]);
  });

  it("shows an own transfer once: from history when it is there (with the app's id and status), else from the app", () => {
    const sent = transfer({ id: "t-sent", txHash: "0xcc", status: "Confirmed" });
    const pending = transfer({
      id: "t-pending",
      txHash: null,
      status: "Submitting",
      createdAt: new Date("2026-12-01T13:00:00.000Z"),
    });
    const failed = transfer({
      id: "t-failed",
      status: "Failed",
      reason: "insufficient funds for gas",
      createdAt: new Date("2026-12-01T09:00:00.000Z"),
    });
    const out = entry({
      direction: "Out",
      txHash: "0xcc",
      from: ALICE,
      to: BOB,
      value: "250000000000000000",
      timestamp: "2026-12-01T11:00:05.000Z",
    });
    const items = mergeActivity(wallet, [out, entry({})], [pending, sent, failed]);
    expect(items.map((i) => [i.key, i.direction, i.counterparty, i.amount, i.status])).toEqual([
      ["t-pending", "Out", BOB, "0.25", "Submitting"],
      ["t-sent", "Out", BOB, "0.25", "Confirmed"],
      ["0xaa::In", "In", BOB, "1.5", "Confirmed"],
      ["t-failed", "Out", BOB, "0.25", "Failed"],
    ]);
    expect(items.find((i) => i.key === "t-failed")?.reason).toBe("insufficient funds for gas");
    expect(items.find((i) => i.key === "t-sent")?.transferId).toBe("t-sent");
  });

  it("does not take an incoming entry for an own transfer with the same hash (a transfer to oneself shows both sides)", () => {
    const self = transfer({ id: "t-self", txHash: "0xdd", to: ALICE, status: "Confirmed" });
    const items = mergeActivity(
      wallet,
      [entry({ txHash: "0xdd", from: ALICE }), entry({ direction: "Out", txHash: "0xdd", from: ALICE })],
      [self],
    );
    expect(items.map((i) => [i.key, i.direction])).toEqual([
      ["0xdd::In", "In"],
      ["t-self", "Out"],
    ]);
  });
});
