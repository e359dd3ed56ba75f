/**
 * What every part of the engine shares: the state, the clock and the timers scheduled on it,
 * sequence numbers, change notification, and the pipeline version a run follows. The parts
 * (run machine, action runner, condition checks, stage recovery, run controls) each hold one
 * EngineCore instead of inheriting from a common base.
 */
import type { PipelineDeclaration, StageDeclaration } from "../../shared/pipeline/model";
import type { RunContext } from "./action-runs";
import type { Clock, TimerHandle } from "./clock";
import type { JobActionTypes } from "./job-data";
import type { ExecutionRecord, PipelineRecord, SandboxState } from "./records";
import type { ScenarioBook } from "./scenario";

export interface EngineOptions {
  clock: Clock;
  scenario: ScenarioBook;
  region: string;
  onChange: () => void;
  /** The partition's custom and integration action types, for job workers (absent: any type is known). */
  actionTypes?: JobActionTypes;
}

export interface StartRequest {
  trigger: { triggerType: string; triggerDetail?: string };
  variables?: { name: string; resolvedValue: string }[];
  revisionOverrides?: ExecutionRecord["revisionOverrides"];
  rollback?: { stageName: string; target: ExecutionRecord };
}

export class EngineCore {
  /** Pending timers by the id of the action or rule run they finish. */
  private readonly timers = new Map<string, TimerHandle>();

  constructor(
    readonly state: SandboxState,
    readonly options: EngineOptions,
  ) {}

  get clock(): Clock {
    return this.options.clock;
  }

  get scenario(): ScenarioBook {
    return this.options.scenario;
  }

  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  /** Something changed that the state file must get. */
  changed(): void {
    this.options.onChange();
  }

  touch(execution: ExecutionRecord): void {
    execution.lastUpdateTime = this.clock.now();
    this.options.onChange();
  }

  /** Runs `fn` when simulated time reaches `atMs`, unless `cancel(id)` comes first. */
  schedule(id: string, atMs: number, fn: () => void): void {
    this.timers.set(
      id,
      this.clock.schedule(atMs, () => {
        this.timers.delete(id);
        fn();
      }),
    );
  }

  cancel(id: string): void {
    const handle = this.timers.get(id);
    if (handle) this.clock.cancel(handle);
    this.timers.delete(id);
  }

  declarationOf(pipeline: PipelineRecord, execution: ExecutionRecord): PipelineDeclaration {
    const declaration = pipeline.versions[execution.version - 1];
    if (!declaration) throw new Error(`run ${execution.id} refers to missing version ${execution.version}`);
    return declaration;
  }

  stageDeclaration(pipeline: PipelineRecord, execution: ExecutionRecord, index: number): StageDeclaration {
    const stage = this.declarationOf(pipeline, execution).stages[index];
    if (!stage) throw new Error(`run ${execution.id} has no stage ${index}`);
    return stage;
  }

  runContext(pipeline: PipelineRecord, execution: ExecutionRecord): RunContext {
    return {
      pipeline,
      declaration: this.declarationOf(pipeline, execution),
      execution,
      region: this.options.region,
    };
  }
}
