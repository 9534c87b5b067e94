import type { StartTestDfns } from "./test-dfns";

/** This tree has no local sandbox: no Dfns for route tests (see lib/testing/test-dfns.ts). */
export type TestDfnsSwitches = Record<string, unknown>;
export const startTestDfns: StartTestDfns<TestDfnsSwitches> | null = null;
