// The tool's name and version, for the CLI (defined once in the report module, which both hosts use).
export { TOOL, VERSION } from "../report/tool.js";
