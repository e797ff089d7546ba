// The tool's name and version, recorded in every result file (by the CLI and the browser edition).
export const VERSION = "0.1.0";
export const TOOL = `assess ${VERSION}`;
