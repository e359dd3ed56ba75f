// Child process for the kill-mid-write test: saves a large file atomically, slowly enough to be killed.
import { writeFileAtomic } from "../../../main/storage/atomic-write";

const [path, size] = process.argv.slice(2);
if (path === undefined || size === undefined) throw new Error("usage: write-large <path> <bytes>");
await writeFileAtomic(path, "x".repeat(Number(size)));
