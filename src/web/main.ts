// The browser edition's entry point: starts the page once it is parsed.
import { start } from "./app.js";

start(document);
