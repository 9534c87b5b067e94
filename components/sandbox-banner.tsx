/**
 * Says plainly, on every page, that the Dfns behind this app is the local sandbox. The layout
 * decides whether to show it (from lib/env, on the server) and passes a boolean.
 */
export function SandboxBanner({ sandbox }: { sandbox: boolean }) {
  if (!sandbox) return null;
  return (
    <aside
      aria-label="Sandbox mode"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950"
    >
      <strong className="font-semibold">Sandbox mode.</strong> This app is talking to a local Dfns sandbox, not to Dfns:
      it is not MPC and not custody, wallet keys are held locally in this app&apos;s database, and it is for demos only.
      Never send real funds to these addresses.
    </aside>
  );
}
