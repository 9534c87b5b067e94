// Shared class names, so buttons and links look the same everywhere.

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export const buttonStyles = {
  primary: `${base} bg-brand text-white shadow-sm hover:bg-brand-strong`,
  secondary: `${base} border border-slate-300 bg-white text-slate-800 shadow-sm hover:bg-slate-50`,
  ghost: `${base} text-slate-700 hover:bg-slate-100`,
} as const;

export const cardStyles = "rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8";

export const linkStyles = "font-medium text-brand underline-offset-4 hover:text-brand-strong hover:underline";
