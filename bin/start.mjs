#!/usr/bin/env node
// `npm start`: runs main/start.ts from the prebuilt bundle (see node-bundle.mjs).
import { importEntry } from "./node-bundle.mjs";

await importEntry("start");
