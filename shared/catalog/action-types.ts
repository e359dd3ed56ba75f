import { BUILD_TEST_ACTION_TYPES } from "./build-test-types";
import { CLOUDFORMATION_ACTION_TYPES } from "./cloudformation-types";
import { DEPLOY_ACTION_TYPES } from "./deploy-types";
import { INVOKE_APPROVAL_ACTION_TYPES } from "./invoke-approval-types";
import { MANAGED_DEPLOY_ACTION_TYPES } from "./managed-deploy-types";
import { SOURCE_ACTION_TYPES } from "./source-types";
import type { ActionTypeSpec } from "./types";

/**
 * Every action type Pipewright knows: the AWS-owned types of the user guide's action reference, the
 * ThirdParty types old pipelines still carry, and the common Jenkins Custom registration. Order is
 * palette order within a category.
 */
export const ACTION_TYPES: readonly ActionTypeSpec[] = [
  ...SOURCE_ACTION_TYPES,
  ...BUILD_TEST_ACTION_TYPES,
  ...DEPLOY_ACTION_TYPES,
  ...CLOUDFORMATION_ACTION_TYPES,
  ...MANAGED_DEPLOY_ACTION_TYPES,
  ...INVOKE_APPROVAL_ACTION_TYPES,
];
