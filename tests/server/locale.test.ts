import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScenarioLibrary } from "@hotseat/server";
import type { RunningServer } from "@hotseat/server";
import { loadScenario, localize, stateMetaOf } from "@hotseat/shared";
import type { ProjectorView, TraineeView, TrainerView } from "@hotseat/shared";
import { hostSession, Peer, startTestServer } from "./harness";

const scenariosDir = join(import.meta.dirname, "..", "..", "scenarios");
const file = join(scenariosDir, "ruined-hat", "scenario.yaml");
const compiled = loadScenario(readFileSync(file, "utf8"), file).compiled!;
/** The customer's first line of ruined-hat in `locale`, straight from the scenario file. */
const openingLine = (locale: string) =>
  localize(stateMetaOf(compiled, compiled.scenario.machine.initial).line ?? "", locale, "en");

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({ library: await ScenarioLibrary.fromDirectory(scenariosDir) });
});
afterAll(async () => {
  await server.stop();
});

describe("each connection reads the scenario in its own language", () => {
  it("sends the Polish line to a Polish phone and the English one to an English phone, and follows a switch", async () => {
    expect(openingLine("pl")).not.toBe(openingLine("en"));
    const hosted = await hostSession(server.url, { scenarioId: "ruined-hat" });
    const trainer = await Peer.join<TrainerView>(server.url, hosted.code, {
      role: "trainer",
      trainerToken: hosted.trainerToken,
      locale: "ro",
    });
    const projector = await Peer.join<ProjectorView>(server.url, hosted.code, {
      role: "projector",
      locale: "lt",
    });
    const polish = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      name: "Ola",
      reconnectKey: "ola-phone",
      locale: "pl",
    });
    const english = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      name: "Sam",
      reconnectKey: "sam-phone",
      locale: "en",
    });
    // A language the scenario lacks falls back to the scenario's first one.
    const german = await Peer.join<TraineeView>(server.url, hosted.code, {
      role: "trainee",
      name: "Jo",
      reconnectKey: "jo-phone",
      locale: "de",
    });
    expect(polish.welcome?.reconnectKey).toBe("ola-phone");
    trainer.send({ type: "trainer.start" });

    await polish.viewWhere((v) => v.customer?.line === openingLine("pl"), "the Polish line");
    await english.viewWhere((v) => v.customer?.line === openingLine("en"), "the English line");
    await german.viewWhere((v) => v.customer?.line === openingLine("en"), "the fallback line");
    await trainer.viewWhere((v) => v.customer?.line === openingLine("ro"), "the Romanian line");
    await projector.viewWhere((v) => v.customer?.line === openingLine("lt"), "the Lithuanian line");

    // Switching language re-sends that phone's view only, and logs nothing in the session.
    const eventsBefore = trainer.view.history.length;
    const polishViews = polish.views.length;
    english.send({ type: "client.setLocale", locale: "pl" });
    await english.viewWhere((v) => v.customer?.line === openingLine("pl"), "the switch to Polish");
    expect(polish.views.length).toBe(polishViews);
    expect(trainer.view.history.length).toBe(eventsBefore);
    expect(trainer.view.phase).toBe("deciding");

    // A bad locale is refused with an error reply; the sender stays connected and keeps its language.
    english.send({ type: "client.setLocale", locale: "Polish!" });
    await english.errorWith("message.malformed");
    expect(english.left).toBeUndefined();
    expect(english.view.customer?.line).toBe(openingLine("pl"));
    for (const p of [trainer, projector, polish, german]) expect(p.errors).toEqual([]);
    await Promise.all([trainer, projector, polish, english, german].map((p) => p.leave()));
  });
});
