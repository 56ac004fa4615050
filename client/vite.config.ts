import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { earlyJoin } from "./earlyJoinPlugin";
import { precompress } from "./precompress";

const root = fileURLToPath(new URL(".", import.meta.url));
const server = process.env["HOTSEAT_SERVER"] ?? "http://localhost:2567";

// One app for every role; the server serves client/dist. In dev, HTTP calls go through this proxy and the
// room WebSocket connects to the server directly (see net/endpoint.ts), as its path names a process and room.
export default defineConfig({
  root,
  base: "/",
  // Brotli and gzip copies of every asset, made once here; the server picks one per Accept-Encoding.
  // The join page's script and texts go into index.html itself (see earlyJoinPlugin.ts).
  plugins: [earlyJoin(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk stays cached across deploys.
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: true },
      "/matchmake": { target: server, changeOrigin: true },
    },
  },
});
