/**
 * Where a form's errors are announced. Always rendered (empty when there is nothing to say), so
 * screen readers pick up the message when it appears.
 */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive" aria-atomic="true">
      {message && (
        <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">{message}</p>
      )}
    </div>
  );
}
