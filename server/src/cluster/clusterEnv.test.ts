import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clusterEnvShape, clusterSettings } from "./clusterEnv";

const schema = z.object(clusterEnvShape);
const database = "postgres://hotseat@db/hotseat";

describe("the cluster's environment", () => {
  it("changes nothing without HOTSEAT_REDIS_URL", () => {
    expect(clusterSettings({})).toEqual({});
    expect(clusterSettings({ HOTSEAT_DATABASE_URL: database })).toEqual({});
  });

  it("joins a cluster with Redis, PostgreSQL and the process's public address", () => {
    const env = schema.parse({
      HOTSEAT_REDIS_URL: "redis://redis:6379/0",
      HOTSEAT_PUBLIC_ADDRESS: "hotseat.example.com/p1",
    });
    expect(clusterSettings({ ...env, HOTSEAT_DATABASE_URL: database })).toEqual({
      settings: { redisUrl: "redis://redis:6379/0", publicAddress: "hotseat.example.com/p1" },
    });
  });

  it("refuses Redis without PostgreSQL, saying why: the processes must share the log", () => {
    const answer = clusterSettings({ HOTSEAT_REDIS_URL: "redis://redis:6379" });
    expect(answer).toEqual({ refusal: expect.stringContaining("HOTSEAT_DATABASE_URL") as unknown });
  });

  it("refuses a public address without Redis", () => {
    expect(clusterSettings({ HOTSEAT_PUBLIC_ADDRESS: "h/p1" })).toHaveProperty("refusal");
  });

  it("refuses a URL that is not Redis, and an address with a scheme or spaces", () => {
    expect(schema.safeParse({ HOTSEAT_REDIS_URL: "http://redis:6379" }).success).toBe(false);
    for (const address of ["https://hotseat.example.com/p1", "hotseat example.com", "host/p1/"])
      expect(schema.safeParse({ HOTSEAT_PUBLIC_ADDRESS: address }).success, address).toBe(false);
    for (const address of ["hotseat.example.com/p1", "10.0.0.5:2567", "localhost:8080/a/b"])
      expect(schema.safeParse({ HOTSEAT_PUBLIC_ADDRESS: address }).success, address).toBe(true);
  });
});
