import { describe, expect, it } from "vitest";
import { chooseRenderer } from "./rendererChoice";

describe("chooseRenderer", () => {
  it("draws with Canvas when WebGL is software-rasterised", () => {
    expect(
      chooseRenderer(
        "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      ),
    ).toBe("canvas");
    expect(chooseRenderer("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe("canvas");
    expect(chooseRenderer("ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)")).toBe(
      "canvas",
    );
  });

  it("draws with Canvas when there is no WebGL", () => {
    expect(chooseRenderer(null)).toBe("canvas");
  });

  it("keeps WebGL on a real GPU", () => {
    expect(chooseRenderer("ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)")).toBe(
      "webgl",
    );
    expect(chooseRenderer("Apple M1")).toBe("webgl");
    expect(chooseRenderer("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(
      "webgl",
    );
  });
});
