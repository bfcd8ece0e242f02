/** A scenario whose map cannot be built; `issues` are sentences naming the path, like `states[3].territory[1]: ...`. */
export class MapBuildError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`the scenario's map cannot be built:\n${issues.join("\n")}`);
    this.name = "MapBuildError";
    this.issues = issues;
  }
}
