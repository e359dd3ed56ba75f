import {
  OUTPUT_ARTIFACT_FORMAT,
  POLL_FOR_SOURCE_CHANGES,
  USER_GUIDE,
  optional,
  required,
} from "./config-fields";
import type { ActionTypeSpec } from "./types";

/** A source produces exactly one artifact and consumes none. */
const SOURCE_COUNTS = {
  inputArtifacts: { min: 0, max: 0 },
  outputArtifacts: { min: 1, max: 1 },
} as const;

/** Source-category action types: the first stage of every pipeline is built from these. */
export const SOURCE_ACTION_TYPES: readonly ActionTypeSpec[] = [
  {
    category: "Source",
    owner: "AWS",
    provider: "S3",
    version: "1",
    title: "Amazon S3",
    description: "Starts the pipeline when a new version of an object lands in a versioned S3 bucket.",
    ...SOURCE_COUNTS,
    configuration: [
      required("S3Bucket", "Name of the versioned bucket that holds the source object."),
      required("S3ObjectKey", "Key of the object (usually a .zip) whose new versions start the pipeline."),
      POLL_FOR_SOURCE_CHANGES,
      optional(
        "AllowOverrideForS3ObjectKey",
        "Lets a manual start override S3ObjectKey with a source revision of type S3_OBJECT_KEY.",
      ),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-S3.html`,
  },
  {
    category: "Source",
    owner: "AWS",
    provider: "CodeCommit",
    version: "1",
    title: "AWS CodeCommit",
    description: "Starts the pipeline on a new commit to a CodeCommit repository branch.",
    ...SOURCE_COUNTS,
    configuration: [
      required("RepositoryName", "Name of the CodeCommit repository to watch."),
      required("BranchName", "Branch whose commits start the pipeline."),
      POLL_FOR_SOURCE_CHANGES,
      OUTPUT_ARTIFACT_FORMAT,
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-CodeCommit.html`,
  },
  {
    category: "Source",
    owner: "AWS",
    provider: "ECR",
    version: "1",
    title: "Amazon ECR",
    description: "Starts the pipeline when an image is pushed to an ECR repository.",
    ...SOURCE_COUNTS,
    configuration: [
      required("RepositoryName", "Name of the ECR repository to watch."),
      optional("ImageTag", 'Image tag whose pushes start the pipeline (default "latest").'),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-ECR.html`,
  },
  {
    category: "Source",
    owner: "AWS",
    provider: "CodeStarSourceConnection",
    version: "1",
    title: "Git connection (GitHub, GitLab, Bitbucket)",
    description:
      "Starts the pipeline on commits to a third-party Git repository reached through a CodeConnections connection.",
    ...SOURCE_COUNTS,
    configuration: [
      required("ConnectionArn", "ARN of the authorized connection to the Git provider."),
      required("FullRepositoryId", 'Owner and repository name, e.g. "some-user/my-repo".'),
      required("BranchName", "Branch whose commits start the pipeline."),
      OUTPUT_ARTIFACT_FORMAT,
      optional(
        "DetectChanges",
        'Start the pipeline automatically on new commits ("true", the default) or only by hand or trigger ("false").',
        { valueType: "boolean" },
      ),
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-CodestarConnectionSource.html`,
  },
  {
    category: "Source",
    owner: "ThirdParty",
    provider: "GitHub",
    version: "1",
    title: "GitHub (version 1, OAuth)",
    description:
      "Legacy GitHub source authorized by an OAuth or personal access token; kept so old pipelines open and validate.",
    ...SOURCE_COUNTS,
    configuration: [
      required("Owner", "GitHub user or organization that owns the repository."),
      required("Repo", "Name of the repository to watch."),
      required("Branch", "Branch whose commits start the pipeline."),
      required("OAuthToken", "GitHub token CodePipeline uses; the service always returns it as ****.", {
        secret: true,
      }),
      POLL_FOR_SOURCE_CHANGES,
    ],
    v2Only: false,
    docsUrl: `${USER_GUIDE}action-reference-GitHub.html`,
  },
];
