/**
 * Where the Colyseus server is. In production the server serves this page, so it is the page's own
 * origin; under `vite dev` the page comes from Vite, and the room socket goes straight to the server.
 */
export function serverEndpoint(): string {
  if (import.meta.env.DEV)
    return (import.meta.env["VITE_HOTSEAT_SERVER"] as string | undefined) ?? "http://localhost:2567";
  return window.location.origin;
}
