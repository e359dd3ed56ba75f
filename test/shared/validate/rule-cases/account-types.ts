import { specFromListing, type ListedActionType } from "../../../../shared/catalog/account-types";
import type { ActionTypeSpec } from "../../../../shared/catalog";
import { actionOf, edited, type CodeCases, type RuleCase } from "./case";

/** A custom build type as ListActionTypes lists it (the user guide's Jenkins example). */
export const JENKINS_LISTING: ListedActionType = {
  id: { category: "Build", owner: "Custom", provider: "MyJenkinsProviderName", version: "1" },
  settings: { entityUrlTemplate: "https://jenkins.example/job/{Config:ProjectName}/" },
  actionConfigurationProperties: [
    {
      name: "ProjectName",
      required: true,
      key: true,
      secret: false,
      queryable: true,
      description: "The Jenkins job",
    },
    { name: "Token", required: false, key: false, secret: true },
  ],
  inputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 5 },
};

/** The connected account's types, as the app passes them to the validator. */
export const ACCOUNT_TYPES: readonly ActionTypeSpec[] = [specFromListing(JENKINS_LISTING)!];

/** A case whose Build action is of the account's custom type, with `configuration`. */
export function customBuild(title: string, configuration: Record<string, string>): RuleCase {
  return {
    ...edited(title, (p) => {
      const action = actionOf(p, 1, 0);
      action["actionTypeId"] = { ...JENKINS_LISTING.id };
      action["configuration"] = configuration;
    }),
    options: { accountActionTypes: ACCOUNT_TYPES },
  };
}

/** Custom and partner action types the connected account lists. */
export const ACCOUNT_TYPE_CASES: Record<string, CodeCases> = {
  "queryable-value-invalid": {
    fail: [
      customBuild("a queryable value of 21 characters", { ProjectName: "a".repeat(21) }),
      customBuild("a queryable value with a slash", { ProjectName: "team/web" }),
      customBuild("a queryable value that is a variable reference", {
        ProjectName: "#{SourceVariables.BranchName}",
      }),
    ],
    pass: [
      customBuild("a queryable value of 20 letters, digits, _ and -", {
        ProjectName: "web_app-2026-release",
      }),
    ],
  },
};
