import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "artifacts/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["shared/src/**/*.ts"],
    rules: {
      // shared/ is the pure core: no Node, Colyseus, Phaser, clock or disk.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "@colyseus/*", "phaser", "@hotseat/server", "@hotseat/client"],
              message: "shared/ must stay pure: no I/O, transport or rendering imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["client/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
);
