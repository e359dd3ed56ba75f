/**
 * The words a person sees for the pipeline's fields: a label and an example value per model member,
 * and what each of the model's patterns allows, said in words. Messages use these instead of member
 * paths or raw regular expressions (the path stays in the diagnostic's `path` for linking).
 */

/** A field as a person names it, with a value that would be accepted. */
export interface FieldWords {
  readonly label: string;
  readonly example?: string;
}

const ARN_ROLE = "arn:aws:iam::111122223333:role/MyPipelineRole";
const NAME_CHARS = "letters, digits and . @ - _ (no spaces)";

/** Labels by `Structure.member` (model shape names), and by shape name for list and map entries. */
const FIELDS: Readonly<Record<string, FieldWords>> = {
  "PipelineDeclaration.name": { label: "Pipeline name", example: "my-pipeline" },
  "PipelineDeclaration.roleArn": { label: "Service role ARN", example: ARN_ROLE },
  "PipelineDeclaration.artifactStore": {
    label: "Artifact store",
    example: '{"type": "S3", "location": "my-artifact-bucket"}',
  },
  "PipelineDeclaration.artifactStores": {
    label: "Artifact stores (one per Region)",
    example: '{"us-east-1": {"type": "S3", "location": "my-artifact-bucket"}}',
  },
  "PipelineDeclaration.stages": { label: "Stages" },
  "PipelineDeclaration.version": { label: "Version", example: "1" },
  "PipelineDeclaration.executionMode": { label: "Execution mode", example: "QUEUED" },
  "PipelineDeclaration.pipelineType": { label: "Pipeline type", example: "V2" },
  "PipelineDeclaration.variables": { label: "Pipeline variables" },
  "PipelineDeclaration.triggers": { label: "Triggers" },
  "ArtifactStore.type": { label: "Artifact store type", example: "S3" },
  "ArtifactStore.location": { label: "Artifact bucket", example: "my-artifact-bucket" },
  "ArtifactStore.encryptionKey": { label: "Encryption key" },
  "EncryptionKey.id": {
    label: "KMS key ID or ARN",
    example: "arn:aws:kms:us-east-1:111122223333:key/1234abcd",
  },
  "EncryptionKey.type": { label: "Encryption key type", example: "KMS" },
  "ArtifactStoreMap.key": { label: "Region of an artifact store", example: "us-east-1" },
  "StageDeclaration.name": { label: "Stage name", example: "Build" },
  "StageDeclaration.blockers": { label: "Blockers" },
  "StageDeclaration.actions": { label: "Actions" },
  "StageDeclaration.onFailure": { label: "On-failure settings" },
  "StageDeclaration.onSuccess": { label: "On-success conditions" },
  "StageDeclaration.beforeEntry": { label: "Entry conditions" },
  "BlockerDeclaration.name": { label: "Blocker name" },
  "BlockerDeclaration.type": { label: "Blocker type", example: "Schedule" },
  "ActionDeclaration.name": { label: "Action name", example: "Build" },
  "ActionDeclaration.actionTypeId": {
    label: "Action type",
    example: '{"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}',
  },
  "ActionDeclaration.runOrder": { label: "Run order", example: "1" },
  "ActionDeclaration.configuration": { label: "Configuration" },
  "ActionDeclaration.commands": { label: "Commands", example: '["npm ci", "npm test"]' },
  "ActionDeclaration.outputArtifacts": { label: "Output artifacts" },
  "ActionDeclaration.inputArtifacts": { label: "Input artifacts" },
  "ActionDeclaration.outputVariables": { label: "Output variables", example: '["BUILD_ID"]' },
  "ActionDeclaration.roleArn": { label: "Action role ARN", example: ARN_ROLE },
  "ActionDeclaration.region": { label: "Region", example: "us-east-1" },
  "ActionDeclaration.namespace": { label: "Variable namespace", example: "BuildVariables" },
  "ActionDeclaration.timeoutInMinutes": { label: "Timeout (minutes)", example: "60" },
  "ActionDeclaration.environmentVariables": { label: "Environment variables" },
  "ActionTypeId.category": { label: "Category", example: "Build" },
  "ActionTypeId.owner": { label: "Owner", example: "AWS" },
  "ActionTypeId.provider": { label: "Provider", example: "CodeBuild" },
  "ActionTypeId.version": { label: "Action type version", example: "1" },
  "ActionConfigurationMap.key": { label: "Configuration key", example: "ProjectName" },
  ActionConfigurationValue: { label: "Configuration value" },
  Command: { label: "Command", example: "npm test" },
  OutputVariable: { label: "Output variable", example: "BUILD_ID" },
  "InputArtifact.name": { label: "Input artifact name", example: "SourceOutput" },
  "OutputArtifact.name": { label: "Output artifact name", example: "BuildOutput" },
  "OutputArtifact.files": { label: "Output files", example: '["dist/**"]' },
  FilePath: { label: "Output file path", example: "dist/**" },
  "EnvironmentVariable.name": { label: "Environment variable name", example: "STAGE" },
  "EnvironmentVariable.value": { label: "Environment variable value", example: "prod" },
  "EnvironmentVariable.type": { label: "Environment variable type", example: "PLAINTEXT" },
  "PipelineVariableDeclaration.name": { label: "Pipeline variable name", example: "Environment" },
  "PipelineVariableDeclaration.defaultValue": { label: "Default value", example: "prod" },
  "PipelineVariableDeclaration.description": { label: "Variable description" },
  "PipelineTriggerDeclaration.providerType": {
    label: "Trigger provider",
    example: "CodeStarSourceConnection",
  },
  "PipelineTriggerDeclaration.gitConfiguration": { label: "Git trigger settings" },
  "GitConfiguration.sourceActionName": { label: "Trigger source action", example: "Source" },
  "GitConfiguration.push": { label: "Push filters" },
  "GitConfiguration.pullRequest": { label: "Pull request filters" },
  "GitPullRequestFilter.events": { label: "Pull request events", example: '["OPEN", "UPDATED"]' },
  GitPullRequestEventType: { label: "Pull request event", example: "OPEN" },
  "GitBranchFilterCriteria.includes": { label: "Branches to include", example: '["main"]' },
  "GitBranchFilterCriteria.excludes": { label: "Branches to exclude", example: '["wip/*"]' },
  "GitFilePathFilterCriteria.includes": { label: "File paths to include", example: '["src/**"]' },
  "GitFilePathFilterCriteria.excludes": { label: "File paths to exclude", example: '["docs/**"]' },
  "GitTagFilterCriteria.includes": { label: "Tags to include", example: '["v*"]' },
  "GitTagFilterCriteria.excludes": { label: "Tags to exclude", example: '["*-beta"]' },
  GitBranchNamePattern: { label: "Branch pattern", example: "release/*" },
  GitFilePathPattern: { label: "File path pattern", example: "src/**" },
  GitTagNamePattern: { label: "Tag pattern", example: "v*" },
  "FailureConditions.result": { label: "On-failure result", example: "ROLLBACK" },
  "FailureConditions.retryConfiguration": { label: "Retry settings" },
  "RetryConfiguration.retryMode": { label: "Retry mode", example: "FAILED_ACTIONS" },
  "Condition.result": { label: "Condition result", example: "FAIL" },
  "Condition.rules": { label: "Condition rules" },
  "RuleDeclaration.name": { label: "Rule name", example: "CheckAlarm" },
  "RuleDeclaration.ruleTypeId": {
    label: "Rule type",
    example: '{"category": "Rule", "owner": "AWS", "provider": "CloudWatchAlarm", "version": "1"}',
  },
  "RuleDeclaration.configuration": { label: "Rule configuration" },
  "RuleDeclaration.commands": { label: "Rule commands", example: '["./check.sh"]' },
  "RuleDeclaration.inputArtifacts": { label: "Rule input artifacts" },
  "RuleDeclaration.roleArn": { label: "Rule role ARN", example: ARN_ROLE },
  "RuleDeclaration.region": { label: "Rule Region", example: "us-east-1" },
  "RuleDeclaration.timeoutInMinutes": { label: "Rule timeout (minutes)", example: "60" },
  "RuleTypeId.category": { label: "Rule category", example: "Rule" },
  "RuleTypeId.owner": { label: "Rule owner", example: "AWS" },
  "RuleTypeId.provider": { label: "Rule provider", example: "CloudWatchAlarm" },
  "RuleTypeId.version": { label: "Rule type version", example: "1" },
  "RuleConfigurationMap.key": { label: "Rule configuration key", example: "AlarmName" },
  RuleConfigurationValue: { label: "Rule configuration value" },
  StageDeclaration: { label: "Stage" },
  ActionDeclaration: { label: "Action" },
  ArtifactStore: { label: "Artifact store", example: '{"type": "S3", "location": "my-artifact-bucket"}' },
  InputArtifact: { label: "Input artifact", example: '{"name": "SourceOutput"}' },
  OutputArtifact: { label: "Output artifact", example: '{"name": "BuildOutput"}' },
  EnvironmentVariable: { label: "Environment variable", example: '{"name": "STAGE", "value": "prod"}' },
  PipelineVariableDeclaration: { label: "Pipeline variable", example: '{"name": "Environment"}' },
  PipelineTriggerDeclaration: { label: "Trigger" },
  GitPushFilter: { label: "Push filter", example: '{"branches": {"includes": ["main"]}}' },
  GitPullRequestFilter: { label: "Pull request filter", example: '{"branches": {"includes": ["main"]}}' },
  Condition: { label: "Condition" },
  RuleDeclaration: { label: "Rule" },
  BlockerDeclaration: { label: "Blocker" },
  Tag: { label: "Tag", example: '{"key": "team", "value": "payments"}' },
  "Tag.key": { label: "Tag key", example: "team" },
  "Tag.value": { label: "Tag value", example: "payments" },
};

