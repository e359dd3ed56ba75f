/**
 * Infrastructure as code: export a pipeline to CloudFormation (YAML, JSON), Terraform and a CDK
 * TypeScript stack; import a template's pipeline resource; and the deploy-time values (intrinsic
 * functions, Terraform expressions) an imported pipeline keeps in place of values.
 */
export {
  exportIac,
  EXPORT_FORMATS,
  type ExportFormat,
  type IacExportOptions,
  type IacExportResult,
} from "./export-iac";
export {
  importIac,
  detectFormat,
  type IacImportResult,
  type ResourceChoice,
  type TemplateFormat,
} from "./import-iac";
export { iacSourceOf, describeIacSource, IAC_SOURCE_MEMBER } from "./iac-source";
export {
  isDeployTimeValue,
  describeDeployTimeValue,
  deployTimeTool,
  listDeployTimeValues,
  TERRAFORM_EXPRESSION,
  type DeployTimeValue,
} from "./deploy-time-values";
export { hasDeployTimeValues, deployTimeValuesOf, RESOLVED_AT_DEPLOY_TIME } from "./deploy-time-validation";
export type { TemplateParameter } from "./parameters";
