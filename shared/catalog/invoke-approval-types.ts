import { USER_GUIDE, optional, required, requiredWhen } from "./config-fields";
import type { ActionTypeSpec } from "./types";

/** Invoke and Approval action types. */
export const INVOKE_APPROVAL_ACTION_TYPES: readonly ActionTypeSpec[] = [
  {
    category: "Invoke",
    owner: "AWS",
    provider: "Lambda",
    version: "1",
    title: "AWS Lambda (invoke)",
    description: "Invokes a Lambda function that reports success or failure back to the pipeline.",
    inputArtifacts: { min: 0, max: 5 },
    outputArtifacts: { min: 0, max: 5 },
    configuration: [
      required("FunctionName", "Name of the Lambda function to invoke."),
      optional("UserParameters", "String passed to the function in the job data (often JSON)."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-Lambda.html`,
  },
  {
    category: "Invoke",
    owner: "AWS",
    provider: "StepFunctions",
    version: "1",
    title: "AWS Step Functions",
    description: "Starts a Step Functions state machine execution and, for standard machines, waits for it.",
    inputArtifacts: { min: 0, max: 1 },
    outputArtifacts: { min: 0, max: 1 },
    configuration: [
      required("StateMachineArn", "ARN of the state machine to start."),
      optional(
        "ExecutionNamePrefix",
        "Prefix joined to the action execution ID to name the state machine execution.",
      ),
      optional(
        "InputType",
        "How Input is read: as the literal input (default) or as a file path in the input artifact.",
        {
          allowedValues: ["Literal", "FilePath"],
        },
      ),
      requiredWhen(
        "Input",
        "Literal JSON input, or with InputType FilePath the path of the input file (then required).",
        { key: "InputType", equals: ["FilePath"] },
      ),
    ],
    // The input file is read from the input artifact (action-reference-StepFunctions.html).
    inputArtifactsWhen: [{ key: "InputType", equals: ["FilePath"], min: 1 }],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-StepFunctions.html`,
  },
  {
    category: "Invoke",
    owner: "AWS",
    provider: "InspectorScan",
    version: "1",
    title: "Amazon Inspector scan",
    description:
      "Scans source code or an ECR image for vulnerabilities and fails past the thresholds you set.",
    inputArtifacts: { min: 0, max: 1 },
    outputArtifacts: { min: 1, max: 1 },
    configuration: [
      required("InspectorRunMode", "What to scan: the source code in the input artifact or an ECR image.", {
        allowedValues: ["SourceCodeScan", "ECRImageScan"],
      }),
      requiredWhen("ECRRepositoryName", "ECR repository of the image to scan (ECRImageScan mode).", {
        key: "InspectorRunMode",
        equals: ["ECRImageScan"],
      }),
      optional("ImageTag", 'Tag of the image to scan (ECRImageScan mode; default "latest").'),
      optional("CriticalThreshold", "Critical-severity findings beyond which the action fails."),
      optional("HighThreshold", "High-severity findings beyond which the action fails."),
      optional("MediumThreshold", "Medium-severity findings beyond which the action fails."),
      optional("LowThreshold", "Low-severity findings beyond which the action fails."),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-InspectorScan.html`,
  },
  {
    category: "Invoke",
    owner: "AWS",
    provider: "CodePipeline",
    version: "1",
    title: "AWS CodePipeline (invoke pipeline)",
    description: "Starts another pipeline, passing it pipeline variables and source revisions.",
    inputArtifacts: { min: 0, max: 0 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("PipelineName", "Name of the pipeline to start."),
      optional(
        "SourceRevisions",
        'JSON array of {actionName, revisionType, revisionValue} the started pipeline uses, e.g. [{"actionName":"Source",…}].',
      ),
      optional("Variables", "JSON array of {name, value} pipeline variables for the started execution."),
    ],
    v2Only: true,
    docsUrl: `${USER_GUIDE}action-reference-PipelineInvoke.html`,
  },
  {
    category: "Invoke",
    owner: "ThirdParty",
    provider: "Snyk",
    version: "1",
    title: "Snyk",
    description:
      "Scans the input artifact for open-source vulnerabilities with Snyk (set up from the console).",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 1, max: 1 },
    configuration: [],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-Snyk.html`,
  },
  {
    category: "Approval",
    owner: "AWS",
    provider: "Manual",
    version: "1",
    title: "Manual approval",
    description: "Stops the pipeline until someone approves or rejects; optionally notifies an SNS topic.",
    inputArtifacts: { min: 0, max: 0 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      optional("NotificationArn", "SNS topic that is notified when the approval is pending."),
      optional("CustomData", "Text shown to the reviewer and included in the notification."),
      optional("ExternalEntityLink", "URL the reviewer opens to see what they are approving."),
    ],
    v2Only: false,
    members: ["timeoutInMinutes"],
    docsUrl: `${USER_GUIDE}approvals.html`,
  },
];
