/**
 * A stepper's announcements: what is happening (a polite live region, for screen readers only)
 * and a notice above the current step, e.g. why the flow started over. Test ids: `<name>-status`, `<name>-notice`.
 */
export function FlowStatus({ name, status, notice }: { name: string; status: string; notice: string | null }) {
  return (
    <>
      <p role="status" aria-live="polite" className="sr-only" data-testid={`${name}-status`}>
        {status}
      </p>
      {notice && (
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950"
          data-testid={`${name}-notice`}
        >
          {notice}
        </p>
      )}
    </>
  );
}
