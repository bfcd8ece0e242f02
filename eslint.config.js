// ESLint with typescript-eslint's type-checked rules, run by `npm test`
// (npm run lint). Strict where it catches real mistakes (floating promises,
// unsafe any, unnecessary conditions); a few stylistic rules are off where
// they would only add noise. Exceptions in the code say why, inline.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "client/dist/", "data/", "test-results/", "coverage/", ".vite/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json", "./client/tsconfig.json", "./tests/client/tsconfig.json", "./tsconfig.tools.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans in template strings are how the pages and reports write sentences.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // Non-null assertions are used where an earlier check (or the data's construction) guarantees the value.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Arrow shorthands that return void calls are common in event handlers.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["client/src/**"], languageOptions: { globals: globals.browser } },
  { files: ["server/**", "tests/**", "*.config.*", "eslint.config.js"], languageOptions: { globals: globals.node } },
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read JSON bodies, messages and the synchronized state loosely (as `any`) to assert on them;
    // the model, the server and the pages are held to the strict rules.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // Spies and stubs pass methods around unbound, and the fuzz tests delete fields on purpose.
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-dynamic-delete": "off",
    },
  },
);
