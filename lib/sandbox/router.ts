import type { Sandbox } from "./sandbox";

export interface RequestContext {
  sandbox: Sandbox;
  request: Request;
  method: string;
  /** The Dfns path, without the prefix the sandbox is mounted under. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The body exactly as sent: user actions are bound to these bytes. */
  rawBody: string;
}

export type RouteHandler = (ctx: RequestContext) => Promise<Response>;

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const names: string[] = [];
    const source = route.pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { ...route, regex: new RegExp(`^${source}/?$`), names };
  });
}

export function matchRoute(routes: CompiledRoute[], method: string, path: string) {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
    return { route, params };
  }
  return { route: undefined, pathMatched };
}
