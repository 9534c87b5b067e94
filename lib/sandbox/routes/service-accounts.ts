import { authenticateServiceAccount, requireOperation } from "../auth";
import { notFound } from "../errors";
import { json } from "../http";
import type { Route } from "../router";

// GET /auth/service-accounts/:serviceAccountId: the service account, its permissions and its
// token, in the SDK's GetServiceAccountResponse shape. The sandbox has one service account,
// which may read itself (what `npm run doctor` does to list its permissions).
const get: Route = {
  method: "GET",
  pattern: "/auth/service-accounts/:serviceAccountId",
  async handler(ctx) {
    const caller = await authenticateServiceAccount(ctx);
    requireOperation(ctx, caller, "Auth:ServiceAccounts:Read");
    const { sandbox } = ctx;
    if (ctx.params.serviceAccountId !== sandbox.org.serviceAccountId) throw notFound("Service account not found");
    const key = await sandbox.prisma.sandboxCredential.findUniqueOrThrow({
      where: { credId: sandbox.org.serviceAccountCredId },
    });
    const permissionAssignments = [
      {
        permissionName: "Sandbox service account",
        permissionId: "pm-sandbox",
        assignmentId: "as-sandbox",
        operations: [...sandbox.config.serviceAccountOperations],
      },
    ];
    return json({
      userInfo: {
        username: caller.username,
        name: caller.username,
        userId: caller.userId,
        kind: "CustomerEmployee",
        credentialUuid: key.uuid,
        orgId: sandbox.org.id,
        permissions: [],
        isActive: true,
        isServiceAccount: true,
        isRegistered: true,
        permissionAssignments,
      },
      accessTokens: [
        {
          dateCreated: key.createdAt.toISOString(),
          credId: key.credId,
          isActive: true,
          kind: "ServiceAccount",
          linkedUserId: caller.userId,
          linkedAppId: "",
          name: "Sandbox service account token",
          orgId: sandbox.org.id,
          permissionAssignments: [],
          publicKey: key.publicKey,
          tokenId: caller.tokenId,
        },
      ],
    });
  },
};

export const serviceAccountRoutes = [get];
