// ESLint for the UI: JavaScript's and typescript-eslint's recommended rules, type-checked
// against tsconfig.json, and the React hooks rules. Formatting is Prettier's
// (`npm run format:check`); eslint-config-prettier turns off the rules that would argue with
// it. `npm run lint` allows no warnings.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // src/bindings is generated from the Rust types.
  globalIgnores(["dist/", "e2e-artifacts/", "src/bindings/"]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { [key]: _gone, ...rest } = obj` is how a key is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // These stand in for the core, whose commands reject with a CommandError or a string.
    files: ["src/mock/**", "src/__tests__/CommandError.test.ts"],
    rules: {
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
  {
    files: ["*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Plain JavaScript (this file, the end-to-end drivers) is outside tsconfig.json, so it
    // has no types to check against.
    files: ["**/*.{js,mjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The end-to-end drivers run in Node; the functions they hand to `page.evaluate` run in
    // the page.
    files: ["e2e/**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
