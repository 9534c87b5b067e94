import type { ReactNode, Ref } from "react";

/** One step of a stepper: its heading (focused when the step opens, see useStepHeadingFocus) and body. */
export function StepSection({
  title,
  headingRef,
  children,
}: {
  title: ReactNode;
  headingRef: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
