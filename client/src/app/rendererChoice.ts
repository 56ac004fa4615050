/**
 * Which Phaser renderer to use. WebGL through a software rasteriser (SwiftShader, llvmpipe, Microsoft's
 * Basic Render Driver: a machine or VM with no usable GPU) drew the 1920x1080 projector at 3-7 fps, because
 * every frame is rasterised on the CPU and then read back for the compositor; Phaser's Canvas renderer
 * drew the same scene at the 30 fps cap there. With a real GPU, WebGL stays the choice.
 */
export type RendererChoice = "webgl" | "canvas";

const software = /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i;

/** Canvas when WebGL is missing or runs in software (`renderer` is the unmasked GL renderer string). */
export function chooseRenderer(renderer: string | null | undefined): RendererChoice {
  if (!renderer) return "canvas";
  return software.test(renderer) ? "canvas" : "webgl";
}

/** The GL renderer string of this browser, or null when it has no WebGL at all. */
export function glRendererName(doc: Document = document): string | null {
  const gl = doc.createElement("canvas").getContext("webgl");
  if (!gl) return null;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  // Free the probe's context now rather than whenever it is collected (browsers cap live contexts).
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return name;
}