/** How a person names a structure of the model, for "… needs a …" and "… has a member …" messages. */
const NOUNS: Readonly<Record<string, string>> = {
  PipelineDeclaration: "The pipeline",
  StageDeclaration: "This stage",
  ActionDeclaration: "This action",
  ActionTypeId: "The action type",
  ArtifactStore: "The artifact store",
  EncryptionKey: "The encryption key",
  InputArtifact: "The input artifact",
  OutputArtifact: "The output artifact",
  BlockerDeclaration: "The blocker",
  EnvironmentVariable: "The environment variable",
  PipelineVariableDeclaration: "The pipeline variable",
  PipelineTriggerDeclaration: "The trigger",
  GitConfiguration: "The trigger's Git settings",
  GitPushFilter: "The push filter",
  GitPullRequestFilter: "The pull request filter",
  BeforeEntryConditions: "The entry conditions",
  SuccessConditions: "The on-success conditions",
  FailureConditions: "The on-failure settings",
  Condition: "The condition",
  RuleDeclaration: "The rule",
  RuleTypeId: "The rule type",
  RetryConfiguration: "The retry settings",
  Tag: "The tag",
};

/**
 * What each of the model's string patterns allows, in words. The model's Java patterns match the
 * whole value; a pattern missing here is described generically (a test checks every pattern the
 * pipeline shapes use has words).
 */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  "[A-Za-z0-9.@\\-_]+": `may contain only ${NAME_CHARS}`,
  "[A-Za-z0-9@\\-_]+": "may contain only letters, digits and @ - _ (no spaces or dots)",
  "[0-9A-Za-z_-]+": "may contain only letters, digits, - and _",
  "[a-zA-Z0-9_\\-]+": "may contain only letters, digits, - and _ (no spaces or dots)",
  "[a-zA-Z0-9\\-\\.]+": "must be an S3 bucket name: letters, digits, - and . only",
  "[A-Za-z0-9_]+": "may contain only letters, digits and _",
  "arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*": "must be the ARN of an IAM role",
  ".*": "must be a single line of text",
};

