/** A custom action type for the designer's tests, as `aws codepipeline create-custom-action-type` takes it. */
export const JENKINS_TYPE = {
  category: "Build",
  provider: "TeamJenkins",
  version: "1",
  settings: { entityUrlTemplate: "https://jenkins.example/job/{Config:ProjectName}/" },
  configurationProperties: [
    {
      name: "ProjectName",
      required: true,
      key: true,
      secret: false,
      queryable: true,
      description: "The Jenkins job to run",
      type: "String",
    },
    { name: "ApiToken", required: false, key: false, secret: true, queryable: false, type: "String" },
  ],
  inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 1 },
};
