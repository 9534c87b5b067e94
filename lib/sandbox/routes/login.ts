import { authenticateServiceAccount, requireOperation, checkUserAction, spendOnce, userActionReused } from "../auth";
import { unauthorized } from "../errors";
import { json, parseBody } from "../http";
import type { Route } from "../router";
import { usernameSchema } from "../schemas";
import { endUserToken } from "../end-user-token";

// POST /auth/login/delegated: a service account gets a token for one of its end users.
const delegatedLogin: Route = {
  method: "POST",
  pattern: "/auth/login/delegated",
  async handler(ctx) {
    const caller = await authenticateServiceAccount(ctx);
    requireOperation(ctx, caller, "Auth:Login:Delegated");
    const userAction = checkUserAction(ctx, caller);
    const { username } = parseBody(ctx.rawBody, usernameSchema);
    const { sandbox } = ctx;
    const user = await sandbox.prisma.sandboxUser.findUnique({
      where: { orgId_username: { orgId: sandbox.org.id, username } },
    });
    if (!user || user.kind !== "EndUser" || !user.registered || !user.isActive) throw unauthorized("User not found");
    await sandbox.prisma.$transaction((tx) => spendOnce(tx, userAction, userActionReused()));
    return json({
      token: endUserToken(sandbox, user.id),
    });
  },
};

export const loginRoutes = [delegatedLogin];
