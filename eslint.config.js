// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** Import patterns, each with the reason a person sees when a layer reaches where it must not. */
const NODE = { group: ["node:*"], message: "Node built-ins belong to main/: shared/ and renderer/ must run anywhere." };
const NODE_BARE = {
  group: ["fs", "fs/*", "path", "os", "http", "https", "crypto", "child_process", "url", "net", "stream"],
  message: "Node built-ins belong to main/.",
};
const ELECTRON = { group: ["electron", "electron/*"], message: "Only main/ talks to Electron." };
const AWS = {
  group: ["@aws-sdk/*", "@smithy/*"],
  message: "AWS is reached only through the gateway in main/aws (or the sandbox in main/sandbox).",
};
const UI = {
  group: ["react", "react/*", "react-dom", "react-dom/*", "@xyflow/*", "zustand", "zustand/*"],
  message: "shared/ is pure domain code: no React, React Flow or zustand.",
};
const MAIN = { group: ["**/main/*", "**/main"], message: "renderer/ reaches main only through renderer/api." };
const RENDERER = { group: ["**/renderer/*", "**/renderer"], message: "shared/ and main/ never import the UI." };

export default tseslint.config(
  { ignores: ["node_modules/", ".tsbuild/", "out/", "dist/", "coverage/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": ["error", { patterns: [NODE, NODE_BARE, ELECTRON, AWS, UI, RENDERER, MAIN] }],
      "no-restricted-globals": ["error", "window", "document", "process", "Buffer", "require"],
    },
  },
  {
    files: ["renderer/**/*.ts", "renderer/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser } },
    rules: { "no-restricted-imports": ["error", { patterns: [NODE, NODE_BARE, ELECTRON, AWS, MAIN] }] },
  },
  {
    files: ["main/**/*.ts"],
    ignores: ["main/aws/**", "main/sandbox/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [AWS, RENDERER] }] },
  },
  {
    files: ["main/aws/**/*.ts", "main/sandbox/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [RENDERER] }] },
  },
  {
    // Tests may use the SDK only where they test the code that owns it (gateway, sandbox) or prove
    // type compatibility with it.
    files: ["test/**/*.ts", "test/**/*.tsx"],
    ignores: ["test/main/aws/**", "test/main/sandbox/**", "test/shared/pipeline/sdk-compat.test.ts", "test/bench/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [AWS] }] },
  },
);
