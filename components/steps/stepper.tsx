interface StepperProps<Id extends string> {
  current: Id;
  finished: boolean;
  /** The steps in order. */
  steps: readonly { id: Id; title: string }[];
  /** The navigation landmark's name. */
  label?: string;
}

/** Where the user is in the steps: done ones ticked, the current one marked for screen readers. */
export function Stepper<Id extends string>({ current, finished, steps, label = "Setup progress" }: StepperProps<Id>) {
  const currentIndex = steps.findIndex((step) => step.id === current);
  return (
    <nav aria-label={label}>
      <ol className="grid gap-2 sm:grid-cols-3 sm:gap-4">
        {steps.map((step, index) => {
          const state = finished || index < currentIndex ? "done" : index === currentIndex ? "current" : "upcoming";
          return (
            <li
              key={step.id}
              aria-current={state === "current" ? "step" : undefined}
              data-state={state}
              className={`flex items-center gap-3 rounded-xl border px-3 py-2.5 sm:flex-col sm:items-start sm:gap-2 sm:px-4 sm:py-3 ${
                state === "current"
                  ? "border-brand bg-white shadow-sm ring-1 ring-brand"
                  : state === "done"
                    ? "border-brand-muted bg-brand-soft"
                    : "border-slate-200 bg-white/60"
              }`}
            >
              <span
                aria-hidden="true"
                className={`grid size-8 shrink-0 place-items-center rounded-full text-sm font-bold ${
                  state === "upcoming" ? "bg-slate-100 text-slate-500" : "bg-brand text-white"
                }`}
              >
                {state === "done" ? <CheckIcon /> : index + 1}
              </span>
              <span className="text-sm">
                <span className="block text-xs font-medium uppercase tracking-wide text-slate-500">
                  Step {index + 1}
                  <span className="sr-only">
                    {state === "done" ? ", done" : state === "current" ? ", current" : ", to do"}:
                  </span>
                </span>
                <span className={`font-semibold ${state === "upcoming" ? "text-slate-500" : "text-slate-900"}`}>
                  {step.title}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
