// Public face of the diagnostics module.
export * from "./types.js";
export * from "./render.js";
export * from "./problems.js";
