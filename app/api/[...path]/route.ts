import { noSuchApi } from "@/lib/http/methods";

// Any /api path no other route takes: a JSON 404 instead of the HTML not-found page. More specific
// routes (every other folder of app/api, the sandbox's own catch-all) always win over this one.
export { noSuchApi as GET, noSuchApi as POST, noSuchApi as PUT, noSuchApi as PATCH, noSuchApi as DELETE };
