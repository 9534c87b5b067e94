import type { StartTestDfns } from "./test-dfns";

/** This tree has no local sandbox: no Dfns for route tests (see lib/testing/test-dfns.ts). */
export type TestDfnsSwitches = Record<string, unknown>;
// Any shape: the files that read it are skipped here, and only have to type-check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TestDfnsStore = any;
export const startTestDfns: StartTestDfns<TestDfnsSwitches, TestDfnsStore> | null = null;
