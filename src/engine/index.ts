// The scoring engine: a pure function from a rubric and a submission to results (plain data).
export { score, startScoring, type Scoring } from "./score.js";
