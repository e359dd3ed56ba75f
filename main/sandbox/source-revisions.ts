/**
 * What a source action reports when it succeeds, per provider: the revision (SourceRevision and
 * ArtifactRevision members), the execution result, and the output variables the user guide's
 * action reference lists for it. Each source action "produces variables which can be viewed as
 * output variables, even if the action doesn't have a namespace" (action-reference-S3, -ECR,
 * -CodeCommit).
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { codeCommitCommitUrl, connectionRedirectUrl } from "./provider-links";
import { accountOf, fakeHex, type RunContext } from "./run-context";
import type { ConnectionProviderType } from "./scenario";

export interface SourceOutput {
  revisionId: string;
  revisionSummary?: string;
  revisionUrl?: string;
  /** ArtifactRevision: "such as a commit date or, for artifacts stored in Amazon S3 buckets, the ETag value". */
  revisionChangeIdentifier?: string;
  outputVariables: Record<string, string>;
}

export interface SourceInputs {
  /** What the scenario says the change is (a commit message, an S3 object's revision summary). */
  summary?: string;
  /** Which host a CodeConnections connection reaches. */
  connectionProvider: (connectionArn: string) => ConnectionProviderType;
}

/** Epoch seconds, as CodePipeline writes a commit date into revisionChangeIdentifier. */
function epochText(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** ISO-8601 without milliseconds, as a commit date reads in AuthorDate and CommitterDate. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** An S3 version id: 32 characters of `[A-Za-z0-9._]`, like `PARcnxX_u0SMRBnKh83pHL09.zPRLLMu`. */
function s3VersionId(...seed: string[]): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
  const hex = fakeHex(64, ...seed);
  let id = "";
  for (let i = 0; i < 32; i++) id += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return id;
}

/**
 * Amazon S3 (action-reference-S3): variables `ETag` ("an MD5 hash of the object") and `VersionId`;
 * the revision is the object version ("The Amazon S3 object metadata (ETag and version ID) is
 * displayed in CodePipeline as the source revision"). The summary is "the user-provided content of
 * a codepipeline-artifact-revision-summary key specified in the object metadata" (SourceRevision in
 * the API reference), else what the service shows without one, `Amazon S3 version id: <id>`
 * (pipelines-view-cli). No commit, no link.
 */
function s3Source(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
): SourceOutput {
  const seed = [ctx.pipeline.name, action.name, ctx.execution.id];
  const versionId = override ?? s3VersionId(...seed);
  const eTag = fakeHex(32, ...seed, "etag");
  return {
    revisionId: versionId,
    revisionSummary: inputs.summary ?? `Amazon S3 version id: ${versionId}`,
    revisionChangeIdentifier: eTag,
    outputVariables: { ETag: eTag, VersionId: versionId },
  };
}

/**
 * Amazon ECR (action-reference-ECR): `RegistryId` ("The AWS account ID associated with the registry
 * that contains the repository"), `RepositoryName`, `ImageTag` (the configuration's, default
 * `latest`), `ImageDigest` ("The sha256 digest of the image manifest") and `ImageURI`, written as
 * the action's imageDetail.json writes it (file-reference: `ACCOUNTID.dkr.ecr.us-west-2.amazonaws.com/
 * dk-image-repo@sha256:…`). The revision is the digest; the docs give no summary or link for it.
 */
function ecrSource(action: ActionDeclaration, ctx: RunContext, override: string | undefined): SourceOutput {
  const config = action.configuration ?? {};
  const region = action.region ?? ctx.region;
  const account = accountOf(ctx);
  const repository = config.RepositoryName ?? "repository";
  const digest = override ?? `sha256:${fakeHex(64, ctx.pipeline.name, action.name, ctx.execution.id)}`;
  return {
    revisionId: digest,
    outputVariables: {
      RegistryId: account,
      RepositoryName: repository,
      ImageTag: config.ImageTag ?? "latest",
      ImageDigest: digest,
      ImageURI: `${account}.dkr.ecr.${region}.amazonaws.com/${repository}@${digest}`,
    },
  };
}

/** The commit a Git source reports: id, message, dates. */
function commitOf(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
) {
  const branch = action.configuration?.BranchName ?? "main";
  const committed = ctx.execution.startTime;
  return {
    commitId: override ?? fakeHex(40, ctx.pipeline.name, action.name, ctx.execution.id),
    message: inputs.summary ?? `Simulated change on ${branch}`,
    branch,
    committerDate: isoSeconds(committed),
    // The author wrote the change a little before it was pushed.
    authorDate: isoSeconds(
      committed - (parseInt(fakeHex(4, ctx.execution.id, action.name), 16) % 3600) * 1000,
    ),
    changeIdentifier: epochText(committed),
  };
}