/** "runOrder" → "Run order": the fallback label for a member the table does not name. */
function humanize(name: string): string {
  const words = name.split(/(?=[A-Z])/).map((w) => w.toLowerCase());
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The words for a structure member (`ActionDeclaration`, `name`). */
export function memberWords(structure: string, member: string): FieldWords {
  return FIELDS[`${structure}.${member}`] ?? { label: humanize(member) };
}

/** The words for an entry of a list or a map value, by its shape name. */
export function entryWords(shape: string, fallback: FieldWords): FieldWords {
  return FIELDS[shape] ?? { label: `${fallback.label} entry` };
}

/** The words for the keys of a map shape (`ActionConfigurationMap`). */
export function keyWords(mapShape: string): FieldWords {
  return FIELDS[`${mapShape}.key`] ?? { label: "Key" };
}

/** How a person names a structure: `ActionDeclaration` → "This action". */
export function nounOf(structure: string): string {
  return NOUNS[structure] ?? `The ${humanize(structure.replace(/Declaration$/, "")).toLowerCase()}`;
}

/** What a model pattern allows, as the rest of a sentence after the field's label. */
export function patternWords(pattern: string): string {
  return PATTERN_WORDS[pattern] ?? "may contain only the characters AWS allows there";
}

/** True when the pattern has words of its own (for the test that every pattern is described). */
export function hasPatternWords(pattern: string): boolean {
  return Object.hasOwn(PATTERN_WORDS, pattern);
}

/** ", for example X" when the field has an example, else "". */
export function exampleText(words: FieldWords): string {
  return words.example === undefined ? "" : `, for example ${words.example}`;
}
