import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The page-weight check (bench/page-weight.test.ts): needs a production build, so it runs apart
// from the unit tests, after the build (scripts/test-all.sh). Its own `include`, not added to the base's.
export default defineConfig({ ...base, test: { ...base.test, include: ["bench/page-weight.test.ts"] } });
