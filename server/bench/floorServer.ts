// The floor for the class benchmark: a bare `ws` server that does nothing but broadcast. A client that
// connects with `?control` sends a binary payload; the server sends those same bytes to everyone else.
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";

const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
const audience = new Set<WebSocket>();

wss.on("connection", (socket, request) => {
  if (request.url?.includes("control")) {
    socket.on("message", (data: Buffer) => {
      for (const client of audience) client.send(data);
    });
    return;
  }
  audience.add(socket);
  socket.on("close", () => audience.delete(socket));
});

wss.on("listening", () => {
  const address = wss.address();
  console.log(`floor listening on ${typeof address === "object" && address ? address.port : address}`);
});
