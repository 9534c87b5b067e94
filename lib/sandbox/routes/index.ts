import type { Route } from "../router";
import { credentialRoutes } from "./credentials";
import { loginRoutes } from "./login";
import { recoveryRoutes } from "./recovery";
import { registrationRoutes } from "./registration";
import { serviceAccountRoutes } from "./service-accounts";
import { userActionRoutes } from "./user-action";
import { walletRoutes } from "./wallets";

export const routes: Route[] = [
  ...userActionRoutes,
  ...registrationRoutes,
  ...loginRoutes,
  ...recoveryRoutes,
  ...credentialRoutes,
  ...serviceAccountRoutes,
  ...walletRoutes,
];
