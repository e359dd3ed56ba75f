import { vi } from "vitest";

/** A minimal event emitter standing in for Electron objects (webContents, windows, app). */
export class FakeEmitter {
  readonly listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();

  on(name: string, listener: (...args: unknown[]) => unknown): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: (...args: unknown[]) => unknown): this {
    return this.on(name, listener);
  }

  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((l) => l(...args));
  }
}

/** An Electron event whose preventDefault is observable. */
export function fakeEvent(): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn() };
}

/** A frame as IPC events carry it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** webContents with what hardening and IPC checks use. */
export class FakeWebContents extends FakeEmitter {
  readonly mainFrame: FakeFrame = { url: "app://pipewright/index.html", parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}
