// ESLint: Next's rules (core web vitals, React, hooks, accessibility, imports) and typescript-eslint
// with type information, for the promise mistakes that types can see. Formatting is Prettier's job.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
    // Import cycles are checked by lib/import-cycles.test.ts (files and modules, in seconds), not
    // by import/no-cycle, which took over a third of the lint's time.
  },
  {
    // Test helpers named use…() are not React hooks.
    files: ["**/*.test.ts", "lib/testing/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([
    ".next/**",
    ".next-baseline/**",
    "lib/generated/**",
    "bench-results/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    ".sandbox-cut/**",
    "next-env.d.ts",
  ]),
]);
