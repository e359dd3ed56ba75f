/**
 * The engine the operations drive, assembled from its parts: the run machine moves runs along;
 * the action runner runs each action; condition checks and stage recovery do what the service
 * does by itself at a stage's hooks (stage conditions, onFailure results); run controls take the
 * requests that interrupt or redirect runs. Needs no HTTP server: give it a state and a Clock
 * (a ManualClock to step time) and drive it directly.
 */
import { ActionRunner } from "./action-runner";
import type { Clock } from "./clock";
import { ConditionChecks } from "./condition-checks";
import { EngineCore, type EngineOptions, type StartRequest } from "./engine-core";
import type { ExecutionRecord, PipelineRecord, SandboxState } from "./records";
import { RunControls } from "./run-controls";
import { RunMachine } from "./run-machine";
import { StageRecovery } from "./stage-recovery";
import { JobQueue, jobKindOf } from "./job-queue";
import { fillTemplate } from "./job-data";
import { entityUrl } from "./provider-links";
import type { ActionDeclaration } from "../../shared/pipeline/model";

export type { EngineOptions, StartRequest } from "./engine-core";

export class Engine {
  private readonly core: EngineCore;
  /** Jobs of custom and partner actions, for the job worker operations. */
  readonly jobs: JobQueue;
  private readonly actions: ActionRunner;
  private readonly machine: RunMachine;
  private readonly conditions: ConditionChecks;
  private readonly controls: RunControls;

  constructor(state: SandboxState, options: EngineOptions) {
    const core = new EngineCore(state, options);
    this.core = core;
    const settled = (pipeline: PipelineRecord, execution: ExecutionRecord) =>
      this.machine.actionSettled(pipeline, execution);
    this.jobs = new JobQueue(core, settled);
    this.actions = new ActionRunner(core, this.jobs, settled);
    // The machine calls its hooks only once a run is under way, after the constructor has
    // assigned the checks they delegate to.
    this.machine = new RunMachine(core, this.actions, {
      entered: (pipeline, execution) => this.conditions.entered(pipeline, execution),
      actionsSucceeded: (pipeline, execution, stage) =>
        this.conditions.actionsSucceeded(pipeline, execution, stage),
      actionsFailed: (pipeline, execution, stage, summary) =>
        this.conditions.actionsFailed(pipeline, execution, stage, summary),
    });
    const recovery = new StageRecovery(core, this.machine);
    this.conditions = new ConditionChecks(core, this.machine, recovery);
    this.controls = new RunControls(core, this.machine, recovery, (pipeline, execution, onlyApprovals) => {
      this.actions.abandon(pipeline, execution, onlyApprovals);
      this.conditions.abandon(pipeline, execution);
    });
  }

  get clock(): Clock {
    return this.core.clock;
  }

  start(pipeline: PipelineRecord, request: StartRequest): ExecutionRecord {
    return this.machine.start(pipeline, request);
  }

  /** Lets waiting runs into their stages, e.g. after a transition was enabled. */
  pump(pipeline: PipelineRecord): void {
    this.machine.pump(pipeline);
  }

  /**
   * GetPipelineState's entity link of an action: the built-in provider's console page, or a
   * custom type's entityUrlTemplate ("the static link that provides information about the service
   * provider for the action").
   */
  entityUrl(action: ActionDeclaration, region: string): string | undefined {
    if (jobKindOf(action) === undefined) return entityUrl(action, region);
    const type = this.core.options.actionTypes?.get(action.actionTypeId);
    return fillTemplate(type?.urls.entityUrlTemplate, action.configuration ?? {}, type);
  }

  readonly transitionOpen: RunMachine["transitionOpen"] = (...args) => this.machine.transitionOpen(...args);

  /** PutApprovalResult: closes an open approval with the reviewer's decision. */
  readonly decideApproval: ActionRunner["decideApproval"] = (...args) => this.actions.decideApproval(...args);

  readonly stop: RunControls["stop"] = (...args) => this.controls.stop(...args);

  readonly retry: RunControls["retry"] = (...args) => this.controls.retry(...args);

  readonly overrideCondition: ConditionChecks["overrideCondition"] = (...args) =>
    this.conditions.overrideCondition(...args);

  cancelForUpdate(pipeline: PipelineRecord): void {
    this.controls.cancelForUpdate(pipeline);
  }

  interruptAll(): number {
    return this.controls.interruptAll();
  }

  /** Forgets a deleted pipeline's timers. */
  forget(pipeline: PipelineRecord): void {
    this.actions.forget(pipeline);
    this.conditions.forget(pipeline);
  }
}
