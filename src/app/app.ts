import type { Context, Probot } from 'probot';
import { resolveAppDeps, type AppDeps, type AppRuntime } from './app-deps.js';
import { onCheckRunRerequested } from './on-check-run-rerequested.js';
import { onIssue } from './on-issue.js';
import { onIssueComment } from './on-issue-comment.js';
import { onPullRequest } from './on-pull-request.js';

export type { AppDeps } from './app-deps.js';

/**
 * The GitHub App: wiring only. Each event goes to its adapter in `on-*.ts`, once per delivery id
 * (Probot does not drop redeliveries; a delivery that failed is forgotten, so its redelivery counts);
 * adapters turn the payload into plain inputs and queue the work.
 */
export function createApp(deps: AppDeps = {}): (app: Probot) => void {
  return (app) => {
    const runtime = resolveAppDeps(deps, app.log);
    const once =
      <C extends Context>(handler: (context: C, runtime: AppRuntime) => unknown) =>
      async (context: C): Promise<void> => {
        if (!runtime.deliveries.first(context.id)) {
          context.log.info(`delivery ${context.id} seen before; ignored`);
          return;
        }
        try {
          await handler(context, runtime);
        } catch (error) {
          runtime.deliveries.forget(context.id); // a failed delivery may come again, under the same id
          throw error;
        }
      };
    app.on(['pull_request.opened', 'pull_request.reopened', 'pull_request.synchronize', 'pull_request.ready_for_review'], once(onPullRequest));
    app.on(['issues.opened', 'issues.labeled'], once(onIssue));
    app.on('issue_comment.created', once(onIssueComment));
    app.on('check_run.rerequested', once(onCheckRunRerequested));
  };
}
