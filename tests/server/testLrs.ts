import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeepStrictEqual } from "node:util";
import xapiValidation from "xapi-validation";

// The same validator the server checks statements with before they leave (server/src/xapi/validateStatement.ts).
const loaded: unknown = xapiValidation;
const validate = (typeof loaded === "function" ? loaded : (loaded as { default: unknown }).default) as (
  data: unknown,
) => { path: string[] }[];

type Statement = { id?: string } & Record<string, unknown>;

/**
 * A small Learning Record Store for tests: the statements resource of xAPI 1.0.3 (POST and PUT
 * /statements) over node:http, with the version header, Basic auth, every statement validated, ids kept
 * once (the same id with the same statement is accepted again, with another content it is a 409
 * Conflict). The statements outlive `stop()`, like a real LRS's database, so it can go down and come back.
 */
export class TestLrs {
  /** Statements in the order they were stored. */
  readonly stored: Statement[] = [];
  /** Every statement that arrived, resends included. */
  received = 0;
  /** Ids this LRS refuses with 400, as an LRS with a stricter policy would. */
  readonly refuse = new Set<string>();
  /** When set: after storing this many statements in all, drop the connection without answering and go down. */
  crashAfterStored: number | undefined;
  private server: Server | undefined;
  private port = 0;

  constructor(
    readonly key = "lrs-key",
    readonly secret = "lrs-secret",
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/xapi/`;
  }

  /** Starts listening: on a free port the first time, on the same port after a stop. */
  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down at once: open connections are cut, new ones refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (text += chunk));
      req.on("end", () => resolve(text));
    });
    const url = new URL(req.url ?? "/", "http://lrs");
    const answer = (status: number, payload?: unknown) => {
      res.writeHead(status, {
        "X-Experience-API-Version": "1.0.3",
        ...(payload !== undefined ? { "Content-Type": "application/json" } : {}),
      });
      res.end(payload !== undefined ? JSON.stringify(payload) : undefined);
    };
    if (url.pathname !== "/xapi/statements") return answer(404, { message: "no such resource" });
    if (!/^1\.0(\.[0-3])?$/.test(String(req.headers["x-experience-api-version"] ?? "")))
      return answer(400, { message: "X-Experience-API-Version 1.0.x is required" });
    const expected = `Basic ${Buffer.from(`${this.key}:${this.secret}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return answer(401, { message: "bad credentials" });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return answer(400, { message: "the body is not JSON" });
    }
    if (req.method === "PUT") {
      const id = url.searchParams.get("statementId");
      const statement = parsed as Statement;
      if (!id || Array.isArray(parsed) || (statement.id !== undefined && statement.id !== id))
        return answer(400, { message: "statementId must name the statement" });
      const refused = this.store([{ ...statement, id }], res);
      if (refused === "crashed") return;
      if (refused) return answer(refused.status, { message: refused.message });
      return answer(204);
    }
    if (req.method === "POST") {
      const batch = (Array.isArray(parsed) ? parsed : [parsed]) as Statement[];
      const refused = this.store(batch, res);
      if (refused === "crashed") return;
      if (refused) return answer(refused.status, { message: refused.message });
      return answer(
        200,
        batch.map((s) => s.id),
      );
    }
    answer(405, { message: "only POST and PUT" });
  }

  /** Stores a batch all or nothing; returns the refusal when there is one, or crashes as told. */
  private store(
    batch: Statement[],
    res: ServerResponse,
  ): { status: number; message: string } | "crashed" | undefined {
    this.received += batch.length;
    for (const statement of batch) {
      const problems = validate(statement);
      if (problems.length > 0)
        return { status: 400, message: `invalid: ${problems.map((p) => p.path.join(".")).join(", ")}` };
      if (!statement.id) return { status: 400, message: "this test LRS wants the id from the sender" };
      if (this.refuse.has(statement.id))
        return { status: 400, message: `statement ${statement.id} refused by policy` };
      const known = this.stored.find((s) => s.id === statement.id);
      if (known && !isDeepStrictEqual(known, statement))
        return { status: 409, message: `statement ${statement.id} exists with other content` };
    }
    for (const statement of batch)
      if (!this.stored.some((s) => s.id === statement.id)) this.stored.push(statement);
    if (this.crashAfterStored !== undefined && this.stored.length >= this.crashAfterStored) {
      // Stored, but the answer never reaches the sender: it must send again, and must not duplicate.
      this.crashAfterStored = undefined;
      res.socket?.destroy();
      void this.stop();
      return "crashed";
    }
    return undefined;
  }
}
