// Server side of sign-in. Client components import `./browser` and `./paths` directly.
export { getAuthOptions, getAuthProviders, Email, NewPassword, type AuthProviders } from "./options";
export { hashPassword, verifyPassword } from "./password";
export { getCurrentUser, getUserFromRequest, requireUser, type SessionUser } from "./session";
