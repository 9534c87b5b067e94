import type { Route } from "../router";
import { credentialRoutes } from "./credentials";
import { loginRoutes } from "./login";
import { recoveryRoutes } from "./recovery";
import { faucetRoutes } from "./faucet";
import { registrationRoutes } from "./registration";
import { serviceAccountRoutes } from "./service-accounts";
import { transferRoutes } from "./transfers";
import { userActionRoutes } from "./user-action";
import { valueRoutes } from "./value";
import { walletRoutes } from "./wallets";

export const routes: Route[] = [
  ...userActionRoutes,
  ...registrationRoutes,
  ...loginRoutes,
  ...recoveryRoutes,
  ...credentialRoutes,
  ...serviceAccountRoutes,
  ...walletRoutes,
  ...transferRoutes,
  ...valueRoutes,
  ...faucetRoutes,
];
