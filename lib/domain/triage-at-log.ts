import type { TriageAtLog } from '../messaging/protocol';
import type { TriageResult } from '../triage';

/** The protocol's limits on what is stored with a case. */
const MAX_EXPLANATION = 300;
const MAX_CUES = 20;
const MAX_CUE_LENGTH = 200;

/** `text`, cut to `max` characters with an ellipsis when longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What triage concluded, in the form cases/log stores with a new case. */
export function triageAtLog(triage: TriageResult): TriageAtLog {
  return {
    priority: triage.priority.priority,
    category: triage.category.category,
    snapshot: {
      complaint: triage.complaint.isComplaint,
      confidence: Math.min(1, Math.max(0, triage.complaint.confidence)),
      explanation: clip(triage.priority.explanation, MAX_EXPLANATION),
      cues: triage.complaint.cues.slice(0, MAX_CUES).map((cue) => clip(cue, MAX_CUE_LENGTH)),
    },
  };
}
