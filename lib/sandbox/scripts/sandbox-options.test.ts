import { describe, expect, it } from "vitest";
import { sandboxConfig } from "@/lib/sandbox";
import { standaloneOptions } from "./sandbox-options";

describe("standalone sandbox options", () => {
  it("answer as Dfns documents by default", () => {
    expect(sandboxConfig(standaloneOptions({}).config).behaviour).toEqual({
      userExistsStatus: 401,
      unfinishedRegistration: "fresh-challenge",
      challengeRp: "configured",
      policyApproval: false,
    });
  });

  it("set each behaviour switch from the environment, and ignore what they do not know", () => {
    const { behaviour } = sandboxConfig(
      standaloneOptions({
        SANDBOX_USER_EXISTS_STATUS: "409",
        SANDBOX_UNFINISHED_REGISTRATION: "user-exists",
        SANDBOX_CHALLENGE_RP: "other.example",
        SANDBOX_POLICY_APPROVAL: "1",
      }).config,
    );
    expect(behaviour).toEqual({
      userExistsStatus: 409,
      unfinishedRegistration: "user-exists",
      challengeRp: { id: "other.example", name: "other.example" },
      policyApproval: true,
    });
    expect(
      sandboxConfig(standaloneOptions({ SANDBOX_CHALLENGE_RP: "omitted", SANDBOX_USER_EXISTS_STATUS: "418" }).config)
        .behaviour,
    ).toMatchObject({
      challengeRp: "omitted",
      userExistsStatus: 401,
    });
  });
});
