import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_ACCOUNT_OPERATIONS } from "@/lib/sandbox";
import { dfnsError, registerUser, startSandbox, uniqueEmail, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(async () => h.close());

const serviceAccountId = (h: Harness) =>
  (
    JSON.parse(Buffer.from(h.credentials.DFNS_AUTH_TOKEN.split(".")[1]!, "base64url").toString()) as Record<
      string,
      { userId: string }
    >
  )["https://custom/app_metadata"]!.userId;

describe("service accounts", () => {
  it("reads itself: its permissions' operations and its token, in the SDK's shape", async () => {
    const account = await h.serviceAccount.auth.getServiceAccount({ serviceAccountId: serviceAccountId(h) });
    expect(account.userInfo).toMatchObject({
      userId: serviceAccountId(h),
      isServiceAccount: true,
      isActive: true,
      orgId: h.credentials.DFNS_ORG_ID,
    });
    expect(account.userInfo.permissionAssignments.flatMap((a) => a.operations ?? [])).toEqual(
      SERVICE_ACCOUNT_OPERATIONS,
    );
    expect(account.accessTokens[0]).toMatchObject({
      credId: h.credentials.DFNS_CRED_ID,
      isActive: true,
      kind: "ServiceAccount",
    });
    expect(
      (await dfnsError(() => h.serviceAccount.auth.getServiceAccount({ serviceAccountId: "us-nobody" }))).httpStatus,
    ).toBe(404);
  });

  it("is refused an operation its permissions do not grant (403 naming it), and only that one", async () => {
    const user = await registerUser(h);
    h.config.serviceAccountOperations = SERVICE_ACCOUNT_OPERATIONS.filter((op) => op !== "Auth:Register:Delegated");
    try {
      const refused = await dfnsError(() =>
        h.serviceAccount.auth.createDelegatedRegistrationChallenge({ body: { kind: "EndUser", email: uniqueEmail() } }),
      );
      expect(refused).toMatchObject({ httpStatus: 403, message: expect.stringContaining("(Auth:Register:Delegated)") });
      expect((await h.serviceAccount.auth.delegatedLogin({ body: { username: user.email } })).token).toBeTruthy();
      const account = await h.serviceAccount.auth.getServiceAccount({ serviceAccountId: serviceAccountId(h) });
      expect(account.userInfo.permissionAssignments.flatMap((a) => a.operations ?? [])).not.toContain(
        "Auth:Register:Delegated",
      );
    } finally {
      h.config.serviceAccountOperations = [...SERVICE_ACCOUNT_OPERATIONS];
    }
  });
});
