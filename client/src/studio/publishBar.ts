import type { EditorShell, Opened } from "./editorShell";
import { esc } from "./dom";
import { studioApi } from "./studioClient";
import type { StudioNav } from "./studioPage";
import { st } from "./studioStrings";

/** What the publishing buttons need from the editor. */
export type PublishHost = {
  id: string;
  nav: StudioNav;
  shell: EditorShell;
  /** Saves the text at once; the version saved, or undefined when it could not be saved. */
  settle: () => Promise<number | undefined>;
  /** Shows the save and publish state again. */
  showSaved: () => void;
};

export type PublishBar = {
  /** Shows the buttons that fit the scenario opened: publishing for a draft, hosting for a published one. */
  open: (opened: Opened) => void;
  /** The check found `errors` errors: a draft with errors cannot be published. */
  allow: (errors: number) => void;
  /** The version that is playable in the library, if any. */
  publishedVersion: () => number | undefined;
  /** Shows which version is published, and the button to withdraw it. */
  showPublished: () => void;
};

/**
 * The bar's publishing: publish (saves first, then makes the saved version playable), withdraw (takes the
 * scenario out of the library for new sessions; it can be published again), and host a session with it.
 */
export function mountPublishBar(host: PublishHost): PublishBar {
  const { id, nav, shell } = host;
  const publishButton = shell.$("studio-publish") as HTMLButtonElement;
  const hostButton = shell.$("studio-host") as HTMLButtonElement;
  const unpublishButton = shell.$("studio-unpublish") as HTMLButtonElement;
  const publishedLine = shell.$("studio-published");
  let draft = false;
  let published: number | undefined;
  let publishedScenario: string | undefined;
  let errors = 0;

  const allow = (count: number) => {
    errors = count;
    publishButton.disabled = !draft || errors > 0;
    publishButton.title = errors > 0 ? st("editor.publishFirst") : "";
  };

  publishButton.addEventListener("click", () => {
    void (async () => {
      publishButton.disabled = true;
      publishButton.textContent = st("editor.publishing");
      try {
        const version = await host.settle();
        if (version === undefined) return;
        const done = await studioApi.publish(id, version);
        published = done.version;
        publishedScenario = done.scenarioId;
        hostButton.hidden = false;
        shell.note("good", esc(st("editor.published", { version: done.version })));
        host.showSaved();
      } catch (e) {
        nav.fail(e, shell.notes);
      } finally {
        publishButton.textContent = st("editor.publish");
        allow(errors);
      }
    })();
  });
  unpublishButton.addEventListener("click", () => {
    void (async () => {
      unpublishButton.disabled = true;
      unpublishButton.textContent = st("unpublish.working");
      try {
        await studioApi.unpublish(id);
        published = undefined;
        publishedScenario = undefined;
        hostButton.hidden = true;
        shell.note("good", esc(st("unpublish.done")));
        host.showSaved();
      } catch (e) {
        nav.fail(e, shell.notes);
      } finally {
        unpublishButton.disabled = false;
        unpublishButton.textContent = st("unpublish.button");
      }
    })();
  });
  hostButton.addEventListener("click", () => {
    if (!publishedScenario) return;
    void studioApi
      .host(publishedScenario)
      .then((hosted) => window.location.assign(`/trainer/${hosted.code}`))
      .catch((e: unknown) => nav.fail(e, shell.notes));
  });

  return {
    open: (opened) => {
      if (opened.kind !== "draft") return;
      draft = true;
      published = opened.publishedVersion;
      publishButton.hidden = false;
      if (published !== undefined) {
        publishedScenario = id;
        hostButton.hidden = false;
      }
    },
    allow,
    publishedVersion: () => published,
    showPublished: () => {
      if (!draft) return;
      publishedLine.textContent =
        published === undefined
          ? st("editor.notPublished")
          : st("editor.publishedAs", { version: published });
      unpublishButton.hidden = published === undefined;
    },
  };
}