/**
 * CodeCommit (action-reference-CodeCommit): `CommitId` ("the full SHA of the commit"),
 * `CommitMessage`, `RepositoryName`, `BranchName`, `AuthorDate`, `CommitterDate`. The summary is
 * the commit message ("For GitHub and CodeCommit repositories, the commit message") and the link the
 * CodeCommit console's commit page.
 */
function codeCommitSource(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
): SourceOutput {
  const commit = commitOf(action, ctx, override, inputs);
  const repository = action.configuration?.RepositoryName ?? "repository";
  return {
    revisionId: commit.commitId,
    revisionSummary: commit.message,
    revisionUrl: codeCommitCommitUrl(action.region ?? ctx.region, repository, commit.commitId),
    revisionChangeIdentifier: commit.changeIdentifier,
    outputVariables: {
      AuthorDate: commit.authorDate,
      BranchName: commit.branch,
      CommitId: commit.commitId,
      CommitMessage: commit.message,
      CommitterDate: commit.committerDate,
      RepositoryName: repository,
    },
  };
}

/**
 * CodeStarSourceConnection (Bitbucket, GitHub, GitHub Enterprise Server, GitLab): the variables the
 * CDK's CodeStarSourceVariables documents (https://docs.aws.amazon.com/cdk/api/v2/docs/
 * aws-cdk-lib.aws_codepipeline_actions.CodeStarSourceVariables.html): `AuthorDate`, `BranchName`,
 * `CommitId`, `CommitMessage`, `ConnectionArn`, `FullRepositoryName`. The service writes the summary
 * as JSON naming the host, `{"ProviderType":"GitHub","CommitMessage":"Updated some files"}`, and
 * links to the console's redirect, which opens the commit on that host.
 */
function connectionSource(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
): SourceOutput {
  const commit = commitOf(action, ctx, override, inputs);
  const config = action.configuration ?? {};
  const connectionArn = config.ConnectionArn ?? "";
  const repository = config.FullRepositoryId ?? "owner/repository";
  return {
    revisionId: commit.commitId,
    revisionSummary: JSON.stringify({
      ProviderType: inputs.connectionProvider(connectionArn),
      CommitMessage: commit.message,
    }),
    revisionUrl: connectionRedirectUrl(action.region ?? ctx.region, connectionArn, repository, {
      commit: commit.commitId,
    }),
    revisionChangeIdentifier: commit.changeIdentifier,
    outputVariables: {
      AuthorDate: commit.authorDate,
      BranchName: commit.branch,
      CommitId: commit.commitId,
      CommitMessage: commit.message,
      ConnectionArn: connectionArn,
      FullRepositoryName: repository,
    },
  };
}

/**
 * GitHub version 1 (owner ThirdParty, action-reference-GitHub): `CommitId`, `CommitMessage`,
 * `CommitterDate`, `CommitUrl`, `AuthorDate`, `BranchName`, `RepositoryName`; its revision link is
 * the commit in GitHub's API, as pipelines-view-cli shows (`https://api.github.com/repos/anycompany/
 * MyApp/git/commits/7636d59f…`).
 */
function gitHubV1Source(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
): SourceOutput {
  const commit = commitOf(action, ctx, override, inputs);
  const config = action.configuration ?? {};
  const url = `https://api.github.com/repos/${config.Owner ?? "owner"}/${config.Repo ?? "repository"}/git/commits/${commit.commitId}`;
  return {
    revisionId: commit.commitId,
    revisionSummary: commit.message,
    revisionUrl: url,
    revisionChangeIdentifier: commit.changeIdentifier,
    outputVariables: {
      AuthorDate: commit.authorDate,
      BranchName: config.Branch ?? commit.branch,
      CommitId: commit.commitId,
      CommitMessage: commit.message,
      CommitterDate: commit.committerDate,
      CommitUrl: url,
      RepositoryName: config.Repo ?? "repository",
    },
  };
}

/** The revision a source action reports when it succeeds; `override` is a revision the run was given. */
export function sourceOutput(
  action: ActionDeclaration,
  ctx: RunContext,
  override: string | undefined,
  inputs: SourceInputs,
): SourceOutput {
  const { owner, provider } = action.actionTypeId;
  if (owner === "ThirdParty" && provider === "GitHub") return gitHubV1Source(action, ctx, override, inputs);
  switch (owner === "AWS" ? provider : "") {
    case "S3":
      return s3Source(action, ctx, override, inputs);
    case "ECR":
      return ecrSource(action, ctx, override);
    case "CodeStarSourceConnection":
      return connectionSource(action, ctx, override, inputs);
    case "CodeCommit":
      return codeCommitSource(action, ctx, override, inputs);
    default: {
      // A source nobody documents outputs for: a revision id and the change's summary, no variables.
      const revisionId = override ?? fakeHex(40, ctx.pipeline.name, action.name, ctx.execution.id);
      const result: SourceOutput = { revisionId, outputVariables: {} };
      if (inputs.summary !== undefined) result.revisionSummary = inputs.summary;
      return result;
    }
  }
}
