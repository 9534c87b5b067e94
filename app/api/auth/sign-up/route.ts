import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { handler } from "@/lib/http";

/** Creates an email + password account; the browser then signs in with NextAuth's credentials provider. */
export const POST = handler({ body: SignUpInput, requireUser: false, status: 201 }, async ({ body }) => {
  const user = await signUp(body);
  return { user: { id: user.id, email: user.email, name: user.name } };
});
