import type { ActionCategory } from "../pipeline/model";
import { USER_GUIDE, optional, required } from "./config-fields";
import type { ActionTypeSpec, ConfigField } from "./types";

/** CodeBuild serves both Build and Test with the same keys; one list keeps the two in step. */
const CODEBUILD_CONFIGURATION: readonly ConfigField[] = [
  required("ProjectName", "Name of the CodeBuild project to run."),
  optional(
    "PrimarySource",
    "Input artifact whose directory holds the buildspec; required when the action has more than one input.",
    { requiredWithInputsAtLeast: 2 },
  ),
  optional("BatchEnabled", 'Run a batch build ("true") instead of a single build.', { valueType: "boolean" }),
  optional(
    "CombineArtifacts",
    'Combine the artifacts of a batch build into one output ("true"); needs BatchEnabled.',
    { valueType: "boolean" },
  ),
  optional(
    "EnvironmentVariables",
    "JSON array of {name, value, type} objects (type PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER) passed to the build.",
  ),
];

function codeBuild(category: Extract<ActionCategory, "Build" | "Test">): ActionTypeSpec {
  return {
    category,
    owner: "AWS",
    provider: "CodeBuild",
    version: "1",
    title: category === "Build" ? "AWS CodeBuild" : "AWS CodeBuild (test)",
    description:
      category === "Build"
        ? "Runs a CodeBuild project's buildspec on the input artifacts."
        : "Runs a CodeBuild project as a test step; a failing build fails the stage.",
    inputArtifacts: { min: 1, max: 5 },
    outputArtifacts: { min: 0, max: 5 },
    configuration: CODEBUILD_CONFIGURATION,
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-CodeBuild.html`,
  };
}

/**
 * Jenkins is a Custom action type each account registers under a name of its choosing; the catalog
 * knows the common "Jenkins" / "1" registration, and any other name or version falls through to the
 * unknown-action-type warning instead of borrowing these limits.
 */
function jenkins(category: Extract<ActionCategory, "Build" | "Test">): ActionTypeSpec {
  return {
    category,
    owner: "Custom",
    provider: "Jenkins",
    version: "1",
    title: category === "Build" ? "Jenkins (custom build)" : "Jenkins (custom test)",
    description: `Runs a Jenkins job through a custom ${category.toLowerCase()} action registered with the CodePipeline Jenkins plugin.`,
    inputArtifacts: { min: 0, max: 5 },
    outputArtifacts: { min: 0, max: 5 },
    configuration: [required("ProjectName", "Name of the Jenkins project (job) to run.")],
    v2Only: false,
  };
}

const DEVICE_FARM_TEST_TYPES = [
  "APPIUM_JAVA_JUNIT",
  "APPIUM_JAVA_TESTNG",
  "APPIUM_PYTHON",
  "APPIUM_WEB_JAVA_JUNIT",
  "APPIUM_WEB_JAVA_TESTNG",
  "APPIUM_WEB_PYTHON",
  "BUILTIN_EXPLORER",
  "BUILTIN_FUZZ",
  "CALABASH",
  "INSTRUMENTATION",
  "UIAUTOMATION",
  "UIAUTOMATOR",
  "XCTEST",
  "XCTEST_UI",
] as const;

/** Build, Test and Compute action types. */
export const BUILD_TEST_ACTION_TYPES: readonly ActionTypeSpec[] = [
  codeBuild("Build"),
  codeBuild("Test"),
  {
    category: "Build",
    owner: "AWS",
    provider: "ECRBuildAndPublish",
    version: "1",
    title: "Amazon ECR build and publish",
    description: "Builds a Docker image from the input's Dockerfile and pushes it to an ECR repository.",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("ECRRepositoryName", "ECR repository the image is pushed to."),
      optional("DockerFilePath", "Directory of the Dockerfile when it is not at the root of the input."),
      optional("ImageTags", 'Comma-separated tags for the image (default "latest").'),
      optional("RegistryType", "Whether the repository is private (default) or public.", {
        allowedValues: ["private", "public"],
      }),
    ],
    v2Only: true,
    docsUrl: `${USER_GUIDE}action-reference-ECRBuildAndPublish.html`,
  },
  {
    category: "Compute",
    owner: "AWS",
    provider: "Commands",
    version: "1",
    title: "Commands",
    description: "Runs shell commands on CodePipeline-managed CodeBuild compute, without a build project.",
    inputArtifacts: { min: 1, max: 10 },
    outputArtifacts: { min: 0, max: 1 },
    configuration: [],
    v2Only: true,
    members: ["commands", "outputVariables", "environmentVariables"],
    docsUrl: `${USER_GUIDE}action-reference-Commands.html`,
  },
  {
    category: "Test",
    owner: "AWS",
    provider: "DeviceFarm",
    version: "1",
    title: "AWS Device Farm",
    description: "Tests a mobile or web app on a pool of Device Farm devices.",
    inputArtifacts: { min: 1, max: 1 },
    outputArtifacts: { min: 0, max: 0 },
    configuration: [
      required("AppType", "Platform of the app under test.", { allowedValues: ["iOS", "Android", "Web"] }),
      required("ProjectId", "Device Farm project ID (the part of the project URL after projects/)."),
      required("App", "Name and path of the app file in the input artifact, e.g. app.ipa."),
      required("DevicePoolArn", "ARN of the Device Farm device pool to test on."),
      required("TestType", "Test framework to run.", { allowedValues: DEVICE_FARM_TEST_TYPES }),
      optional(
        "AppiumVersion",
        "Appium version; the docs list it as required but ignore its value, and their own example omits it.",
      ),
      optional("Test", "Path of the test definition file, relative to the input artifact root."),
      optional("RecordVideo", 'Record video during the test ("true"/"false").', { valueType: "boolean" }),
      optional(
        "RecordAppPerformanceData",
        'Record CPU, FPS and memory data during the test ("true"/"false").',
        { valueType: "boolean" },
      ),
      optional("RadioBluetoothEnabled", 'Enable Bluetooth at the start of the test ("true"/"false").', {
        valueType: "boolean",
      }),
      optional("RadioWifiEnabled", 'Enable Wi-Fi at the start of the test ("true"/"false").', {
        valueType: "boolean",
      }),
      optional("RadioNfcEnabled", 'Enable NFC at the start of the test ("true"/"false").', {
        valueType: "boolean",
      }),
      optional("RadioGpsEnabled", 'Enable GPS at the start of the test ("true"/"false").', {
        valueType: "boolean",
      }),
      optional("FuzzEventCount", "Number of UI events the fuzz test performs (1 to 10,000).", {
        valueType: "integer",
        min: 1,
        max: 10_000,
      }),
      optional("FuzzEventThrottle", "Milliseconds the fuzz test waits between UI events (1 to 1,000).", {
        valueType: "integer",
        min: 1,
        max: 1000,
      }),
      optional(
        "FuzzRandomizerSeed",
        "Seed for the fuzz test; the same seed repeats the same event sequence.",
      ),
      optional(
        "CustomHostMachineArtifacts",
        "Location on the host machine where custom artifacts are stored.",
      ),
      optional("CustomDeviceArtifacts", "Location on the device where custom artifacts are stored."),
      optional("UnmeteredDevicesOnly", 'Use only your unmetered devices ("true"/"false").', {
        valueType: "boolean",
      }),
      optional("JobTimeoutMinutes", "Minutes a test run may take per device before it times out.", {
        valueType: "integer",
        min: 1,
      }),
      optional("Latitude", "Device latitude in degrees.", { valueType: "number", min: -90, max: 90 }),
      optional("Longitude", "Device longitude in degrees.", { valueType: "number", min: -180, max: 180 }),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-DeviceFarm.html`,
  },
  jenkins("Build"),
  jenkins("Test"),
];
