import { ACCOUNT_TYPE_CASES } from "./account-types";
import type { CodeCases } from "./case";
import { COMPUTE_CASES } from "./compute";
import { MODEL_CASES } from "./model";
import { STAGE_CASES } from "./stages";
import { STRUCTURE_CASES } from "./structure";
import { V2_VARIABLE_CASES } from "./v2-variables";
import { WIRING_CASES } from "./wiring";

export type { CodeCases, RuleCase } from "./case";

/** Failing and passing cases for every diagnostic code, keyed by code. */
export const RULE_CASES: Record<string, CodeCases> = {
  ...MODEL_CASES,
  ...STRUCTURE_CASES,
  ...WIRING_CASES,
  ...V2_VARIABLE_CASES,
  ...COMPUTE_CASES,
  ...STAGE_CASES,
  ...ACCOUNT_TYPE_CASES,
};
