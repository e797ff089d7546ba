// The scoring engine: pure functions from a rubric and a submission to explained results.
export { score, flattenItems } from "./score.js";
export type * from "./model.js";
