import { readdirSync, readFileSync } from "node:fs";

/** Linux: the ids of every live process descended from `ancestor`, with their command names. */
export function descendants(ancestor: number): { pid: number; name: string }[] {
  const parents = new Map<number, { ppid: number; name: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (name) state ppid …: the name may contain spaces, so split after its closing parenthesis.
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const [state, ppid] = stat.slice(close + 2).split(" ");
      if (state !== "Z") parents.set(Number(entry), { ppid: Number(ppid), name });
    } catch {
      // gone meanwhile
    }
  }
  const found: { pid: number; name: string }[] = [];
  const visit = (parent: number) => {
    for (const [pid, info] of parents) {
      if (info.ppid === parent) {
        found.push({ pid, name: info.name });
        visit(pid);
      }
    }
  };
  visit(ancestor);
  return found;
}
