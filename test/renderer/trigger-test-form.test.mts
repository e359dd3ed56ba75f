// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import { TriggerTestForm } from "../../renderer/panels/inspector/TriggerTestForm";

afterEach(cleanup);

const monorepo = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/aws/v2-trigger-filters.json"), "utf8")) as {
    pipeline: PipelineDeclaration;
  }
).pipeline;

const result = () => screen.getByRole("status", { name: "Trigger test result" });

describe("Test an event (trigger inspector)", () => {
  it("says which trigger fires for a push, and which exclude stops one", () => {
    render(createElement(TriggerTestForm, { pipeline: monorepo }));
    fireEvent.change(screen.getByRole("textbox", { name: "Branch" }), { target: { value: "feature/login" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Changed files (one per line)" }), {
      target: { value: "projectA/README.md\nprojectA/src/app.ts" },
    });
    expect(result().textContent).toContain("Starts the pipeline: the trigger of ApplicationSource");
    expect(result().textContent).toContain('file "projectA/src/app.ts" included by "projectA/**"');
    fireEvent.change(screen.getByRole("textbox", { name: "Branch" }), { target: { value: "mainline" } });
    expect(result().textContent).toContain("No trigger starts the pipeline");
    expect(result().textContent).toContain(
      'branch "mainline" excluded by "mainline" (excludes win over includes)',
    );
  });

  it("judges tags and pull requests", () => {
    render(createElement(TriggerTestForm, { pipeline: monorepo }));
    fireEvent.change(screen.getByRole("combobox", { name: "Event" }), { target: { value: "push-tag" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Tag" }), { target: { value: "release-v1" } });
    expect(result().textContent).toContain("Starts the pipeline");
    fireEvent.change(screen.getByRole("combobox", { name: "Event" }), { target: { value: "pull-request" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Destination branch" }), {
      target: { value: "release/2" },
    });
    expect(result().textContent).toContain("event OPEN (opened) is not among CLOSED");
    fireEvent.change(screen.getByRole("combobox", { name: "Pull request event" }), {
      target: { value: "CLOSED" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Changed files (one per line)" }), {
      target: { value: "common/x/y.js" },
    });
    expect(result().textContent).toContain("Starts the pipeline");
  });
});
