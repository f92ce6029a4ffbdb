import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { postKeyOf, type Post } from '../domain/post';
import { plainErrorMessage } from '../domain/errors';
import { MessagingError, sendMessage } from '../messaging/client';
import type { TriageAtLog } from '../domain/triage';
import { caseKeys, invalidateCasesOf } from '../queries/cases';

export interface LogCaseInput {
  post: Post;
  brandIds: string[];
  /** What triage concluded, stored with a new case. */
  triage?: TriageAtLog;
}

/** Log one post as a case through the background; every view of cases re-reads afterwards. */
export const logCaseMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...caseKeys.all, 'log'],
    mutationFn: (input: LogCaseInput) => sendMessage('cases/log', input),
    onSuccess: (_answer, input) => invalidateCasesOf(queryClient, [postKeyOf(input.post.platform, input.post.postId)]),
  });

/** A sentence for the user, never an exception thrown into the page. */
export function describeError(error: unknown): string {
  const issue = error instanceof MessagingError ? error.issues[0] : undefined;
  const sentence = plainErrorMessage(error);
  return issue ? `${sentence} (${issue.path}: ${issue.message})` : sentence;
}
