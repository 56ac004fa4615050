import type { CompiledScenario } from "@hotseat/shared";
import { getLocale } from "../i18n/t";
import { esc } from "./dom";
import type { EditorShell } from "./editorShell";
import type { MapMarks } from "./mapMarks";
import { mapZoom } from "./mapZoom";
import { renderStudioMap } from "./studioMap";
import { st } from "./studioStrings";

/** The last text that compiled, drawn while the text has errors (the map then says it is stale). */
export type MapDrawing = { compiled: CompiledScenario; marks: MapMarks };

/** The editor's live map: its zoom and its note above it. */
export type EditorMap = {
  /** Draws `good` (nothing compiled yet: a line saying so), `selected` marked; a click on a state picks it. */
  draw: (
    good: MapDrawing | undefined,
    stale: boolean,
    selected: string | undefined,
    picked: (state: string) => void,
  ) => void;
};

export function mountEditorMap(shell: EditorShell): EditorMap {
  const box = shell.$("studio-map");
  const note = shell.$("studio-map-note");
  const zoom = mapZoom(box, shell.$("studio-zoom"), {
    zoomIn: st("zoom.in"),
    zoomOut: st("zoom.out"),
    fit: st("zoom.fit"),
    actual: st("zoom.actual"),
  });
  return {
    draw: (good, stale, selected, picked) => {
      if (!good) {
        box.innerHTML = `<p class="studio-empty">${esc(st("editor.mapEmpty"))}</p>`;
        return;
      }
      note.textContent = stale ? st("editor.mapStale") : st("editor.mapHint");
      renderStudioMap(box, good.compiled, good.marks, selected, getLocale(), picked, zoom);
    },
  };
}
