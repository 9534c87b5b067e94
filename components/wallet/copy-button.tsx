"use client";

import { useState } from "react";
import { buttonStyles } from "@/components/styles";

/** Copies `text` to the clipboard and says so (or says how to copy by hand when the browser refuses). */
export function CopyButton({ text, label, copiedMessage }: { text: string; label: string; copiedMessage: string }) {
  const [feedback, setFeedback] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setFeedback(copiedMessage);
    } catch {
      setFeedback("Your browser blocked copying. Select the text and copy it with Ctrl+C or ⌘C.");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className={`${buttonStyles.secondary} px-3 py-1.5`}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {feedback}
      </span>
    </span>
  );
}
