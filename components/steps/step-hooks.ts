"use client";

import { useEffect, useRef } from "react";

/**
 * For a stepper (onboarding, recovery): the current step's heading takes the focus when the step
 * changes, and when a notice appears above it (e.g. why the flow started over).
 */
export function useStepHeadingFocus(step: string, notice: string | null) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    if (notice) headingRef.current?.focus();
  }, [notice]);

  return headingRef;
}

/** While `unfinished` (a recovery code on screen, work in flight), leaving the page asks first. */
export function useLeaveWarning(unfinished: boolean) {
  useEffect(() => {
    if (!unfinished) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unfinished]);
}
