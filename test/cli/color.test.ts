// Colour on a terminal, as the conventions have it: off by NO_COLOR set to anything but nothing
// (no-color.org), by FORCE_COLOR=0 or false, and on a dumb terminal or a pipe.
import { describe, expect, it } from "vitest";
import { makeCtx, type Io } from "../../src/cli/io.js";

const io = (env: NodeJS.ProcessEnv, tty = true): Io => ({ out: () => undefined, err: () => undefined, env, cwd: ".", outIsTTY: tty, errIsTTY: tty });
const colour = (env: NodeJS.ProcessEnv, tty = true): boolean => makeCtx(io(env, tty), "zh-CN").color;

describe("colour", () => {
  it("is on at a terminal, off in a pipe", () => {
    expect(colour({})).toBe(true);
    expect(colour({}, false)).toBe(false);
  });

  it("is off with NO_COLOR set to anything, not with it set to nothing (an empty NO_COLOR turned it off)", () => {
    expect(colour({ NO_COLOR: "1" })).toBe(false);
    expect(colour({ NO_COLOR: "" })).toBe(true);
  });

  it("is off with FORCE_COLOR=0 or false (its bold stayed on), and on a dumb terminal", () => {
    for (const v of ["0", "false", "FALSE"]) expect(colour({ FORCE_COLOR: v }), v).toBe(false);
    expect(colour({ FORCE_COLOR: "1" })).toBe(true);
    expect(colour({ TERM: "dumb" })).toBe(false);
  });
});
