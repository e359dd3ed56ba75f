/**
 * The console links CodePipeline itself reports for built-in providers: an action's entity link
 * (GetPipelineState `entityUrl`) and the link of one execution (`externalExecutionUrl`). No AWS page
 * specifies these URLs, so they follow the service's own answers as recorded in AWS documentation
 * and, where the docs show none, in GetPipelineState output users have published:
 * - CodeDeploy (user guide, https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-view-cli.html):
 *   `"externalExecutionUrl": "https://us-west-2.console.aws.amazon.com/codedeploy/home?#/deployments/d-KFGF3WTS2"`,
 *   `"entityUrl": "https://us-west-2.console.aws.amazon.com/codedeploy/home?#/applications/my-application"`;
 *   answers that carry the region read `codedeploy/home?region=ap-northeast-2#/deployments/d-…`.
 * - Amazon S3 source (same page, and the AWS code library's GetPipelineState example,
 *   https://docs.aws.amazon.com/code-library/latest/ug/codepipeline_example_codepipeline_GetPipelineState_section.html):
 *   `"entityUrl": "https://console.aws.amazon.com/s3/home?#"`.
 * - CodeBuild (published GetPipelineState output): `"externalExecutionUrl":
 *   "https://console.aws.amazon.com/codebuild/home?region=ap-southeast-1#/builds/<project>:<uuid>/view/new"`,
 *   `"entityUrl": "https://console.aws.amazon.com/codebuild/home?region=ap-southeast-1#/projects/<project>/view"`.
 * - CodeCommit (published output): `"entityUrl": "https://console.aws.amazon.com/codecommit/home?region=<r>#/repository/<repo>/browse/<branch>/--/"`,
 *   `"revisionUrl": "https://console.aws.amazon.com/codecommit/home?region=<r>#/repository/<repo>/commit/<sha>"`.
 * - CloudFormation (published output): `"entityUrl": "https://console.aws.amazon.com/cloudformation/home?region=<r>#/"`.
 * Providers with no recorded link get none rather than an invented one.
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";

const CONSOLE = "https://console.aws.amazon.com";

/** A CodeBuild build's page; build ids are `<project>:<uuid>`. */
export function codeBuildBuildUrl(region: string, buildId: string): string {
  return `${CONSOLE}/codebuild/home?region=${region}#/builds/${encodeURI(buildId)}/view/new`;
}

export function codeDeployDeploymentUrl(region: string, deploymentId: string): string {
  return `${CONSOLE}/codedeploy/home?region=${region}#/deployments/${deploymentId}`;
}

/** A CodeCommit commit, as GetPipelineState's `revisionUrl` gives it. */
export function codeCommitCommitUrl(region: string, repository: string, commitId: string): string {
  return `${CONSOLE}/codecommit/home?region=${region}#/repository/${repository}/commit/${commitId}`;
}

/**
 * A CodeConnections source: the console's redirect to the commit (or branch) on the connection's
 * host, exactly as the service returns it, e.g. `https://us-west-2.console.aws.amazon.com/codesuite/
 * settings/connections/redirect?connectionArn=arn:aws:codestar-connections:…&referenceType=COMMIT&
 * FullRepositoryId=aws/dummy-repository&Commit=da7add70…`.
 */
export function connectionRedirectUrl(
  region: string,
  connectionArn: string,
  repository: string,
  reference: { commit: string } | { branch: string },
): string {
  const which =
    "commit" in reference
      ? `referenceType=COMMIT&FullRepositoryId=${repository}&Commit=${reference.commit}`
      : `referenceType=BRANCH&FullRepositoryId=${repository}&Branch=${reference.branch}`;
  return `https://${region}.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=${connectionArn}&${which}`;
}

/** GetPipelineState's `entityUrl` of a built-in action, or undefined when the service's is unknown. */
export function entityUrl(action: ActionDeclaration, region: string): string | undefined {
  if (action.actionTypeId.owner !== "AWS") return undefined;
  const config = action.configuration ?? {};
  switch (action.actionTypeId.provider) {
    case "CodeBuild":
      return config.ProjectName === undefined
        ? undefined
        : `${CONSOLE}/codebuild/home?region=${region}#/projects/${encodeURIComponent(config.ProjectName)}/view`;
    case "CodeDeploy":
      return config.ApplicationName === undefined
        ? undefined
        : `${CONSOLE}/codedeploy/home?region=${region}#/applications/${config.ApplicationName}`;
    case "CodeCommit":
      return config.RepositoryName === undefined
        ? undefined
        : `${CONSOLE}/codecommit/home?region=${region}#/repository/${config.RepositoryName}/browse/${config.BranchName ?? ""}/--/`;
    case "CodeStarSourceConnection":
      return config.ConnectionArn === undefined || config.FullRepositoryId === undefined
        ? undefined
        : connectionRedirectUrl(region, config.ConnectionArn, config.FullRepositoryId, {
            branch: config.BranchName ?? "",
          });
    case "S3":
      return action.actionTypeId.category === "Source" ? `${CONSOLE}/s3/home?#` : undefined;
    case "CloudFormation":
      return `${CONSOLE}/cloudformation/home?region=${region}#/`;
    default:
      return undefined;
  }
}
