import { clientAddress } from "@/lib/auth/client-address";
import { countSignUp } from "@/lib/auth/rate-limits";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { handler, onlyAllow } from "@/lib/http";

/**
 * Creates an email + password account; the browser then signs in with NextAuth's credentials
 * provider. At most SIGN_UPS_PER_ADDRESS per client address (429 with Retry-After beyond).
 */
export const POST = handler({ body: SignUpInput, requireUser: false, status: 201 }, async ({ request, body }) => {
  await countSignUp(clientAddress(request.headers));
  const user = await signUp(body);
  return { user: { id: user.id, email: user.email, name: user.name } };
});

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
