import { isIP } from "node:net";

/** Whether a listening address only takes connections from this machine. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.replace(/^::ffff:/i, "");
  return plain === "localhost" || plain === "::1" || (isIP(plain) === 4 && plain.startsWith("127."));
}

/**
 * The one line Hotseat prints at start when anyone on the network can host sessions and list them: it
 * listens beyond this machine and no trainer password is set. Nothing when it is safe.
 */
export function exposureWarning(listenAddress: string | undefined, hasPassword: boolean): string | undefined {
  if (hasPassword || isLoopback(listenAddress)) return undefined;
  const where = listenAddress === undefined || listenAddress === "::" ? "every address" : listenAddress;
  return `Warning: listening on ${where} without a trainer password, so anyone who can reach this server can host sessions; set HOTSEAT_TRAINER_PASSWORD (or HOTSEAT_HOST=127.0.0.1 to stay on this machine).`;
}
