import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

// What a view model may not touch: it turns views into plain data, so the scenes can be redrawn
// from it and it can be tested in Node. Phaser, the network and the DOM stay in scenes/, ui/, net/, app/.
const viewModelImports = [
  {
    group: ["phaser", "phaser/*", "@colyseus/*", "../scenes/*", "../ui/*", "../net/*", "../app/*"],
    message:
      "client/src/viewModel must stay pure: no Phaser, network or page imports (draw in scenes/ or ui/).",
  },
];
const domGlobals = [
  "window",
  "document",
  "navigator",
  "location",
  "localStorage",
  "sessionStorage",
  "fetch",
  "WebSocket",
  "XMLHttpRequest",
  "requestAnimationFrame",
  "HTMLElement",
].map((name) => ({
  name,
  message: "client/src/viewModel must stay pure: no DOM (read it in app/ or net/).",
}));

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "artifacts/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // One TypeScript project service for every package (it follows the tsconfig references).
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // A new event, phase or diagnostic must be handled everywhere a union is switched over.
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      // Phaser's geometry helpers (Rectangle.Contains) are static and use no `this`.
      "@typescript-eslint/unbound-method": ["error", { ignoreStatic: true }],
      // An async method that implements a Promise-returning interface (a CLI command, a test double)
      // needs no await; no-floating-promises and no-misused-promises catch the mistakes that matter.
      "@typescript-eslint/require-await": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["**/*.test.ts"],
    // Vitest's asymmetric matchers (expect.objectContaining, expect.stringMatching) are typed `any`.
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
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
  {
    files: ["client/src/viewModel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: viewModelImports }],
      "no-restricted-globals": ["error", ...domGlobals],
    },
  },
  prettier,
);
